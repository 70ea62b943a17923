"""Synthetic article records, seeded, for writer benchmarks and fault tests.

The articles are invented (made-up names built from syllables) but shaped like
extracted news: a few people, institutions and places drawn from shared pools
(so the same actor recurs across articles and must merge), statements with and
without speakers, dated events claimed by them, roles and containing places.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Role,
    Statement,
    sha256_of,
)

__all__ = ["synthetic_records"]

_SYLLABLES = (
    "ka",
    "ro",
    "vel",
    "mi",
    "tan",
    "dor",
    "sa",
    "lin",
    "bre",
    "os",
    "ta",
    "gur",
    "ne",
    "vo",
    "li",
    "mar",
    "zen",
    "ul",
    "pe",
    "dra",
)
_TITLES = ("Defence Minister", "spokesman", "President", "Prime Minister", "commander")
_EVENT_TYPES = ("FIGHT", "ASSAULT", "RETREAT", "COERCE", "CONSULT", "PROTEST")
_CUES = ("said", "told reporters", "claimed", "denied", "announced")


def _name(rng: random.Random, parts: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(parts)
    )


def _pools(rng: random.Random) -> dict[str, list[tuple[str, str | None]]]:
    countries: list[tuple[str, str | None]] = [(_name(rng, 1), None) for _ in range(12)]
    return {
        "Person": [(_name(rng, 2), None) for _ in range(400)],
        "Organization": [(f"{_name(rng, 1)} Ministry", "ministry") for _ in range(80)],
        "Country": countries,
        "Place": [(_name(rng, 1), "town") for _ in range(300)],
    }


def synthetic_records(
    count: int, seed: int = 7, start: date = date(2020, 9, 27)
) -> Iterator[ArticleRecords]:
    """``count`` article records, the same for the same ``seed``."""
    rng = random.Random(seed)
    pools = _pools(rng)
    for i in range(count):
        published = start + timedelta(days=rng.randint(0, 60))
        text = f"synthetic article {seed}-{i} {rng.random()}"
        aid = f"syn{seed}-{i:06d}"
        entities: list[Entity] = []

        def pick(kind: str, eid: str) -> Entity:
            name, sub = rng.choice(pools[kind])
            if kind == "Country":
                return Entity(eid, name, "Place", kind="country", is_actor=True)
            return Entity(eid, name, kind, kind=sub)

        country = pick("Country", "e0")
        entities.append(country)
        for n in range(rng.randint(2, 4)):
            person = pick("Person", f"p{n}")
            if rng.random() < 0.5:
                person.roles.append(Role(rng.choice(_TITLES), of="e0"))
            entities.append(person)
        for n in range(rng.randint(1, 2)):
            entities.append(pick("Organization", f"o{n}"))
        for n in range(rng.randint(1, 3)):
            place = pick("Place", f"l{n}")
            place.part_of = "e0"
            entities.append(place)
        uniq: dict[str, Entity] = {}
        for e in entities:
            uniq.setdefault(e.key, e)
        entities = list(uniq.values())
        people = [e for e in entities if e.type == "Person"]
        actors = [e for e in entities if e.type != "Place" or e.is_actor]
        places = [e for e in entities if e.type == "Place"]
        statements = []
        for n in range(rng.randint(2, 5)):
            speaker = rng.choice(people) if rng.random() < 0.85 else None
            statements.append(
                Statement(
                    id=f"{aid}:s{n + 1}",
                    speaker=speaker.id if speaker else None,
                    speaker_name=speaker.name if speaker else "officials",
                    cue=rng.choice(_CUES),
                    mode=rng.choice(("direct", "indirect")),
                    text=f"claim {n} of article {i}",
                    said_on=published - timedelta(days=rng.randint(0, 2)),
                    said_on_precision="day",
                    via=[rng.choice(actors).id] if rng.random() < 0.3 else [],
                    about=[rng.choice(places).id],
                    polarity=rng.choice(("asserts", "asserts", "denies", "unconfirmed")),
                )
            )
        events = []
        for n in range(rng.randint(1, 3)):
            events.append(
                Event(
                    id=f"{aid}:v{n + 1}",
                    type=rng.choice(_EVENT_TYPES),
                    summary=f"event {n} of article {i}",
                    date=published - timedelta(days=rng.randint(0, 5)),
                    precision="day",
                    agents=[rng.choice(actors).id],
                    targets=[rng.choice(places).id],
                    places=[rng.choice(places).id],
                    counts={"killed": rng.randint(0, 9)} if rng.random() < 0.3 else {},
                    claimed_by=[rng.choice(statements).id],
                )
            )
        yield ArticleRecords(
            article=Article(
                id=aid,
                title=f"Synthetic report {i}",
                published=published,
                outlet="Synthetic Wire",
                text=text,
                sha256=sha256_of(text),
                source=f"synthetic:{i}",
            ),
            entities=entities,
            statements=statements,
            events=events,
        )
