"""``claimgraph eval``: suites, hidden absent data, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from tests.unit.eval_corpora import MEANTIME, systems
from tests.unit.gold_files import write_gold

FIXTURES = Path(__file__).parent / "fixtures" / "realnews"


@pytest.fixture
def no_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Suites that find no data: an empty real-news folder, no ../shared/data."""
    import claimgraph.evaluation.suites as suites

    monkeypatch.setattr(suites, "realnews_gold_dir", lambda: tmp_path / "realnews")
    monkeypatch.setattr(suites, "shared_data_dir", lambda: tmp_path / "nothing")
    return tmp_path


@pytest.fixture
def absent_article(tmp_path: Path) -> Path:
    """A gold file whose article is not there (like the seed outside a full checkout)."""
    path = write_gold(tmp_path, "Jon Smith said it.", {"entities": [], "statements": []})
    (tmp_path / "a.txt").unlink()
    return path


def test_articles_without_their_file_are_hidden_unless_verbose(absent_article: Path) -> None:
    quiet = CliRunner().invoke(main, ["eval", str(absent_article)])
    assert quiet.exit_code == 0, quiet.output
    assert "skipped" not in quiet.output and "TOTAL" in quiet.output
    loud = CliRunner().invoke(main, ["eval", str(absent_article), "-v"])
    assert "skipped: missing" in loud.output


def test_a_suite_without_data_says_so_in_one_line(no_shared: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--suite", "realnews"])
    assert result.exit_code == 1
    assert "realnews" in result.output and "-v" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_all_suites_hidden_when_absent_and_listed_with_v(
    no_shared: Path, absent_article: Path
) -> None:
    quiet = CliRunner().invoke(main, ["eval", str(absent_article), "--suite", "all"])
    assert quiet.exit_code == 0, quiet.output
    assert "meantime" not in quiet.output and "re3d" not in quiet.output
    loud = CliRunner().invoke(
        main, ["eval", str(absent_article), "--suite", "all", "-v", "--format", "json"]
    )
    doc = json.loads(loud.stdout)
    assert [s["suite"] for s in doc["suites"]] == ["realnews", "meantime", "re3d"]
    assert all(s["missing"] and not s["rows"] for s in doc["suites"])
    assert doc["articles"][0]["skipped"].startswith("missing")


def test_realnews_suite_json_and_table(monkeypatch: pytest.MonkeyPatch) -> None:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    import claimgraph.cli.eval_cmd as eval_cmd
    import claimgraph.evaluation.suites as suites

    monkeypatch.setattr(suites, "realnews_gold_dir", lambda: FIXTURES)
    monkeypatch.setattr(eval_cmd, "Systems", systems)
    result = CliRunner().invoke(
        main, ["eval", "--suite", "realnews", "--split", "test", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    [suite] = json.loads(result.stdout)["suites"]
    measures = {r["measure"]: r for r in suite["rows"]}
    assert measures["test: recall"]["n"] == 6
    assert not any(m.startswith("dev:") for m in measures)
    assert set(suite["detail"]["test"]) == {"ours", "baseline"}
    table = CliRunner().invoke(main, ["eval", "--suite", "realnews"])
    assert table.exit_code == 0, table.output
    assert "baseline" in table.output and "dev: speaker right" in table.output


def test_csv_holds_the_json_figures_one_a_row() -> None:
    import csv
    import io

    gold = str(Path(__file__).resolve().parents[2] / "claimgraph/data/gold/02_kestria-denies.json")
    as_json = json.loads(CliRunner().invoke(main, ["eval", gold, "--format", "json"]).output)
    result = CliRunner().invoke(main, ["eval", gold, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["suite", "name", "measure", "ours", "baseline", "n"]
    total = {r["measure"]: r for r in rows if r["name"] == "TOTAL"}
    statements = as_json["total"]["statements"]
    assert float(total["statements f1"]["ours"]) == statements["f1"]
    assert int(total["statements recall"]["n"]) == statements["gold"]
    assert (
        float(total["polarity accuracy"]["ours"])
        == as_json["total"]["accuracy"]["polarity"]["value"]
    )
    # one row per article figure: 9 scores and the accuracies, for the article and the total
    per_article = 9 + len(as_json["total"]["accuracy"])
    assert len(rows) == 2 * per_article
