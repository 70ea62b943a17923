"""The canned queries take the fast paths they were written for, and page without gaps.

Each plan is asked of the server (``PROFILE``) on a real graph: what a
statement is about is read through the stored ``ABOUT`` edges, entities are
found through the key and name indexes, and the long answers (profile,
as-of) come in pages that add up to the whole answer.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.incident_pass import resolve_pending
from claimgraph.graph.writer import write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.queries import get_query, run_query
from claimgraph.schema.cypher import UPGRADES_MARKER, apply_schema

pytestmark = pytest.mark.integration


def _operators(plan: Any) -> list[tuple[str, str]]:
    """(operator, details) of every step of a profiled plan."""
    out = [(plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        out.extend(_operators(child))
    return out


def _plan(target: Any, name: str, values: dict[str, Any]) -> list[tuple[str, str]]:
    query = get_query(name)
    with target.driver.session(database=target.database) as session:
        result = session.run("PROFILE " + query.cypher, query.bind(values))
        summary = result.consume()
    assert summary.profile is not None
    return _operators(summary.profile)


def _expands(plan: list[tuple[str, str]], type_: str) -> list[str]:
    return [d for op, d in plan if "Expand" in op and f":{type_}" in d]


def _busiest(target: Any, cypher: str) -> str:
    return target.driver.execute_query(cypher, database_=target.database).records[0]["key"]


@pytest.fixture
def synthetic_graph(empty_graph: Any) -> Any:
    write_batches(empty_graph.driver, empty_graph.database, synthetic_records(60, seed=17))
    return empty_graph


def _town(target: Any) -> str:
    return _busiest(
        target,
        "MATCH (p:Place)<-[:ABOUT]-(s:Statement) RETURN p.key AS key, count(s) AS n "
        "ORDER BY n DESC, key LIMIT 1",
    )


def _speaker(target: Any) -> str:
    return _busiest(
        target,
        "MATCH (a:Actor)-[:SAID]->(s) RETURN a.key AS key, count(s) AS n ORDER BY n DESC, key LIMIT 1",
    )


def test_the_writer_stores_what_each_statement_is_about(synthetic_graph: Any) -> None:
    g = synthetic_graph
    missing = g.count(
        "MATCH (s:Statement)-[:MENTIONS]->(x) WHERE NOT (s)-[:ABOUT]->(x) RETURN count(*) AS n"
    ) + g.count(
        "MATCH (s:Statement)-[:CLAIMS]->(:Event)-[:BY|AGAINST|AT]->(x) "
        "WHERE NOT (s)-[:ABOUT]->(x) RETURN count(*) AS n"
    )
    extra = g.count(
        "MATCH (s:Statement)-[:ABOUT]->(x) WHERE NOT (s)-[:MENTIONS]->(x) "
        "AND NOT (s)-[:CLAIMS]->(:Event)-[:BY|AGAINST|AT]->(x) RETURN count(*) AS n"
    )
    doubled = g.count(
        "MATCH (s:Statement)-[r:ABOUT]->(x) WITH s, x, count(r) AS n WHERE n > 1 RETURN count(*) AS n"
    )
    assert g.count("MATCH ()-[r:ABOUT]->() RETURN count(r) AS n") > 0
    assert (missing, extra, doubled) == (0, 0, 0)


def test_apply_schema_adds_about_edges_to_an_older_graph(synthetic_graph: Any) -> None:
    g = synthetic_graph
    before = g.count("MATCH ()-[r:ABOUT]->() RETURN count(r) AS n")
    town = _town(g)
    whole = run_query(g.driver, g.database, "who-said", {"about": town, "limit": 10_000})
    incidents = g.count("MATCH (i:Incident) RETURN count(i) AS n")
    g.driver.execute_query("MATCH ()-[r:ABOUT]->() DELETE r", database_=g.database)
    # A graph from before ABOUT edges has no incidents and no upgrade marker
    # either; who-said finds statements through those two indexed paths only.
    g.driver.execute_query("MATCH (i:Incident|Dispute) DETACH DELETE i", database_=g.database)
    g.driver.execute_query(f"DROP INDEX {UPGRADES_MARKER} IF EXISTS", database_=g.database)
    assert run_query(g.driver, g.database, "who-said", {"about": town}) == []
    apply_schema(g.driver, g.database)
    assert g.count("MATCH ()-[r:ABOUT]->() RETURN count(r) AS n") == before
    # the upgrade left every event waiting for the resolution pass
    assert g.count("MATCH (e:PendingIncident) RETURN count(e) AS n") == g.count(
        "MATCH (e:Event) RETURN count(e) AS n"
    )
    resolve_pending(g.driver, g.database)
    assert g.count("MATCH (i:Incident) RETURN count(i) AS n") == incidents > 0
    again = run_query(g.driver, g.database, "who-said", {"about": town, "limit": 10_000})
    assert len(again) == len(whole) > 0


def test_who_said_reaches_incidents_from_the_place_key(synthetic_graph: Any) -> None:
    # Statements reached through incidents come from the place's key, then
    # its incidents' AT edges: no scan of incidents, events or statements.
    query = get_query("who-said")
    with synthetic_graph.driver.session(database=synthetic_graph.database) as session:
        result = session.run(
            "PROFILE " + query.cypher, query.bind({"about": _town(synthetic_graph)})
        )
        assert list(result)
        profile = result.consume().profile

    def steps(plan: Any) -> list[tuple[str, str, int]]:
        here = (plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", "")))
        return [(*here, plan.get("rows", 0))] + [
            x for c in plan.get("children", []) for x in steps(c)
        ]

    plan = steps(profile)
    expands = [d for op, d, _ in plan if "Expand" in op]
    assert any(d.startswith("(t)<-[") and ":AT]" in d for d in expands), expands
    assert any(":PART_OF]" in d for d in expands), expands
    # the branches that scan statements are for questions without `about`: they read nothing
    scans = [(op, d, n) for op, d, n in plan if op in ("NodeByLabelScan", "AllNodesScan")]
    assert all(n == 0 for _, _, n in scans), scans


@pytest.mark.parametrize("name", ["who-said", "as-of", "sources"])
def test_statements_about_something_are_found_through_about_edges(
    synthetic_graph: Any, name: str
) -> None:
    values: dict[str, Any] = {"about": _town(synthetic_graph)}
    if name == "as-of":
        values["date"] = "2100-01-01"
    plan = _plan(synthetic_graph, name, values)
    assert _expands(plan, "ABOUT"), plan
    # The two-hop way through every event at the place is gone.
    assert not any(":BY|AGAINST|AT]" in d or ":MENTIONS]" in d for _, d in plan)


def test_who_said_reads_roles_and_channels_only_for_the_rows_it_returns(
    synthetic_graph: Any,
) -> None:
    g = synthetic_graph
    speaker = _speaker(g)
    said = g.count("MATCH (:Actor {key: $k})-[:SAID]->(s) RETURN count(s) AS n", k=speaker)
    assert said > 3
    query = get_query("who-said")
    with g.driver.session(database=g.database) as session:
        result = session.run(
            "PROFILE " + query.cypher, query.bind({"speaker": speaker, "limit": 2})
        )
        rows = list(result)
        profile = result.consume().profile
    assert len(rows) == 2

    def via_rows(plan: Any) -> list[int]:
        here = [plan.get("rows", 0)] if ":VIA]" in str(plan.get("args", {}).get("Details")) else []
        return here + [n for c in plan.get("children", []) for n in via_rows(c)]

    # The channels are looked up for the 2 rows returned, not for every statement.
    assert via_rows(profile) and max(via_rows(profile)) <= 2 < said


def test_path_starts_from_the_key_indexes_and_is_bounded(synthetic_graph: Any) -> None:
    g = synthetic_graph
    plan = _plan(g, "path", {"source": _speaker(g), "target": _town(g)})
    seeks = [d for op, d in plan if op in ("NodeUniqueIndexSeek", "NodeIndexSeek")]
    assert any("Actor(key)" in d for d in seeks) and any("Place(key)" in d for d in seeks)
    assert not any(op in ("NodeByLabelScan", "AllNodesScan") for op, _ in plan)
    shortest = [d for op, d in plan if "ShortestPath" in op]
    assert shortest and all("..8]" in d and "ABOUT" not in d for d in shortest), shortest


@pytest.mark.parametrize("name", ["profile", "as-of"])
def test_pages_add_up_to_the_whole_answer(synthetic_graph: Any, name: str) -> None:
    g = synthetic_graph
    values: dict[str, Any] = {"about": _town(g)}
    if name == "as-of":
        values["date"] = "2100-01-01"
    whole = run_query(g.driver, g.database, name, {**values, "limit": 10_000})
    assert len(whole) > 12
    pages = []
    for offset in range(0, len(whole), 5):
        pages += run_query(g.driver, g.database, name, {**values, "limit": 5, "offset": offset})
    assert pages == whole
    # The order is stable: asking twice gives the same page.
    again = run_query(g.driver, g.database, name, {**values, "limit": 5, "offset": 5})
    assert again == whole[5:10]


def test_profile_pages_cut_each_long_section_without_losing_rows(synthetic_graph: Any) -> None:
    g = synthetic_graph
    speaker = _speaker(g)
    whole = run_query(g.driver, g.database, "profile", {"about": speaker, "limit": 10_000})
    sections = {r["section"] for r in whole}
    assert "said" in sections
    for limit in (1, 3, 7):
        part = run_query(g.driver, g.database, "profile", {"about": speaker, "limit": limit})
        assert part == whole[:limit]


def test_a_name_lookup_is_one_query_of_the_key_and_full_text_indexes(
    synthetic_graph: Any,
) -> None:
    from claimgraph.queries.resolve import _KEY_OR_FULLTEXT, find_entities

    g = synthetic_graph
    name = g.driver.execute_query(
        "MATCH (a:Person) RETURN a.name AS key ORDER BY key LIMIT 1", database_=g.database
    ).records[0]["key"]
    with g.driver.session(database=g.database) as session:
        summary = session.run(
            "PROFILE " + _KEY_OR_FULLTEXT, text=name, lucene=name.lower()
        ).consume()
    plan = _operators(summary.profile)
    assert any("fulltext.queryNodes" in d for op, d in plan if op == "ProcedureCall")
    assert any(op == "NodeUniqueIndexSeek" and "Actor(key)" in d for op, d in plan)
    assert not any(op in ("NodeByLabelScan", "AllNodesScan") for op, _ in plan)
    exact, _ = find_entities(g.driver, g.database, name.upper())
    assert [m.name for m in exact] == [name]


def _profiled(target: Any, name: str, values: dict[str, Any]) -> tuple[list[Any], Any]:
    query = get_query(name)
    with target.driver.session(database=target.database) as session:
        result = session.run("PROFILE " + query.cypher, query.bind(values))
        rows = [r.values() for r in result]
        return rows, result.consume().profile


def _steps(plan: Any) -> list[tuple[str, str, int, int]]:
    """(operator, details, rows, db hits) of every step of a profiled plan."""
    here = (
        plan["operatorType"].split("@")[0],
        str(plan.get("args", {}).get("Details", "")),
        int(plan.get("rows", 0)),
        int(plan.get("dbHits", 0)),
    )
    return [here] + [x for c in plan.get("children", []) for x in _steps(c)]


def test_a_profile_page_filled_by_what_was_said_reads_no_later_section(
    synthetic_graph: Any,
) -> None:
    g = synthetic_graph
    speaker = _speaker(g)
    said = g.count("MATCH (:Actor {key: $k})-[:SAID]->(s) RETURN count(s) AS n", k=speaker)
    assert said > 3
    rows, profile = _profiled(g, "profile", {"about": speaker, "limit": 3})
    assert len(rows) == 3
    steps = _steps(profile)
    # events by it, at or against it, its incidents and who mentions it come after
    # what it said: the page ends before them, so none of them is read
    later = [
        s
        for s in steps
        if "Expand" in s[0]
        and any(t in s[1] for t in (":BY]", ":AGAINST|AT]", ":PART_OF]", ":MENTIONS]"))
    ]
    assert later and all(hits == 0 for *_, hits in later), later
    # a page past what it said reads on, and still matches the whole answer
    whole = run_query(g.driver, g.database, "profile", {"about": speaker, "limit": 10_000})
    assert len(whole) > said + 3
    tail = run_query(
        g.driver, g.database, "profile", {"about": speaker, "limit": 5_000, "offset": 3}
    )
    assert tail == whole[3:]


def test_sources_by_speaker_does_not_look_the_speaker_up_again(synthetic_graph: Any) -> None:
    g = synthetic_graph
    speaker = _speaker(g)
    rows, profile = _profiled(g, "sources", {"speaker": speaker})
    assert rows and {r[1] for r in rows} == {
        g.driver.execute_query(
            "MATCH (a:Actor {key: $k}) RETURN a.name AS n", k=speaker, database_=g.database
        ).records[0]["n"]
    }
    back = [
        s for s in _steps(profile) if "Expand" in s[0] and "(s)<-[" in s[1] and ":SAID]" in s[1]
    ]
    assert all(n == 0 for _, _, n, _ in back), back


def test_first_report_reads_places_only_on_the_earliest_dates(synthetic_graph: Any) -> None:
    g = synthetic_graph
    town = _town(g)
    whole = run_query(g.driver, g.database, "first-report", {"place": town, "limit": 10_000})
    assert len(whole) > 3
    rows, profile = _profiled(g, "first-report", {"place": town, "limit": 2})
    assert [r[0:3] for r in rows] == [[w["type"], w["date"], w["places"]] for w in whole[:2]]
    claimed = g.count(
        "MATCH (:Place {key: $k})<-[:AT|AGAINST]-(e:Event) WHERE EXISTS { (e)<-[:CLAIMS]-() } "
        "RETURN count(DISTINCT e) AS n",
        k=town,
    )
    # the places of an event are read only for events on the 2 earliest dates
    places = [n for op, d, n, _ in _steps(profile) if "Expand" in op and "->(p)" in d]
    assert places and max(places) < claimed, (places, claimed)
    dated = [w for w in whole if w["date"] is not None]
    assert [(w["date"], w["type"], w["places"]) for w in dated] == sorted(
        (w["date"], w["type"], w["places"]) for w in dated
    )


def test_who_said_names_an_untitled_article_by_its_file(empty_graph: Any) -> None:
    from datetime import date

    from claimgraph.schema.records import Article, ArticleRecords, Entity, Statement, sha256_of

    def article(n: int, title: str | None, source: str | None) -> ArticleRecords:
        text = f"Varossa's defence ministry said on Monday that Dravik was calm ({n})."
        art = Article(
            id=f"untitled-{n}",
            title=title,
            published=date(2025, 6, 15),
            outlet="Wire",
            text=text,
            sha256=sha256_of(text),
            source=source,
        )
        entities = [
            Entity("p0", "Varossan Defence Ministry", "Organization", kind="ministry"),
            Entity("l0", "Dravik", "Place", kind="town"),
        ]
        st = Statement(
            id=f"untitled-{n}:s1",
            speaker="p0",
            speaker_name="Varossan Defence Ministry",
            cue="said",
            mode="indirect",
            text=text,
            said_on=date(2025, 6, 15),
            said_on_precision="day",
            about=["l0"],
        )
        return ArticleRecords(art, entities, [st], [])

    g = empty_graph
    write_batches(
        g.driver,
        g.database,
        [
            article(1, "Dravik calm", "/feeds/one.txt"),
            article(2, None, "/feeds/two.txt"),
            article(3, None, None),
        ],
    )
    rows = run_query(g.driver, g.database, "who-said", {"about": "Dravik"})
    assert {r["article_id"]: r["article"] for r in rows} == {
        "untitled-1": "Dravik calm",
        "untitled-2": "two.txt",
        "untitled-3": "untitled-3",
    }
