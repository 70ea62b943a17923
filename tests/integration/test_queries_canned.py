"""Every canned query against the seed graph, through the Python API."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from claimgraph.errors import QueryError
from claimgraph.queries import all_queries, find_entities, resolve_entity, run_cypher, run_query
from tests.integration.conftest import WHO_SAID_COLUMNS

pytestmark = pytest.mark.integration

OCT3, OCT4 = date(2020, 10, 3), date(2020, 10, 4)


def q(g: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_query(g.driver, g.database, name, params)


def test_who_said_about_a_place_with_role_channel_and_article(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "who-said", about="Stepanakert")
    assert [r["speaker"] for r in rows] == ["Artsrun Hovhannisian"] * 2
    first = rows[0]
    assert first["said_on"] == OCT4
    assert first["role"] == "spokesman, Defense Ministry of Armenia"
    assert first["speaker_type"] == "Person"
    assert first["mode"] == "direct" and first["cue"] == "was quoted as saying"
    assert "Stepanakert" in first["about"]
    assert first["published"] == OCT4 and first["article_id"] == "seedtest00000001"
    assert set(first) >= set(WHO_SAID_COLUMNS)


def test_who_said_about_a_country_reaches_places_inside_it(seeded_graph: Any) -> None:
    speakers = {r["speaker"] for r in q(seeded_graph, "who-said", about="Azerbaijan")}
    # Goradiz IN Fizuli district IN Azerbaijan; Stepanakert IN Nagorno-Karabakh IN Azerbaijan.
    assert {"Defense Ministry of Azerbaijan", "Artsrun Hovhannisian", "Kamran Aliyev"} <= speakers


def test_who_said_about_a_renamed_place_finds_both_names(seeded_graph: Any) -> None:
    texts = {r["statement"] for r in q(seeded_graph, "who-said", about="Sugovushan")}
    assert {"seedtest00000001:s3", "seedtest00000001:s4", "seedtest00000001:s5"} <= texts


def test_who_said_filters_speaker_dates_and_polarity(seeded_graph: Any) -> None:
    by_key = q(seeded_graph, "who-said", speaker="person:ilham aliyev")
    assert {r["said_on"] for r in by_key} == {OCT3}
    assert {r["via"][0] for r in by_key} == {"RFE/RL's Azerbaijani Service", "Twitter"}
    assert q(seeded_graph, "who-said", speaker="Ilham Aliyev", **{"from": "2020-10-04"}) == []
    window = q(seeded_graph, "who-said", **{"from": "2020-10-04", "to": "2020-10-04"})
    assert window and all(r["said_on"] == OCT4 for r in window)
    unconfirmed = q(seeded_graph, "who-said", polarity="unconfirmed")
    assert [r["statement"] for r in unconfirmed] == ["seedtest00000001:s5"]


def test_timeline_of_madagiz_shows_capture_and_renaming(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "timeline", about="Madagiz")
    kinds = {(r["type"], r["date"]) for r in rows}
    # the capture of a village is a PLOVER FIGHT; one row for its incident
    assert ("FIGHT", OCT3) in kinds and ("renaming", OCT3) in kinds
    capture = next(r for r in rows if r["type"] == "FIGHT")
    # the spokesman who would not confirm it does not claim it
    assert capture["claimed_by"] == ["Ilham Aliyev"]
    assert capture["denied_by"] == ["Artsrun Hovhannisian"]
    rename = next(r for r in rows if r["type"] == "renaming")
    assert rename["claimed_by"] == ["Ilham Aliyev"] and rename["places"] == ["Sugovushan"]
    assert q(seeded_graph, "timeline", about="Sugovushan") == rows


def test_timeline_counts_independent_sources(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "timeline", about="Stepanakert")
    assert len(rows) == 1
    assert rows[0]["sources"] == 2 and rows[0]["outlets"] == 2
    assert rows[0]["agents"] == ["Azerbaijani forces"]
    dated = q(seeded_graph, "timeline", about="Azerbaijan", to="2020-10-03")
    assert dated == []


def test_disputed_gives_one_row_per_incident_and_pair_of_sides(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "disputed")
    # The ministries' shelling claims are about two places: two incidents,
    # neither denied, so no dispute. The capture is asserted by Azerbaijan's
    # president and left unconfirmed by Armenia's spokesman.
    assert [(r["kind"], r["side_a"], r["side_b"], r["place"]) for r in rows] == [
        ("unconfirmed", "Azerbaijan", "Armenia", "Madagiz")
    ]
    row = rows[0]
    assert row["date"] == OCT3 and row["type"] == "FIGHT"
    assert row["speaker_a"] == ["Ilham Aliyev"] and row["speaker_b"] == ["Artsrun Hovhannisian"]
    assert row["claim_b"] == [
        "The spokesman would not confirm that villages had fallen, but spoke of heavy fighting."
    ]
    assert row["denying"][0]["said_on"] == OCT4
    assert q(seeded_graph, "disputed", about="Madagiz") == rows
    assert q(seeded_graph, "disputed", about="Stepanakert") == []


def test_profile_lists_names_roles_and_statements(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "profile", about="Artsrun Hovhannisian")
    sections = [r["section"] for r in rows]
    assert sections[0] == "name"
    assert {"alias", "role", "said"} <= set(sections)
    assert sum(1 for s in sections if s == "said") == 3
    place = q(seeded_graph, "profile", about="Madagiz")
    assert {"renamed", "target of", "mentioned by"} <= {r["section"] for r in place}


def test_as_of_reads_only_what_had_been_said_and_published(seeded_graph: Any) -> None:
    assert q(seeded_graph, "as-of", about="Stepanakert", date="2020-10-03") == []
    oct4 = q(seeded_graph, "as-of", about="Stepanakert", date="2020-10-04")
    assert [r["statement"] for r in oct4] == ["seedtest00000001:s2"]
    oct5 = q(seeded_graph, "as-of", about="Stepanakert", date="2020-10-05")
    assert len(oct5) == 2


def test_sources_follow_speaker_via_outlet(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "sources", statement="seedtest00000001:s1")
    assert len(rows) == 1
    assert rows[0]["chain"] == (
        "Defense Ministry of Azerbaijan -> RFE/RL's Azerbaijani Service -> RFE/RL"
    )


def test_first_report_is_the_earliest_article(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "first-report", type="shelling", place="place:stepanakert")
    assert len(rows) == 1
    assert rows[0]["first_published"] == OCT4 and rows[0]["articles"] == 2
    assert rows[0]["first_statement"] == "seedtest00000001:s2"


def test_network_links_speakers_agents_and_targets(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "network", **{"from": "2020-10-04"})
    links = {(r["source"], r["relation"], r["target"]) for r in rows}
    assert ("Azerbaijani forces", "shelling", "Stepanakert") in links
    assert ("Artsrun Hovhannisian", "talks about", "Stepanakert") in links
    assert all(r["last"] >= OCT4 for r in rows)
    only = q(seeded_graph, "network", about="Goradiz")
    assert only and all("Goradiz" in (r["source"], r["target"]) for r in only)


def test_path_between_two_entities(seeded_graph: Any) -> None:
    rows = q(seeded_graph, "path", source="Ilham Aliyev", target="Stepanakert")
    assert rows[0]["node"] == "Ilham Aliyev" and rows[-1]["node"] == "Stepanakert"
    assert [r["step"] for r in rows] == list(range(len(rows)))
    assert q(seeded_graph, "path", source="Stepanakert", target="Stepanakert") == []


def test_every_canned_query_is_covered() -> None:
    tested = {
        "who-said",
        "timeline",
        "disputed",
        "profile",
        "as-of",
        "sources",
        "first-report",
        "network",
        "path",
        "incident",  # tests/integration/test_incidents.py
    }
    assert set(all_queries()) <= tested


def test_name_resolution(seeded_graph: Any) -> None:
    g = seeded_graph
    assert resolve_entity(g.driver, g.database, "stepanakert").key == "place:stepanakert"
    assert resolve_entity(g.driver, g.database, "HOVHANNISIAN").name == "Artsrun Hovhannisian"
    assert resolve_entity(g.driver, g.database, "Armenian Defense Ministry").name == (
        "Defense Ministry of Armenia"
    )
    with pytest.raises(QueryError, match="ambiguous: .*Ilham Aliyev.*Kamran Aliyev"):
        resolve_entity(g.driver, g.database, "aliyev")
    with pytest.raises(QueryError, match="no actor or place called 'Atlantis'"):
        resolve_entity(g.driver, g.database, "Atlantis")
    exact, partial = find_entities(g.driver, g.database, "Ilham")
    assert exact == [] and [m.name for m in partial] == ["Ilham Aliyev"]
    with pytest.raises(QueryError, match="no speaker"):
        resolve_entity(g.driver, g.database, "Stepanakert", ("Actor",), "speaker")


def test_user_cypher_is_read_only_unless_asked(seeded_graph: Any) -> None:
    g = seeded_graph
    with pytest.raises(QueryError, match="--write"):
        run_cypher(g.driver, g.database, "CREATE (:Intruder {name: 'x'})")
    assert g.count("MATCH (n:Intruder) RETURN count(n)") == 0
    run_cypher(g.driver, g.database, "CREATE (:Intruder {name: $n})", {"n": "x"}, write=True)
    assert g.count("MATCH (n:Intruder) RETURN count(n)") == 1


def _unnamed_agent_claims() -> Any:
    from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Role, Statement

    aid = "seedtest00000003"
    ents = [
        Entity("az", "Azerbaijan", "Place", kind="country", is_actor=True, country="AZ"),
        Entity("mod_am", "Defense Ministry of Armenia", "Organization", kind="ministry"),
        Entity("kamran", "Kamran Aliyev", "Person", roles=[Role("Prosecutor-General", of="az")]),
        Entity("terter", "Terter", "Place", kind="city", country="AZ"),
        Entity("goradiz", "Goradiz", "Place", kind="town", country="AZ"),
    ]
    statements = [
        Statement(
            f"{aid}:s1",
            "mod_am",
            "Defense Ministry of Armenia",
            "said",
            "indirect",
            "Explosions were heard near Terter.",
            said_on=OCT4,
            about=["terter"],
        ),
        Statement(
            f"{aid}:s2",
            "kamran",
            "Kamran Aliyev",
            "said",
            "indirect",
            "Goradiz was hit by rockets.",
            said_on=OCT4,
            about=["goradiz"],
        ),
    ]
    events = [
        Event(
            f"{aid}:e1",
            "strike",
            "explosions near Terter",
            OCT4,
            places=["terter"],
            claimed_by=[f"{aid}:s1"],
        ),
        Event(
            f"{aid}:e2",
            "shelling",
            "rockets on Goradiz",
            OCT4,
            places=["goradiz"],
            claimed_by=[f"{aid}:s2"],
        ),
    ]
    return ArticleRecords(
        Article(aid, title="Third report", published=OCT4, sha256="4" * 64),
        ents,
        statements,
        events,
    )


def test_reports_of_one_strike_join_its_incident_and_one_side_never_disputes_itself(
    seeded_graph: Any,
) -> None:
    from claimgraph.graph.writer import write_batches

    write_batches(seeded_graph.driver, seeded_graph.database, [_unnamed_agent_claims()])
    with seeded_graph.driver.session(database=seeded_graph.database) as s:
        incidents = {
            r["e"]: r["i"]
            for r in s.run(
                "MATCH (e:Event)-[:PART_OF]->(i:Incident) WHERE e.id STARTS WITH 'seedtest' "
                "RETURN e.id AS e, i.key AS i"
            )
        }
    # the Armenian ministry's report of Terter and Kamran Aliyev's of Goradiz
    # are reports of the strike the Azerbaijani ministry reported
    strike = incidents["seedtest00000001:e1"]
    assert incidents["seedtest00000003:e1"] == strike == incidents["seedtest00000003:e2"]
    assert incidents["seedtest00000001:e2"] == incidents["seedtest00000002:e1"] != strike
    rows = q(seeded_graph, "disputed")
    # everybody asserts the strike and nobody gives other agents or counts: no dispute;
    # Kamran Aliyev and the Azerbaijani ministry are one side
    assert [r["place"] for r in rows] == ["Madagiz"]
    assert all(r["side_a"] != r["side_b"] for r in rows)
