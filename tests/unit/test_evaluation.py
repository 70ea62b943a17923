"""The example corpus, the gold files, and how gold and predictions are matched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimgraph.errors import InputError, RecordError
from claimgraph.evaluation import load_gold_file
from claimgraph.evaluation.gold import text_sha256
from claimgraph.evaluation.matching import (
    canonical_event_type,
    greedy_match,
    name_keys,
    spans_match,
)
from tests.unit.gold_files import DATA, GOLD_FILES, GOLD_IDS, write_gold

EXAMPLES = DATA / "examples"


# ---------------------------------------------------------------- the corpus


def test_examples_are_dated_articles_of_news_length() -> None:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert len(files) >= 11
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert re.match(r"date \d{4}-\d{2}-\d{2} \S", text), path.name
        assert 250 <= len(text.split()) <= 600, path.name
        assert re.fullmatch(r"\d\d_[a-z0-9-]+\.txt", path.name), path.name
    assert (EXAMPLES / "README.md").exists()


def test_hostile_article_carries_markup_to_escape() -> None:
    text = (EXAMPLES / "99_defaced-website.txt").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text


def test_enough_gold() -> None:
    ours = [p for p in GOLD_FILES if json.loads(p.read_text())["article"]["base"] == "package"]
    assert len(ours) >= 8
    assert (DATA / "gold" / "000_seed.json") in GOLD_FILES
    assert len(list((DATA / "gold" / "heldout").glob("*.json"))) >= 2


# ---------------------------------------------------------------- gold files


@pytest.mark.parametrize("path", GOLD_FILES, ids=GOLD_IDS)
def test_gold_spans_are_in_bounds_and_match_their_text(path: Path) -> None:
    gold = load_gold_file(path)
    if not gold.article_path.exists():
        pytest.skip(f"{gold.article_path} is not beside this clone")
    text = gold.read_text()  # also checks the recorded sha256
    assert gold.sha256 == text_sha256(text)
    assert gold.statements
    # real-news gold lists only the named speakers' entities
    assert gold.entities or all(s.speaker is None for s in gold.statements)
    for s in gold.statements:
        assert 0 <= s.start < s.end <= len(text), s.id
        span = text[s.start : s.end]
        assert span.strip(), s.id
        assert span == span.strip(), f"{s.id}: span has surrounding blanks"
        if s.text is not None:
            assert s.text == span, s.id
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw["article"]["base"] == "package":
        assert all("text" in s for s in raw["statements"])


def test_seed_gold_copies_no_prose_from_the_seed(seed_path: Path) -> None:
    raw = json.loads((DATA / "gold" / "000_seed.json").read_text(encoding="utf-8"))
    assert all("text" not in s for s in raw["statements"])
    words = re.findall(r"\w+", seed_path.read_text(encoding="utf-8").lower())
    grams = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
    for item in raw["statements"] + raw["events"]:
        note = re.findall(r"\w+", item["note"].lower())
        copied = [note[i : i + 4] for i in range(len(note) - 3) if tuple(note[i : i + 4]) in grams]
        assert not copied, (item["id"], copied)


def test_gold_naming_an_unknown_speaker_is_rejected(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        "date 2025-01-06 Text.",
        {
            "entities": [],
            "statements": [
                {"speaker": "Nobody", "start": 16, "end": 20, "mode": "direct", "said_on": None}
            ],
        },
    )
    with pytest.raises(RecordError, match="unknown entity 'Nobody'"):
        load_gold_file(path)


def test_gold_with_an_empty_span_is_rejected(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        "date 2025-01-06 Text.",
        {"statements": [{"speaker": None, "start": 5, "end": 5, "mode": "direct"}]},
    )
    with pytest.raises(RecordError, match="empty span"):
        load_gold_file(path)


def test_a_file_that_is_not_gold_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"articles": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not a gold file"):
        load_gold_file(path)


def test_changed_article_is_detected(tmp_path: Path) -> None:
    path = write_gold(tmp_path, "date 2025-01-06 Text.", {"statements": []})
    doc = json.loads(path.read_text())
    doc["article"]["sha256"] = "0" * 64
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError, match="changed since it was annotated"):
        load_gold_file(path).read_text()


# ---------------------------------------------------------------- matching


def test_spans_match_needs_half_of_the_shorter() -> None:
    assert spans_match((0, 10), (5, 30)) > 0  # 5 of the shorter 10
    assert spans_match((0, 10), (6, 30)) == 0
    assert spans_match((10, 20), (0, 100)) == pytest.approx(0.1)


def test_greedy_match_is_one_to_one_and_prefers_better_pairs() -> None:
    scores = {(0, 0): 0.9, (0, 1): 0.5, (1, 0): 0.95}
    pairs = greedy_match([0, 1], [0, 1], lambda g, p: scores.get((g, p), 0.0))
    assert pairs == [(0, 1), (1, 0)]


def test_names_match_across_spellings_and_articles() -> None:
    assert name_keys(["The Varossan Defence Ministry"]) == name_keys(["Varossan Defense Ministry"])


def test_event_type_synonyms() -> None:
    assert canonical_event_type("Shelling") == "FIGHT"
    assert canonical_event_type("ASSAULT") == canonical_event_type("attack") == "FIGHT"
    assert canonical_event_type("detention") == "COERCE"
    assert canonical_event_type("renaming") == "COERCE"
    assert canonical_event_type("talks") == canonical_event_type("CONSULT") == "CONSULT"
