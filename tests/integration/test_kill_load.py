"""SIGKILL in the middle of ``claimgraph load``: only whole articles, and a rerun finishes.

The loader runs as a real subprocess against the test server; the test waits
(by asking the server) until part of the load has committed, kills it without
warning, checks that every article in the graph has all its statements and
events, reruns the same command and compares with an uninterrupted load.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.records import ArticleRecords

pytestmark = pytest.mark.integration

ARTICLES = 240

PER_ARTICLE = """
MATCH (a:Article)
OPTIONAL MATCH (s:Statement)-[:REPORTED_IN]->(a)
WITH a, count(s) AS statements
OPTIONAL MATCH (e:Event) WHERE e.article = a.id
WITH a, statements, count(e) AS events
OPTIONAL MATCH (:Statement {article: a.id})-[c:CLAIMS]->(:Event)
RETURN a.id AS id, statements, events, count(c) AS claims
"""


def _counts(graph) -> tuple[int, int]:
    return (
        graph.count("MATCH (n) RETURN count(n)"),
        graph.count("MATCH ()-[r]->() RETURN count(r)"),
    )


def _wipe(graph) -> None:
    with graph.driver.session(database=graph.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _load(graph, path: Path, batch_size: int = 3) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "claimgraph",
        "load",
        "--records",
        str(path),
        "--batch-size",
        str(batch_size),
    ]
    return subprocess.Popen(
        command, env=graph.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _expected(records: list[ArticleRecords]) -> dict[str, tuple[int, int, int]]:
    return {
        r.article.id: (len(r.statements), len(r.events), sum(len(e.claimed_by) for e in r.events))
        for r in records
    }


def test_sigkill_leaves_whole_articles_and_rerun_completes(empty_graph, tmp_path):
    records = list(synthetic_records(ARTICLES, seed=21))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records))
    expected = _expected(records)

    proc = _load(empty_graph, path)
    try:
        empty_graph.wait_for_articles(proc, 30, timeout=120, poll=0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()

    rows = [
        (r["id"], (r["statements"], r["events"], r["claims"]))
        for r in empty_graph.driver.execute_query(
            PER_ARTICLE, database_=empty_graph.database
        ).records
    ]
    assert 30 <= len(rows) < ARTICLES
    for aid, found in rows:
        assert found == expected[aid], aid
    # Nothing of an article that did not commit.
    loaded = [aid for aid, _ in rows]
    assert (
        empty_graph.count(
            "MATCH (n) WHERE (n:Statement OR n:Event) AND NOT n.article IN $ids RETURN count(n)",
            ids=loaded,
        )
        == 0
    )

    rerun = _load(empty_graph, path)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert f"{ARTICLES - len(rows)} new" in out.decode()
    assert f"{len(rows)} skipped" in out.decode()
    resumed = _counts(empty_graph)

    _wipe(empty_graph)
    whole = _load(empty_graph, path, batch_size=50)
    out, err = whole.communicate(timeout=300)
    assert whole.returncode == 0, err.decode()
    assert f"{ARTICLES} new" in out.decode()
    assert _counts(empty_graph) == resumed


COPIES = 3  # each example three times, under different dates and sign-offs


def _corpus(folder: Path) -> list[Path]:
    examples = sorted(
        (Path(__file__).resolve().parents[2] / "claimgraph/data/examples").glob("*.txt")
    )
    assert examples, "the example articles are missing"
    paths = []
    for copy in range(COPIES):
        for example in examples:
            body = example.read_text(encoding="utf-8")
            if body.startswith("date "):
                body = body.split(" ", 2)[2]
            path = folder / f"{copy}_{example.name}"
            # The id is the hash of the text: a sign-off makes each copy its own article.
            text = f"date 2025-07-{10 + copy:02d} {body.rstrip()}\n\nReporting by desk {copy}.\n"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


@pytest.mark.slow
def test_sigkill_during_extraction_and_load_of_text(empty_graph, tmp_path):
    from claimgraph.loaders.pipeline import Extractor
    from claimgraph.loaders.readers import iter_articles

    folder = tmp_path / "articles"
    folder.mkdir()
    paths = _corpus(folder)
    records = [
        r for r in Extractor().extract_many(iter_articles(paths)) if isinstance(r, ArticleRecords)
    ]
    assert len(records) == len(paths)
    expected = _expected(records)
    command = [sys.executable, "-m", "claimgraph", "load", str(folder), "--batch-size", "1"]

    proc = subprocess.Popen(
        command, env=empty_graph.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        empty_graph.wait_for_articles(proc, 3, timeout=300, poll=0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    rows = [
        (r["id"], (r["statements"], r["events"], r["claims"]))
        for r in empty_graph.driver.execute_query(
            PER_ARTICLE, database_=empty_graph.database
        ).records
    ]
    assert 3 <= len(rows) < len(paths)
    for aid, found in rows:
        assert found == expected[aid], aid

    rerun = subprocess.run(command, env=empty_graph.env(), capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"{len(rows)} skipped" in rerun.stdout.decode()
    resumed = _counts(empty_graph)

    _wipe(empty_graph)
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records))
    whole = _load(empty_graph, jsonl, batch_size=50)
    out, err = whole.communicate(timeout=300)
    assert whole.returncode == 0, err.decode()
    assert _counts(empty_graph) == resumed


def test_ctrl_c_stops_between_whole_articles_and_says_so(empty_graph, tmp_path):
    records = list(synthetic_records(ARTICLES, seed=22))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records))
    command = [
        sys.executable,
        "-m",
        "claimgraph",
        "load",
        "--records",
        str(path),
        "--batch-size",
        "2",
    ]
    proc = subprocess.Popen(
        command,
        env=empty_graph.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # A shell may have started us with SIGINT ignored; the loader must see Ctrl-C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        empty_graph.wait_for_articles(proc, 10, timeout=120, poll=0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "interrupted after writing" in err.decode() and "run the same load again" in err.decode()
    expected = _expected(records)
    rows = empty_graph.driver.execute_query(PER_ARTICLE, database_=empty_graph.database).records
    assert 10 <= len(rows) < ARTICLES
    for r in rows:
        assert (r["statements"], r["events"], r["claims"]) == expected[r["id"]]
