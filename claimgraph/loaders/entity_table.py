"""The entities of one article and where they are mentioned: the table every
extraction stage reads and changes through its methods."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.loaders.places import strip_possessive
from claimgraph.schema.records import Entity, entity_key, normalise_name

__all__ = ["Mention", "EntityTable"]


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
                # Merged-away ids stay in the index, so ids are never handed out twice.
                id=f"e{len(self._by_id) + 1}",
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
        key = normalise_name(strip_possessive(word))
        eid = self.countries.get(key)
        if eid is None and key.endswith("s"):  # "Syrians": the people of Syria
            eid = self.countries.get(key[:-1])
        return self.get(eid) if eid else None
