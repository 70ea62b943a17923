"""Record types: the contract between extraction and the graph.

The same records serialise to the JSON that ``claimgraph extract --format json``
prints and load back with ``claimgraph load --records``, so an extraction can
be checked, edited by hand or produced by another tool without touching the
database. Serialisation lives here once: ``to_json()`` and ``from_json()`` on
each type, and ``to_params()`` for the Cypher writer.

Ids inside one extracted article (``Entity.id``) are local labels such as
``"e3"``; ``Entity.key`` is the stable cross-article key the graph merges on.
Statement and event ids are global (``<article id>:s1``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from claimgraph.errors import RecordError

__all__ = [
    "ENTITY_TYPES",
    "MODES",
    "POLARITIES",
    "PRECISIONS",
    "Article",
    "Entity",
    "Role",
    "Renaming",
    "Statement",
    "Event",
    "TimeExpression",
    "ArticleRecords",
    "article_id_for",
    "entity_key",
    "normalise_name",
    "parse_date",
    "parse_datetime",
    "records_to_json",
    "records_from_json",
]

ENTITY_TYPES = ("Person", "Organization", "Place")
MODES = ("direct", "indirect", "mixed")
POLARITIES = ("asserts", "denies", "unconfirmed")
# How exact a date is. ``part_of_day`` covers "early on October 4", "overnight".
PRECISIONS = ("day", "part_of_day", "week", "month", "year", "decade", "range")


# ---------------------------------------------------------------- helpers


def parse_date(value: Any, what: str = "date") -> date | None:
    """Parse ``YYYY-MM-DD`` (or a ``date``) strictly; ``None`` and ``""`` stay ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise RecordError(f"invalid {what} {value!r}: expected YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError as e:
        raise RecordError(f"invalid {what} {value!r}: {e}") from e
    if parsed.year < 1:
        raise RecordError(f"invalid {what} {value!r}: year 0")
    return parsed


def parse_datetime(value: Any, what: str = "datetime") -> datetime | None:
    """Parse an ISO 8601 datetime; naive values are taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError as e:
            raise RecordError(f"invalid {what} {value!r}: {e}") from e
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for keys and lookups."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").lower()
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"[\s_-]+", " ", text)
    return text.strip()


def entity_key(type_: str, name: str, gazetteer_id: str | None = None) -> str:
    """The stable cross-article key of an entity.

    A gazetteer id wins when known (two spellings of one town become one node);
    otherwise the canonical name and the type (Ilham Aliyev and Kamran Aliyev
    stay two people).
    """
    if gazetteer_id:
        return f"place:{gazetteer_id}"
    return f"{type_.lower()}:{normalise_name(name)}"


def article_id_for(text: str) -> str:
    """Article id from the hash of the whitespace-normalised text."""
    return sha256_of(text)[:16]


def sha256_of(text: str) -> str:
    """SHA-256 of the whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _require(data: dict[str, Any], name: str, what: str) -> Any:
    if name not in data or data[name] is None or data[name] == "":
        raise RecordError(f"{what}: missing field {name!r}")
    return data[name]


def _choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise RecordError(f"{what}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _precision(value: Any, what: str) -> str | None:
    if value is None:
        return None
    return _choice(value, PRECISIONS, what)


def _ints(value: Any, what: str) -> dict[str, int]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise RecordError(f"{what}: counts must be an object")
    out: dict[str, int] = {}
    for k, v in value.items():
        if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
            raise RecordError(f"{what}: count {k!r} must be a non-negative number")
        out[str(k)] = int(v)
    return out


def _strs(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"{what}: expected a list of strings")
    return list(value)


# ---------------------------------------------------------------- records


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
        return {
            "id": self.id,
            "title": self.title,
            "published": _iso(self.published),
            "outlet": self.outlet,
            "url": self.url,
            "sha256": self.sha256,
            "source": self.source,
            "text": self.text,
            "loaded_at": _iso(self.loaded_at),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(_require(data, "id", "article")),
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
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "sha256": self.sha256,
            "source": self.source,
        }


@dataclass
class Role:
    """A title a person holds: "Defense Minister" of Azerbaijan."""

    title: str
    of: str | None = None  # entity id of the institution or country
    since: date | None = None
    until: date | None = None

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "of": self.of, "since": _iso(self.since), "until": _iso(self.until)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Role:
        return cls(
            title=str(_require(data, "title", "role")),
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
        return {"to": self.to, "on": _iso(self.on), "by": self.by}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Renaming:
        return cls(
            to=str(_require(data, "to", "renaming")),
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

    def __post_init__(self) -> None:
        _choice(self.type, ENTITY_TYPES, f"entity {self.name!r} type")
        if not self.key:
            gid = f"geonames:{self.geonames_id}" if self.geonames_id else None
            self.key = entity_key(self.type, self.name, gid)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "key": self.key,
            "is_actor": self.is_actor,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "part_of": self.part_of,
            "roles": [r.to_json() for r in self.roles],
            "renamed": [r.to_json() for r in self.renamed],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        name = str(_require(data, "name", "entity"))
        what = f"entity {name!r}"
        return cls(
            id=str(_require(data, "id", what)),
            name=name,
            type=_choice(data.get("type"), ENTITY_TYPES, f"{what} type"),
            kind=data.get("kind"),
            aliases=_strs(data.get("aliases"), f"{what} aliases"),
            key=data.get("key") or "",
            is_actor=bool(data.get("is_actor", False)),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            geonames_id=str(data["geonames_id"]) if data.get("geonames_id") else None,
            part_of=data.get("part_of"),
            roles=[Role.from_json(r) for r in data.get("roles") or []],
            renamed=[Renaming.from_json(r) for r in data.get("renamed") or []],
        )

    @property
    def labels(self) -> list[str]:
        """Neo4j labels, from a fixed whitelist."""
        if self.type == "Place":
            return ["Place", "Actor"] if self.is_actor else ["Place"]
        return ["Actor", self.type]

    def to_params(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "aliases": sorted({self.name, *self.aliases}),
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
        }


@dataclass
class Statement:
    """One attributed claim in one article: who said what, when, through whom."""

    id: str
    speaker: str | None  # entity id, or None when the speaker is unnamed
    speaker_name: str | None
    cue: str | None
    mode: str
    text: str
    quote: str | None = None
    said_on: date | None = None
    said_on_precision: str | None = None
    said_on_anchor: str | None = None
    via: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    polarity: str = "asserts"
    sentence: str = ""
    start: int = 0
    end: int = 0
    by_outlet: bool = False  # the article's own claim, attributed to the outlet

    def __post_init__(self) -> None:
        _choice(self.mode, MODES, f"statement {self.id} mode")
        _choice(self.polarity, POLARITIES, f"statement {self.id} polarity")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "cue": self.cue,
            "mode": self.mode,
            "text": self.text,
            "quote": self.quote,
            "said_on": _iso(self.said_on),
            "said_on_precision": self.said_on_precision,
            "said_on_anchor": self.said_on_anchor,
            "via": list(self.via),
            "about": list(self.about),
            "polarity": self.polarity,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "by_outlet": self.by_outlet,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statement:
        sid = str(_require(data, "id", "statement"))
        what = f"statement {sid}"
        return cls(
            id=sid,
            speaker=data.get("speaker"),
            speaker_name=data.get("speaker_name"),
            cue=data.get("cue"),
            mode=_choice(data.get("mode"), MODES, f"{what} mode"),
            text=str(_require(data, "text", what)),
            quote=data.get("quote"),
            said_on=parse_date(data.get("said_on"), f"{what} said_on"),
            said_on_precision=_precision(data.get("said_on_precision"), f"{what} said_on_precision"),
            said_on_anchor=data.get("said_on_anchor"),
            via=_strs(data.get("via"), f"{what} via"),
            about=_strs(data.get("about"), f"{what} about"),
            polarity=_choice(data.get("polarity", "asserts"), POLARITIES, f"{what} polarity"),
            sentence=data.get("sentence") or "",
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
            by_outlet=bool(data.get("by_outlet", False)),
        )

    def to_params(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "quote": self.quote,
            "cue": self.cue,
            "mode": self.mode,
            "said_on": self.said_on,
            "said_on_precision": self.said_on_precision,
            "said_on_anchor": self.said_on_anchor,
            "polarity": self.polarity,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "by_outlet": self.by_outlet,
            "speaker_name": self.speaker_name,
        }


@dataclass
class Event:
    """A dated action, as claimed by one or more statements of one article."""

    id: str
    type: str
    summary: str
    date: dt.date | None = None  # ``dt.``: the field name shadows the type
    date_end: dt.date | None = None
    precision: str | None = None
    date_anchor: str | None = None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    claimed_by: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "summary": self.summary,
            "date": _iso(self.date),
            "date_end": _iso(self.date_end),
            "precision": self.precision,
            "date_anchor": self.date_anchor,
            "agents": list(self.agents),
            "targets": list(self.targets),
            "places": list(self.places),
            "counts": dict(self.counts),
            "claimed_by": list(self.claimed_by),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        eid = str(_require(data, "id", "event"))
        what = f"event {eid}"
        return cls(
            id=eid,
            type=str(_require(data, "type", what)),
            summary=data.get("summary") or "",
            date=parse_date(data.get("date"), f"{what} date"),
            date_end=parse_date(data.get("date_end"), f"{what} date_end"),
            precision=_precision(data.get("precision"), f"{what} precision"),
            date_anchor=data.get("date_anchor"),
            agents=_strs(data.get("agents"), f"{what} agents"),
            targets=_strs(data.get("targets"), f"{what} targets"),
            places=_strs(data.get("places"), f"{what} places"),
            counts=_ints(data.get("counts"), what),
            claimed_by=_strs(data.get("claimed_by"), f"{what} claimed_by"),
        )

    def to_params(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "summary": self.summary,
            "date": self.date,
            "date_end": self.date_end,
            "precision": self.precision,
            "date_anchor": self.date_anchor,
            # Neo4j properties cannot hold maps: each count becomes its own
            # property (``count_killed``), set with ``SET e += row.counts``.
            "counts": {f"count_{re.sub(r'[^a-z0-9_]', '_', k.lower())}": v for k, v in self.counts.items()},
        }


@dataclass
class TimeExpression:
    """A date or time expression found in the text, normalised against an anchor."""

    text: str
    start: int
    end: int
    value: str | None  # ISO 8601: 2020-10-04, 2020-10, 2020-W40, 1990s, 2020-09-27/2020-10-04
    precision: str | None
    anchor: str | None  # "published:2020-10-04", "mention:2020-10-03@812", ...

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "precision": self.precision,
            "anchor": self.anchor,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TimeExpression:
        return cls(
            text=str(_require(data, "text", "time")),
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
            value=data.get("value"),
            precision=data.get("precision"),
            anchor=data.get("anchor"),
        )


@dataclass
class ArticleRecords:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.to_json(),
            "entities": [e.to_json() for e in self.entities],
            "statements": [s.to_json() for s in self.statements],
            "events": [e.to_json() for e in self.events],
            "times": [t.to_json() for t in self.times],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleRecords:
        if not isinstance(data, dict) or "article" not in data:
            raise RecordError("article record: missing field 'article'")
        records = cls(
            article=Article.from_json(data["article"]),
            entities=[Entity.from_json(e) for e in data.get("entities") or []],
            statements=[Statement.from_json(s) for s in data.get("statements") or []],
            events=[Event.from_json(e) for e in data.get("events") or []],
            times=[TimeExpression.from_json(t) for t in data.get("times") or []],
        )
        records.check_references()
        return records

    def entity(self, entity_id: str) -> Entity:
        """The entity with this article-local id."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise RecordError(f"article {self.article.id}: unknown entity id {entity_id!r}")

    def check_references(self) -> None:
        """Every id a statement, event or entity points at exists in this article."""
        ids = {e.id for e in self.entities}
        if len(ids) != len(self.entities):
            raise RecordError(f"article {self.article.id}: duplicate entity ids")
        sids = {s.id for s in self.statements}
        where = f"article {self.article.id}"

        def check(refs: list[str | None], what: str) -> None:
            for ref in refs:
                if ref is not None and ref not in ids:
                    raise RecordError(f"{where}: {what} refers to unknown entity {ref!r}")

        for s in self.statements:
            check([s.speaker, *s.via, *s.about], f"statement {s.id}")
        for ev in self.events:
            check([*ev.agents, *ev.targets, *ev.places], f"event {ev.id}")
            for sid in ev.claimed_by:
                if sid not in sids:
                    raise RecordError(f"{where}: event {ev.id} claimed by unknown statement {sid!r}")
        for e in self.entities:
            check([e.part_of, *(r.of for r in e.roles), *(r.to for r in e.renamed)], f"entity {e.id}")
            check([r.by for r in e.renamed], f"entity {e.id}")


def records_to_json(batch: list[ArticleRecords]) -> dict[str, Any]:
    """The ``extract --format json`` document for a list of articles."""
    return {"articles": [r.to_json() for r in batch]}


def records_from_json(document: dict[str, Any]) -> list[ArticleRecords]:
    """Parse an ``extract --format json`` document."""
    if not isinstance(document, dict) or not isinstance(document.get("articles"), list):
        raise RecordError("expected an object with an 'articles' list")
    return [ArticleRecords.from_json(a) for a in document["articles"]]
