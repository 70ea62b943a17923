"""``ABOUT`` edges: what a statement is about, derived when its article is written."""

from __future__ import annotations

from claimgraph.graph.bulk_import_columns import REL_COLUMNS
from claimgraph.graph.writer_nested import NESTED
from claimgraph.graph.writer_rows import EDGE_ENDPOINTS, article_rows
from tests.unit.test_writer_rows import _edges, _records


def test_a_statement_is_about_what_it_mentions_and_the_actors_and_places_of_its_events():
    rows = article_rows(_records())
    about = _edges(rows, "ABOUT")
    # s1 mentions Brenn and the ministry, and claims the strike by Valdora against
    # Brenn and Mara Voss; s4 claims the same strike and mentions nothing.
    strike = {
        ("Actor", "place:valdora"),  # the agent, a country: matched as an actor (BY)
        ("Place", "place:brenn"),
        ("Actor", "person:mara voss"),
    }
    s1 = {("Place", "place:brenn"), ("Actor", "organization:valdoran interior ministry")} | strike
    assert about == {("Statement", end, "a1:s1", key) for end, key in s1} | {
        ("Statement", end, "a1:s4", key) for end, key in strike
    }


def test_each_statement_and_entity_pair_gets_one_about_edge():
    rows = article_rows(_records())
    # Brenn is both mentioned by s1 and the target and place of its event.
    pairs = [(r["from"], r["to"]) for k, v in rows.edges.items() if k[0] == "ABOUT" for r in v]
    assert len(pairs) == len(set(pairs))
    assert ("a1:s1", "place:brenn") in pairs


def test_a_country_both_mentioned_and_acting_gets_one_about_edge():
    records = _records()
    records.statements[0].about.append("e3")  # Valdora, also the strike's agent
    ends = {
        (r["from"], r["to"])
        for k, v in article_rows(records).edges.items()
        if k[0] == "ABOUT"
        for r in v
    }
    pairs = [
        (r["from"], r["to"])
        for k, v in article_rows(records).edges.items()
        if k[0] == "ABOUT"
        for r in v
    ]
    assert ("a1:s1", "place:valdora") in ends
    assert len(pairs) == len(set(pairs))


def test_statements_about_nothing_get_no_about_edge():
    rows = article_rows(_records())
    starts = {r["from"] for k, v in rows.edges.items() if k[0] == "ABOUT" for r in v}
    assert "a1:s2" not in starts and "a1:s3" not in starts


def test_the_bulk_import_and_the_nested_writer_know_about_edges():
    assert EDGE_ENDPOINTS["ABOUT"] == (("Statement",), ("Actor", "Place"))
    assert [c.type for c in REL_COLUMNS["ABOUT"][:2]] == ["START_ID(Statement)", "END_ID(Entity)"]
    assert ("ABOUT", "Statement", "Place") in NESTED
