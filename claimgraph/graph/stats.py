"""What is in the graph: counts per label and relationship type, dates covered.

Counts of the data model's labels and types come from Neo4j's count store
(one query each, constant time); relationships of other types are counted
under ``other`` so a shared database does not go unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError

from claimgraph.errors import QueryError
from claimgraph.schema.model import MODEL

__all__ = ["GraphStats", "graph_stats", "LABELS", "RELATIONSHIP_TYPES"]

LABELS = MODEL.labels
RELATIONSHIP_TYPES = tuple(r.type for r in MODEL.relationships)

# Fixed strings built from the whitelists above: one count-store lookup each.
_LABEL_COUNTS = {label: f"MATCH (n:{label}) RETURN count(n)" for label in LABELS}
_TYPE_COUNTS = {t: f"MATCH ()-[r:{t}]->() RETURN count(r)" for t in RELATIONSHIP_TYPES}

_DATE_RANGES = {
    "articles_published": "MATCH (n:Article) WHERE n.published IS NOT NULL "
    "RETURN min(n.published), max(n.published)",
    "statements_said_on": "MATCH (n:Statement) WHERE n.said_on IS NOT NULL "
    "RETURN min(n.said_on), max(n.said_on)",
    "events_date": "MATCH (n:Event) WHERE n.date IS NOT NULL "
    "RETURN min(n.date), max(coalesce(n.date_end, n.date))",
}


@dataclass
class GraphStats:
    """Counts and date ranges; ``ranges`` maps a clock to (first, last) or None."""

    nodes: int = 0
    relationships: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    relationship_types: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, tuple[date, date] | None] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings."""
        return {
            "nodes": self.nodes,
            "relationships": self.relationships,
            "labels": dict(self.labels),
            "relationship_types": dict(self.relationship_types),
            "ranges": {
                name: ({"first": r[0].isoformat(), "last": r[1].isoformat()} if r else None)
                for name, r in self.ranges.items()
            },
        }


def _to_date(value: Any) -> date | None:
    if value is None:
        return None
    to_native = getattr(value, "to_native", None)
    native = to_native() if to_native else value
    return native if isinstance(native, date) else None


def graph_stats(driver: neo4j.Driver, database: str | None) -> GraphStats:
    """Count the graph (read transactions only)."""

    def read(tx: neo4j.ManagedTransaction) -> GraphStats:
        def one(query: str) -> list[Any]:
            record = tx.run(query).single(strict=True)
            return list(record.values())

        stats = GraphStats()
        stats.nodes = int(one("MATCH (n) RETURN count(n)")[0])
        stats.relationships = int(one("MATCH ()-[r]->() RETURN count(r)")[0])
        stats.labels = {label: int(one(q)[0]) for label, q in _LABEL_COUNTS.items()}
        stats.relationship_types = {t: int(one(q)[0]) for t, q in _TYPE_COUNTS.items()}
        known = sum(stats.relationship_types.values())
        if stats.relationships > known:
            stats.relationship_types["other"] = stats.relationships - known
        for name, query in _DATE_RANGES.items():
            first, last = (_to_date(v) for v in one(query))
            stats.ranges[name] = (first, last) if first and last else None
        return stats

    try:
        # On an empty or partial graph some properties do not exist yet; the
        # server's notices about that are noise here.
        with driver.session(
            database=database, notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF
        ) as session:
            return session.execute_read(read)
    except Neo4jError as e:
        raise QueryError(f"could not read graph statistics: {e.message or e}") from e
