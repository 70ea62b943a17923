"""Sides: the country or armed group each actor of an article speaks or acts for.

A dispute is between sides, never within one: the Kestrian Foreign Ministry
and its spokeswoman are both Kestria, so a denial by one and an assertion by
the other is no dispute. The side of

- a country (a place that acts) is the country itself;
- an organisation is the country its name or its ``country`` code points at
  ("Kestrian Defence Ministry" -> Kestria); failing that, an armed group
  (militia, armed forces, rebels) is a side of its own; media, international
  bodies, NGOs and hospitals have none (whatever country their name gives);
- a person is the side of what they hold a role in (a ministry's spokesman
  is on the ministry's side), or of the country their title names.

Sides are computed from one article's records at write time (the writer
stores them on statements, events and actors), so they cost no query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.schema.records import ArticleRecords, Entity

__all__ = ["Side", "entity_sides", "name_stems"]

# Words of country names that say nothing about which country: "Republic of Varossa".
_NOT_NAMES = frozenset(
    {"republic", "federation", "kingdom", "united", "states", "state", "democratic", "people"}
)
# Organisation kinds and sectors that are a side of their own when no country claims them.
_ARMED = frozenset(
    {"armed forces", "militia", "armed group", "rebel", "rebels", "military", "insurgents"}
)
# Organisations that report, mediate or help, and so take no side, whatever
# country their name gives ("RFE/RL's Azerbaijani Service").
_NO_SIDE = frozenset(
    {"media", "platform", "agency", "international body", "ngo", "igo", "hospital", "news"}
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Side:
    """A side: the key of its node (country place or armed group) and its name."""

    key: str
    name: str


def name_stems(name: str) -> list[str]:
    """Lower-case words of a name that can identify a country (four letters or more)."""
    return [w for w in _WORD.findall(name.lower()) if len(w) >= 4 and w not in _NOT_NAMES]


def _names_country(word: str, country_word: str) -> bool:
    # "Kestrian" names "Kestria", "Iranian" names "Iran": a shared prefix of
    # nearly the whole country name (demonyms drop or change the last letters).
    n = 0
    for a, b in zip(word, country_word, strict=False):
        if a != b:
            break
        n += 1
    return n >= max(4, len(country_word) - 2)


def _is_country(e: Entity) -> bool:
    return e.type == "Place" and (e.kind == "country" or e.is_actor)


class _Sides:
    def __init__(self, records: ArticleRecords) -> None:
        self.records = records
        self.by_id = {e.id: e for e in records.entities}
        self.countries = [e for e in records.entities if _is_country(e)]
        # places of no known kind: countries when an adjective names them
        self.unknown = [e for e in records.entities if e.type == "Place" and not e.kind]
        self.memo: dict[str, Side | None] = {}

    def country_named_in(self, text: str) -> Side | None:
        words = name_stems(text)
        for c in self.countries:
            for cw in name_stems(c.name):
                if any(_names_country(w, cw) for w in words):
                    return Side(c.key, c.name)
        # "Kestrian Health Ministry" beside a "Kestria" the gazetteer does not
        # know: the adjective (longer than the name, sharing its stem) makes
        # it a country; "Dravik City Council" names a town, not a side.
        for c in self.unknown:
            for cw in name_stems(c.name):
                if any(w != cw and len(w) > len(cw) and _names_country(w, cw) for w in words):
                    return Side(c.key, c.name)
        return None

    def country_coded(self, code: str | None) -> Side | None:
        if not code:
            return None
        for c in self.countries:
            if c.country and c.country.upper() == code.upper():
                return Side(c.key, c.name)
        return None

    def of(self, entity_id: str, depth: int = 0) -> Side | None:
        if entity_id in self.memo:
            return self.memo[entity_id]
        self.memo[entity_id] = None  # cycles through roles end here
        e = self.by_id.get(entity_id)
        side = None if e is None or depth > 4 else self._compute(e, depth)
        self.memo[entity_id] = side
        return side

    def _compute(self, e: Entity, depth: int) -> Side | None:
        if _is_country(e):
            return Side(e.key, e.name)
        if e.type == "Place":
            return None
        if e.type == "Person":
            for role in e.roles:
                if role.of is not None:
                    side = self.of(role.of, depth + 1)
                    if side is not None:
                        return side
            for role in e.roles:
                side = self.country_named_in(role.title)
                if side is not None:
                    return side
            return None
        sector = getattr(e, "sector", None)
        if (e.kind or "").lower() in _NO_SIDE or (sector or "").lower() in _NO_SIDE:
            return None
        side = self.country_named_in(" ".join([e.name, *e.aliases])) or self.country_coded(
            e.country
        )
        if side is not None:
            return side
        if (e.kind or "").lower() in _ARMED or (sector or "").lower() in _ARMED:
            return Side(e.key, e.name)
        return None


def entity_sides(records: ArticleRecords) -> dict[str, Side]:
    """The side of every entity of the article that has one, by article-local id.

    Example:

        sides = entity_sides(records)
        sides["e3"]  # Side(key='place:kestria', name='Kestria') for "Kestrian Foreign Ministry"
    """
    finder = _Sides(records)
    out: dict[str, Side] = {}
    for e in records.entities:
        side = finder.of(e.id)
        if side is not None:
            out[e.id] = side
    return out
