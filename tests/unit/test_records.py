"""The record contract: one JSON shape, strict dates, stable keys."""

from __future__ import annotations

import json
from datetime import date

import pytest

from claimgraph.errors import RecordError
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Renaming,
    Role,
    Statement,
    TimeExpression,
    article_id_for,
    entity_key,
    parse_date,
    records_from_json,
    records_to_json,
)


def _sample() -> ArticleRecords:
    art = Article("a1", title="T", published=date(2020, 10, 4), outlet="Wire", text="x y")
    madagiz = Entity("e1", "Madagiz", "Place", kind="village")
    new = Entity("e2", "Sugovushan", "Place", kind="village")
    aliyev = Entity("e3", "Ilham Aliyev", "Person", roles=[Role("President", of="e4")])
    country = Entity("e4", "Azerbaijan", "Place", kind="country", is_actor=True)
    madagiz.renamed.append(Renaming("e2", on=date(2020, 10, 3), by="e3"))
    st = Statement(
        "a1:s1",
        "e3",
        "Ilham Aliyev",
        "said",
        "direct",
        "villages liberated",
        quote="liberated",
        said_on=date(2020, 10, 3),
        said_on_precision="day",
        via=["e4"],
        about=["e1"],
        polarity="asserts",
        sentence="s",
        start=1,
        end=5,
    )
    ev = Event(
        "a1:v1",
        "capture",
        "captured villages",
        date=date(2020, 10, 3),
        precision="day",
        agents=["e4"],
        places=["e1"],
        counts={"villages": 7},
        claimed_by=["a1:s1"],
    )
    tx = TimeExpression("October 3", 10, 19, "2020-10-03", "day", "published:2020-10-04")
    return ArticleRecords(art, [madagiz, new, aliyev, country], [st], [ev], [tx])


def test_json_round_trip_is_lossless() -> None:
    doc = records_to_json([_sample()])
    again = records_from_json(json.loads(json.dumps(doc)))
    assert records_to_json(again) == doc


def test_contract_field_names() -> None:
    art = records_to_json([_sample()])["articles"][0]
    assert set(art) >= {"article", "entities", "statements", "events", "times"}
    assert set(art["entities"][0]) >= {"id", "name", "type", "kind", "aliases"}
    assert set(art["statements"][0]) >= {
        "id",
        "speaker",
        "speaker_name",
        "cue",
        "mode",
        "text",
        "quote",
        "said_on",
        "said_on_precision",
        "via",
        "about",
        "polarity",
        "sentence",
        "start",
        "end",
    }
    assert set(art["events"][0]) >= {
        "id",
        "type",
        "summary",
        "date",
        "date_end",
        "precision",
        "agents",
        "targets",
        "places",
        "counts",
        "claimed_by",
    }
    assert set(art["times"][0]) == {
        "text", "start", "end", "value", "precision", "anchor", "type", "timeml",
    }  # fmt: skip


@pytest.mark.parametrize(
    "bad", ["0000-00-00", "2020-13-45", "2020-02-30", "04/10/2020", "yesterday"]
)
def test_invalid_dates_are_refused(bad: str) -> None:
    with pytest.raises(RecordError, match="invalid"):
        parse_date(bad)


def test_bad_records_name_the_problem() -> None:
    doc = records_to_json([_sample()])
    doc["articles"][0]["statements"][0]["said_on"] = "2020-13-45"
    with pytest.raises(RecordError, match="said_on"):
        records_from_json(doc)
    doc = records_to_json([_sample()])
    doc["articles"][0]["events"][0]["claimed_by"] = ["nope"]
    with pytest.raises(RecordError, match="unknown statement"):
        records_from_json(doc)
    doc = records_to_json([_sample()])
    statements = doc["articles"][0]["statements"]
    statements.append(dict(statements[0]))
    with pytest.raises(RecordError, match="duplicate statement ids"):
        records_from_json(doc)
    doc = records_to_json([_sample()])
    del doc["articles"][0]["statements"][0]["text"]
    with pytest.raises(RecordError, match="missing field 'text'"):
        records_from_json(doc)
    with pytest.raises(RecordError, match="not one of"):
        Statement("s", None, None, "said", "shouted", "x")


def test_keys_do_not_merge_people_who_share_a_word() -> None:
    assert entity_key("Person", "Ilham Aliyev") != entity_key("Person", "Kamran Aliyev")
    assert entity_key("Person", "Ilham  ALIYEV") == entity_key("Person", "ilham aliyev")
    assert entity_key("Place", "Fuzuli", "geonames:1") == entity_key(
        "Place", "Fizuli", "geonames:1"
    )
    assert entity_key("Organization", "Georgia") != entity_key("Place", "Georgia")


def test_article_id_ignores_whitespace_only_changes() -> None:
    assert article_id_for("a  b\nc") == article_id_for("a b c")
    assert article_id_for("a b c") != article_id_for("a b d")


def test_labels_come_from_a_whitelist() -> None:
    assert Entity("x", "Azerbaijan", "Place", is_actor=True).labels == ["Place", "Actor"]
    assert Entity("x", "Ministry", "Organization").labels == ["Actor", "Organization"]
    with pytest.raises(RecordError):
        Entity("x", "evil", "Person`) DETACH DELETE n //")
