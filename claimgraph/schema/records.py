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

from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import RecordError
from claimgraph.schema.claims import Event, Statement, TimeExpression
from claimgraph.schema.entities import Article, Entity, Renaming, Role
from claimgraph.schema.values import (
    ENTITY_TYPES,
    MODES,
    POLARITIES,
    PRECISIONS,
    article_id_for,
    entity_key,
    normalise_name,
    parse_date,
    parse_datetime,
    sha256_of,
)

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
    "sha256_of",
]


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
        if len(sids) != len(self.statements):
            raise RecordError(f"{where}: duplicate statement ids")
        if len({ev.id for ev in self.events}) != len(self.events):
            raise RecordError(f"{where}: duplicate event ids")

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
                    raise RecordError(
                        f"{where}: event {ev.id} claimed by unknown statement {sid!r}"
                    )
        for e in self.entities:
            check(
                [e.part_of, *(r.of for r in e.roles), *(r.to for r in e.renamed)], f"entity {e.id}"
            )
            check([r.by for r in e.renamed], f"entity {e.id}")


def records_to_json(batch: list[ArticleRecords]) -> dict[str, Any]:
    """The ``extract --format json`` document for a list of articles."""
    return {"articles": [r.to_json() for r in batch]}


def records_from_json(document: dict[str, Any]) -> list[ArticleRecords]:
    """Parse an ``extract --format json`` document."""
    if not isinstance(document, dict) or not isinstance(document.get("articles"), list):
        raise RecordError("expected an object with an 'articles' list")
    return [ArticleRecords.from_json(a) for a in document["articles"]]
