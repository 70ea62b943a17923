"""Connection failures are one-line errors; the schema applies idempotently."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.schema.cypher import SCHEMA, apply_schema, show_schema

pytestmark = pytest.mark.integration


def _run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_wrong_password_is_one_line_error(neo4j_target) -> None:
    env = neo4j_target.env() | {"NEO4J_PASSWORD": "not-the-password"}
    began = time.monotonic()
    proc = _run_cli(["schema", "show"], env)
    elapsed = time.monotonic() - began
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "refused the credentials" in lines[0]
    assert elapsed < 10


def test_nothing_listening_is_one_line_error(neo4j_target) -> None:
    env = neo4j_target.env() | {"NEO4J_URI": f"bolt://127.0.0.1:{_free_port()}"}
    began = time.monotonic()
    proc = _run_cli(["schema", "show"], env)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach Neo4j" in lines[0], proc.stderr
    assert time.monotonic() - began < 10


def test_unsupported_scheme_is_a_config_error(neo4j_target) -> None:
    env = neo4j_target.env() | {"NEO4J_URI": "http://127.0.0.1:7474"}
    proc = _run_cli(["schema", "show"], env)
    assert proc.returncode != 0 and "unsupported Neo4j URI" in proc.stderr


def test_schema_apply_is_idempotent(empty_graph) -> None:
    before = show_schema(empty_graph.driver, empty_graph.database)
    result = CliRunner().invoke(main, ["schema", "apply"], env=empty_graph.env())
    assert result.exit_code == 0, result.output
    apply_schema(empty_graph.driver, empty_graph.database)
    after = show_schema(empty_graph.driver, empty_graph.database)
    assert before == after
    names = {r["name"] for r in after}
    assert len(names) == len(SCHEMA)
    assert {"article_id", "actor_key", "place_key", "statement_id", "event_id"} <= names
    assert all(r["state"] == "ONLINE" for r in after)


def test_uniqueness_constraint_holds(empty_graph) -> None:
    with empty_graph.driver.session() as session:
        session.run("CREATE (:Article {id: 'a1'})").consume()
        with pytest.raises(Exception, match="(?i)already exists|constraint"):
            session.run("CREATE (:Article {id: 'a1'})").consume()
