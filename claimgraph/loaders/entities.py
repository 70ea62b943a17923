"""From a parsed document's entity spans to one Entity record per actor or place.

Mentions of one entity are clustered inside the article ("Ilham Aliyev" ...
"Aliyev"; "Azerbaijan's Defense Ministry" ... "the ministry"), named
canonically ("Azerbaijani Defense Ministry") so that keys are stable across
articles, and never merged across different people who share a surname: a
surname-only mention joins the most salient full name that ends with it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.loaders.entity_consistency import one_entity_per_name
from claimgraph.loaders.entity_table import EntityTable, Mention
from claimgraph.loaders.gazetteer import Gazetteer
from claimgraph.loaders.gazetteer import Place as GazPlace
from claimgraph.loaders.lexicon import (
    ARMED_GROUPS,
    BODIES,
    DEMONYMS,
    MEDIA,
    MINISTRY_FUNCTIONS,
    PLATFORMS,
)
from claimgraph.loaders.name_kinds import (
    adjective_of,
    named_like_a_site,
    named_like_an_organisation,
    organisation_around,
    titled_person,
)
from claimgraph.loaders.naming import demonyms, person_clusters, place_kind
from claimgraph.loaders.person_names import what_person_span_is
from claimgraph.loaders.places import strip_possessive
from claimgraph.schema.records import Entity, entity_key, normalise_name

__all__ = ["Mention", "EntityTable", "build_entities"]

_ADJECTIVES = {normalise_name(d) for d in DEMONYMS if not d.isupper()}
_FUNCTION = {normalise_name(a): f for f, alts in MINISTRY_FUNCTIONS.items() for a in (f, *alts)}
_FORCE_HEADS = {"forces", "army", "troops", "military", "soldiers"}
_ORG_KINDS = (
    ("ministry", "ministry"),
    ("service", "media"),
    ("army", "armed forces"),
    ("forces", "armed forces"),
    ("force", "armed forces"),
    ("troops", "armed forces"),
    ("military", "armed forces"),
    ("militia", "armed group"),
    ("parliament", "parliament"),
    ("government", "government"),
    ("group", "international body"),
    ("staff", "armed forces"),
    ("office", "agency"),
    ("agency", "agency"),
    ("committee", "agency"),
    ("council", "international body"),
)


def _clean(span: Span) -> tuple[int, int, str]:
    """Token bounds and text without a leading "the" and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and doc[end - 1].lower_ in {"'s", "’s"}:
        end -= 1
    text = doc[start:end].text.replace("’", "'")
    return start, end, strip_possessive(text)


def build_entities(doc: Doc, gaz: Gazetteer) -> EntityTable:
    """Cluster the document's entity spans into entities."""
    table = EntityTable()
    kept = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
    ents = [organisation_around(e) or e for e in doc.ents if e.label_ in kept]
    words = {t.text for t in doc if t.is_title}
    _find_countries(doc, ents, gaz, table, words)
    codes = {c for c in (table.get(eid).country for eid in table.countries.values()) if c}
    for tok in doc:  # "Azerbaijani" inside an organisation's name still says where we are
        if tok.is_title and tok.pos_ in {"PROPN", "ADJ"}:
            c = gaz.country(tok.text)
            if c is not None and c.country:
                codes.add(c.country)
    persons = person_clusters(doc, ents)
    for ent in ents:
        start, end, text = _clean(ent)
        if not text:
            continue
        found = _entity_for(doc, ent, start, end, text, gaz, table, persons, codes)
        if found is None:
            continue
        table.mark(found, ent.start, ent.end)
        table.mentions.append(Mention(ent.start, ent.end, ent.text, ent.label_, found.id))
    one_entity_per_name(table)
    return table


def _find_countries(
    doc: Doc, ents: list[Span], gaz: Gazetteer, table: EntityTable, words: set[str]
) -> None:
    """Countries named (gazetteer) or inferred: "X" with a demonym "Xn"/"Xi" used too."""
    for ent in ents:
        _s, _e, text = _clean(ent)
        plural_people = ent.label_ == "PERSON" and len(ent) == 1 and text.endswith("s")
        place = (
            gaz.country(text)
            if ent.label_ in {"GPE", "NORP", "LOC", "ORG"} or plural_people
            else None
        )
        if place is not None and place.kind == "country":
            country = table.add(
                "Place",
                place.name,
                "country",
                key=entity_key("Place", place.name, place.gid),
                alias=text if ent.label_ != "NORP" else None,
                is_actor=True,
                country=place.country,
                geonames_id=place.geonames_id,
            )
        elif ent.label_ in {"GPE", "LOC", "PERSON", "ORG"} and len(ent) <= 2 and text[:1].isupper():
            dems = demonyms(text) & words
            if not dems or gaz.lookup(text) and ent.label_ == "PERSON":
                continue
            country = table.add("Place", text, "country", is_actor=True)
            for d in dems:
                table.countries[normalise_name(d)] = country.id
        else:
            continue
        table.countries[normalise_name(text)] = country.id
        dem = gaz.demonym_of(country.country or "")
        if dem:
            table.countries[normalise_name(dem)] = country.id
    # Countries no gazetteer knows: a proper noun whose demonym the article uses.
    for tok in doc:
        if (
            tok.pos_ == "PROPN"
            and tok.is_title
            and normalise_name(tok.text) not in table.countries
            and tok.ent_type_ not in {"PERSON", ""} | set()
        ):
            dems = demonyms(tok.text) & words
            if dems and not gaz.lookup(tok.text):
                country = table.add("Place", tok.text, "country", is_actor=True)
                table.countries[normalise_name(tok.text)] = country.id
                for d in dems:
                    table.countries[normalise_name(d)] = country.id
    for dem, cc in gaz.demonyms.items():
        for eid in list(table.countries.values()):
            if table.get(eid).country == cc:
                table.countries.setdefault(dem, eid)


def _adjective(text: str) -> bool:
    """A country's adjective ("Syrian", "Swiss"), not its people in the plural ("Syrians")."""
    return text in DEMONYMS and not (text.endswith("s") and text[:-1] in DEMONYMS)


def _add_country(table: EntityTable, gaz: Gazetteer, place: GazPlace) -> Entity:
    p = place  # a gazetteer Place of kind country
    country = table.add(
        "Place",
        p.name,
        "country",
        key=entity_key("Place", p.name, p.gid),
        is_actor=True,
        country=p.country,
        geonames_id=p.geonames_id,
    )
    table.countries.setdefault(normalise_name(p.name), country.id)  # type: ignore[attr-defined]
    dem = gaz.demonym_of(p.country or "")  # type: ignore[attr-defined]
    if dem:
        table.countries.setdefault(normalise_name(dem), country.id)
    for d, cc in gaz.demonyms.items():
        if cc == p.country:  # type: ignore[attr-defined]
            table.countries.setdefault(d, country.id)
    return country


def assign_part_of(doc: Doc, table: EntityTable) -> None:
    """ "Goradiz, in the Fizuli district": the town is part of the district."""
    for m in table.mentions:
        place = table.get(m.entity)
        if place.type != "Place" or place.is_actor or place.part_of:
            continue
        i = m.end
        if i < len(doc) and doc[i].orth_ == ",":
            i += 1
        if i >= len(doc) or doc[i].lower_ not in {"in", "of"}:
            continue
        for j in range(i + 1, min(i + 5, len(doc))):
            outer = table.at(j)
            if outer is not None and outer.type == "Place" and outer.id != place.id:
                if outer.kind in {"district", "region", "province", "country", "area"}:
                    place.part_of = outer.id
                break


def _org_name(
    doc: Doc, start: int, end: int, text: str, table: EntityTable, gaz: Gazetteer
) -> tuple[str, str | None]:
    """Canonical organisation name and kind: "Azerbaijan's Defense Ministry" → "Azerbaijani Defense Ministry"."""
    words = text.split()
    low = normalise_name(text).split()
    country = None
    for w in re.split(r"\s+", text):
        c = table.country_of(w)
        if c is None and w[:1].isupper():
            place = gaz.country(w)
            if place is not None:  # a country named only inside the organisation's name
                c = _add_country(table, gaz, place)
        if c is not None:
            country = c
            name = strip_possessive(w)
            if name != c.name and (_adjective(name) or name not in DEMONYMS):
                table.add_alias(c, name)  # "U.S." of "U.S. Air Force" names the country too
            break
    kind = next((k for head, k in _ORG_KINDS if low and low[-1] == head or head in low[-2:]), None)
    state = {"ministry", "armed forces", "government", "parliament"}
    owner = doc[start] if start < end else None
    if (
        country is None
        and kind in state
        and owner is not None
        and owner.is_title
        and start + 1 < end
        and doc[start + 1].lower_ in {"'s", "’s"}
    ):
        # "Kestria's Health Ministry": only a country has ministries and armies
        country = table.add("Place", owner.text, "country", is_actor=True)
        table.countries.setdefault(normalise_name(owner.text), country.id)
    if country is None or kind not in state:
        return text, kind
    forms = [
        d
        for d, eid in table.countries.items()
        if eid == country.id and d != normalise_name(country.name) and not d.endswith(" s")
    ]
    # The adjective ("American"), not another name of the country ("America").
    dem = next((d for d in forms if d in _ADJECTIVES), forms[0] if forms else None)
    adjective = dem.title() if dem else adjective_of(country.name)
    if kind == "ministry":
        func = next((_FUNCTION[w] for w in low if w in _FUNCTION), None)
        if func is None:
            func = next(
                (
                    _FUNCTION[" ".join(low[i : i + 2])]
                    for i in range(len(low))
                    if " ".join(low[i : i + 2]) in _FUNCTION
                ),
                None,
            )
        return (f"{adjective} {func} Ministry" if func else f"{adjective} Ministry"), kind
    if kind == "armed forces":
        if low[-2:] == ["air", "force"]:
            return f"{adjective} Air Force", kind  # a service of the armed forces, not all of them
        return f"{adjective} Armed Forces", kind
    return f"{adjective} {words[-1].title()}", kind


def _entity_for(
    doc: Doc,
    ent: Span,
    start: int,
    end: int,
    text: str,
    gaz: Gazetteer,
    table: EntityTable,
    persons: dict[int, str],
    codes: set[str],
) -> Entity | None:
    label = ent.label_
    country = table.country_of(text)
    if label == "NORP":
        # Demonyms refer to their country; other groups are not actors here.
        if country is not None and _adjective(text):
            table.add_alias(country, text)  # "Kestrian" is a name of Kestria's node
        return country
    if country is not None and (
        label in {"GPE", "LOC", "ORG"}
        and len(text.split()) <= 3
        or label == "PERSON"
        and len(text.split()) == 1
    ):
        table.add_alias(country, text)
        return country
    if named_like_a_site(text) and ent.ent_id_ in {"", "institution"}:
        return table.add("Place", text, "site", key=entity_key("Place", text))
    if label == "PERSON":
        surnames = {n.split()[-1] for n in persons.values() if len(n.split()) > 1}
        what = what_person_span_is(doc, ent, text, table, surnames)
        if what == "person":
            return table.add("Person", persons.get(ent.start, text), alias=text)
        if what == "none":
            return None
        if what == "organization":
            return table.add("Organization", text, None)
        if what == "country":
            return table.add("Place", text, "country", is_actor=True)
        label = "GPE"  # a place: the gazetteer below decides which
    if label != "PERSON" and len(text.split()) == 1 and text[:1].isupper():
        # "…, said Quell" after "Marta Quell": the surname, whatever the tagger says
        bearer = next(
            (
                e
                for e in reversed(table.entities)
                if e.type == "Person" and len(e.name.split()) > 1 and e.name.split()[-1] == text
            ),
            None,
        )
        if bearer is not None:
            return bearer
    if label == "ORG" and titled_person(doc, start, end):
        # "Spokeswoman Marta Quell": a title and a name, not an institution
        name = doc[start + 1 : end].text
        return table.add("Person", persons.get(ent.start, name), alias=name)
    if label == "ORG":
        if ent.ent_id_ in MEDIA:
            return table.add("Organization", ent.ent_id_, "media", alias=text)
        if ent.ent_id_ in PLATFORMS:
            return table.add("Organization", ent.ent_id_, "platform", alias=text)
        if ent.ent_id_ in ARMED_GROUPS:
            return table.add("Organization", ent.ent_id_, "armed group", alias=text)
        if ent.ent_id_ in BODIES:
            return table.add("Organization", ent.ent_id_, "international body", alias=text)
        name, kind = _org_name(doc, start, end, text, table, gaz)
        if ent.ent_id_ == "service":
            kind = "media"
        fuller = _fuller_name(table, name)
        if fuller is not None:  # "the Contact Group" after "the Arvel Contact Group"
            table.add_alias(fuller, text)
            return fuller
        return table.add("Organization", name, kind, alias=text)
    if named_like_an_organisation(text, gaz):
        return table.add("Organization", text, None)
    place = gaz.best(text, codes)
    kind = place_kind(doc, ent)
    if place is not None and kind == "district":
        # "Fizuli district": the district, found under the city's canonical spelling too
        place = next(
            (p for p in [*gaz.lookup(text), *gaz.lookup(place.name)] if p.kind == "district"), place
        )
    # A name the gazetteer knows elsewhere is that place only when the
    # article's countries agree, or when it is big enough to be news anywhere
    # ("Tarnow" in a story set in fictional Varossa is not Tarnów in Poland).
    big = 1_000_000 if codes else 100_000
    if place is not None and (
        place.country in codes or place.population >= big or place.kind in {"country"}
    ):
        if (
            kind in {"district", "region", "province"}
            and ent.end < len(doc)
            and doc[ent.end].lower_ == kind
        ):
            alias = f"{text} {kind}"  # "Fizuli district", as analysts write it
            found = table.add(
                "Place",
                text,
                kind,
                key=entity_key("Place", text, place.gid),
                alias=alias,
                country=place.country,
                lat=place.lat,
                lon=place.lon,
                geonames_id=place.geonames_id,
            )
            return found
        return table.add(
            "Place",
            text,
            kind or place.kind,
            key=entity_key("Place", text, place.gid),
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            geonames_id=place.geonames_id,
            is_actor=place.kind == "country",
        )
    return table.add("Place", text, kind or "place", key=entity_key("Place", text), alias=None)


def _fuller_name(table: EntityTable, name: str) -> Entity | None:
    """The latest organisation whose name ends with this shorter one."""
    short = normalise_name(name).replace("defence", "defense").split()
    if not short or len(short) > 3:
        return None
    for e in reversed(table.entities):
        if e.type != "Organization":
            continue
        words = normalise_name(e.name).replace("defence", "defense").split()
        if len(words) > len(short) and words[-len(short) :] == short:
            return e
    return None
