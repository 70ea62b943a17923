"""The query commands end to end: real CLI, real Neo4j, the seed graph."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from tests.integration.conftest import WHO_SAID_COLUMNS

pytestmark = pytest.mark.integration


def cli(target: Any, *args: str) -> Any:
    # A wide terminal: these tests read what the table holds, not how it wraps.
    env = {**target.env(), "COLUMNS": "300"}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_who_said_json_rows(seeded_graph: Any) -> None:
    result = cli(seeded_graph, "who-said", "--about", "stepanakert", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["speaker"] == "Artsrun Hovhannisian"
    assert rows[0]["said_on"] == "2020-10-04" and rows[0]["published"] == "2020-10-04"
    assert list(rows[0])[: len(WHO_SAID_COLUMNS)] == WHO_SAID_COLUMNS


def test_who_said_table_and_csv(seeded_graph: Any) -> None:
    table = cli(seeded_graph, "who-said", "--speaker", "Hovhannisian", "--polarity", "unconfirmed")
    assert table.exit_code == 0, table.output
    assert "Artsrun Hovhannisian" in table.output and "unconfirmed" in table.output
    assert "Stepanakert came under" not in table.output
    out = cli(seeded_graph, "who-said", "--about", "Madagiz", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["speaker"] for r in rows} == {"Ilham Aliyev", "Artsrun Hovhannisian"}
    assert "Twitter" in {r["via"] for r in rows}


def test_a_full_page_says_how_to_get_more(seeded_graph: Any) -> None:
    everything = json.loads(cli(seeded_graph, "who-said", "--format", "json").stdout)
    assert len(everything) > 3
    cut = cli(seeded_graph, "who-said", "--limit", "3", "--format", "json")
    assert cut.exit_code == 0, cut.output
    assert json.loads(cut.stdout) == everything[:3]  # the note stays off stdout
    assert cut.stderr.strip() == "the first 3 rows shown; there may be more: --limit 500"
    whole = cli(seeded_graph, "who-said", "--limit", str(len(everything) + 1))
    assert whole.stderr == ""
    query = cli(seeded_graph, "query", "timeline", "-p", "about=Madagiz", "-p", "limit=1")
    assert query.stderr.strip() == "the first row shown; there may be more: --param limit=500"


def test_unknown_and_ambiguous_names_fail_in_one_line(seeded_graph: Any) -> None:
    unknown = cli(seeded_graph, "timeline", "Atlantis")
    assert unknown.exit_code != 0
    assert unknown.output.strip() == "Error: no actor or place called 'Atlantis' in the graph"
    ambiguous = cli(seeded_graph, "profile", "aliyev")
    assert ambiguous.exit_code != 0
    assert len(ambiguous.output.strip().splitlines()) == 1
    assert "Ilham Aliyev" in ambiguous.output and "Kamran Aliyev" in ambiguous.output
    bad_date = cli(seeded_graph, "who-said", "--from", "yesterday")
    assert bad_date.exit_code != 0 and "expected date" in bad_date.output


def test_a_misspelt_name_suggests_the_closest_names_in_the_graph(seeded_graph: Any) -> None:
    place = cli(seeded_graph, "timeline", "Stepanakrt")
    assert place.exit_code == 1
    assert place.output.strip() == (
        "Error: no actor or place called 'Stepanakrt' in the graph; did you mean Stepanakert?"
    )
    # A word of a longer name (or of an alias) finds the whole name; names with
    # spaces come quoted, ready to paste.
    person = cli(seeded_graph, "who-said", "--speaker", "Hovhanisian")
    assert person.exit_code == 1 and len(person.output.strip().splitlines()) == 1
    assert "did you mean 'Artsrun Hovhannisian'?" in person.output
    # Injection-shaped input is a name like any other: one line, nothing run.
    hostile = cli(seeded_graph, "profile", "x' OR 1=1 //")
    assert hostile.exit_code == 1 and len(hostile.output.strip().splitlines()) == 1


def test_from_later_than_to_is_an_error_not_an_empty_answer(seeded_graph: Any) -> None:
    for args in (
        ("who-said", "--from", "2020-10-05", "--to", "2020-10-01"),
        ("timeline", "Stepanakert", "--from", "2020-10-05", "--to", "2020-10-01"),
        ("disputed", "--from", "2020-10-05", "--to", "2020-10-01"),
    ):
        result = cli(seeded_graph, *args)
        assert result.exit_code == 1, (args, result.output)
        assert result.output.strip() == (
            "Error: --from 2020-10-05 is later than --to 2020-10-01: no date can match"
        )
    by_param = cli(seeded_graph, "query", "network", "-p", "from=2020-10-05", "-p", "to=2020-10-01")
    assert by_param.exit_code == 1 and "later than" in by_param.output
    same_day = cli(seeded_graph, "who-said", "--from", "2020-10-04", "--to", "2020-10-04")
    assert same_day.exit_code == 0 and "(no rows)" not in same_day.output


def test_timeline_and_disputed_commands(seeded_graph: Any) -> None:
    rows = json.loads(cli(seeded_graph, "timeline", "sugovushan", "--format", "json").output)
    assert {(r["type"], r["date"]) for r in rows} >= {
        ("FIGHT", "2020-10-03"),
        ("renaming", "2020-10-03"),
    }
    assert set(rows[0]) >= {
        "date",
        "date_end",
        "precision",
        "type",
        "summary",
        "agents",
        "targets",
        "places",
        "claimed_by",
        "denied_by",
        "counts",
        "sources",
        "article",
        "incident",
    }
    disputed = cli(seeded_graph, "disputed", "--about", "Madagiz")
    assert disputed.exit_code == 0
    assert "unconfirmed" in disputed.output and "Artsrun Hovhannisian" in disputed.output
    assert "Ilham Aliyev" in disputed.output
    # the two ministries' claims are about two incidents: no row pairs them
    terter = cli(seeded_graph, "disputed", "--about", "Terter", "--format", "json")
    assert terter.exit_code == 0 and json.loads(terter.output) == []


def test_query_and_queries_commands(seeded_graph: Any) -> None:
    listing = cli(seeded_graph, "queries", "--format", "json")
    names = {q["name"] for q in json.loads(listing.output)}
    assert {"who-said", "as-of", "path"} <= names
    result = cli(
        seeded_graph,
        "query",
        "as-of",
        "-p",
        "about=stepanakert",
        "-p",
        "date=2020-10-04",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert [r["statement"] for r in json.loads(result.output)] == ["seedtest00000001:s2"]
    missing = cli(seeded_graph, "query", "as-of", "-p", "about=stepanakert")
    assert missing.exit_code != 0 and "needs parameter date" in missing.output
    path = cli(
        seeded_graph,
        "query",
        "path",
        "-p",
        "source=ilham aliyev",
        "-p",
        "target=Goradiz",
        "--format",
        "csv",
    )
    assert path.exit_code == 0 and "Goradiz" in path.output


def test_cypher_refuses_a_write_without_write_flag(seeded_graph: Any) -> None:
    before = seeded_graph.count("MATCH (n) RETURN count(n)")
    refused = cli(seeded_graph, "cypher", "CREATE (:Intruder {name: 'x'}) RETURN 1")
    assert refused.exit_code != 0
    assert "read-only" in refused.output and "--write" in refused.output
    detach = cli(seeded_graph, "cypher", "MATCH (n:Article) DETACH DELETE n")
    assert detach.exit_code != 0
    assert seeded_graph.count("MATCH (n) RETURN count(n)") == before
    allowed = cli(
        seeded_graph,
        "cypher",
        "--write",
        "CREATE (:Intruder {name: $n}) RETURN 1 AS one",
        "-p",
        "n=x",
        "--format",
        "json",
    )
    assert allowed.exit_code == 0, allowed.output
    assert json.loads(allowed.output) == [{"one": 1}]
    assert seeded_graph.count("MATCH (n:Intruder) RETURN count(n)") == 1


def test_cypher_reads_with_parameters(seeded_graph: Any) -> None:
    result = cli(
        seeded_graph,
        "cypher",
        "MATCH (s:Statement {polarity: $p}) RETURN s.id AS id",
        "-p",
        "p=unconfirmed",
        "--format",
        "json",
    )
    assert json.loads(result.output) == [{"id": "seedtest00000001:s5"}]
    broken = cli(seeded_graph, "cypher", "MATCH (n RETURN n")
    assert broken.exit_code != 0 and broken.output.startswith("Error: Cypher failed")


def test_who_said_leaves_narration_out_unless_asked(empty_graph: Any) -> None:
    from datetime import date

    from claimgraph.graph.writer import write_batches
    from claimgraph.loaders.pipeline import Extractor
    from claimgraph.schema.records import Article

    text = (
        "Artillery shelled the town of Halvik on June 14, killing two civilians. "
        "Mayor Tomas Ebner said the shelling of Halvik had destroyed the school."
    )
    records = Extractor().extract(
        Article(id="n1", text=text, published=date(2025, 6, 15), outlet="Tidewater News")
    )
    assert {s.mode for s in records.statements} >= {"narration", "indirect"}
    write_batches(empty_graph.driver, empty_graph.database, [records])
    plain = json.loads(cli(empty_graph, "who-said", "--about", "Halvik", "--format", "json").stdout)
    assert [r["speaker"] for r in plain] == ["Tomas Ebner"]
    both = cli(
        empty_graph, "who-said", "--about", "Halvik", "--include-narration", "--format", "json"
    )
    rows = json.loads(both.stdout)
    assert {r["speaker"] for r in rows} == {"Tomas Ebner", "Tidewater News"}
    assert {r["mode"] for r in rows} == {"indirect", "narration"}
