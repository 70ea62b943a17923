"""Transient errors are retried through managed transactions, and the load stays correct.

First, deterministically: the writer talks to Neo4j through a small TCP proxy
that, once the first batch has committed, cuts the connection in the middle
of the next batch's first write query (before its commit). The driver sees a dead connection (a
retryable error), ``session.execute_write`` runs the batch again on a fresh
connection, and the test counts the driver's "will be retried" log records.

Second, under real contention: two writers load the same articles at once, one front to back and one back to
front. The articles share people, ministries, countries and places, so the two
transactions lock the same nodes in opposite orders and Neo4j reports
deadlocks (``Neo.TransientError.Transaction.DeadlockDetected``). The writer's
``session.execute_write`` must retry them: the driver logs each retry, and the
test counts those log records. Whatever the interleaving, the graph must end
up identical to a single writer's load, with every article whole.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from claimgraph.graph.connection import Settings, open_driver
from claimgraph.graph.writer import ArticleOutcome, LoadSummary, write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from tests.integration.conftest import wipe
from tests.integration.test_faults_sigkill import assert_unique_keys, assert_whole_articles, shape

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTICLES = 80
BATCH = 20
MAX_ROUNDS = 3


class _Retries(logging.Handler):
    """Collects the driver's "will be retried" warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "will be retried" in message:
            self.messages.append(message)


class _CuttingProxy:
    """A TCP proxy to Neo4j that can cut its connections mid-message, once, when armed."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.armed = threading.Event()
        self.cuts = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, to_server: bool) -> None:
        try:
            while data := src.recv(65536):
                # A write query carries its values in $rows: forward half of
                # it and drop the connection, so the server never runs it.
                if to_server and b"$rows" in data and self.armed.is_set():
                    with self.lock:
                        cut = self.armed.is_set()
                        self.armed.clear()
                    if cut:
                        dst.sendall(data[: len(data) // 2])
                        self.cuts += 1
                        break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def retries() -> Iterator[_Retries]:
    """The driver's retry warnings, collected (the CLI quietens that logger; we listen)."""
    handler = _Retries()
    neo4j_log = logging.getLogger("neo4j")
    old_level = neo4j_log.level
    neo4j_log.setLevel(logging.WARNING)
    neo4j_log.addHandler(handler)
    try:
        yield handler
    finally:
        neo4j_log.removeHandler(handler)
        neo4j_log.setLevel(old_level)


def test_connection_cut_mid_batch_is_retried(empty_graph, retries) -> None:  # type: ignore[no-untyped-def]
    records = list(synthetic_records(12, seed=8))
    expected = {
        r.article.id: (len(r.statements), len(r.events), sum(len(e.claimed_by) for e in r.events))
        for r in records
    }
    write_batches(empty_graph.driver, empty_graph.database, records, batch_size=4)
    reference = shape(empty_graph)
    wipe(empty_graph)

    address = urlparse(empty_graph.uri)
    proxy = _CuttingProxy(address.hostname or "127.0.0.1", address.port or 7687)
    driver = open_driver(
        Settings(f"bolt://127.0.0.1:{proxy.port}", "neo4j", empty_graph.password, None)
    )

    def after_commit(outcome: ArticleOutcome) -> None:
        proxy.armed.set()  # cut the next batch's write

    try:
        summary = write_batches(
            driver, empty_graph.database, records, batch_size=4, on_article=after_commit
        )
    finally:
        driver.close()
        proxy.close()
    print(f"\nconnection cut {proxy.cuts} time(s); driver retries: {len(retries.messages)}")
    assert proxy.cuts >= 1, "the proxy never cut a write"
    assert retries.messages, "the cut was not retried by execute_write"
    assert summary.articles_failed == 0 and summary.articles_new == len(records)
    assert assert_whole_articles(empty_graph, expected) == len(records)
    assert shape(empty_graph) == reference
    assert_unique_keys(empty_graph)


def test_two_writers_in_opposite_orders_stay_correct(empty_graph, retries) -> None:  # type: ignore[no-untyped-def]
    """Deadlocks come and go with timing: the graph must be right whether or not one happened."""
    records = list(synthetic_records(ARTICLES, seed=5))
    expected = {
        r.article.id: (len(r.statements), len(r.events), sum(len(e.claimed_by) for e in r.events))
        for r in records
    }
    single = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=BATCH)
    assert single.articles_new == ARTICLES
    reference = shape(empty_graph)

    rounds = 0
    while rounds < MAX_ROUNDS and not retries.messages:
        rounds += 1
        wipe(empty_graph)
        summaries: dict[str, LoadSummary] = {}
        errors: list[BaseException] = []

        def run(name: str, items: list, summaries=summaries, errors=errors) -> None:  # type: ignore[no-untyped-def, type-arg]
            try:
                summaries[name] = write_batches(
                    empty_graph.driver, empty_graph.database, items, batch_size=BATCH
                )
            except BaseException as e:  # surfaced by the assertion below
                errors.append(e)

        threads = [
            threading.Thread(target=run, args=("forward", records)),
            threading.Thread(target=run, args=("backward", records[::-1])),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        assert not errors, errors
        assert all(s.articles_failed == 0 for s in summaries.values()), summaries
        assert assert_whole_articles(empty_graph, expected) == ARTICLES
        assert shape(empty_graph) == reference
        assert_unique_keys(empty_graph)
    deadlocks = [m for m in retries.messages if "DeadlockDetected" in m]
    print(f"\n{len(deadlocks)} deadlock(s) retried in {rounds} round(s) of two concurrent writers")
