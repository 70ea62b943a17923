"""From a parsed document's entity spans to one Entity record per actor or place.

Mentions of one entity are clustered inside the article ("Ilham Aliyev" ...
"Aliyev"; "Azerbaijan's Defense Ministry" ... "the ministry"), named
canonically ("Azerbaijani Defense Ministry") so that keys are stable across
articles, and never merged across different people who share a surname: a
surname-only mention joins the most salient full name that ends with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claimgraph.loaders.gazetteer import Gazetteer
from claimgraph.loaders.gazetteer import Place as GazPlace
from claimgraph.loaders.lexicon import BODIES, MEDIA, MINISTRY_FUNCTIONS, PLATFORMS
from claimgraph.loaders.naming import demonyms, person_clusters, place_kind
from claimgraph.loaders.places import strip_possessive
from claimgraph.schema.records import Entity, entity_key, normalise_name

__all__ = ["Mention", "EntityTable", "build_entities"]

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


@dataclass
class Mention:
    """One span of text referring to an entity."""

    start: int  # token offsets
    end: int
    text: str
    label: str  # spaCy label
    entity: str = ""  # entity id once clustered


@dataclass
class EntityTable:
    """Entities of one article and where they are mentioned.

    Stages change entities through its methods (``retype``, ``merge``,
    ``add_alias``, ``mark``), never by writing fields, so that the indexes by
    id, key and token stay true.
    """

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, str] = field(default_factory=dict)  # token index → entity id
    countries: dict[str, str] = field(default_factory=dict)  # normalised name/demonym → entity id
    _by_key: dict[str, Entity] = field(default_factory=dict)
    _by_id: dict[str, Entity] = field(default_factory=dict)

    def get(self, entity_id: str) -> Entity:
        """The entity with this id (``KeyError`` if there is none)."""
        return self._by_id[entity_id]

    def add(
        self,
        type_: str,
        name: str,
        kind: str | None = None,
        *,
        key: str = "",
        alias: str | None = None,
        **extra: object,
    ) -> Entity:
        """The entity with this key, created on first use."""
        key = key or entity_key(type_, name)
        found = self._by_key.get(key)
        if found is None:
            found = Entity(
                id=f"e{len(self.entities) + 1}",
                name=name,
                type=type_,
                kind=kind,
                key=key,
                **extra,  # type: ignore[arg-type]
            )
            self.entities.append(found)
            self._by_key[key] = found
            self._by_id[found.id] = found
        if alias:
            self.add_alias(found, alias)
        return found

    def add_alias(self, entity: Entity, alias: str) -> None:
        """Another name the entity goes by in this article."""
        if alias and alias != entity.name and alias not in entity.aliases:
            entity.aliases.append(alias)

    def mark(self, entity: Entity, start: int, end: int) -> None:
        """Tokens ``start``..``end`` mention ``entity``."""
        for i in range(start, end):
            self.by_token[i] = entity.id

    def retype(self, entity: Entity, type_: str, kind: str | None = None) -> Entity:
        """Give an entity another type (and kind); its key follows.

        When an entity of that type and name exists already, the two merge
        and the existing one is returned.
        """
        key = entity_key(type_, entity.name)
        other = self._by_key.get(key)
        if other is not None and other is not entity:
            return self.merge(entity, other)
        if self._by_key.get(entity.key) is entity:
            del self._by_key[entity.key]
        entity.type, entity.key = type_, key
        entity.kind = kind
        entity.is_actor = entity.is_actor and type_ == "Place"
        self._by_key[key] = entity
        return entity

    def merge(self, gone: Entity, kept: Entity) -> Entity:
        """``gone`` is the same entity as ``kept``: its mentions and names move over."""
        if gone is kept:
            return kept
        self.add_alias(kept, gone.name)
        for a in gone.aliases:
            self.add_alias(kept, a)
        for role in gone.roles:
            if role not in kept.roles:
                kept.roles.append(role)
        for i, eid in list(self.by_token.items()):
            if eid == gone.id:
                self.by_token[i] = kept.id
        for m in self.mentions:
            if m.entity == gone.id:
                m.entity = kept.id
        for name, eid in list(self.countries.items()):
            if eid == gone.id:
                self.countries[name] = kept.id
        for e in self.entities:
            if e.part_of == gone.id:
                e.part_of = kept.id
            for role in e.roles:
                if role.of == gone.id:
                    role.of = kept.id
        self.entities = [e for e in self.entities if e is not gone]
        if self._by_key.get(gone.key) is gone:
            del self._by_key[gone.key]
        self._by_id[gone.id] = kept  # ids handed out before still resolve
        return kept

    def at(self, token_i: int) -> Entity | None:
        """The entity mentioned at this token, if any."""
        eid = self.by_token.get(token_i)
        return self.get(eid) if eid else None

    def in_span(self, start: int, end: int) -> list[str]:
        """Ids of entities mentioned between two token offsets, in order, once each."""
        seen: dict[str, None] = {}
        for i in range(start, end):
            eid = self.by_token.get(i)
            if eid:
                seen.setdefault(eid, None)
        return list(seen)

    def country_of(self, word: str) -> Entity | None:
        """The country entity a name or demonym refers to."""
        eid = self.countries.get(normalise_name(strip_possessive(word)))
        return self.get(eid) if eid else None


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
    ents = [e for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}]
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
    return table


def _find_countries(
    doc: Doc, ents: list[Span], gaz: Gazetteer, table: EntityTable, words: set[str]
) -> None:
    """Countries named (gazetteer) or inferred: "X" with a demonym "Xn"/"Xi" used too."""
    for ent in ents:
        _s, _e, text = _clean(ent)
        place = gaz.country(text) if ent.label_ in {"GPE", "NORP", "LOC", "ORG"} else None
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
            break
    kind = next((k for head, k in _ORG_KINDS if low and low[-1] == head or head in low[-2:]), None)
    if country is None or kind not in {"ministry", "armed forces", "government", "parliament"}:
        return text, kind
    dem = next(
        (
            d
            for d, eid in table.countries.items()
            if eid == country.id and d != normalise_name(country.name) and not d.endswith(" s")
        ),
        None,
    )
    adjective = dem.title() if dem else country.name
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
        return country  # demonyms refer to their country; other groups are not actors here
    if country is not None and (
        label in {"GPE", "LOC", "ORG"}
        and len(text.split()) <= 3
        or label == "PERSON"
        and len(text.split()) == 1
    ):
        table.add_alias(country, text)
        return country
    if label == "PERSON":
        return table.add("Person", persons.get(ent.start, text), alias=text)
    if label == "ORG":
        if ent.ent_id_ in MEDIA:
            return table.add("Organization", ent.ent_id_, "media", alias=text)
        if ent.ent_id_ in PLATFORMS:
            return table.add("Organization", ent.ent_id_, "platform", alias=text)
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
    place = gaz.best(text, codes)
    kind = place_kind(doc, ent)
    if place is not None and kind == "district":
        # "Fizuli district": the district, found under the city's canonical spelling too
        place = next(
            (p for p in [*gaz.lookup(text), *gaz.lookup(place.name)] if p.kind == "district"), place
        )
    if place is not None and (
        place.country in codes
        or place.population >= 100_000
        or place.kind in {"region", "country", "area"}
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
