"""How the writer cuts records into transactions, and its summary (no database)."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.errors import RecordError
from claimgraph.graph.writer import ArticleOutcome, LoadSummary, write_batches
from claimgraph.graph.writer_batching import batches, distinct, prepare
from claimgraph.graph.writer_nested import NESTED, nest_edges
from claimgraph.graph.writer_rows import article_rows, batch_rows, fold_entity_rows
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.records import ArticleRecords


def test_batches_hold_whole_articles_up_to_the_size():
    records = list(synthetic_records(7, seed=1))
    bad: list[ArticleRecords] = []
    cut = list(batches(records, 3, lambda r, e: bad.append(r)))
    assert [[a.id for a in b] for b in cut] == [
        [r.article.id for r in records[0:3]],
        [r.article.id for r in records[3:6]],
        [records[6].article.id],
    ]
    assert bad == []


def test_a_repeated_article_goes_to_the_next_batch():
    a, b = list(synthetic_records(2, seed=2))
    cut = list(batches([a, b, a], 10, lambda r, e: None))
    assert [[x.id for x in batch] for batch in cut] == [
        [a.article.id, b.article.id],
        [a.article.id],
    ]


def test_inconsistent_records_fail_alone_before_any_transaction():
    good, bad = list(synthetic_records(2, seed=3))
    bad.events[0].agents = ["nobody"]
    refused: list[tuple[ArticleRecords, RecordError]] = []
    cut = list(batches([good, bad], 10, lambda r, e: refused.append((r, e))))
    assert [[x.id for x in batch] for batch in cut] == [[good.article.id]]
    assert [r.article.id for r, _ in refused] == [bad.article.id]
    assert "nobody" in str(refused[0][1])


def test_a_batch_that_filled_too_long_is_written_before_it_is_full():
    records = list(synthetic_records(5, seed=4))
    ticks = iter([0.0, 1.0, 2.0, 3.5, 3.6, 4.0, 9.0, 9.5])
    cut = list(batches(records, 100, lambda r, e: None, max_wait=3.0, clock=lambda: next(ticks)))
    sizes = [len(b) for b in cut]
    assert sum(sizes) == 5 and len(sizes) > 1 and max(sizes) < 5


def test_without_a_wait_limit_only_the_size_cuts():
    records = list(synthetic_records(5, seed=4))
    cut = list(batches(records, 100, lambda r, e: None, max_wait=None))
    assert [len(b) for b in cut] == [5]


def test_folded_entity_rows_merge_like_the_rows_one_after_another():
    def row(key, name, kind=None, country=None, aliases=(), titles=()):
        return {
            "key": key,
            "name": name,
            "kind": kind,
            "country": country,
            "lat": None,
            "lon": None,
            "geonames_id": None,
            "aliases": list(aliases),
            "titles": list(titles),
        }

    rows = [
        row("p:aliyev", "Ilham Aliyev", aliases=["Ilham Aliyev"], titles=["President"]),
        row("o:mod", "Ministry of Defence", kind="ministry", aliases=["Ministry of Defence"]),
        row("p:aliyev", "Aliyev", country="AZ", aliases=["Aliyev", "Ilham Aliyev"]),
        row("p:aliyev", "I. Aliyev", kind="head", aliases=["I. Aliyev"], titles=["President"]),
    ]
    folded = fold_entity_rows(rows)
    assert [r["key"] for r in folded] == ["p:aliyev", "o:mod"]
    person = folded[0]
    assert person["name"] == "Ilham Aliyev"
    assert (person["kind"], person["country"]) == ("head", "AZ")
    assert person["aliases"] == ["Ilham Aliyev", "Aliyev", "I. Aliyev"]
    assert person["titles"] == ["President"]
    assert rows[0]["aliases"] == ["Ilham Aliyev"], "the input rows stay as they were"


def test_distinct_drops_repeated_rows_only():
    rows = [{"from": "a", "to": "b"}, {"from": "a", "to": "c"}, {"from": "a", "to": "b"}]
    assert distinct(rows) == rows[:2]
    with_lists = [{"from": "a", "titles": ["x"]}, {"from": "a", "titles": ["x"]}]
    assert distinct(with_lists) == with_lists[:1]


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


Row = dict[str, Any]


def _edge_set(
    statements: list[Row], events: list[Row], edges: dict[Any, list[Row]]
) -> set[tuple[str, str, str]]:
    """Every relationship of prepared rows as (type, start key, end key)."""
    found = set()
    ids = {"Statement": lambda row: row["props"]["id"], "Event": lambda row: row["id"]}
    for owner, owner_rows in (("Statement", statements), ("Event", events)):
        for row in owner_rows:
            own = ids[owner](row)
            for (type_, _, _), (label, name, outgoing) in NESTED.items():
                if label == owner:
                    found.update(
                        (type_, own, o) if outgoing else (type_, o, own) for o in row[name]
                    )
    for (type_, _, _), rows in edges.items():
        found.update((type_, r["from"], r["to"]) for r in rows)
    return found


def test_statements_and_events_carry_their_relationships():
    articles = [article_rows(r) for r in synthetic_records(6, seed=5)]
    flat = batch_rows(articles)
    prepared = prepare(articles).rows
    # Nothing lost or added: the same relationships, nested or not.
    expected = {(k[0], r["from"], r["to"]) for k, rows in flat.edges.items() for r in rows}
    got = _edge_set(prepared.statements, prepared.events, prepared.edges)
    assert got == expected
    # Only roles, containment, renamings and outlets are left as separate queries.
    assert {k[0] for k in prepared.edges} <= {"ROLE", "IN", "RENAMED", "PUBLISHED_BY"}
    # A statement claims its events from its own row; events are written first.
    claims = [e for s in prepared.statements for e in s["out_CLAIMS_Event"]]
    assert claims and set(claims) <= {e["id"] for e in prepared.events}
    assert [s["props"] for s in prepared.statements] == flat.statements


def test_an_edge_without_its_statement_is_kept_as_an_edge():
    edges = {("MENTIONS", "Statement", "Place"): [{"from": "elsewhere:s1", "to": "place:x"}]}
    statements, events, rest = nest_edges([{"id": "a:s1"}], [], edges)
    assert statements[0]["out_MENTIONS_Place"] == []
    assert rest == edges


def test_a_torn_frame_from_the_driver_counts_as_a_lost_connection() -> None:
    # A server stopped mid-message makes the driver's decoder raise a bare
    # ValueError; the writer must tell it apart from a ValueError of ours.
    import neo4j._codec.packstream.v1 as packstream

    from claimgraph.graph.connection import raised_by_driver

    unpacker = object.__new__(packstream.Unpacker)
    with pytest.raises(ValueError) as from_driver:
        unpacker._unpack_structure_header(0x70)
    assert raised_by_driver(from_driver.value)
    with pytest.raises(ValueError) as ours:
        int("not a number")
    assert not raised_by_driver(ours.value)
