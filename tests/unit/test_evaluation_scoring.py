"""The scorer behind ``claimgraph eval``: per article, over the whole gold set, and the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.evaluation import (
    GoldArticle,
    evaluate,
    load_gold,
    load_gold_file,
    score_article,
    scoring,
)
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Statement
from tests.unit.gold_files import GOLD_FILES, GOLD_IDS, write_gold

# ---------------------------------------------------------------- scoring

BODY = (
    "The Defence Ministry said rebels shelled Alpha on Monday. "
    "Jon Smith said the talks had failed. The town was quiet."
)
TEXT = f"date 2025-01-06 {BODY}\n"


def _span(part: str) -> dict:
    start = TEXT.index(part)
    return {"start": start, "end": start + len(part), "text": part}


@pytest.fixture
def gold(tmp_path: Path) -> GoldArticle:
    path = write_gold(
        tmp_path,
        TEXT,
        {
            "entities": [
                {"name": "Defence Ministry", "type": "Organization"},
                {"name": "Jon Smith", "type": "Person"},
                {"name": "Alpha", "type": "Place"},
            ],
            "statements": [
                {
                    "id": "g1",
                    "speaker": "Defence Ministry",
                    **_span("rebels shelled Alpha on Monday"),
                    "mode": "indirect",
                    "polarity": "asserts",
                    "said_on": "2025-01-06",
                },
                {
                    "id": "g2",
                    "speaker": "Jon Smith",
                    **_span("the talks had failed"),
                    "mode": "indirect",
                    "said_on": "2025-01-06",
                },
                {
                    "id": "g3",
                    "speaker": None,
                    **_span("The town was quiet"),
                    "mode": "direct",
                    "said_on": "2025-01-06",
                },
            ],
            "events": [{"type": "attack", "date": "2025-01-06", "places": ["Alpha"]}],
        },
    )
    return load_gold_file(path)


def _stmt(
    sid: str,
    part: str,
    speaker: str | None = None,
    name: str | None = None,
    said_on: date | None = date(2025, 1, 6),
    **kw: object,
) -> Statement:
    start = BODY.index(part)
    return Statement(
        id=sid,
        speaker=speaker,
        speaker_name=name,
        cue="said",
        mode="indirect",
        text=part,
        said_on=said_on,
        start=start,
        end=start + len(part),
        **kw,
    )


def _records(statements: list[Statement], events: list[Event] | None = None) -> ArticleRecords:
    return ArticleRecords(
        article=Article(id="a", text=BODY, published=date(2025, 1, 6)),
        entities=[
            Entity(id="e1", name="Defence Ministry", type="Organization"),
            Entity(id="e2", name="Jon Smith", type="Person"),
            Entity(id="e3", name="Alpha", type="Organization"),
            Entity(id="e4", name="Ann Lee", type="Person"),
        ],
        statements=statements,
        events=events or [],
    )


def test_statement_precision_recall_and_attribute_accuracy(gold: GoldArticle) -> None:
    records = _records(
        [
            _stmt(
                "p1", "rebels shelled Alpha on Monday", speaker="e1", name="The Defence Ministry"
            ),
            _stmt("p2", "the talks had failed", speaker="e4", name="Ann Lee"),  # wrong speaker
            _stmt(
                "p3", "the talks had failed", name="Smith", said_on=date(2025, 1, 5)
            ),  # wrong date
            _stmt("p4", "Jon Smith said", speaker="e2", name="Jon Smith"),  # spurious
        ]
    )
    score = score_article(gold, records, TEXT)
    assert (score.statements.tp, score.statements.predicted, score.statements.gold) == (2, 4, 3)
    assert score.statements.precision == 0.5
    assert score.statements.recall == pytest.approx(2 / 3)
    assert score.statements.f1 == pytest.approx(4 / 7)
    assert (score.accuracy["said_on"].correct, score.accuracy["said_on"].total) == (1, 2)
    assert score.accuracy["polarity"].value == 1.0
    assert score.accuracy["mode"].value == 1.0
    assert [m["gold"] for m in score.details["missed"]] == ["g3"]
    assert sorted(m["predicted_id"] for m in score.details["spurious"]) == ["p2", "p4"]
    assert score.details["mismatched"] == [
        {
            "gold": "g2",
            "field": "said_on",
            "gold_value": "2025-01-06",
            "predicted": "2025-01-05",
            "predicted_id": "p3",
        }
    ]


def test_outlet_statement_matches_only_an_outlet_prediction(gold: GoldArticle) -> None:
    by_person = score_article(
        gold, _records([_stmt("p", "The town was quiet", speaker="e2")]), TEXT
    )
    by_outlet = score_article(
        gold, _records([_stmt("p", "The town was quiet", by_outlet=True)]), TEXT
    )
    assert by_person.statements.tp == 0
    assert by_outlet.statements.tp == 1


def test_statement_without_offsets_is_found_by_its_text(gold: GoldArticle) -> None:
    s = _stmt("p", "the talks had failed", name="Jon Smith")
    s.start = s.end = 0
    assert score_article(gold, _records([s]), TEXT).statements.tp == 1


def test_sentence_span_still_matches_the_content_inside_it(gold: GoldArticle) -> None:
    s = _stmt("p", "Jon Smith said the talks had failed.", name="Jon Smith")
    s.text = "talks had failed"  # narrower than the sentence span: used when inside it
    score = score_article(gold, _records([s]), TEXT)
    assert score.statements.tp == 1


def test_entities_and_type_accuracy(gold: GoldArticle) -> None:
    score = score_article(gold, _records([]), TEXT)
    # Alpha is found but typed Organization; Ann Lee is not in the gold.
    assert (score.entities.tp, score.entities.predicted, score.entities.gold) == (2, 4, 3)
    assert score.accuracy["entity_type"].correct == 2
    assert score.accuracy["entity_type"].total == 3
    assert score.details["missed_entities"] == [{"name": "Alpha", "type": "Place"}]
    assert [e["name"] for e in score.details["spurious_entities"]] == ["Alpha", "Ann Lee"]


def test_events_by_type_and_date(gold: GoldArticle) -> None:
    right = Event(id="v1", type="Shelling", summary="", date=date(2025, 1, 6), places=["e3"])
    extra = Event(id="v2", type="talks", summary="", date=date(2025, 1, 6))
    score = score_article(gold, _records([], [right, extra]), TEXT)
    assert (score.events.tp, score.events.predicted, score.events.gold) == (1, 2, 1)
    wrong_day = Event(id="v1", type="attack", summary="", date=date(2025, 1, 5))
    score = score_article(gold, _records([], [wrong_day]), TEXT)
    assert score.events.tp == 0
    assert (score.accuracy["event_date"].correct, score.accuracy["event_date"].total) == (0, 1)
    assert score.details["missed_events"][0]["predicted_date"] == "2025-01-05"


# ---------------------------------------------------------------- whole gold set


def _perfect(gold: GoldArticle):  # type: ignore[no-untyped-def]
    """An extractor that returns exactly the gold, in extractor coordinates."""

    def extract(article: Article) -> ArticleRecords:
        text = gold.read_text()
        delta = text.find(article.text or "")
        assert delta >= 0
        ids = {e.name: f"e{i}" for i, e in enumerate(gold.entities)}

        def ref(name: str) -> str:
            ent = gold.entity(name)
            assert ent is not None
            return ids[ent.name]

        entities = [
            Entity(id=ids[e.name], name=e.name, type=e.type, aliases=e.aliases)
            for e in gold.entities
        ]
        statements = [
            Statement(
                id=s.id,
                speaker=ref(s.speaker) if s.speaker_kind == "named" and s.speaker else None,
                speaker_name=s.speaker if s.speaker_kind == "unnamed" else None,
                cue=None,
                mode=s.mode or "indirect",
                text=text[s.start : s.end],
                said_on=s.said_on,
                polarity=s.polarity,
                via=[ref(v) for v in s.via],
                start=s.start - delta,
                end=s.end - delta,
                by_outlet=s.speaker_kind == "outlet",
            )
            for s in gold.statements
        ]
        events = [
            Event(id=e.id, type=e.type, summary="", date=e.date, places=[ref(p) for p in e.places])
            for e in gold.events
        ]
        return ArticleRecords(
            article=article, entities=entities, statements=statements, events=events
        )

    return extract


@pytest.mark.parametrize("path", GOLD_FILES, ids=GOLD_IDS)
def test_gold_scored_against_itself_is_perfect(path: Path) -> None:
    gold = load_gold_file(path)
    if not gold.article_path.exists():
        pytest.skip(f"{gold.article_path} is not beside this clone")
    scores, total = evaluate([gold], extract=_perfect(gold))
    for prf in (total.entities, total.statements, total.events):
        assert prf.f1 == 1.0
    assert all(a.value in (1.0, None) for a in total.accuracy.values())


def test_missing_article_is_skipped_not_scored(tmp_path: Path) -> None:
    path = write_gold(tmp_path, "date 2025-01-06 Text.", {"statements": []})
    (tmp_path / "a.txt").unlink()
    scores, total = evaluate(load_gold([path]), extract=lambda a: ArticleRecords(article=a))
    assert scores[0].skipped
    assert total.statements.gold == 0


def test_cli_json_and_min_f1(gold: GoldArticle, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        scoring,
        "_default_extract",
        lambda: lambda article: _records([_stmt("p", "the talks had failed", name="Jon Smith")]),
    )
    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(gold.gold_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["total"]["statements"]["tp"] == 1
    assert doc["total"]["statements"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    result = runner.invoke(main, ["eval", str(gold.gold_path), "--min-f1", "0.9"])
    assert result.exit_code == 1
    assert "below --min-f1" in result.output
    result = runner.invoke(main, ["eval", str(gold.gold_path), "--details"])
    assert result.exit_code == 0
    assert "missed   g1" in result.output
