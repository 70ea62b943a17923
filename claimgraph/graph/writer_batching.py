"""How the writer cuts a stream of articles into transactions, and their rows.

A batch holds whole articles only. It is closed when it reaches the batch
size, or when it has been filling for ``max_wait`` seconds: a load fed by slow
extraction still commits (and shows progress) every few seconds, while a load
of ready records gets full batches. Nothing here touches the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import RecordError
from claimgraph.graph.writer_nested import nest_edges
from claimgraph.graph.writer_rows import (
    IDENTIFIED_TYPES,
    ArticleRows,
    EdgeKey,
    article_rows,
    batch_rows,
    merge_edge_rows,
)
from claimgraph.schema.records import ArticleRecords

__all__ = ["DEFAULT_MAX_WAIT", "Prepared", "WriteRows", "batches", "distinct", "prepare"]

# Seconds a batch may fill before it is written even if not full.
DEFAULT_MAX_WAIT = 3.0

OnBad = Callable[[ArticleRecords, RecordError], None]


@dataclass
class WriteRows:
    """A batch's rows as the writer's queries take them.

    Statements and events carry their relationships (``writer_nested``);
    ``edges`` holds the others (roles, containment, renamings, outlets).
    """

    articles: list[dict[str, Any]]
    entities: dict[tuple[str, ...], list[dict[str, Any]]]
    statements: list[dict[str, Any]]
    events: list[dict[str, Any]]
    edges: dict[EdgeKey, list[dict[str, Any]]]


@dataclass
class Prepared:
    """One batch of whole articles, with the rows that write all of them."""

    articles: list[ArticleRows]
    rows: WriteRows


def prepare(articles: list[ArticleRows]) -> Prepared:
    """The rows of a batch, repeats removed, ready for one transaction."""
    rows = batch_rows(articles)
    edges = {
        # A ROLE given twice in an article is one, as the bulk import has it.
        key: merge_edge_rows(key[0], edge_rows)
        if key[0] in IDENTIFIED_TYPES
        else distinct(edge_rows)
        for key, edge_rows in rows.edges.items()
    }
    statements, events, others = nest_edges(rows.statements, rows.events, edges)
    return Prepared(articles, WriteRows(rows.articles, rows.entities, statements, events, others))


def distinct(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without repeats (two local entities with one key give one edge).

    Writing a row twice adds nothing: created types would get a second edge,
    merged types would set the same values again.
    """
    # The rows of one query are built by one piece of code, so their keys come
    # in the same order and the items alone identify a row.
    seen: set[tuple[Any, ...]] = set()
    out = []
    for row in rows:
        marker = tuple(row.values())
        if any(isinstance(v, list) for v in marker):
            marker = tuple(tuple(v) if isinstance(v, list) else v for v in marker)
        if marker not in seen:
            seen.add(marker)
            out.append(row)
    return out


def batches(
    items: Iterable[ArticleRecords],
    batch_size: int,
    on_bad: OnBad,
    max_wait: float | None = DEFAULT_MAX_WAIT,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[list[ArticleRows]]:
    """Whole articles in batches of at most ``batch_size``.

    Records that contradict themselves go to ``on_bad`` and into no batch.
    The same article twice in one batch: the second copy goes in the next
    batch, where the first is already visible (and skipped).
    """
    batch: list[ArticleRows] = []
    ids: set[str] = set()
    opened = clock()
    for records in items:
        try:
            rows = article_rows(records)
        except RecordError as e:
            on_bad(records, e)
            continue
        full = len(batch) >= batch_size
        stale = max_wait is not None and batch and clock() - opened >= max_wait
        if batch and (rows.id in ids or full or stale):
            yield batch
            batch, ids = [], set()
        if not batch:
            opened = clock()
        batch.append(rows)
        ids.add(rows.id)
    if batch:
        yield batch
