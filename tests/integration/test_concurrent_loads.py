"""Two loads of the same articles at once: each article is written, and counted new, once.

Both loads look the articles up before writing (as ``claimgraph load`` does to
skip extraction) and find none; the count of new, skipped and replaced
articles must come from what each write transaction did, not from that look-up.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimgraph.graph.writer import LoadSummary, loaded_articles, write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.records import ArticleRecords

ARTICLES = 240
BATCH = 40
# Enough that the second process starts while the first is still writing.
PROCESS_ARTICLES = 1500
_COUNTS = re.compile(
    r"Articles: (\d+) new, (\d+) replaced, (\d+) skipped \(already loaded\), (\d+) failed"
)


def _gated(
    records: list[ArticleRecords], ready: threading.Barrier, seen: list[set[str]], target: Any
) -> Iterator[ArticleRecords]:
    # The look-up a load makes first; then wait until the other load has made it too.
    seen.append(
        loaded_articles(
            target.driver, target.database, [(r.article.id, r.article.sha256) for r in records]
        )
    )
    ready.wait(timeout=60)
    yield from records


def test_two_concurrent_loads_count_each_article_new_once(empty_graph: Any) -> None:
    records = list(synthetic_records(ARTICLES, seed=21))
    ready = threading.Barrier(2)
    seen: list[set[str]] = []
    summaries: list[LoadSummary] = []
    errors: list[BaseException] = []

    def load() -> None:
        try:
            summaries.append(
                write_batches(
                    empty_graph.driver,
                    empty_graph.database,
                    _gated(records, ready, seen, empty_graph),
                    batch_size=BATCH,
                    max_wait=None,
                    resolve_incidents=False,
                )
            )
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    threads = [threading.Thread(target=load) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors, errors
    assert len(summaries) == 2
    # Neither load saw the other's articles before writing: the race was real.
    assert seen == [set(), set()]
    assert sum(s.articles_new for s in summaries) == ARTICLES
    assert sum(s.articles_skipped for s in summaries) == ARTICLES
    assert all(s.articles_replaced == 0 and s.articles_failed == 0 for s in summaries)
    # ... and each article, statement and event is in the graph once.
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == ARTICLES
    statements = sum(len(r.statements) for r in records)
    events = sum(len(r.events) for r in records)
    assert empty_graph.count("MATCH (s:Statement) RETURN count(s)") == statements
    assert empty_graph.count("MATCH (e:Event) RETURN count(e)") == events
    assert empty_graph.count("MATCH (:Statement)-[r:REPORTED_IN]->() RETURN count(r)") == statements


def test_two_load_commands_at_once_report_each_article_new_once(
    empty_graph: Any, tmp_path: Path
) -> None:
    """The same through two ``claimgraph load --records`` processes started together."""
    records = list(synthetic_records(PROCESS_ARTICLES, seed=22))
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records), encoding="utf-8")
    load = ["load", "--records", str(path), "--batch-size", "50"]
    cmd = [sys.executable, "-m", "claimgraph", *load]
    loads = [
        subprocess.Popen(
            cmd, env=empty_graph.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=600) for p in loads]
    for p, (_, err) in zip(loads, outputs, strict=True):
        assert p.returncode == 0, err
    counts = []
    for out, _ in outputs:
        found = _COUNTS.search(out)
        assert found is not None, out
        counts.append(tuple(int(n) for n in found.groups()))
    assert sum(new for new, _, _, _ in counts) == PROCESS_ARTICLES
    assert sum(skipped for _, _, skipped, _ in counts) == PROCESS_ARTICLES
    assert all(replaced == 0 and failed == 0 for _, replaced, _, failed in counts)
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == PROCESS_ARTICLES
    statements = sum(len(r.statements) for r in records)
    assert empty_graph.count("MATCH (s:Statement) RETURN count(s)") == statements
