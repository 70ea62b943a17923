"""One name, one entity per article: what the tagger says of a name in most of
its mentions holds for all of them.

The small model types a name mention by mention, so an article may yield
"Airbus" five times as an organisation and once as a place, or "Northrop
Grumman" as a company and then as a person. A reader takes the name as one
thing. Two passes over the article's entities, once they are built:

* entities of the same name (normalised: "Apple Inc" and "Apple Inc.") but
  different types become one, of the type most of their mentions have (a
  country always wins: the gazetteer or the demonym said so);
* a short form of a place's name ("the Tigris" of "the Tigris River") is
  that place, whatever the tagger made of it;
* a short form of an organisation's name that no gazetteer knows as a place
  and that names no person (or that the tagger already took for an
  organisation of no known kind) joins that organisation: its name without the
  designator ("AirTran" of "AirTran Airways", "Aer Lingus" of "Aer Lingus
  Group") or its initials ("GAO" of "Government Accountability Office").
"""

from __future__ import annotations

from collections import Counter

from claimgraph.loaders.entity_table import EntityTable
from claimgraph.loaders.name_kinds import acronym
from claimgraph.schema.records import Entity, normalise_name

__all__ = ["one_entity_per_name"]

_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
# Words a place's name drops in later mentions: "the Tigris" of "the Tigris River".
_PLACE_DESIGNATORS = frozenset(
    """river lake sea valley mountains mountain desert island islands province governorate
    district region""".split()
)
# Words a company's name drops in later mentions.
_DESIGNATORS = frozenset(
    """inc corp corporation co company plc ltd llc ag sa nv group holdings airways airlines
    aircraft motors computer computers industries technologies systems electronics
    communications entertainment international news media""".split()
)


def one_entity_per_name(table: EntityTable) -> None:
    """Merge the article's entities that bear one name (see the module's docstring)."""
    mentions = Counter(m.entity for m in table.mentions)
    _same_name(table, mentions)
    _short_forms(table)
    _place_short_forms(table)


def _rank(e: Entity, order: int, mentions: Counter[str]) -> tuple[int, int, int]:
    country = e.type == "Place" and e.kind == "country"
    return (int(country), mentions[e.id], -order)


def _same_name(table: EntityTable, mentions: Counter[str]) -> None:
    groups: dict[str, list[Entity]] = {}
    for e in table.entities:
        groups.setdefault(normalise_name(e.name), []).append(e)
    for group in groups.values():
        if len(group) < 2 or len({e.type for e in group}) < 2:
            continue
        order = {e.id: i for i, e in enumerate(group)}
        # Most mentions wins; on a tie, the first (the article introduces a name
        # where it says most plainly what it is).
        kept = max(group, key=lambda e: _rank(e, order[e.id], mentions))
        for e in group:
            if e is not kept and e.type != kept.type:
                table.merge(e, kept)


def _leading_words(short: list[str], long: list[str]) -> bool:
    """ "AirTran" of "AirTran Airways", "Aer Lingus" of "Aer Lingus Group": a company
    named without its designator. ("Brandbergen" of "Brandbergen Mosque" is the town.)"""
    return (
        len(long) > len(short)
        and long[: len(short)] == short
        and all(w.lower().rstrip(".") in _DESIGNATORS for w in long[len(short) :])
    )


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL and w[:1].isupper())


def _unplaced(e: Entity) -> bool:
    """An entity whose type nothing but the tagger gave: a place no gazetteer knows,
    a one-word "person" with no full name behind it."""
    if e.type == "Place":
        return not e.geonames_id and not e.is_actor and e.kind in {None, "place"}
    return e.type == "Person" and len(e.name.split()) == 1


def _short_forms(table: EntityTable) -> None:
    orgs = [e for e in table.entities if e.type == "Organization" and len(e.name.split()) >= 2]
    orgs.sort(key=lambda o: -len(o.name.split()))  # the fullest name first
    if not orgs:
        return
    surnames = {e.name.split()[-1] for e in table.entities if e.type == "Person" and " " in e.name}
    gone: set[str] = set()
    for e in list(table.entities):
        named_by_initials = e.type == "Organization" and not e.kind and acronym(e.name)
        # "Apple" of "Apple Inc.": a company the tagger already typed, named without its designator
        org = e.type == "Organization" and not e.kind
        if not (_unplaced(e) or org) or e.name in surnames:
            continue
        words = e.name.split()
        long_form = next(
            (
                o
                for o in orgs
                if o is not e
                and o.id not in gone
                and (
                    _leading_words(words, o.name.split())
                    or (named_by_initials or _unplaced(e))
                    and len(words) == 1
                    and e.name.isupper()
                    and len(e.name) >= 2
                    and _initials(o.name) == e.name
                )
            ),
            None,
        )
        if long_form is not None:
            table.merge(e, long_form)  # "Ford" and "Ford Motors" both join "Ford Motors Co."
            gone.add(e.id)


def _place_short_forms(table: EntityTable) -> None:
    """ "the Tigris" after "the Tigris River": the tagger's body or person is the river."""
    places = {
        normalise_name(e.name): e
        for e in table.entities
        if e.type == "Place" and e.name.split()[-1].lower() in _PLACE_DESIGNATORS
    }
    if not places:
        return
    surnames = {e.name.split()[-1] for e in table.entities if e.type == "Person" and " " in e.name}
    for e in list(table.entities):
        if e.type not in {"Person", "Organization"} or e.kind or e.name in surnames:
            continue
        for head in _PLACE_DESIGNATORS:
            place = places.get(normalise_name(f"{e.name} {head}"))
            if place is not None:
                table.merge(e, place)
                break
