"""The baseline writers: one query per row, each its own auto-commit transaction.

This is how graph loaders are commonly first written: loop over the records
and send one ``MERGE`` per node and per relationship. Two variants write the
same rows with the same MERGE semantics as ``claimgraph.graph.writer`` (so the
graphs can be compared): one through py2neo 2021.2.4 (which talks Bolt 4 and
works against Neo4j 5.26), one through the official driver, to separate the
cost of the client library from the cost of one-query-per-row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from claimgraph.graph import cypher_write as cq
from claimgraph.graph.writer_rows import article_rows
from claimgraph.schema.records import ArticleRecords

__all__ = ["NaiveResult", "load_naive_py2neo", "load_naive_driver"]

_COUNTERS = ("nodes_created", "relationships_created")


@dataclass
class NaiveResult:
    """What a baseline load did."""

    articles: int = 0
    queries: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    seconds: float = 0.0

    @property
    def elements_created(self) -> int:
        return self.nodes_created + self.relationships_created


class _PackableUTC(tzinfo):
    """UTC that py2neo can pack.

    py2neo 2021.2.4 calls ``tz.utcoffset()`` with its own DateTime type,
    which the standard library's ``timezone.utc`` rejects; this one ignores
    the argument.
    """

    def utcoffset(self, dt: Any) -> timedelta:
        return timedelta(0)

    def dst(self, dt: Any) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: Any) -> str:
        return "UTC"


# A naive loader merges every node; the writer can CREATE statements and
# events because it writes each article whole in one transaction.
_MERGE_STATEMENT = """
WITH $row AS row
MERGE (s:Statement {id: row.id})
SET s += row
"""

_MERGE_EVENT = """
WITH $row AS row
MERGE (e:Event {id: row.id})
SET e += row.props, e += row.counts
"""


def _single(query: str) -> str:
    # The writer's batch statement, fed one row: same MERGE, no UNWIND.
    return query.replace("UNWIND $rows AS row", "WITH $row AS row", 1)


def _statements(records: ArticleRecords, tz: tzinfo) -> Iterable[tuple[str, dict[str, Any]]]:
    """(query, parameters) for every node, then every relationship, of one article."""
    rows = article_rows(records)
    loaded_at = datetime.now(UTC).replace(tzinfo=tz)
    yield _single(cq.MERGE_ARTICLES), {"row": rows.article, "loaded_at": loaded_at}
    for labels, entity_rows in rows.entities.items():
        query = _single(cq.entity_query(labels))
        for row in entity_rows:
            yield query, {"row": row}
    for row in rows.statements:
        yield _MERGE_STATEMENT, {"row": row}
    for row in rows.events:
        yield _MERGE_EVENT, {"row": row}
    for (type_, start, end), edge_rows in rows.edges.items():
        query = _single(cq.edge_query(type_, start, end))
        for row in edge_rows:
            yield query, {"row": row}


def _load(
    run: Callable[[str, dict[str, Any]], dict[str, int]],
    records: Iterable[ArticleRecords],
    tz: tzinfo = UTC,
) -> NaiveResult:
    result = NaiveResult()
    started = time.perf_counter()
    for article in records:
        result.articles += 1
        for query, params in _statements(article, tz):
            counters = run(query, params)
            result.queries += 1
            result.nodes_created += counters.get("nodes_created", 0)
            result.relationships_created += counters.get("relationships_created", 0)
    result.seconds = time.perf_counter() - started
    return result


def load_naive_py2neo(graph: Any, records: Iterable[ArticleRecords]) -> NaiveResult:
    """One ``graph.run`` (auto-commit) per node and per relationship, with py2neo."""

    def run(query: str, params: dict[str, Any]) -> dict[str, int]:
        stats = graph.run(query, params).stats()
        return {name: int(stats.get(name, 0)) for name in _COUNTERS}

    return _load(run, records, _PackableUTC())


def load_naive_driver(
    driver: Any, database: str | None, records: Iterable[ArticleRecords]
) -> NaiveResult:
    """The same loop through the official driver (auto-commit ``session.run``)."""
    with driver.session(database=database) as session:

        def run(query: str, params: dict[str, Any]) -> dict[str, int]:
            counters = session.run(query, params).consume().counters
            return {name: getattr(counters, name) for name in _COUNTERS}

        return _load(run, records)
