"""What every benchmark stage shares: the Neo4j it runs against, timing, output.

``bench_target`` starts a managed Neo4j in a temporary home on free ports
(heap and page cache from the command line) unless ``NEO4J_URI`` is set, in
which case that server is used, and wiped, as it is.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from claimgraph.graph.connection import Settings, open_driver
from claimgraph.graph.home import USER, ServerHome
from claimgraph.graph.server import MemorySettings, start_server, stop_server

__all__ = ["Target", "bench_target", "say", "percentile", "wipe", "count_graph", "Timer"]


def say(message: str) -> None:
    """Progress on stderr; the figures go to stdout and the JSON file."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Target:
    """The Neo4j of one bench run."""

    uri: str
    password: str
    database: str | None
    home: ServerHome | None  # None: a server given by NEO4J_URI
    memory: MemorySettings
    driver: neo4j.Driver

    def env(self) -> dict[str, str]:
        """Environment for a ``claimgraph`` or bench subprocess against this server."""
        env = dict(os.environ)
        env.update(
            NEO4J_URI=self.uri,
            NEO4J_USERNAME=os.environ.get("NEO4J_USERNAME", USER),
            NEO4J_PASSWORD=self.password,
        )
        if self.database:
            env["NEO4J_DATABASE"] = self.database
        repo = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = repo + os.pathsep + env.get("PYTHONPATH", "")
        return env

    def reconnect(self, uri: str) -> None:
        """After the server restarted (bulk import): a new driver, maybe a new port."""
        self.driver.close()
        self.uri = uri
        self.driver = open_driver(Settings(uri, USER, self.password, self.database))


@contextmanager
def bench_target(heap: str, pagecache: str) -> Iterator[Target]:
    """``NEO4J_URI`` if set, else a managed server in a temporary home (removed at the end)."""
    memory = MemorySettings(heap, pagecache)
    uri = os.environ.get("NEO4J_URI")
    if uri:
        password = os.environ.get("NEO4J_PASSWORD", "")
        database = os.environ.get("NEO4J_DATABASE") or None
        driver = open_driver(
            Settings(uri, os.environ.get("NEO4J_USERNAME", USER), password, database)
        )
        try:
            yield Target(uri, password, database, None, memory, driver)
        finally:
            driver.close()
        return
    root = Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    home = ServerHome(root)
    try:
        say(f"starting a managed Neo4j in {root} (heap {heap}, page cache {pagecache})")
        result = start_server(home, bolt_port=0, http_port=0, memory=memory, timeout=300)
        password = home.password() or ""
        driver = open_driver(Settings(result.state.bolt_uri, USER, password, None, managed=True))
        target = Target(result.state.bolt_uri, password, None, home, memory, driver)
        try:
            yield target
        finally:
            target.driver.close()
    finally:
        stop_server(home)
        shutil.rmtree(root, ignore_errors=True)


def wipe(target: Target) -> None:
    """Delete every node and relationship; the schema stays."""
    with target.driver.session(database=target.database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


def count_graph(target: Target) -> tuple[int, int]:
    """(nodes, relationships) in the database."""
    with target.driver.session(database=target.database) as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS n").single(strict=True)["n"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single(strict=True)["n"]
    return int(nodes), int(rels)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, inclusive method."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


class Timer:
    """``with Timer() as t: ...``; then ``t.seconds``."""

    def __enter__(self) -> Timer:
        self.began = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: Any) -> None:
        self.seconds = time.perf_counter() - self.began
