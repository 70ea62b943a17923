"""The re3d suite: gold proper names, nationalities, and the corpus floors.

Unit tests write a tiny re3d collection of our own (fictional Kestria); the
corpus tests run the suite on ``../shared/data/re3d`` (skipped when absent),
with floors a little below what was measured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.evaluation.names import GoldName
from claimgraph.evaluation.re3d_suite import proper_name, read_re3d, score_re3d_names
from claimgraph.evaluation.suites import SuiteResult, run_suite
from claimgraph.schema.records import Article, ArticleRecords, Entity
from tests.unit.eval_corpora import RE3D, systems

TEXT = "The Kestrian Army said Kestrian troops left the camp near Orlo. Ilse Varga agreed."


def entity(value: str, kind: str, confidence: float = 1.0, after: int = 0) -> dict[str, Any]:
    begin = TEXT.index(value, after)
    return {
        "_id": f"d1-{begin}-{kind}",
        "begin": begin,
        "end": begin + len(value),
        "type": kind,
        "value": value,
        "documentId": "d1",
        "confidence": confidence,
    }


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    folder = tmp_path / "Kestria_Ministry"
    folder.mkdir()
    doc = {"_id": "d1", "title": "Troops leave", "text": TEXT, "sourceName": "test"}
    # mongoexport writes a byte-order mark and one object a line
    (folder / "documents.json").write_text("\ufeff" + json.dumps(doc) + "\n", "utf-8")
    rows = [
        entity("The Kestrian Army", "Organisation"),
        entity("Kestrian", "Nationality", 0.0, 20),  # "Kestrian troops"
        entity("the camp", "Location"),  # not a name
        entity("Orlo", "Location", 0.4),
        entity("Orlo", "Organisation", 0.9),  # the same span: the surer type wins
        entity("Ilse Varga", "Person"),
        entity("Orlo", "Temporal"),  # not a type the suite scores
    ]
    (folder / "entities.json").write_text(
        "\ufeff" + "".join(json.dumps(r) + "\n" for r in rows), "utf-8"
    )
    return tmp_path


def test_proper_names() -> None:
    assert proper_name("the Kurdish YPG") == "Kurdish YPG"
    assert proper_name("Ministry of Defence") == "Ministry of Defence"
    assert proper_name("U.S. service members") is None
    assert proper_name("the camp") is None


def test_gold_names_of_a_document(collection: Path) -> None:
    [doc] = read_re3d(collection)
    assert doc.source == "Kestria_Ministry" and doc.text == TEXT
    assert doc.names == [
        GoldName("Kestrian Army", "Organisation"),
        GoldName("Kestrian", "Nationality"),
        GoldName("Orlo", "Organisation"),
        GoldName("Ilse Varga", "Person"),
    ]


def country_of(adjective: str) -> str | None:
    return {"kestrian": "Kestria"}.get(adjective.lower())


def test_types_and_nationality(collection: Path) -> None:
    [doc] = read_re3d(collection)
    ents = [
        Entity(id="e1", name="Kestrian Army", type="Organization"),
        Entity(id="e2", name="Orlo", type="Place"),  # not an actor: wrong for Organisation
        Entity(id="e3", name="Varga", type="Person"),  # lenient: a whole-word part
        Entity(id="e4", name="Kestria", type="Place", is_actor=True),
    ]
    score, unmapped = score_re3d_names(
        doc, ArticleRecords(Article(id="a"), entities=ents), country_of
    )
    assert unmapped == 0
    assert (score.gold, score.found, score.right) == (4, 4, 3)
    assert score.by_type["Nationality"] == [1, 1, 1]
    assert score.by_type["Organisation"] == [2, 2, 1]
    without_country = [e for e in ents if e.id != "e4"]
    score, _ = score_re3d_names(
        doc, ArticleRecords(Article(id="a"), entities=without_country), country_of
    )
    assert score.by_type["Nationality"] == [1, 0, 0]
    _, unmapped = score_re3d_names(doc, ArticleRecords(Article(id="a")), lambda a: None)
    assert unmapped == 1


# ---------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def suite() -> SuiteResult:
    if not RE3D.is_dir():
        pytest.skip("re3d not available (../shared/data/re3d)")
    return run_suite("re3d", systems())


def test_corpus_is_read_whole(suite: SuiteResult) -> None:
    assert suite.detail["documents"] == 88
    assert suite.detail["entities"]["ours"]["gold"] >= 1150


def test_floors(suite: SuiteResult) -> None:
    r = {row.measure.strip(): row for row in suite.rows}
    assert r["entity names found"].ours >= 0.80
    assert r["entity type right / found"].ours >= 0.77
    assert r["Location: type right / found"].ours >= 0.90
    assert r["Nationality: country node present"].ours >= 0.85
    assert r["entity type right / found"].baseline >= 0.82
