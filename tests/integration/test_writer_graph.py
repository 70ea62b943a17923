"""The batch writer against a real Neo4j: merging, idempotence, replacement, types."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from claimgraph.graph.writer import ArticleOutcome, write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Renaming,
    Role,
    Statement,
    sha256_of,
)

pytestmark = pytest.mark.integration


def _article(
    aid: str,
    text: str,
    entities: list[Entity],
    statements: list[Statement],
    events: list[Event] | None = None,
    published: date = date(2021, 3, 9),
) -> ArticleRecords:
    return ArticleRecords(
        article=Article(
            id=aid,
            title=f"Report {aid}",
            published=published,
            outlet="Harbor Post",
            text=text,
            sha256=sha256_of(text),
            source=f"{aid}.txt",
        ),
        entities=entities,
        statements=statements,
        events=events or [],
    )


def _first() -> ArticleRecords:
    return _article(
        "art1",
        "Minister Ilsa Brand said the port of Torvik was hit on March 8.",
        [
            Entity("e1", "Ilsa Brand", "Person", roles=[Role("Defence Minister", of="e3")]),
            Entity(
                "e2",
                "Torvik",
                "Place",
                kind="town",
                part_of="e3",
                renamed=[Renaming(to="e4", on=date(2021, 3, 1), by="e1")],
            ),
            Entity("e3", "Marland", "Place", kind="country", is_actor=True),
            Entity("e4", "Port Torvik", "Place", kind="town"),
        ],
        [
            Statement(
                "art1:s1",
                "e1",
                "Ilsa Brand",
                "said",
                "indirect",
                "the port was hit",
                said_on=date(2021, 3, 8),
                about=["e2"],
            ),
            Statement(
                "art1:s2",
                None,
                "a harbour official",
                "said",
                "indirect",
                "two ships burned",
                said_on=date(2021, 3, 9),
            ),
        ],
        [
            Event(
                "art1:v1",
                "strike",
                "strike on the port",
                date=date(2021, 3, 8),
                precision="day",
                agents=["e3"],
                targets=["e2"],
                places=["e2"],
                counts={"ships": 2},
                claimed_by=["art1:s1"],
            ),
            Event("art1:v2", "fire", "unclaimed fire", date=date(2021, 3, 8)),
        ],
    )


def _second() -> ArticleRecords:
    # The same minister under a longer name form, and another Brand who is not her.
    return _article(
        "art2",
        "Defence Minister Ilsa Brand denied it; Oskar Brand disagreed.",
        [
            Entity("e1", "Ilsa Brand", "Person", aliases=["Minister Brand"]),
            Entity("e2", "Oskar Brand", "Person"),
            Entity("e3", "Torvik", "Place", kind="town"),
        ],
        [
            Statement(
                "art2:s1",
                "e1",
                "Ilsa Brand",
                "denied",
                "indirect",
                "it happened",
                polarity="denies",
                said_on=date(2021, 3, 10),
                about=["e3"],
            ),
            Statement(
                "art2:s2",
                "e2",
                "Oskar Brand",
                "said",
                "direct",
                "it did happen",
                said_on=date(2021, 3, 10),
            ),
        ],
        published=date(2021, 3, 10),
    )


def _counts(graph) -> tuple[int, int]:
    return (
        graph.count("MATCH (n) RETURN count(n)"),
        graph.count("MATCH ()-[r]->() RETURN count(r)"),
    )


def test_reload_changes_nothing_and_keeps_loaded_at(empty_graph):
    first = write_batches(empty_graph.driver, empty_graph.database, [_first(), _second()])
    assert (first.articles_new, first.articles_failed) == (2, 0)
    assert first.nodes_created > 0 and first.relationships_created > 0
    counts = _counts(empty_graph)
    assert counts == (first.nodes_created, first.relationships_created)
    with empty_graph.driver.session() as s:
        stamp = s.run("MATCH (a:Article {id: 'art1'}) RETURN a.loaded_at").single()[0]
    outcomes: list[ArticleOutcome] = []
    again = write_batches(
        empty_graph.driver, empty_graph.database, [_first(), _second()], on_article=outcomes.append
    )
    assert [o.status for o in outcomes] == ["skipped", "skipped"]
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    assert _counts(empty_graph) == counts
    with empty_graph.driver.session() as s:
        assert s.run("MATCH (a:Article {id: 'art1'}) RETURN a.loaded_at").single()[0] == stamp


def test_same_entity_merges_across_articles_and_namesakes_stay_apart(empty_graph):
    write_batches(empty_graph.driver, empty_graph.database, [_first()])
    write_batches(empty_graph.driver, empty_graph.database, [_second()])
    g = empty_graph
    assert g.count("MATCH (p:Person {name: 'Ilsa Brand'}) RETURN count(p)") == 1
    assert g.count("MATCH (p:Person) WHERE p.name ENDS WITH 'Brand' RETURN count(p)") == 2
    assert (
        g.count(
            "MATCH (p:Person {key: 'person:ilsa brand'})-[:SAID]->(s:Statement) RETURN count(s)"
        )
        == 2
    )
    with g.driver.session() as s:
        aliases = s.run("MATCH (p:Person {key: 'person:ilsa brand'}) RETURN p.aliases").single()[0]
    assert set(aliases) == {"Ilsa Brand", "Minister Brand"}
    assert g.count("MATCH (p:Place {key: 'place:torvik'}) RETURN count(p)") == 1
    assert g.count("MATCH (:Place {key: 'place:torvik'})<-[:MENTIONS]-(s) RETURN count(s)") == 2


def test_relationship_model(empty_graph):
    write_batches(empty_graph.driver, empty_graph.database, [_first()])
    g = empty_graph
    path = (
        "MATCH (:Actor:Place {key: 'place:marland'})<-[:BY]-(e:Event)-[:AGAINST]->"
        "(:Place {key: 'place:torvik'}), (e)<-[:CLAIMS]-(s:Statement)<-[:SAID]-(:Person), "
        "(s)-[:REPORTED_IN]->(a:Article)-[:PUBLISHED_BY]->(:Actor:Organization {name: 'Harbor Post'}) "
        "RETURN count(*)"
    )
    assert g.count(path) == 1
    assert (
        g.count("MATCH (:Place {key: 'place:torvik'})-[:IN]->(:Place:Actor) RETURN count(*)") == 1
    )
    assert (
        g.count(
            "MATCH (:Place {name: 'Torvik'})-[r:RENAMED {by: 'Ilsa Brand'}]->"
            "(:Place {name: 'Port Torvik'}) WHERE r.on = date('2021-03-01') RETURN count(r)"
        )
        == 1
    )
    assert (
        g.count(
            "MATCH (:Person)-[r:ROLE {title: 'Defence Minister', article: 'art1'}]->"
            "(:Place:Actor) RETURN count(r)"
        )
        == 1
    )
    # The unnamed official: no SAID edge, the name on the statement.
    assert (
        g.count(
            "MATCH (s:Statement {id: 'art1:s2'}) WHERE NOT ()-[:SAID]->(s) "
            "AND s.speaker_name = 'a harbour official' RETURN count(s)"
        )
        == 1
    )
    assert g.count("MATCH (e:Event {id: 'art1:v1'}) WHERE e.count_ships = 2 RETURN count(e)") == 1


def test_dates_are_neo4j_temporal_types(empty_graph):
    write_batches(empty_graph.driver, empty_graph.database, [_first(), _second()])
    g = empty_graph
    assert g.count("MATCH (s:Statement) WHERE s.said_on >= date('2021-03-09') RETURN count(s)") == 3
    assert g.count("MATCH (e:Event) WHERE e.date = date('2021-03-08') RETURN count(e)") == 2
    with g.driver.session() as s:
        types = s.run(
            "MATCH (a:Article {id: 'art1'}) RETURN valueType(a.published), valueType(a.loaded_at)"
        ).single()
    assert types[0].startswith("DATE") and types[1].startswith("ZONED DATETIME")


def test_changed_article_is_replaced_whole(empty_graph):
    write_batches(empty_graph.driver, empty_graph.database, [_first(), _second()])
    before = _counts(empty_graph)
    changed = _first()
    changed.article.text = "A corrected version of the report."
    changed.article.sha256 = sha256_of(changed.article.text)
    changed.statements = changed.statements[:1]
    changed.events = [dataclasses.replace(changed.events[0], summary="corrected strike")]
    outcomes: list[ArticleOutcome] = []
    summary = write_batches(
        empty_graph.driver, empty_graph.database, [changed], on_article=outcomes.append
    )
    assert [o.status for o in outcomes] == ["replaced"]
    # s1, s2, v1, v2 and the incidents of v1 and v2 (no other article told of
    # them) go; s1, v1 and v1's incident, under the new version's key, come back.
    assert (summary.nodes_deleted, summary.nodes_created) == (6, 3)
    g = empty_graph
    assert (
        g.count("MATCH (s:Statement)-[:REPORTED_IN]->(:Article {id: 'art1'}) RETURN count(s)") == 1
    )
    assert g.count("MATCH (e:Event) WHERE e.article = 'art1' RETURN count(e)") == 1
    assert g.count("MATCH (e:Event {summary: 'corrected strike'}) RETURN count(e)") == 1
    assert g.count("MATCH ()-[r:ROLE {article: 'art1'}]->() RETURN count(r)") == 1
    # Gone: s2, v2, v2's incident, s2's REPORTED_IN and v2's PART_OF edges;
    # entities and IN/RENAMED stay, and no incident is left without a report.
    assert _counts(empty_graph) == (before[0] - 3, before[1] - 2)
    assert g.count("MATCH (i:Incident) WHERE NOT (i)<-[:PART_OF]-() RETURN count(i)") == 0
    assert g.count("MATCH (:Event {id: 'art1:v1'})-[:PART_OF]->(i:Incident) RETURN count(i)") == 1
    # Loading the corrected version again is a no-op.
    again = write_batches(empty_graph.driver, empty_graph.database, [changed])
    assert again.articles_skipped == 1 and again.nodes_created == 0


def test_injection_payload_is_stored_as_plain_data(empty_graph):
    payload = "Eve'}) MATCH (n) DETACH DELETE n //"
    records = _article(
        "art9",
        "text nine",
        [Entity("e1", payload, "Person")],
        [Statement("art9:s1", "e1", payload, "said", "direct", payload)],
    )
    write_batches(empty_graph.driver, empty_graph.database, [_first(), records])
    g = empty_graph
    assert g.count("MATCH (p:Person {name: $name}) RETURN count(p)", name=payload) == 1
    assert g.count("MATCH (a:Article) RETURN count(a)") == 2


def test_a_refused_article_fails_alone(empty_graph):
    bad = _second()
    bad.entities[1].lat = {"not": "a number"}  # type: ignore[assignment]  # maps are not property values
    outcomes: list[ArticleOutcome] = []
    summary = write_batches(
        empty_graph.driver, empty_graph.database, [_first(), bad], on_article=outcomes.append
    )
    assert {o.id: o.status for o in outcomes} == {"art1": "new", "art2": "failed"}
    assert summary.articles_failed == 1 and "Neo4j refused" in (summary.failures[0].message or "")
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == 1
    assert empty_graph.count("MATCH (s:Statement) WHERE s.article = 'art2' RETURN count(s)") == 0


def test_batch_size_does_not_change_the_graph(empty_graph):
    records = list(synthetic_records(60, seed=11))
    one = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=60)
    counts = _counts(empty_graph)
    assert counts == (one.nodes_created, one.relationships_created)
    with empty_graph.driver.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    write_batches(empty_graph.driver, empty_graph.database, records, batch_size=7)
    assert _counts(empty_graph) == counts


def test_replace_rewrites_unchanged_articles_to_the_same_graph(empty_graph):
    write_batches(empty_graph.driver, empty_graph.database, [_first(), _second()])
    counts = _counts(empty_graph)
    with empty_graph.driver.session() as s:
        stamp = s.run("MATCH (a:Article {id: 'art1'}) RETURN a.loaded_at").single()[0]
    outcomes: list[ArticleOutcome] = []
    summary = write_batches(
        empty_graph.driver,
        empty_graph.database,
        [_first(), _second()],
        on_article=outcomes.append,
        replace=True,
    )
    assert [o.status for o in outcomes] == ["replaced", "replaced"]
    assert summary.nodes_deleted == summary.nodes_created > 0
    assert _counts(empty_graph) == counts
    with empty_graph.driver.session() as s:
        assert s.run("MATCH (a:Article {id: 'art1'}) RETURN a.loaded_at").single()[0] > stamp


def test_batches_in_flight_together_see_each_other(empty_graph):
    # Batches of one article: each repeat is in the batch right after its first
    # copy, which starts while that one commits; it must wait, then find it.
    records = list(synthetic_records(12, seed=5))
    once = write_batches(empty_graph.driver, empty_graph.database, records)
    counts = _counts(empty_graph)
    assert counts == (once.nodes_created, once.relationships_created)
    with empty_graph.driver.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    outcomes: list[ArticleOutcome] = []
    twice = [r for r in records for _ in (1, 2)]
    write_batches(
        empty_graph.driver, empty_graph.database, twice, batch_size=1, on_article=outcomes.append
    )
    assert [o.status for o in outcomes] == ["new", "skipped"] * 12
    assert [o.id for o in outcomes] == [r.article.id for r in twice]
    assert _counts(empty_graph) == counts


def test_a_changed_copy_in_the_next_batch_replaces_the_first(empty_graph):
    changed = _first()
    changed.article.text = "A corrected version of the report."
    changed.article.sha256 = sha256_of(changed.article.text)
    changed.events = [dataclasses.replace(changed.events[0], summary="corrected strike")]
    outcomes: list[ArticleOutcome] = []
    write_batches(
        empty_graph.driver,
        empty_graph.database,
        [_first(), changed],
        batch_size=1,
        on_article=outcomes.append,
    )
    assert [o.status for o in outcomes] == ["new", "replaced"]
    g = empty_graph
    assert g.count("MATCH (e:Event) WHERE e.article = 'art1' RETURN count(e)") == 1
    assert g.count("MATCH (e:Event {summary: 'corrected strike'}) RETURN count(e)") == 1
