"""A real Neo4j for the integration tests.

The session starts a managed Neo4j 5.26 on free ports in a temporary home,
waits for it by querying it, and stops it at the end (also when tests fail).
Set CLAIMGRAPH_TEST_URI and CLAIMGRAPH_TEST_PASSWORD to use an existing,
disposable server instead: the tests wipe it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from claimgraph.graph.connection import Settings, open_driver
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server import MemorySettings, start_server, stop_server
from claimgraph.schema.cypher import apply_schema
from tests.integration.test_queries_seedgraph import load_seed

# The first columns of a who-said row, in order: the API and the CLI tests check them.
WHO_SAID_COLUMNS = [
    "speaker",
    "speaker_type",
    "role",
    "said_on",
    "cue",
    "mode",
    "text",
    "quote",
    "via",
    "about",
    "polarity",
    "article",
    "published",
]


@dataclass
class Neo4jTarget:
    """A connected driver, its database, and how a subprocess reaches the server."""

    driver: neo4j.Driver
    database: str | None
    uri: str
    password: str
    home: Path | None

    def env(self) -> dict[str, str]:
        """Environment for running ``claimgraph`` in a subprocess against this server."""
        env = dict(os.environ)
        env.update(NEO4J_URI=self.uri, NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=self.password)
        env.pop("NEO4J_DATABASE", None)
        if self.home is not None:
            env["CLAIMGRAPH_HOME"] = str(self.home)
        return env

    def count(self, cypher: str, **params: object) -> int:
        """Run a read query returning one number."""
        with self.driver.session(database=self.database) as session:
            return int(session.run(cypher, params).single(strict=True)[0])

    def wait_for_articles(
        self, load: subprocess.Popen[bytes], at_least: int, timeout: float, poll: float = 0.05
    ) -> None:
        """Return once ``at_least`` articles have committed, while ``load`` still runs."""
        deadline = time.monotonic() + timeout
        while self.count("MATCH (a:Article) RETURN count(a)") < at_least:
            assert load.poll() is None, "the load ended before it could be interrupted"
            assert time.monotonic() < deadline, "the load made no progress"
            time.sleep(poll)


@pytest.fixture(scope="session")
def neo4j_target() -> Iterator[Neo4jTarget]:
    """A running Neo4j for the whole session."""
    uri = os.environ.get("CLAIMGRAPH_TEST_URI")
    if uri:
        password = os.environ.get("CLAIMGRAPH_TEST_PASSWORD", "")
        driver = open_driver(Settings(uri, "neo4j", password, None))
        yield Neo4jTarget(driver, None, uri, password, None)
        driver.close()
        return
    root = Path(tempfile.mkdtemp(prefix="claimgraph-test-"))
    home = ServerHome(root)
    try:
        result = start_server(
            home, bolt_port=0, http_port=0, memory=MemorySettings("768m", "256m"), timeout=240
        )
        password = home.password()
        assert password is not None
        uri = result.state.bolt_uri
        driver = open_driver(Settings(uri, "neo4j", password, None, managed=True))
        try:
            yield Neo4jTarget(driver, None, uri, password, root)
        finally:
            driver.close()
    finally:
        stop_server(home)
        shutil.rmtree(root, ignore_errors=True)


def wipe(target: Neo4jTarget) -> None:
    """Delete every node and relationship (schema stays)."""
    with target.driver.session(database=target.database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


@pytest.fixture
def empty_graph(neo4j_target: Neo4jTarget) -> Neo4jTarget:
    """The session's Neo4j, wiped, with the schema applied."""
    wipe(neo4j_target)
    apply_schema(neo4j_target.driver, neo4j_target.database)
    return neo4j_target


@pytest.fixture
def seeded_graph(empty_graph: Neo4jTarget) -> Neo4jTarget:
    """The empty graph with the two seed articles (see test_queries_seedgraph) written into it."""
    load_seed(empty_graph)
    return empty_graph
