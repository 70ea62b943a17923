"""Parameter rows for the batch writer: ``ArticleRecords`` to plain dicts.

Nothing here touches the database, so everything the writer sends can be
checked in unit tests. Rows reference nodes by their constrained key
(``Article.id``, ``Statement.id``, ``Event.id``, ``Actor.key``, ``Place.key``);
article-local entity ids are resolved to keys here.

Relationship endpoints are matched on the label that carries the key
constraint: ``Place`` for places (countries included), ``Actor`` for people
and organisations; ``SAID``, ``VIA`` and ``BY`` always match ``Actor``. A place that speaks, is a channel or
is named as an event's agent becomes ``:Place:Actor``, like a country, because
``SAID``, ``VIA`` and ``BY`` point at actors.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import RecordError
from claimgraph.graph.incident_rules import category
from claimgraph.graph.sides import Side, entity_sides
from claimgraph.graph.writer_incident_rows import IncidentFacts
from claimgraph.schema.model import MODEL, DataModel, fill_entity, new_entity
from claimgraph.schema.records import ArticleRecords, Entity, entity_key, sha256_of

__all__ = [
    "ENTITY_LABEL_SETS",
    "EDGE_ENDPOINTS",
    "ArticleRows",
    "BatchRows",
    "article_rows",
    "batch_rows",
    "content_hash",
    "fold_entity_rows",
    "merge_edge_rows",
    "IDENTIFIED_TYPES",
    "outlet_key",
]

# From the data model (``schema/model``): the only label combinations an
# entity node may get, and relationship type -> (allowed start labels, allowed
# end labels). These are the only labels and types the writer can create.
ENTITY_LABEL_SETS: tuple[tuple[str, ...], ...] = MODEL.entity_label_sets
EDGE_ENDPOINTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = MODEL.endpoints

EdgeKey = tuple[str, str, str]  # (type, start label, end label)


def outlet_key(outlet: str) -> str:
    """The key of the organisation node of a news outlet."""
    return entity_key("Organization", outlet)


def content_hash(records: ArticleRecords) -> str:
    """What decides whether a reload is a no-op: the article's sha256.

    Records from other tools may lack it; then the text's hash, or failing
    that the hash of the records themselves, stands in.
    """
    article = records.article
    if article.sha256:
        return article.sha256
    if article.text:
        return sha256_of(article.text)
    body = records.to_json()
    body["article"].pop("loaded_at", None)
    return sha256_of(json.dumps(body, sort_keys=True))


@dataclass
class ArticleRows:
    """The rows of one article, ready to be merged into a batch."""

    id: str
    sha256: str
    source: str | None
    article: dict[str, Any]
    entities: dict[tuple[str, ...], list[dict[str, Any]]]
    statements: list[dict[str, Any]]
    events: list[dict[str, Any]]
    edges: dict[EdgeKey, list[dict[str, Any]]]

    @property
    def number_of_statements(self) -> int:
        return len(self.statements)

    @property
    def number_of_events(self) -> int:
        return len(self.events)


@dataclass
class BatchRows:
    """Rows of several articles, grouped by the query that writes them."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[tuple[str, ...], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    statements: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    edges: dict[EdgeKey, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rows: ArticleRows) -> None:
        self.articles.append(rows.article)
        for labels, entity_rows in rows.entities.items():
            self.entities[labels].extend(entity_rows)
        self.statements.extend(rows.statements)
        self.events.extend(rows.events)
        for key, edge_rows in rows.edges.items():
            self.edges[key].extend(edge_rows)


def batch_rows(articles: list[ArticleRows]) -> BatchRows:
    """Combine the rows of several articles for one transaction.

    Entity rows with the same key are folded into one (``fold_entity_rows``),
    so a person quoted in fifty articles of the batch is merged once.
    """
    batch = BatchRows()
    for rows in articles:
        batch.add(rows)
    for labels, entity_rows in batch.entities.items():
        batch.entities[labels] = fold_entity_rows(entity_rows)
    return batch


def fold_entity_rows(rows: list[dict[str, Any]], model: DataModel = MODEL) -> list[dict[str, Any]]:
    """One row per key, with the effect of merging the rows one after another.

    The entity query keeps the first name, fills each property from the first
    row that has it, and appends aliases and titles not seen yet (the model's
    merge rule, ``schema.model.fill_entity``); folding the rows in order here
    gives the same node in one MERGE instead of many.
    """
    folded: dict[str, dict[str, Any]] = {}
    for row in rows:
        into = folded.get(row["key"])
        if into is None:
            folded[row["key"]] = new_entity(row, model)
        else:
            fill_entity(into, row, model)
    return list(folded.values())


def _edge_merging(model: DataModel) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Type -> (identity properties, how a later row changes the others: set, fill or not)."""
    out: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for rel in model.relationships:
        others = [p for p in rel.properties if p.name not in rel.identity]
        out[rel.type] = (rel.identity, ("set" if rel.created else "fill") if others else None)
    return out


_EDGE_MERGING = _edge_merging(MODEL)
# Created relationships told apart by properties (ROLE): one per identity, not per row.
IDENTIFIED_TYPES = frozenset(r.type for r in MODEL.relationships if r.created and r.identity)


def merge_edge_rows(type_: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per relationship the rows of one article (or batch) make, in order.

    Rows with the same ends (and the same identity properties: a ``ROLE``'s
    title and article) are one relationship, as the writer's queries make
    it: a created one takes its other properties from the last row (``SET``),
    a merged one keeps the first value of each (``coalesce``).
    """
    identity, change = _EDGE_MERGING[type_]
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for edge in rows:
        ident = (
            (edge["from"], edge["to"], *[edge[p] for p in identity])
            if identity
            else (edge["from"], edge["to"])
        )
        known = merged.get(ident)
        if known is None:
            merged[ident] = dict(edge) if change else edge
        elif change == "set":
            known.update(edge)  # SET r.since = row.since: the last row wins
        elif change == "fill":
            for name, value in edge.items():
                if known.get(name) is None:
                    known[name] = value
    return list(merged.values())


# The label each entity is matched on: a country (:Place:Actor) is matched
# as a place where either would do.
_MATCH_LABEL = {labels: MODEL.match_label(labels) for labels in ENTITY_LABEL_SETS}

# An entity row with every property of the model, none set: what the outlet's row starts from.
_NO_ENTITY = {p.name: None for p in MODEL.entity.properties}


def _entity_row(entity: Entity, side: Side | None) -> dict[str, Any]:
    row = entity.to_params()
    row["titles"] = sorted({r.title for r in entity.roles if r.of is None})
    row["side"] = side.key if side else None
    row["side_name"] = side.name if side else None
    return row


class _Builder:
    """Collects the rows of one article; checks labels and types as it goes."""

    def __init__(self, records: ArticleRecords) -> None:
        records.check_references()
        self.records = records
        self.aid = records.article.id
        self.labels: dict[str, tuple[str, ...]] = {}
        self.keys: dict[str, str] = {}
        self.sides = entity_sides(records)
        self.edges: dict[EdgeKey, list[dict[str, Any]]] = defaultdict(list)
        acting = self._acting_entities()
        for e in records.entities:
            labels = tuple(e.labels)
            if labels == ("Place",) and e.id in acting:
                labels = ("Place", "Actor")
            if labels not in ENTITY_LABEL_SETS:
                raise RecordError(
                    f"article {self.aid}: entity {e.name!r} has labels {labels!r}, not allowed"
                )
            self.labels[e.id] = labels
            self.keys[e.id] = e.key

    def _acting_entities(self) -> set[str]:
        acting: set[str] = set()
        for s in self.records.statements:
            if s.speaker:
                acting.add(s.speaker)
            acting.update(s.via)
        for ev in self.records.events:
            acting.update(ev.agents)
        return acting

    def edge(self, type_: str, start: tuple[str, str], end: tuple[str, str], **props: Any) -> None:
        """Queue one relationship; ``start``/``end`` are (match label, key or id)."""
        allowed_start, allowed_end = EDGE_ENDPOINTS[type_]
        if start[0] not in allowed_start or end[0] not in allowed_end:
            return  # e.g. AT pointing at a person: not a place, no edge
        row: dict[str, Any] = {"from": start[1], "to": end[1]}
        if props:
            row.update(props)
        self.edges[(type_, start[0], end[0])].append(row)

    def entity_end(self, entity_id: str) -> tuple[str, str]:
        return _MATCH_LABEL[self.labels[entity_id]], self.keys[entity_id]

    def build(self) -> ArticleRows:
        records, aid = self.records, self.aid
        article = records.article
        sha = content_hash(records)
        props = article.to_params()
        props.pop("id")
        props["sha256"] = sha
        entities: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for e in records.entities:
            entities[self.labels[e.id]].append(_entity_row(e, self.sides.get(e.id)))
        outlet = outlet_key(article.outlet) if article.outlet else None
        if article.outlet and outlet:
            entities[("Actor", "Organization")].append(
                {
                    **_NO_ENTITY,
                    "key": outlet,
                    "name": article.outlet,
                    "kind": "media",
                    "aliases": [article.outlet],
                    "sector": "media",
                    "titles": [],
                }
            )
            self.edge("PUBLISHED_BY", ("Article", aid), ("Actor", outlet))
        self._entity_edges()
        statements = []
        for s in records.statements:
            row = s.to_params()
            row["article"] = aid
            side = self.sides.get(s.speaker) if s.speaker else None
            row["side"] = side.key if side else None
            row["side_name"] = side.name if side else None
            statements.append(row)
            self.edge("REPORTED_IN", ("Statement", s.id), ("Article", aid))
            if s.speaker:
                self.edge("SAID", ("Actor", self.keys[s.speaker]), ("Statement", s.id))
            elif s.by_outlet and outlet:
                self.edge("SAID", ("Actor", outlet), ("Statement", s.id))
            for ref in s.via:
                self.edge("VIA", ("Statement", s.id), ("Actor", self.keys[ref]))
            for ref in s.about:
                self.edge("MENTIONS", ("Statement", s.id), self.entity_end(ref))
        events = []
        facts = IncidentFacts(records, self.labels, self.keys, self.sides)
        for ev in records.events:
            params = ev.to_params()
            counts = params.pop("counts")
            params["article"] = aid
            params["category"] = category(ev.type)
            # no property rather than an empty list, as the bulk import writes it
            params["agent_sides"] = facts.sides_of(ev.agents) or None
            narrow, broad = facts.places_of(ev)
            params["narrow_places"] = narrow or None
            params["broad_places"] = broad or None
            events.append({"id": ev.id, "props": params, "counts": counts})
            for sid in ev.claimed_by:
                self.edge("CLAIMS", ("Statement", sid), ("Event", ev.id))
            for ref in ev.agents:
                self.edge("BY", ("Event", ev.id), ("Actor", self.keys[ref]))
            for ref in ev.targets:
                self.edge("AGAINST", ("Event", ev.id), self.entity_end(ref))
            for ref in ev.places:
                self.edge("AT", ("Event", ev.id), self.entity_end(ref))
        self._implied_places()
        self._about_edges()
        return ArticleRows(
            id=aid,
            sha256=sha,
            source=article.source,
            article={"id": aid, "props": props},
            entities=dict(entities),
            statements=statements,
            events=events,
            edges=dict(self.edges),
        )

    def _implied_places(self) -> None:
        """``IMPLIED_AT`` from each event with no place of its own to the places its statements mention.

        "Shelling continued overnight, the ministry said of Terter" puts an
        event with no place in a statement about Terter; the timeline of
        Terter should show it. Stored with the article, so that a timeline
        follows one relationship instead of every statement mentioning the place.
        """
        mentions = {s.id: s.about for s in self.records.statements}
        for ev in self.records.events:
            own = [self.entity_end(ref) for ref in (*ev.places, *ev.targets)]
            if any(label == "Place" for label, _ in own):
                continue
            for sid in ev.claimed_by:
                for ref in mentions.get(sid, ()):
                    end = self.entity_end(ref)
                    if end[0] == "Place":
                        self.edge("IMPLIED_AT", ("Event", ev.id), end)

    def _about_edges(self) -> None:
        """``ABOUT`` from each statement to what it mentions and to the actors and places of its events.

        The queries that ask what was said about X (who-said, sources, as-of)
        would otherwise take two paths from X, one of them through every event
        at X and back to the statements claiming it; the stored edge is one
        hop, one row per statement and entity.
        """
        about: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for s in self.records.statements:
            about[s.id].extend(self.entity_end(ref) for ref in s.about)
        for ev in self.records.events:
            ends = [("Actor", self.keys[ref]) for ref in ev.agents]
            ends += [self.entity_end(ref) for ref in (*ev.targets, *ev.places)]
            for sid in ev.claimed_by:
                about[sid].extend(ends)
        for sid, ends in about.items():
            # One edge per node: a country is reached as an actor (BY) and as a place.
            for end in {key: (label, key) for label, key in reversed(ends)}.values():
                self.edge("ABOUT", ("Statement", sid), end)

    def _entity_edges(self) -> None:
        aid = self.aid
        for e in self.records.entities:
            here = self.entity_end(e.id)
            for role in e.roles:
                if role.of is not None and e.type == "Person":
                    self.edge(
                        "ROLE",
                        here,
                        self.entity_end(role.of),
                        title=role.title,
                        since=role.since,
                        until=role.until,
                        article=aid,
                    )
            if e.part_of is not None:
                self.edge("IN", here, self.entity_end(e.part_of))
            for renaming in e.renamed:
                by = self.records.entity(renaming.by).name if renaming.by else None
                self.edge(
                    "RENAMED",
                    here,
                    self.entity_end(renaming.to),
                    on=renaming.on,
                    by=by,
                    by_key=self.keys[renaming.by] if renaming.by else None,
                )


def article_rows(records: ArticleRecords) -> ArticleRows:
    """The rows that write one article; ``RecordError`` if the records are inconsistent."""
    return _Builder(records).build()
