"""Record types for documents and entities: Article, Entity, Role, Renaming."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from claimgraph.schema.model import MODEL
from claimgraph.schema.values import (
    ENTITY_TYPES,
    SECTORS,
    choice,
    entity_key,
    parse_date,
    parse_datetime,
    record_json,
    require,
    strs,
)

__all__ = ["Article", "Entity", "Renaming", "Role"]

# The node properties taken from each record as they are (the data model's).
_ARTICLE_FIELDS = MODEL.node("Article").record_fields
_ARTICLE_VALUES = attrgetter(*_ARTICLE_FIELDS)
_ENTITY_FIELDS = MODEL.entity.record_fields
_ENTITY_VALUES = attrgetter(*_ENTITY_FIELDS)


@dataclass
class Article:
    """One source document. ``published`` is the anchor for relative dates."""

    id: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    sha256: str | None = None
    source: str | None = None  # file path (and line) it was read from
    text: str | None = None  # kept in JSON for offsets; not stored in the graph
    loaded_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(require(data, "id", "article")),
            title=data.get("title"),
            published=parse_date(data.get("published"), "article published date"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            sha256=data.get("sha256"),
            source=data.get("source"),
            text=data.get("text"),
            loaded_at=parse_datetime(data.get("loaded_at"), "article loaded_at"),
        )

    def to_params(self) -> dict[str, Any]:
        """The article node's properties that come from the record (``schema.model``)."""
        return dict(zip(_ARTICLE_FIELDS, _ARTICLE_VALUES(self), strict=True))


@dataclass
class Role:
    """A title a person holds: "Defense Minister" of Azerbaijan."""

    title: str
    of: str | None = None  # entity id of the institution or country
    since: date | None = None
    until: date | None = None

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Role:
        return cls(
            title=str(require(data, "title", "role")),
            of=data.get("of"),
            since=parse_date(data.get("since"), "role since"),
            until=parse_date(data.get("until"), "role until"),
        )


@dataclass
class Renaming:
    """A place renamed: Madagiz -> Sugovushan on 2020-10-03 by Ilham Aliyev."""

    to: str  # entity id of the new name's place
    on: date | None = None
    by: str | None = None  # entity id of who renamed it

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Renaming:
        return cls(
            to=str(require(data, "to", "renaming")),
            on=parse_date(data.get("on"), "renaming date"),
            by=data.get("by"),
        )


@dataclass
class Entity:
    """A person, organisation or place met in one article.

    ``is_actor`` marks places that also act (countries): ``:Place:Actor``.
    """

    id: str
    name: str
    type: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    key: str = ""
    is_actor: bool = False
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: str | None = None
    part_of: str | None = None  # entity id of the containing place
    roles: list[Role] = field(default_factory=list)
    renamed: list[Renaming] = field(default_factory=list)
    sector: str | None = None  # government, military, police, rebel, civilian, media, IGO, ...

    def __post_init__(self) -> None:
        choice(self.type, ENTITY_TYPES, f"entity {self.name!r} type")
        if self.sector is not None:
            choice(self.sector, SECTORS, f"entity {self.name!r} sector")
        if not self.key:
            gid = f"geonames:{self.geonames_id}" if self.geonames_id else None
            self.key = entity_key(self.type, self.name, gid)

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        name = str(require(data, "name", "entity"))
        what = f"entity {name!r}"
        return cls(
            id=str(require(data, "id", what)),
            name=name,
            type=choice(data.get("type"), ENTITY_TYPES, f"{what} type"),
            kind=data.get("kind"),
            aliases=strs(data.get("aliases"), f"{what} aliases"),
            key=data.get("key") or "",
            is_actor=bool(data.get("is_actor", False)),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            geonames_id=str(data["geonames_id"]) if data.get("geonames_id") else None,
            part_of=data.get("part_of"),
            roles=[Role.from_json(r) for r in data.get("roles") or []],
            renamed=[Renaming.from_json(r) for r in data.get("renamed") or []],
            sector=choice(data["sector"], SECTORS, f"{what} sector")
            if data.get("sector")
            else None,
        )

    def set_code(self, country: str | None, sector: str | None) -> None:
        """Code the actor: ``country`` (ISO-3166 alpha-3 or our own X.. code) and ``sector``."""
        if sector is not None:
            choice(sector, SECTORS, f"entity {self.name!r} sector")
        self.country = country
        self.sector = sector

    @property
    def labels(self) -> list[str]:
        """Neo4j labels, from a fixed whitelist."""
        if self.type == "Place":
            return ["Place", "Actor"] if self.is_actor else ["Place"]
        return ["Actor", self.type]

    def to_params(self) -> dict[str, Any]:
        """The entity node's properties that come from the record; its name is one of its aliases."""
        params = dict(zip(_ENTITY_FIELDS, _ENTITY_VALUES(self), strict=True))
        params["aliases"] = sorted({self.name, *self.aliases})
        return params
