"""viz, export and analyze against a real graph, including hostile article text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.graph.writer import write_batches
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Statement

pytestmark = pytest.mark.integration

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"


def cli(target: Any, *args: str) -> Any:
    return CliRunner().invoke(main, list(args), env=target.env(), catch_exceptions=False)


def hostile_records() -> ArticleRecords:
    """An article whose every string carries markup, as a defaced page would."""
    aid = "hostile000000001"
    return ArticleRecords(
        Article(
            aid, title=f"Defaced {SCRIPT}", outlet=f"Outlet {IMG}", published=None, sha256="3" * 64
        ),
        [
            Entity("p", f"Njord {SCRIPT}", "Person"),
            Entity("o", f"Front {IMG}", "Organization"),
            Entity("t", f"Town {SCRIPT}", "Place"),
        ],
        [
            Statement(
                f"{aid}:s1",
                "p",
                f"Njord {SCRIPT}",
                f"said {IMG}",
                "direct",
                f"The page showed {SCRIPT} and {IMG}",
                quote=SCRIPT,
                about=["t", "o"],
            ),
            Statement(
                f"{aid}:s2",
                "p",
                f"Njord {SCRIPT}",
                "said",
                "direct",
                f"It was {IMG} again",
                about=["t"],
            ),
        ],
        [
            Event(
                f"{aid}:e1",
                f"cyberattack {SCRIPT}",
                f"defacement {IMG}",
                agents=["o"],
                targets=["t"],
                claimed_by=[f"{aid}:s1"],
            )
        ],
    )


def test_viz_page_escapes_everything_from_articles(seeded_graph: Any, tmp_path: Path) -> None:
    summary = write_batches(seeded_graph.driver, seeded_graph.database, [hostile_records()])
    assert summary.articles_failed == 0
    out = tmp_path / "claims.html"
    result = cli(seeded_graph, "viz", "--out", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert SCRIPT not in page and IMG not in page
    assert "<img" not in page and "onerror=alert" not in page.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert page.lower().count("</script") == 2
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", page, re.I)
    # The seed's claims are there too, with their dates on the edges.
    assert "Artsrun Hovhannisian" in page and "2020-10-04" in page


def test_viz_selection_and_errors(seeded_graph: Any, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    result = cli(
        seeded_graph, "viz", "--about", "Madagiz", "--from", "2020-10-03", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Sugovushan" in page and "Goradiz" not in page
    missing = cli(seeded_graph, "viz", "--about", "Atlantis", "--out", str(out))
    assert missing.exit_code != 0 and "Atlantis" in missing.output
    typo = cli(seeded_graph, "viz", "--about", "Madagis", "--out", str(out))
    assert typo.exit_code == 1 and "did you mean Madagiz?" in typo.output
    empty = cli(seeded_graph, "viz", "--from", "2030-01-01", "--out", str(out))
    assert empty.exit_code == 0 and "(0 nodes, 0 edges)" in empty.stdout
    assert "no statement matches the selection" in empty.stderr
    full = cli(seeded_graph, "viz", "--out", str(out))
    assert "no statement matches" not in full.stderr


@pytest.mark.parametrize(
    "command", [["viz", "--out", "x.html"], ["export", "--out", "x.json"], ["analyze"]]
)
def test_from_later_than_to_is_the_same_error_as_the_queries(
    seeded_graph: Any, command: list[str], tmp_path: Path
) -> None:
    args = [a if a.startswith("-") or "." not in a else str(tmp_path / a) for a in command]
    result = cli(seeded_graph, *args, "--from", "2020-10-05", "--to", "2020-10-01")
    assert result.exit_code == 1
    expected = "Error: --from 2020-10-05 is later than --to 2020-10-01: no date can match"
    assert result.output.strip() == expected
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_whole_graph(seeded_graph: Any, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    result = cli(seeded_graph, "export", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    nodes = seeded_graph.count("MATCH (n) RETURN count(n)")
    rels = seeded_graph.count("MATCH ()-[r]->() RETURN count(r)")
    if fmt == "graphml":
        g = nx.read_graphml(out)
    elif fmt == "gexf":
        g = nx.read_gexf(out)
    elif fmt == "json":
        g = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    else:
        node_lines = (tmp_path / "g.nodes.csv").read_text().strip().splitlines()
        edge_lines = (tmp_path / "g.edges.csv").read_text().strip().splitlines()
        assert (len(node_lines) - 1, len(edge_lines) - 1) == (nodes, rels)
        return
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, rels)
    if fmt != "json":
        said_on = {d.get("said_on") for _, d in g.nodes(data=True)}
        assert "2020-10-04" in said_on


def test_export_claims_subgraph(seeded_graph: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.graphml"
    result = cli(seeded_graph, "export", "--about", "Stepanakert", "--out", str(out))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert {"Artsrun Hovhannisian", "Stepanakert", "Azerbaijani forces"} <= labels
    assert "Madagiz" not in labels


def test_analyze_table_and_json(seeded_graph: Any) -> None:
    result = cli(seeded_graph, "analyze", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"central", "communities", "talks_about"}
    assert data["central"][0]["pagerank"] >= data["central"][-1]["pagerank"]
    talks = {(r["speaker"], r["about"]): r["statements"] for r in data["talks_about"]}
    assert talks[("Artsrun Hovhannisian", "Stepanakert")] == 2
    table = cli(seeded_graph, "analyze", "--top", "3")
    assert "Most central actors and places" in table.output and "Communities" in table.output
    rows = list(csv.DictReader(io.StringIO(cli(seeded_graph, "analyze", "--format", "csv").output)))
    # the CSV holds the JSON's three tables, each row named by its section
    assert [sum(r["section"] == s for r in rows) for s in data] == [len(v) for v in data.values()]
    csv_talks = {(r["speaker"], r["about"]): r["statements"] for r in rows if r["speaker"]}
    assert csv_talks[("Artsrun Hovhannisian", "Stepanakert")] == "2"
