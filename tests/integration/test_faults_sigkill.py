"""SIGKILL of ``claimgraph load`` at 20 seeded random moments: whole articles only, then convergence.

Each trial starts the loader on a small records file (one article per
transaction, so there are many commit points), kills it without warning after
a random delay drawn from an uninterrupted run (from just before its first
commit to its end), and checks that
every article in the graph has exactly the statements, events and claims its
records have, and that nothing belongs to an article that is not there. Every
other trial resumes what the previous kill left; the rest start afresh. Finally a rerun must reach the same counts, label by
label and type by type, as an uninterrupted load, with no duplicate keys.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.records import ArticleRecords
from tests.integration.conftest import wipe

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TRIALS = 20
ARTICLES = 20
SEED = 20251125

PER_ARTICLE = """
MATCH (a:Article)
OPTIONAL MATCH (s:Statement)-[:REPORTED_IN]->(a)
WITH a, count(s) AS statements
OPTIONAL MATCH (e:Event) WHERE e.article = a.id
WITH a, statements, count(e) AS events
OPTIONAL MATCH (:Statement {article: a.id})-[c:CLAIMS]->(:Event)
RETURN a.id AS id, statements, events, count(c) AS claims
"""

KEYS = {"Article": "id", "Statement": "id", "Event": "id", "Actor": "key", "Place": "key"}


def shape(graph) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Nodes per label and relationships per type: what two equal loads share."""
    out: dict[str, int] = {}
    for label in ("Article", "Actor", "Person", "Organization", "Place", "Statement", "Event"):
        out[f":{label}"] = graph.count(f"MATCH (n:{label}) RETURN count(n)")
    rows = graph.driver.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS n", database_=graph.database
    ).records
    out.update({f"[:{r['t']}]": r["n"] for r in rows})
    return out


def assert_unique_keys(graph) -> None:  # type: ignore[no-untyped-def]
    for label, key in KEYS.items():
        # One query for both counts: a transaction of the killed client that the
        # server still commits must not land between them.
        [row] = graph.driver.execute_query(
            f"MATCH (n:{label}) RETURN count(n) AS total, count(DISTINCT n.{key}) AS distinct",
            database_=graph.database,
        ).records
        assert row["total"] == row["distinct"], f"duplicate :{label}.{key}"


def assert_whole_articles(graph, expected: dict[str, tuple[int, int, int]]) -> int:  # type: ignore[no-untyped-def]
    """Every article present is complete; nothing of an absent one. Returns how many are present."""
    rows = graph.driver.execute_query(PER_ARTICLE, database_=graph.database).records
    for r in rows:
        assert (r["statements"], r["events"], r["claims"]) == expected[r["id"]], r["id"]
    present = [r["id"] for r in rows]
    assert (
        graph.count(
            "MATCH (n) WHERE (n:Statement OR n:Event) AND NOT n.article IN $ids RETURN count(n)",
            ids=present,
        )
        == 0
    )
    return len(present)


def _loader(graph, path: Path) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "load", "--records", str(path), "--batch-size", "1"],
        env=graph.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _expected(records: list[ArticleRecords]) -> dict[str, tuple[int, int, int]]:
    return {
        r.article.id: (len(r.statements), len(r.events), sum(len(e.claimed_by) for e in r.events))
        for r in records
    }


def test_random_sigkills_leave_whole_articles_and_converge(empty_graph, tmp_path: Path) -> None:
    records = list(synthetic_records(ARTICLES, seed=SEED % 1000))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records), encoding="utf-8")
    expected = _expected(records)

    # A warm-up load first: the server plans the write queries once, and the
    # measured run then times what the trials will see.
    warm = _loader(empty_graph, path)
    assert warm.wait(timeout=300) == 0
    wipe(empty_graph)
    began = time.monotonic()
    whole = _loader(empty_graph, path)
    # When the first commit lands: before it a kill only tests process start-up.
    while whole.poll() is None and not empty_graph.count("MATCH (a:Article) RETURN count(a)"):
        time.sleep(0.05)
    first_commit = time.monotonic() - began
    out, err = whole.communicate(timeout=300)
    full_seconds = time.monotonic() - began
    assert whole.returncode == 0, err.decode()
    reference = shape(empty_graph)
    assert reference[":Article"] == ARTICLES
    wipe(empty_graph)

    rng = random.Random(SEED)
    present_at_kill: list[int] = []
    for trial in range(TRIALS):
        # Odd trials resume what the last kill left; even ones (and any after a
        # finished load) start afresh, so most kills land in the middle.
        if trial % 2 == 0 or empty_graph.count("MATCH (a:Article) RETURN count(a)") == ARTICLES:
            wipe(empty_graph)
        proc = _loader(empty_graph, path)
        time.sleep(rng.uniform(0.8 * first_commit, full_seconds))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        present_at_kill.append(assert_whole_articles(empty_graph, expected))
        assert_unique_keys(empty_graph)
    print(
        f"\nuninterrupted load {full_seconds:.1f}s (first commit at {first_commit:.1f}s); "
        f"articles present after each kill: {present_at_kill}"
    )
    # The delays must actually have caught loads in the middle.
    assert sum(0 < n < ARTICLES for n in present_at_kill) >= 5, present_at_kill

    rerun = _loader(empty_graph, path)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert b"Traceback" not in err
    assert shape(empty_graph) == reference, Counter(shape(empty_graph)) - Counter(reference)
    assert_whole_articles(empty_graph, expected)
    assert_unique_keys(empty_graph)
