"""claimgraph demo against the session's Neo4j (NEO4J_URI set: no managed server)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.cli.demo_cmd import DEMO_ROWS
from claimgraph.ingest_examples import example_paths
from claimgraph.queries import run_query

pytestmark = pytest.mark.integration


def test_example_corpus_ships_with_the_hostile_article() -> None:
    with example_paths() as paths:
        names = [p.name for p in paths]
    assert len(names) >= 10 and "99_defaced-website.txt" in names


def test_demo_loads_answers_and_writes_a_safe_page(empty_graph: Any, tmp_path: Path) -> None:
    out = tmp_path / "demo.html"
    runner = CliRunner()
    result = runner.invoke(
        main, ["demo", "--out", str(out)], env=empty_graph.env(), catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    text = result.output
    assert "Who said what about Dravik" in text and "Disputed claims" in text
    assert "Ilona Marek" in text or "Oren Vasko" in text
    assert "contradicting" in text or "denied" in text, "the disputed table has rows"
    assert "MATCH (sp:Actor)-[:SAID]->(s:Statement)" in text
    # A cut table says so, with the command that shows the rest.
    total = len(run_query(empty_graph.driver, empty_graph.database, "disputed", {"limit": 500}))
    assert total > 0
    if total > DEMO_ROWS:
        assert f"{DEMO_ROWS} of {total} rows; `claimgraph disputed` shows all" in text
    else:
        assert "claimgraph disputed` shows all" not in text
    with example_paths() as paths:
        assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == len(paths)
    page = out.read_text(encoding="utf-8")
    # The defaced-website article is loaded and its markup shows only escaped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert not re.search(r"<(script|link)[^>]*\s(src|href)\s*=", page, re.I)
    # Running it again loads nothing new and gives the same page.
    again = runner.invoke(
        main, ["demo", "--out", str(out)], env=empty_graph.env(), catch_exceptions=False
    )
    assert again.exit_code == 0
    assert "0 new" in again.output
