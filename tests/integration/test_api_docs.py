"""The snippets of docs/api.md run, in order, against a real Neo4j."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimgraph.ingest_examples import example_paths
from tests.integration.conftest import Neo4jTarget

pytestmark = pytest.mark.integration

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _snippets() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_snippets() -> None:
    snippets = _snippets()
    assert len(snippets) >= 5
    assert any("load(" in s for s in snippets) and any("extract(" in s for s in snippets)


def test_api_snippets_run(
    empty_graph: Neo4jTarget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with example_paths() as paths:
        namespace: dict[str, object] = {"examples": str(paths[0].parent)}
        for snippet in _snippets():
            if "GraphDatabase.driver(" in snippet:
                # The connection snippet: the test session's server stands in.
                namespace.update(driver=empty_graph.driver, database=empty_graph.database)
                continue
            exec(compile(snippet, str(DOC), "exec"), namespace)  # noqa: S102 - our own docs
        # The snippets read the examples folder whole, the incident sets in it too.
        in_folder = len(list(paths[0].parent.rglob("*.txt")))
    articles = empty_graph.count("MATCH (a:Article) RETURN count(a)")
    assert articles == in_folder > len(paths)
    assert (tmp_path / "records.jsonl").stat().st_size > 0
    assert namespace["summary"].articles_replaced == articles  # type: ignore[attr-defined]
