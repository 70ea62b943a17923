"""How the writer cuts records into transactions, and its summary (no database)."""

from __future__ import annotations

import pytest

from claimgraph.graph.writer import ArticleOutcome, LoadSummary, _batches, write_batches
from claimgraph.graph.writer_synthetic import synthetic_records


def test_batches_hold_whole_articles_up_to_the_size():
    records = list(synthetic_records(7, seed=1))
    outcomes: list[ArticleOutcome] = []
    batches = list(_batches(records, 3, outcomes.append))
    assert [[a.id for a in b] for b in batches] == [
        [r.article.id for r in records[0:3]],
        [r.article.id for r in records[3:6]],
        [records[6].article.id],
    ]
    assert outcomes == []


def test_a_repeated_article_goes_to_the_next_batch():
    a, b = list(synthetic_records(2, seed=2))
    batches = list(_batches([a, b, a], 10, lambda o: None))
    assert [[x.id for x in batch] for batch in batches] == [
        [a.article.id, b.article.id],
        [a.article.id],
    ]


def test_inconsistent_records_fail_alone_before_any_transaction():
    good, bad = list(synthetic_records(2, seed=3))
    bad.events[0].agents = ["nobody"]
    outcomes: list[ArticleOutcome] = []
    batches = list(_batches([good, bad], 10, outcomes.append))
    assert [[x.id for x in batch] for batch in batches] == [[good.article.id]]
    assert [(o.id, o.status) for o in outcomes] == [(bad.article.id, "failed")]
    assert "nobody" in (outcomes[0].message or "")


def test_summary_counts_outcomes_and_elements():
    summary = LoadSummary()
    for status in ("new", "new", "replaced", "skipped", "failed"):
        summary.record(ArticleOutcome("x", status, message="m" if status == "failed" else None))
    summary.add_counters({"nodes_created": 5, "relationships_created": 7, "properties_set": 3})
    assert (summary.articles_new, summary.articles_replaced, summary.articles_skipped) == (2, 1, 1)
    assert summary.articles_failed == 1 and len(summary.failures) == 1
    assert summary.articles_written == 3 and summary.articles_seen == 5
    assert summary.elements_created == 12
    assert summary.as_dict()["properties_set"] == 3


def test_batch_size_must_be_positive():
    with pytest.raises(ValueError):
        write_batches(None, None, [], batch_size=0)  # type: ignore[arg-type]
