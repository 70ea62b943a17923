"""Neo4j stopped in the middle of ``claimgraph load``: one line, non-zero exit, and a rerun finishes.

A separate managed server is started in a temporary home (reusing the test
session's jars when there are any, so Maven does not run twice). The loader
reads a folder of original articles with two articles per transaction; once
some have committed the server is stopped under it. The loader must say so in
one line and exit non-zero without a traceback; after a restart (on new
ports) the same command finishes the job, and the graph then has exactly the
counts of an uninterrupted load, with no duplicate keys. The restarted server
is also checked to accept connections on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from claimgraph.graph.home import ServerHome
from claimgraph.graph.server import MemorySettings, start_server, stop_server
from tests.fuzz.corpus import news
from tests.integration.test_faults_sigkill import assert_unique_keys, shape

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTICLES = 16


class _Target:
    """Just enough of the session fixture's interface for ``shape`` and friends."""

    def __init__(self, uri: str, password: str) -> None:
        self.uri, self.password, self.database = uri, password, None
        self.driver = GraphDatabase.driver(
            uri, auth=("neo4j", password), notifications_min_severity="OFF"
        )

    def count(self, cypher: str, **params: object) -> int:
        return int(self.driver.execute_query(cypher, params).records[0][0])


def _articles(folder: Path) -> Path:
    rng = random.Random(77)
    folder.mkdir()
    for i in range(ARTICLES):
        day = 10 + i % 18
        (folder / f"{i:02d}.txt").write_text(
            f"date 2025-06-{day:02d}\nReport {i} from the front\n\n{news(rng, 4)}\n\n{news(rng, 3)}\n",
            encoding="utf-8",
        )
    return folder


def _load(uri: str, password: str, folder: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CLAIMGRAPH_"))}
    env.update(NEO4J_URI=uri, NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=password)
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "load", str(folder), "--batch-size", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _non_loopback_addresses() -> list[str]:
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with the dev extras
        return []
    return [
        a.address
        for addrs in psutil.net_if_addrs().values()
        for a in addrs
        if a.family == socket.AF_INET and not a.address.startswith("127.")
    ]


def _refused(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(3)
        return s.connect_ex((host, port)) != 0


@pytest.fixture
def own_server(neo4j_target, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A managed server of our own, which the test may stop and restart."""
    home = ServerHome(tmp_path / "home")
    if neo4j_target.home is not None:
        jars = Path(neo4j_target.home) / "neo4j" / "lib"
        if jars.is_dir():
            (home.root / "neo4j").mkdir(parents=True)
            (home.root / "neo4j" / "lib").symlink_to(jars, target_is_directory=True)
    try:
        yield home
    finally:
        stop_server(home)


def _start(home: ServerHome) -> tuple[str, str, int, int]:
    result = start_server(
        home, bolt_port=0, http_port=0, memory=MemorySettings("512m", "128m"), timeout=300
    )
    password = home.password()
    assert password
    return result.state.bolt_uri, password, result.state.bolt_port, result.state.http_port


def test_server_stopped_mid_load_then_rerun_converges(
    own_server: ServerHome, tmp_path: Path
) -> None:
    folder = _articles(tmp_path / "articles")
    uri, password, _, _ = _start(own_server)
    graph = _Target(uri, password)

    began = time.monotonic()
    proc = _load(uri, password, folder)
    try:
        while graph.count("MATCH (a:Article) RETURN count(a)") < 4:
            assert proc.poll() is None, (
                "the load ended before the server could be stopped: " + proc.stderr.read()
            )
            assert time.monotonic() - began < 300, "the load made no progress"
            time.sleep(0.1)
        graph.driver.close()
        assert stop_server(own_server, timeout=120) is not None
        out, err = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            proc.kill()
    print(f"\nloader after the stop (exit {proc.returncode}): {err.strip()!r}")
    assert proc.returncode not in (0, None)
    assert "Traceback" not in err and "Traceback" not in out
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, err
    assert "Neo4j" in errors[0] and "run the same load again" in errors[0]
    assert len(err.strip().splitlines()) <= 3, err  # the one line, and at most progress lines

    uri, password, bolt, http = _start(own_server)
    graph = _Target(uri, password)
    try:
        partial = graph.count("MATCH (a:Article) RETURN count(a)")
        assert 4 <= partial < ARTICLES
        # Still loopback only, auth still on, password file still private after a restart.
        for address in _non_loopback_addresses():
            assert _refused(address, bolt) and _refused(address, http), address
        assert stat.S_IMODE(own_server.password_file.stat().st_mode) == 0o600
        with GraphDatabase.driver(uri, auth=("neo4j", password + "x")) as intruder:
            with pytest.raises(AuthError):
                intruder.execute_query("RETURN 1")

        rerun = _load(uri, password, folder)
        out, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err
        assert f"{ARTICLES - partial} new" in out and f"{partial} skipped" in out, out
        resumed = shape(graph)
        assert_unique_keys(graph)

        graph.driver.execute_query("MATCH (n) DETACH DELETE n")
        whole = _load(uri, password, folder)
        out, err = whole.communicate(timeout=600)
        assert whole.returncode == 0, err
        assert f"{ARTICLES} new" in out
        assert shape(graph) == resumed
        assert_unique_keys(graph)
    finally:
        graph.driver.close()
    shutil.rmtree(folder, ignore_errors=True)
