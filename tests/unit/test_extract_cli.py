"""``claimgraph extract`` and the streaming extractor behind it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, ArticleRecords, records_from_json

STORY = (
    "date 2025-06-14 The Varossan Defence Ministry said on Friday that two bridges near Halvik "
    'had been destroyed.\n\n"We will rebuild them," Mayor Tomas Ebner said.\n'
)


def test_extract_json_follows_the_records_contract(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    (art,) = doc["articles"]
    assert set(art) >= {"article", "entities", "statements", "events", "times"}
    first = art["statements"][0]
    for field in (
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
    ):
        assert field in first
    assert first["speaker_name"] == "Varossan Defence Ministry"
    assert first["said_on"] == "2025-06-13"  # "on Friday" before a Saturday publication
    (records,) = records_from_json(doc)
    assert records.entity(first["speaker"]).type == "Organization"


def test_extract_table_and_bad_input(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(main, ["extract", str(missing), str(story), "--format", "table"])
    assert result.exit_code == 1
    assert "Tomas Ebner" in result.stdout
    assert "missing.txt" in result.stderr


def test_extract_date_option_and_out_file(tmp_path: Path) -> None:
    story = tmp_path / "undated.txt"
    story.write_text("Mayor Tomas Ebner said the bridges would be rebuilt.\n", encoding="utf-8")
    out = tmp_path / "records.json"
    result = CliRunner().invoke(
        main, ["extract", str(story), "--date", "2025-06-16", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    (records,) = records_from_json(json.loads(out.read_text(encoding="utf-8")))
    assert records.statements[0].said_on == date(2025, 6, 16)
    bad = CliRunner().invoke(main, ["extract", str(story), "--date", "16 June"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_extract_many_streams_in_order_with_problems_in_place() -> None:
    items = [
        Article(
            id="a1",
            text="Mayor Tomas Ebner said the bridges would be rebuilt.",
            published=date(2025, 6, 14),
        ),
        InputProblem("broken.txt", "cannot decode"),
        Article(
            id="a2", text="The ministry said the road was closed.", published=date(2025, 6, 15)
        ),
    ]
    out = list(Extractor(batch_size=1).extract_many(iter(items)))
    assert [type(x).__name__ for x in out] == ["ArticleRecords", "InputProblem", "ArticleRecords"]
    assert isinstance(out[0], ArticleRecords) and out[0].article.id == "a1"
    assert isinstance(out[2], ArticleRecords) and out[2].statements[0].said_on == date(2025, 6, 15)


def test_extract_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
