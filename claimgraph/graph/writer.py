"""The idempotent batch writer: article records into Neo4j.

``write_batches`` groups whole articles into batches and writes each batch in
**one managed write transaction** (``session.execute_write``, which retries
transient errors such as deadlocks or a leader switch). A crash or Ctrl-C
therefore leaves only whole articles in the graph, and rerunning the same
load finishes the job:

- an article already in the graph with the same id and the same sha256 is
  skipped (one read per batch, inside the batch's transaction);
- an article with the same id and a *different* sha256 is **replaced**: its
  statements, the events they claim and its ``ROLE``/``PUBLISHED_BY`` edges
  are deleted and rewritten in the same transaction. People, organisations
  and places are shared with other articles, so they stay, and the aliases
  the old version added stay too;
- everything else is merged on constrained keys (``Article.id``,
  ``Statement.id``, ``Event.id``, ``Actor.key``, ``Place.key``), nodes first,
  then relationships, so the same person met in two articles is one node.

A batch the server refuses (a constraint or type error) is retried one
article per transaction, so one bad article fails alone and the rest loads.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DatabaseError,
    Forbidden,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from claimgraph.errors import ConnectionFailed, QueryError, RecordError, first_line
from claimgraph.graph import cypher_write as cq
from claimgraph.graph import incident_queries as iq
from claimgraph.graph.connection import raised_by_driver
from claimgraph.graph.incident_pass import resolve_pending
from claimgraph.graph.writer_batching import DEFAULT_MAX_WAIT, Prepared, batches, prepare
from claimgraph.graph.writer_nested import CREATE_EVENTS, CREATE_STATEMENTS
from claimgraph.graph.writer_rows import ArticleRows
from claimgraph.graph.writer_summary import COUNTERS as _COUNTERS
from claimgraph.graph.writer_summary import ArticleOutcome, LoadSummary
from claimgraph.schema.records import ArticleRecords

__all__ = [
    "ArticleOutcome",
    "LoadSummary",
    "write_batches",
    "loaded_articles",
    "DEFAULT_BATCH_SIZE",
]

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 500

# Batches in flight at once: the next batch starts as soon as the previous
# one's queries have all run, so its articles are claimed and its rows sent
# while the server commits the previous one (about a quarter of a batch's
# time). Measured on 2 cores, alternating with one batch at a time on the
# same server: 8-10% more elements/s, the same graph. Two batches that share
# people or places still write them one after the other: the second waits
# for the first's locks, which the commit releases.
_IN_FLIGHT = 2

OnArticle = Callable[[ArticleOutcome], None]


def _run(tx: neo4j.ManagedTransaction, query: str, counters: dict[str, int], **params: Any) -> None:
    _count(tx.run(query, **params).consume(), counters)


def _count(summary: neo4j.ResultSummary, counters: dict[str, int]) -> None:
    c = summary.counters
    for name in _COUNTERS:
        counters[name] = counters.get(name, 0) + getattr(c, name)


def _write_batch(
    tx: neo4j.ManagedTransaction,
    batch: Prepared,
    loaded_at: datetime,
    replace: bool = False,
    sent: threading.Event | None = None,
) -> tuple[dict[str, str], dict[str, int]]:
    """The transaction function: statuses by article id and the counters.

    It may run more than once (the driver retries transient errors), so it
    only returns what it did and changes nothing outside the transaction
    but ``sent``, set once every query has run (the commit is all that is left).
    """
    try:
        return _write_queries(tx, batch, loaded_at, replace)
    finally:
        if sent is not None:
            sent.set()


def _write_queries(
    tx: neo4j.ManagedTransaction, batch: Prepared, loaded_at: datetime, replace: bool
) -> tuple[dict[str, str], dict[str, int]]:
    articles = batch.articles
    counters: dict[str, int] = {}
    # New articles' nodes are written whole here (see CLAIM_ARTICLES).
    result = tx.run(cq.CLAIM_ARTICLES, rows=batch.rows.articles, loaded_at=loaded_at)
    claimed = list(result)
    _count(result.consume(), counters)
    existing = {r["id"]: r["sha256"] for r in claimed if not r["created"]}
    status: dict[str, str] = {}
    todo: list[ArticleRows] = []
    for a in articles:
        if a.id not in existing:
            status[a.id] = "new"
        elif existing[a.id] == a.sha256 and not replace:
            status[a.id] = "skipped"
            continue
        else:
            status[a.id] = "replaced"
        todo.append(a)
    replaced = [a for a, s in status.items() if s == "replaced"]
    if replaced:
        # their incidents lose reports: the resolution pass rebuilds them
        _run(tx, iq.MARK_STALE_OF_ARTICLES, counters, ids=replaced)
        for query in (cq.DELETE_ARTICLE_CLAIMS, cq.DELETE_ARTICLE_EVENTS, cq.DELETE_ARTICLE_EDGES):
            _run(tx, query, counters, ids=replaced)
    if not todo:
        return status, counters
    # Usually every article is new and the rows built beforehand are the ones.
    rows = batch.rows if len(todo) == len(articles) else prepare(todo).rows
    # Nodes first, then relationships; each query a static string, values in $rows.
    if replaced:
        again = [row for row in rows.articles if status[row["id"]] == "replaced"]
        _run(tx, cq.MERGE_ARTICLES, counters, rows=again, loaded_at=loaded_at)
    # actors stored without a side that this batch may give one: the disputes
    # of what they said before are summarised again by the pass
    giving = sorted({r["key"] for rs in rows.entities.values() for r in rs if r.get("side")})
    sided = [r["key"] for r in tx.run(iq.SIDELESS_ACTORS, keys=giving)] if giving else []
    # places stored before that this batch first puts inside another: their
    # incidents may now meet those of the containing place
    inside = rows.edges.get(("IN", "Place", "Place"))
    contained = [r.data() for r in tx.run(iq.NEW_CONTAINMENTS, rows=inside)] if inside else []
    for labels, entity_rows in rows.entities.items():
        _run(tx, cq.entity_query(labels), counters, rows=entity_rows)
    # Events before statements: a statement's CLAIMS point at them. Events are
    # created :PendingIncident, in this transaction: a crash never loses the mark.
    if rows.events:
        _run(tx, CREATE_EVENTS, counters, rows=rows.events)
    if rows.statements:
        _run(tx, CREATE_STATEMENTS, counters, rows=rows.statements)
    for (type_, start, end), edge_rows in sorted(rows.edges.items()):
        _run(tx, cq.edge_query(type_, start, end), counters, rows=edge_rows)
    if sided:
        _run(tx, iq.MARK_STALE_OF_SPEAKERS, counters, keys=sided)
    if contained:
        _run(tx, iq.MARK_STALE_INSIDE, counters, rows=contained)
    return status, counters


@dataclass
class _Written:
    """What one batch's write came back with, to be reported by the caller."""

    outcomes: list[ArticleOutcome]
    counters: dict[str, int]


class _BatchWriter:
    """Writes prepared batches; thread-safe, as it keeps no state of its own."""

    def __init__(self, driver: neo4j.Driver, database: str | None, replace: bool = False) -> None:
        self.driver = driver
        self.database = database
        self.replace = replace

    def write(self, batch: Prepared, sent: threading.Event | None = None) -> _Written:
        """Write one batch; ``sent`` is set once its queries have run (or it failed)."""
        try:
            return self._commit(batch, sent)
        except (ClientError, DatabaseError) as e:
            if len(batch.articles) == 1:
                a = batch.articles[0]
                message = f"Neo4j refused it: {first_line(e)}"
                return _Written([ArticleOutcome(a.id, "failed", a.source, message)], {})
            log.warning(
                "batch of %d articles refused (%s); writing them one by one",
                len(batch.articles),
                e,
            )
            done = _Written([], {})
            for a in batch.articles:
                one = self.write(prepare([a]))
                done.outcomes.extend(one.outcomes)
                for name, value in one.counters.items():
                    done.counters[name] = done.counters.get(name, 0) + value
            return done
        finally:
            if sent is not None:
                sent.set()

    def _commit(self, batch: Prepared, sent: threading.Event | None) -> _Written:
        loaded_at = datetime.now(UTC)
        try:
            # The first load reads properties (sha256) no article has yet; the
            # server's "unknown property" notices would only be noise.
            with self.driver.session(
                database=self.database,
                notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
            ) as session:
                status, counters = session.execute_write(
                    _write_batch, batch, loaded_at, self.replace, sent
                )
        except (ServiceUnavailable, SessionExpired) as e:
            raise ConnectionFailed(f"lost the connection to Neo4j: {first_line(e)}") from e
        except (ValueError, OSError) as e:
            if not raised_by_driver(e):
                raise
            # A server that dies mid-message leaves the driver reading a torn
            # frame; that is a lost connection, not a bug of ours.
            raise ConnectionFailed(f"lost the connection to Neo4j: {first_line(e)}") from e
        except (AuthError, Forbidden) as e:
            # Not the article's fault: every other article would fail the same way.
            raise ConnectionFailed(f"Neo4j does not let us write: {first_line(e)}") from e
        except TransientError as e:
            raise QueryError(f"Neo4j kept failing after retries: {first_line(e)}") from e
        outcomes = [
            ArticleOutcome(
                a.id, status[a.id], a.source, None, a.number_of_statements, a.number_of_events
            )
            for a in batch.articles
        ]
        return _Written(outcomes, counters)


def write_batches(
    driver: neo4j.Driver,
    database: str | None,
    items: Iterable[ArticleRecords],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_article: OnArticle | None = None,
    replace: bool = False,
    max_wait: float | None = DEFAULT_MAX_WAIT,
    resolve_incidents: bool = True,
) -> LoadSummary:
    """Write article records, ``batch_size`` whole articles per transaction.

    A batch is also written once it has been filling for ``max_wait`` seconds
    (None: never), so a load fed by slow extraction commits every few seconds.
    ``items`` is consumed lazily, so extraction and writing overlap in
    memory-bounded batches: while one batch's transaction runs (in a worker
    thread), the next batch is read and prepared in the calling thread, and
    it is sent once the first has run its queries and is committing (so at
    most two batches are in flight). ``on_article`` is called in the calling
    thread, once per article after its batch commits (or when it fails), in
    input order, for progress and error reporting.
    ``replace`` rewrites articles already loaded even when unchanged (after
    an extractor upgrade, say), as a changed article would be.
    After the last batch, the incident resolution pass
    (``incident_pass.resolve_pending``) resolves the events this load wrote,
    and those a killed run left pending; ``resolve_incidents=False`` leaves
    them pending for a later pass (``claimgraph incident resolve``).
    The caller applies the schema first (``claimgraph.schema.cypher.apply_schema``);
    without the uniqueness constraints MERGE still works, only slowly.
    Raises ``ConnectionFailed`` if Neo4j goes away; articles of batches
    committed before that stay in the graph.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    summary = LoadSummary()
    writer = _BatchWriter(driver, database, replace)

    def report(outcome: ArticleOutcome) -> None:
        summary.record(outcome)
        if on_article is not None:
            on_article(outcome)

    def bad_records(records: ArticleRecords, error: RecordError) -> None:
        article = records.article
        report(ArticleOutcome(article.id, "failed", article.source, str(error)))

    def collect(pending: Future[_Written]) -> None:
        written = pending.result()
        summary.add_counters(written.counters)
        for outcome in written.outcomes:
            report(outcome)

    started = time.perf_counter()
    in_flight: deque[tuple[Future[_Written], threading.Event]] = deque()
    try:
        with ThreadPoolExecutor(
            max_workers=_IN_FLIGHT, thread_name_prefix="claimgraph-writer"
        ) as pool:
            try:
                for batch in batches(items, batch_size, bad_records, max_wait):
                    prepared = prepare(batch)
                    if in_flight:  # the previous batch is committing, or done
                        in_flight[-1][1].wait()
                    while len(in_flight) >= _IN_FLIGHT:
                        collect(in_flight.popleft()[0])
                    sent = threading.Event()
                    in_flight.append((pool.submit(writer.write, prepared, sent), sent))
            finally:
                # Whatever stopped the input, the batches in flight commit and
                # are counted before we return or raise.
                failed: BaseException | None = None
                while in_flight:
                    try:
                        collect(in_flight.popleft()[0])
                    except Exception as e:
                        failed = failed or e
                if failed is not None:
                    raise failed
        if resolve_incidents:
            resolved = _resolve(driver, database)
            summary.add_counters(resolved.counters)
            summary.incident_seconds = resolved.seconds
            summary.incidents = resolved.incidents
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


def _resolve(driver: neo4j.Driver, database: str | None) -> Any:
    try:
        return resolve_pending(driver, database)
    except (ServiceUnavailable, SessionExpired) as e:
        raise ConnectionFailed(f"lost the connection to Neo4j: {first_line(e)}") from e
    except TransientError as e:
        raise QueryError(f"Neo4j kept failing after retries: {first_line(e)}") from e


def loaded_articles(
    driver: neo4j.Driver, database: str | None, articles: Iterable[tuple[str, str | None]]
) -> set[str]:
    """Ids of the ``(id, sha256)`` pairs already in the graph with that same sha256.

    Lets a caller skip extraction for articles a previous run wrote, so a
    rerun after a crash costs little; the writer checks again anyway.
    """
    wanted = {aid: sha for aid, sha in articles if sha}
    if not wanted:
        return set()

    def read(tx: neo4j.ManagedTransaction) -> set[str]:
        rows = tx.run(cq.EXISTING_ARTICLES, ids=list(wanted))
        return {r["id"] for r in rows if r["sha256"] == wanted[r["id"]]}

    try:
        with driver.session(
            database=database, notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF
        ) as session:
            return session.execute_read(read)
    except (ServiceUnavailable, SessionExpired) as e:
        raise ConnectionFailed(f"lost the connection to Neo4j: {first_line(e)}") from e
