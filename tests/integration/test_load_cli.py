"""``claimgraph load`` and ``claimgraph stats`` end to end against a real Neo4j.

Extraction is the slow part, so the seed and example articles are extracted
once per module (``claimgraph extract --format json``) and every test that
can works from those records.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.graph.writer_synthetic import synthetic_records

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "000_c0cb85075c205c63.txt"
EXAMPLES = REPO / "claimgraph" / "data" / "examples"


def _texts() -> list[str]:
    paths = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    assert paths, "the example articles are missing"
    # The seed lives beside the project; without it the examples alone are loaded.
    return ([str(SEED)] if SEED.exists() else []) + paths


def _invoke(graph, *args: str):
    return CliRunner().invoke(main, list(args), env=graph.env(), catch_exceptions=False)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The ``extract --format json`` document of the seed and example articles."""
    result = CliRunner().invoke(
        main, ["extract", *_texts(), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("extract") / "records.json"
    path.write_text(result.stdout)
    assert json.loads(result.stdout)["articles"]
    return path


SNAPSHOT = {
    "articles": "MATCH (n:Article) RETURN n.id AS k ORDER BY k",
    "actors": "MATCH (n:Actor) RETURN n.key AS k ORDER BY k",
    "places": "MATCH (n:Place) RETURN n.key AS k ORDER BY k",
    "statements": "MATCH (n:Statement) RETURN n.id AS k ORDER BY k",
    "events": "MATCH (n:Event) RETURN n.id AS k ORDER BY k",
    "edges": "MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*) AS k ORDER BY t",
}


def _snapshot(graph) -> dict[str, list]:
    out = {}
    for name, query in SNAPSHOT.items():
        records = graph.driver.execute_query(query, database_=graph.database).records
        out[name] = [tuple(r.values()) for r in records]
    out["size"] = [
        graph.count("MATCH (n) RETURN count(n)"),
        graph.count("MATCH ()-[r]->() RETURN count(r)"),
    ]
    return out


def test_text_and_records_load_the_same_graph_and_reloads_change_nothing(empty_graph, extracted):
    texts = _texts()
    first = _invoke(empty_graph, "load", *texts, "--batch-size", "4")
    assert first.exit_code == 0, first.output
    assert f"Articles: {len(texts)} new" in first.stdout
    from_text = _snapshot(empty_graph)
    assert len(from_text["articles"]) == len(texts)
    assert from_text["size"][0] > 0 and from_text["size"][1] > 0

    second = _invoke(empty_graph, "load", *texts)
    assert second.exit_code == 0, second.output
    assert f"0 new, 0 replaced, {len(texts)} skipped" in second.stdout
    assert _snapshot(empty_graph) == from_text

    with empty_graph.driver.session(database=empty_graph.database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    for _ in range(2):
        result = _invoke(empty_graph, "load", "--records", str(extracted))
        assert result.exit_code == 0, result.output
        assert _snapshot(empty_graph) == from_text


def test_dates_are_temporal_and_stats_report_them(empty_graph, extracted):
    assert _invoke(empty_graph, "load", "--records", str(extracted)).exit_code == 0
    since = "2020-10-03" if SEED.exists() else "2025-06-14"
    said = empty_graph.count(
        f"MATCH (s:Statement) WHERE s.said_on >= date('{since}') RETURN count(s)"
    )
    assert said > 0
    stats = _invoke(empty_graph, "stats", "--json")
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.stdout)
    assert data["labels"]["Article"] == len(_texts())
    assert data["labels"]["Statement"] == empty_graph.count("MATCH (s:Statement) RETURN count(s)")
    assert data["relationship_types"]["REPORTED_IN"] == data["labels"]["Statement"]
    first, last = (
        data["ranges"]["articles_published"]["first"],
        data["ranges"]["articles_published"]["last"],
    )
    assert first <= last
    assert data["ranges"]["statements_said_on"] is not None
    table = _invoke(empty_graph, "stats")
    assert (
        table.exit_code == 0 and ":Statement" in table.stdout and "statements made" in table.stdout
    )
    # --format like every other command; --json stays as its alias.
    assert json.loads(_invoke(empty_graph, "stats", "--format", "json").stdout) == data
    rows = list(
        csv.DictReader(io.StringIO(_invoke(empty_graph, "stats", "--format", "csv").stdout))
    )
    counts = {(r["kind"], r["name"]): r["count"] for r in rows}
    assert counts[("label", "Statement")] == str(data["labels"]["Statement"])
    assert counts[("relationship", "REPORTED_IN")] == str(data["relationship_types"]["REPORTED_IN"])
    published = next(r for r in rows if r["name"] == "articles published")
    assert (published["first"], published["last"]) == (first, last)


def test_a_missing_path_is_counted_once_as_failed(empty_graph, tmp_path):
    missing = tmp_path / "nonexistent"
    result = _invoke(empty_graph, "load", str(missing))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {missing}: no such file or folder"
    summary = result.stdout.splitlines()[0]
    assert summary.startswith(
        "Articles: 0 new, 0 replaced, 0 skipped (already loaded), 1 failed (listed above) in"
    ), summary
    assert "error" not in result.stdout and "warning" not in result.stdout


def test_bad_records_are_reported_by_line_and_the_rest_loads(empty_graph, tmp_path):
    good = [r.to_json() for r in synthetic_records(3, seed=5)]
    bad_date = json.loads(json.dumps(good[0]))
    bad_date["article"]["id"] = "bad-date"
    bad_date["events"][0]["date"] = "2020-02-30"
    missing = json.loads(json.dumps(good[0]))
    missing["article"]["id"] = "missing-field"
    del missing["article"]["id"]
    path = tmp_path / "records.jsonl"
    lines = [good[0], "{broken", bad_date, good[1], missing, good[2]]
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    result = _invoke(empty_graph, "load", "--records", str(path))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [line.split(": ")[1] for line in errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "2020-02-30" in errors[1] and "'id'" in errors[2]
    assert "Articles: 3 new" in result.stdout
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == 3


def test_dry_run_writes_nothing(empty_graph, tmp_path):
    path = tmp_path / "records.jsonl"
    records = list(synthetic_records(5, seed=6))
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records))
    result = _invoke(empty_graph, "load", "--records", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    statements = sum(len(r.statements) for r in records)
    assert "Dry run: 5 articles" in result.stdout and f"{statements} statements" in result.stdout
    assert empty_graph.count("MATCH (n) RETURN count(n)") == 0


def test_load_needs_something_to_load(empty_graph):
    result = _invoke(empty_graph, "load")
    assert result.exit_code == 2 and "PATH or --records" in result.output


def test_bad_article_lines_are_reported_and_the_rest_is_extracted_and_loaded(empty_graph, tmp_path):
    lines = [
        {
            "id": "ok-1",
            "published": "2021-05-04",
            "text": "The Valdoran Interior Ministry said on Monday that the Brenn bridge was shelled.",
        },
        "{broken",
        {
            "id": "bad-date",
            "published": "2021-13-04",
            "text": "Mara Voss, the interior minister, told reporters on Tuesday that nobody was hurt.",
        },
        {"id": "no-text", "published": "2021-05-04"},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    result = _invoke(empty_graph, "load", str(path))
    assert result.exit_code == 1
    problems = [
        line for line in result.stderr.splitlines() if line.startswith(("error:", "warning:"))
    ]
    assert [line.split(": ")[:2] for line in problems] == [
        ["error", f"{path}:2"],
        ["warning", f"{path}:3"],
        ["error", f"{path}:4"],
    ]
    assert "2021-13-04" in problems[1]
    # The article with a bad date still loads, without a publication date.
    assert "Articles: 2 new" in result.stdout
    assert empty_graph.count("MATCH (a:Article) WHERE a.published IS NULL RETURN count(a)") == 1
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == 2


def test_replace_flag_rewrites_what_is_loaded(empty_graph, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in synthetic_records(4, seed=8)))
    assert _invoke(empty_graph, "load", "--records", str(path)).exit_code == 0
    before = _snapshot(empty_graph)
    result = _invoke(empty_graph, "load", "--records", str(path), "--replace")
    assert result.exit_code == 0, result.output
    assert "0 new, 4 replaced, 0 skipped" in result.stdout
    assert _snapshot(empty_graph) == before
