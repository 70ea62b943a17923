"""The writer's parameter rows and Cypher, without a database."""

from __future__ import annotations

import re
from datetime import date

import pytest

from claimgraph.errors import RecordError
from claimgraph.graph import cypher_write as cq
from claimgraph.graph.writer_rows import (
    EDGE_ENDPOINTS,
    ENTITY_LABEL_SETS,
    article_rows,
    batch_rows,
    content_hash,
    outlet_key,
)
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

TEXT = "Officials in Valdora said on Monday that the Brenn bridge had been shelled."


def _records(**article: object) -> ArticleRecords:
    fields: dict[str, object] = {
        "id": "a1",
        "title": "Bridge shelled",
        "published": date(2021, 5, 4),
        "outlet": "Northern Courier",
        "text": TEXT,
        "sha256": sha256_of(TEXT),
    }
    fields.update(article)
    return ArticleRecords(
        article=Article(**fields),  # type: ignore[arg-type]
        entities=[
            Entity(
                "e1",
                "Mara Voss",
                "Person",
                roles=[Role("Interior Minister", of="e3"), Role("spokeswoman")],
            ),
            Entity("e2", "Valdoran Interior Ministry", "Organization", kind="ministry"),
            Entity("e3", "Valdora", "Place", kind="country", is_actor=True),
            Entity(
                "e4",
                "Brenn",
                "Place",
                kind="town",
                part_of="e3",
                renamed=[Renaming(to="e5", on=date(2021, 5, 3), by="e1")],
            ),
            Entity("e5", "New Brenn", "Place", kind="town"),
            Entity("e6", "Kessel", "Place", kind="town"),
        ],
        statements=[
            Statement(
                "a1:s1",
                "e1",
                "Mara Voss",
                "said",
                "indirect",
                "the bridge was shelled",
                said_on=date(2021, 5, 3),
                via=["e2"],
                about=["e4", "e2"],
            ),
            Statement("a1:s2", None, "a source", "said", "indirect", "nobody was hurt"),
            Statement("a1:s3", None, None, None, "indirect", "the town is quiet", by_outlet=True),
            Statement("a1:s4", "e6", "Kessel", "said", "direct", "we deny it", polarity="denies"),
        ],
        events=[
            Event(
                "a1:v1",
                "strike",
                "shelling of the bridge",
                date=date(2021, 5, 3),
                precision="day",
                agents=["e3"],
                targets=["e4", "e1"],
                places=["e4", "e1"],
                counts={"Killed": 2},
                claimed_by=["a1:s1", "a1:s4"],
            ),
        ],
    )


def _edges(rows, type_):
    return {
        (k[1], k[2], r["from"], r["to"]) for k, v in rows.edges.items() if k[0] == type_ for r in v
    }


def _with_events(*events: Event) -> ArticleRecords:
    records = _records()
    return ArticleRecords(records.article, records.entities, records.statements, list(events))


def test_an_event_with_no_place_of_its_own_is_implied_where_its_statements_point():
    unplaced = Event("a1:v2", "strike", "shelling", agents=["e3"], claimed_by=["a1:s1", "a1:s4"])
    rows = article_rows(_with_events(unplaced))
    # s1 mentions Brenn (a place) and the ministry (not one); s4 mentions nothing.
    assert _edges(rows, "IMPLIED_AT") == {("Event", "Place", "a1:v2", "place:brenn")}


@pytest.mark.parametrize(
    "own",
    [{"places": ["e6"]}, {"targets": ["e3"]}],
    ids=["at a place", "against a country"],
)
def test_an_event_with_a_place_of_its_own_gets_no_implied_place(own):
    placed = Event("a1:v2", "strike", "shelling", claimed_by=["a1:s1"], **own)
    assert _edges(article_rows(_with_events(placed)), "IMPLIED_AT") == set()


def test_an_event_only_against_a_person_is_still_placed_by_its_statements():
    event = Event("a1:v2", "arrest", "arrest", targets=["e1"], claimed_by=["a1:s1"])
    assert _edges(article_rows(_with_events(event)), "IMPLIED_AT") == {
        ("Event", "Place", "a1:v2", "place:brenn")
    }


def test_entities_are_grouped_by_whitelisted_label_sets_and_keyed():
    rows = article_rows(_records())
    assert set(rows.entities) <= set(ENTITY_LABEL_SETS)
    keys = {lab: {r["key"] for r in rs} for lab, rs in rows.entities.items()}
    assert keys[("Actor", "Person")] == {"person:mara voss"}
    assert keys[("Actor", "Organization")] == {
        "organization:valdoran interior ministry",
        outlet_key("Northern Courier"),
    }
    # A country acts; so does a town that speaks (Kessel); Brenn only is a place.
    assert keys[("Place", "Actor")] == {"place:valdora", "place:kessel"}
    assert keys[("Place",)] == {"place:brenn", "place:new brenn"}
    person = rows.entities[("Actor", "Person")][0]
    assert person["aliases"] == ["Mara Voss"]
    assert person["titles"] == ["spokeswoman"]


def test_relationships_follow_the_data_model():
    rows = article_rows(_records())
    said = _edges(rows, "SAID")
    assert ("Actor", "Statement", "person:mara voss", "a1:s1") in said
    # No speaker: no SAID edge, the name stays on the statement.
    assert not any(to == "a1:s2" for *_, to in said)
    assert rows.statements[1]["speaker_name"] == "a source"
    # The outlet's own claim is said by the outlet.
    assert ("Actor", "Statement", outlet_key("Northern Courier"), "a1:s3") in said
    assert ("Actor", "Statement", "place:kessel", "a1:s4") in said
    assert _edges(rows, "REPORTED_IN") == {
        ("Statement", "Article", f"a1:s{i}", "a1") for i in range(1, 5)
    }
    assert _edges(rows, "VIA") == {
        ("Statement", "Actor", "a1:s1", "organization:valdoran interior ministry")
    }
    assert _edges(rows, "MENTIONS") == {
        ("Statement", "Place", "a1:s1", "place:brenn"),
        ("Statement", "Actor", "a1:s1", "organization:valdoran interior ministry"),
    }
    assert _edges(rows, "CLAIMS") == {
        ("Statement", "Event", "a1:s1", "a1:v1"),
        ("Statement", "Event", "a1:s4", "a1:v1"),
    }
    assert _edges(rows, "BY") == {("Event", "Actor", "a1:v1", "place:valdora")}
    assert _edges(rows, "AGAINST") == {
        ("Event", "Place", "a1:v1", "place:brenn"),
        ("Event", "Actor", "a1:v1", "person:mara voss"),
    }
    # AT only points at places: the person listed among places gets no edge.
    assert _edges(rows, "AT") == {("Event", "Place", "a1:v1", "place:brenn")}
    assert _edges(rows, "IN") == {("Place", "Place", "place:brenn", "place:valdora")}
    assert _edges(rows, "PUBLISHED_BY") == {
        ("Article", "Actor", "a1", outlet_key("Northern Courier"))
    }
    (role,) = rows.edges[("ROLE", "Actor", "Place")]
    assert role == {
        "from": "person:mara voss",
        "to": "place:valdora",
        "title": "Interior Minister",
        "since": None,
        "until": None,
        "article": "a1",
    }
    (renamed,) = rows.edges[("RENAMED", "Place", "Place")]
    assert renamed["on"] == date(2021, 5, 3) and renamed["by"] == "Mara Voss"
    for type_, start, end in rows.edges:
        starts, ends = EDGE_ENDPOINTS[type_]
        assert start in starts and end in ends


def test_dates_stay_python_dates_and_counts_are_flat():
    rows = article_rows(_records())
    assert rows.article["props"]["published"] == date(2021, 5, 4)
    assert rows.statements[0]["said_on"] == date(2021, 5, 3)
    (event,) = rows.events
    assert event["props"]["date"] == date(2021, 5, 3)
    assert event["counts"] == {"count_killed": 2}
    assert event["props"]["article"] == "a1"
    assert rows.number_of_statements == 4 and rows.number_of_events == 1


def test_content_hash_prefers_sha_then_text_then_records():
    assert content_hash(_records()) == sha256_of(TEXT)
    assert content_hash(_records(sha256=None)) == sha256_of(TEXT)
    a, b = _records(sha256=None, text=None), _records(sha256=None, text=None)
    assert content_hash(a) == content_hash(b)
    b.statements[0].text = "changed"
    assert content_hash(a) != content_hash(b)
    assert article_rows(_records(sha256=None)).article["props"]["sha256"] == sha256_of(TEXT)


def test_inconsistent_records_are_refused():
    records = _records()
    records.statements[0].via = ["e99"]
    with pytest.raises(RecordError, match="e99"):
        article_rows(records)


def test_batch_rows_concatenate_articles():
    one = article_rows(_records())
    two_records = _records(id="a2")
    two = article_rows(two_records)
    batch = batch_rows([one, two])
    assert [a["id"] for a in batch.articles] == ["a1", "a2"]
    # The same person in both articles is one row: merged once per batch.
    people = batch.entities[("Actor", "Person")]
    assert len(people) == 1 and len(one.entities[("Actor", "Person")]) == 1
    assert len(batch.edges[("REPORTED_IN", "Statement", "Article")]) == 8


INJECTION = "x'}) DETACH DELETE n //`:Evil {"


def test_injection_in_names_stays_data():
    records = _records()
    records.entities[0] = Entity("e1", INJECTION, "Person")
    rows = article_rows(records)
    names = [r["name"] for r in rows.entities[("Actor", "Person")]]
    assert names == [INJECTION]
    for labels in rows.entities:
        assert INJECTION not in cq.entity_query(labels)


def test_injection_in_labels_is_refused():
    with pytest.raises(RecordError):
        cq.entity_query(("Actor", "Person`) DETACH DELETE n //"))
    with pytest.raises(RecordError):
        cq.entity_query(("Evil",))
    with pytest.raises(RecordError):
        cq.edge_query("SAID]->() DETACH DELETE n //", "Actor", "Statement")
    with pytest.raises(RecordError):
        cq.edge_query("SAID", "Actor`:Evil", "Statement")


def test_entity_with_tampered_labels_is_refused(monkeypatch):
    monkeypatch.setattr(Entity, "labels", property(lambda self: ["Actor", "Person`:Evil"]))
    with pytest.raises(RecordError, match="not allowed"):
        article_rows(_records())


def test_queries_use_only_whitelisted_labels_and_parameters():
    allowed = {"Article", "Statement", "Event", "Actor", "Place", "Person", "Organization"}
    queries = [cq.entity_query(labels) for labels in ENTITY_LABEL_SETS]
    queries += [
        cq.edge_query(t, s, e) for t, (ss, es) in EDGE_ENDPOINTS.items() for s in ss for e in es
    ]
    for query in queries:
        assert query.lstrip().startswith("UNWIND $rows AS row")
        labels = set(re.findall(r"\(\w*:(\w+)", query)) | set(re.findall(r"\bn:(\w+)", query))
        assert labels <= allowed, query
        types = set(re.findall(r"\[\w*:(\w+)", query))
        assert types <= set(EDGE_ENDPOINTS), query
