"""Incidents: one happening, many reports, resolved at load time (hand-written records)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.queries import run_query
from tests.integration.conftest import wipe
from tests.integration.incident_records import (
    JUNE14,
    JUNE18,
    all_articles,
    article_c,
)

pytestmark = pytest.mark.integration


def q(g: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_query(g.driver, g.database, name, params)


def load(g: Any, records: list[Any], **kw: Any) -> Any:
    summary = write_batches(g.driver, g.database, records, **kw)
    assert summary.articles_failed == 0, summary.failures
    return summary


def incident_of(g: Any, event_id: str) -> str:
    with g.driver.session(database=g.database) as s:
        rec = s.run(
            "MATCH (:Event {id: $id})-[:PART_OF]->(i:Incident) RETURN i.key AS k", id=event_id
        ).single(strict=True)
    return str(rec["k"])


def shape(g: Any) -> tuple[int, ...]:
    return tuple(
        g.count(c)
        for c in (
            "MATCH (i:Incident) RETURN count(i)",
            "MATCH ()-[r:PART_OF]->() RETURN count(r)",
            "MATCH (d:Dispute) RETURN count(d)",
            "MATCH (e:Event) WHERE NOT (e)-[:PART_OF]->() RETURN count(e)",
        )
    )


@pytest.fixture
def incident_graph(empty_graph: Any) -> Any:
    """The four articles, one per batch, so later ones resolve against stored incidents."""
    for records in all_articles():
        load(empty_graph, [records])
    return empty_graph


def test_accounts_of_one_happening_make_one_incident_and_near_misses_stay_apart(
    incident_graph: Any,
) -> None:
    g = incident_graph
    dravik = incident_of(g, "inc-test-a:e1")
    # the denial in the same article, the other side's undated denial, the hospital's count
    assert {incident_of(g, e) for e in ("inc-test-a:e2", "inc-test-b:e1", "inc-test-c:e1")} == {
        dravik
    }
    stavenna = incident_of(g, "inc-test-b:e2")
    assert {incident_of(g, e) for e in ("inc-test-d:e1", "inc-test-d:e2", "inc-test-d:e3")} == {
        stavenna
    }
    # same type and day, other place; same place, other day
    brisa, later = incident_of(g, "inc-test-c:e2"), incident_of(g, "inc-test-c:e3")
    assert len({dravik, stavenna, brisa, later}) == 4
    assert shape(g) == (4, 10, 4, 0)


def test_an_incident_holds_type_place_dates_and_counts_by_claimant(incident_graph: Any) -> None:
    g = incident_graph
    key = incident_of(g, "inc-test-a:e1")
    with g.driver.session(database=g.database) as s:
        i = s.run("MATCH (i:Incident {key: $k}) RETURN i", k=key).single(strict=True)["i"]
    assert i["type"] == "ASSAULT" and i["place"] == "Dravik"
    assert i["date"].to_native() == JUNE14
    assert i["date_lo"].to_native() <= JUNE14 <= i["date_hi"].to_native()
    assert set(i["counts"]) == {
        "killed: 2 per Varossan Defence Ministry",
        "killed: 3 per Dravik City Hospital",
    }
    assert set(i["asserted_by"]) == {
        "Varossan Defence Ministry",
        "Ilona Marek",
        "Dravik City Hospital",
    }
    assert set(i["denied_by"]) == {"Oren Vasko", "Kestrian Foreign Ministry"}
    assert i["reports"] == 4 and i["articles"] == 3


def test_disputed_gives_one_row_per_incident_and_pair_of_sides(incident_graph: Any) -> None:
    rows = q(incident_graph, "disputed")
    got = {(r["place"], r["side_a"], r["side_b"], tuple(r["kinds"])) for r in rows}
    assert got == {
        ("Dravik", "Varossa", "Kestria", ("denied",)),
        ("Stavenna", "Kestria", "Varossa", ("denied",)),
        ("Stavenna", "Kestria", "Oskaryn Self-Defence Force", ("counts",)),
        ("Stavenna", "Oskaryn Self-Defence Force", "Varossa", ("denied",)),
    }
    assert len(rows) == len(got), "no duplicate rows"
    for r in rows:
        assert r["side_a"] != r["side_b"], "no dispute within one side"
    dravik = next(r for r in rows if r["place"] == "Dravik")
    assert dravik["speaker_a"] == ["Varossan Defence Ministry", "Ilona Marek"]
    assert dravik["speaker_b"] == ["Oren Vasko", "Kestrian Foreign Ministry"]
    # each claim in its own words, with its date: the deniers read as deniers
    assert dravik["claim_b"] == ["No Kestrian unit fired on Dravik.", "We did not shell Dravik."]
    assert {x["polarity"] for x in dravik["denying"]} == {"denies"}
    assert all(x["said_on"] == JUNE14 for x in dravik["asserting"])
    assert dravik["date"] == JUNE14
    counts = next(r for r in rows if r["kinds"] == ["counts"])
    assert counts["claim_a"] == ["Four died in Stavenna."]
    assert counts["claim_b"] == ["Three died in Stavenna."]


def test_disputed_about_a_place_and_a_side(incident_graph: Any) -> None:
    g = incident_graph
    assert {r["place"] for r in q(g, "disputed", about="Dravik")} == {"Dravik"}
    # Varossa: incidents in it (Dravik) and those its side disputes (Stavenna)
    assert {r["place"] for r in q(g, "disputed", about="Varossa")} == {"Dravik", "Stavenna"}
    assert q(g, "disputed", **{"from": "2025-06-16"}) == []


def test_timeline_gives_one_row_per_incident(incident_graph: Any) -> None:
    rows = q(incident_graph, "timeline", about="Dravik")
    assert [(r["date"], r["type"]) for r in rows] == [(JUNE14, "ASSAULT"), (JUNE18, "ASSAULT")]
    first = rows[0]
    assert set(first["claimed_by"]) == {
        "Varossan Defence Ministry",
        "Ilona Marek",
        "Dravik City Hospital",
    }
    assert set(first["denied_by"]) == {"Oren Vasko", "Kestrian Foreign Ministry"}
    assert first["sources"] == 3 and first["outlets"] == 3
    assert "killed: 3 per Dravik City Hospital" in first["counts"]
    assert first["incident"] == incident_of(incident_graph, "inc-test-a:e1")


def test_incident_lists_its_reports_and_the_reasons(incident_graph: Any) -> None:
    key = incident_of(incident_graph, "inc-test-a:e1")
    rows = q(incident_graph, "incident", id=key)
    assert {r["event"] for r in rows} == {
        "inc-test-a:e1",
        "inc-test-a:e2",
        "inc-test-b:e1",
        "inc-test-c:e1",
    }
    hospital = next(r for r in rows if r["event"] == "inc-test-c:e1")
    assert "same place Dravik" in hospital["reasons"] and hospital["score"] > 1
    denial = next(r for r in rows if r["event"] == "inc-test-b:e1")
    assert any("undated" in x for x in denial["reasons"])
    assert denial["side"] == "Kestria" and denial["polarity"] == "denies"


def test_one_batch_resolves_like_one_article_per_batch(empty_graph: Any) -> None:
    load(empty_graph, all_articles())
    assert shape(empty_graph) == (4, 10, 4, 0)
    got = {(r["place"], r["side_a"], r["side_b"]) for r in q(empty_graph, "disputed")}
    assert len(got) == 4


def test_reloading_changes_nothing(incident_graph: Any) -> None:
    before = shape(incident_graph), q(incident_graph, "disputed")
    summary = load(incident_graph, all_articles())
    assert summary.articles_skipped == 4
    assert (shape(incident_graph), q(incident_graph, "disputed")) == before


def test_replacing_an_article_re_resolves_only_its_events(incident_graph: Any) -> None:
    g = incident_graph
    dravik, stavenna = incident_of(g, "inc-test-a:e1"), incident_of(g, "inc-test-b:e2")
    summary = load(g, [article_c(with_hospital=False)])
    assert summary.articles_replaced == 1
    assert incident_of(g, "inc-test-a:e1") == dravik and incident_of(g, "inc-test-b:e2") == stavenna
    with g.driver.session(database=g.database) as s:
        i = s.run("MATCH (i:Incident {key: $k}) RETURN i", k=dravik).single(strict=True)["i"]
    assert list(i["counts"]) == ["killed: 2 per Varossan Defence Ministry"]
    assert i["reports"] == 3
    assert shape(g) == (4, 9, 4, 0)
    summary = load(g, [article_c()])
    assert summary.articles_replaced == 1
    assert shape(g) == (4, 10, 4, 0)


def test_incident_command_explains_the_merge(incident_graph: Any) -> None:
    from click.testing import CliRunner

    from claimgraph.cli import main

    key = incident_of(incident_graph, "inc-test-a:e1")
    env = {**incident_graph.env(), "COLUMNS": "300"}  # no wrapping inside the reasons
    shown = CliRunner().invoke(main, ["incident", key], env=env, catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert "ASSAULT at Dravik on 2025-06-14" in shown.output
    assert "same place Dravik" in shown.output and "Dravik City Hospital" in shown.output
    as_json = CliRunner().invoke(main, ["incident", key, "--format", "json"], env=env)
    assert len(json.loads(as_json.output)) == 5  # four reports, two statements on the first
    unknown = CliRunner().invoke(main, ["incident", "incident:nothing"], env=env)
    assert unknown.exit_code != 0 and "no incident 'incident:nothing'" in unknown.output


def _containment_articles() -> list[Any]:
    """A shelling of Lesk and one "in Oskaryn" by the same guns; a third article says
    Lesk lies in Oskaryn and tells of nothing that happened."""
    from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Statement

    def article(aid: str, place: Entity | None, extra: list[Entity]) -> ArticleRecords:
        ents = [
            Entity("kes", "Kestria", "Place", kind="country", is_actor=True),
            Entity("art_k", "Kestrian artillery", "Organization", kind="armed forces"),
            Entity("mod_v", "Varossan Defence Ministry", "Organization", kind="ministry"),
            *extra,
        ]
        said = Statement(
            f"{aid}:s1", "mod_v", "Varossan Defence Ministry", "said", "indirect",
            "Kestrian guns fired.", said_on=JUNE14, said_on_precision="day", start=0, end=20,
        )  # fmt: skip
        events = []
        if place is not None:
            events.append(
                Event(
                    f"{aid}:e1",
                    "shelling",
                    "Kestrian artillery shelled it",
                    JUNE14,
                    precision="day",
                    agents=["art_k"],
                    places=[place.id],
                    claimed_by=[f"{aid}:s1"],
                )  # fmt: skip
            )
        return ArticleRecords(
            Article(aid, title=aid, published=JUNE14, outlet=aid), ents, [said], events
        )

    lesk = Entity("lesk", "Lesk", "Place", kind="city")
    osk = Entity("osk", "Oskaryn", "Place", kind="region")
    return [
        article("contain-x", lesk, [lesk]),
        article("contain-y", osk, [osk]),
        article(
            "contain-z", None, [Entity("lesk", "Lesk", "Place", kind="city", part_of="osk"), osk]
        ),
    ]


def test_a_containing_region_named_later_joins_incidents_that_load_does_not_touch(
    empty_graph: Any,
) -> None:
    x, y, z = _containment_articles()
    load(empty_graph, [x, y])
    # nothing says Lesk is in Oskaryn yet: two incidents
    assert incident_of(empty_graph, "contain-x:e1") != incident_of(empty_graph, "contain-y:e1")
    load(empty_graph, [z])  # no event of its own: only the containment
    assert incident_of(empty_graph, "contain-x:e1") == incident_of(empty_graph, "contain-y:e1")
    assert (
        empty_graph.count("MATCH (n:PendingIncident|StaleIncident|RecountIncident) RETURN count(n)")
        == 0
    )
    merged = shape(empty_graph)
    # the same as when the containment came first
    wipe(empty_graph)
    load(empty_graph, [z])
    load(empty_graph, [x, y])
    assert shape(empty_graph) == merged
    assert incident_of(empty_graph, "contain-x:e1") == incident_of(empty_graph, "contain-y:e1")
