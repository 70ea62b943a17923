"""'Did you mean': the names closest to a misspelt one, from the graph's names and aliases.

The graph's answer is replaced by fixed rows here (the lookup itself runs
against Neo4j in tests/integration/test_queries_cli.py); what is tested is
the choice of names and the one-line message.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.errors import QueryError
from claimgraph.queries import resolve

NAMES = [
    {"name": "Dravik", "aliases": ["Dravik"], "labels": ["Place"]},
    {"name": "Oren Vasko", "aliases": ["Oren Vasko", "Vasko"], "labels": ["Actor", "Person"]},
    {"name": "Ilona Marek", "aliases": ["Spokeswoman Ilona Marek"], "labels": ["Actor", "Person"]},
    {"name": "Kelmar", "aliases": ["Kelmar", "Tessarin"], "labels": ["Place"]},
    {"name": "Stavenna", "aliases": [], "labels": ["Place"]},
]


@pytest.fixture
def graph(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Answers every lookup from NAMES; records the queries and parameters sent."""
    sent: list[tuple[str, dict[str, Any]]] = []

    def run_cypher(driver: Any, database: Any, cypher: str, params: dict[str, Any], **kw: Any):
        sent.append((cypher, params))
        if "$actors" in cypher:
            return [
                {"name": r["name"], "aliases": r["aliases"]}
                for r in NAMES
                if ("Actor" in r["labels"] and params["actors"])
                or ("Place" in r["labels"] and params["places"])
            ]
        return []  # the exact and full-text lookups find nothing: the name is unknown

    monkeypatch.setattr(resolve, "run_cypher", run_cypher)
    return sent


def test_a_letter_wrong_or_missing_finds_the_name(graph: list[Any]) -> None:
    assert resolve.similar_names(None, None, "Dravk") == ["Dravik"]  # type: ignore[arg-type]
    assert resolve.similar_names(None, None, "stavena") == ["Stavenna"]  # type: ignore[arg-type]


def test_a_word_of_a_longer_name_or_an_alias_suggests_the_entity_name(graph: list[Any]) -> None:
    assert resolve.similar_names(None, None, "Vasco") == ["Oren Vasko"]  # type: ignore[arg-type]
    assert resolve.similar_names(None, None, "Tesarin") == ["Kelmar"]  # type: ignore[arg-type]


def test_nothing_alike_suggests_nothing(graph: list[Any]) -> None:
    assert resolve.similar_names(None, None, "Atlantis") == []  # type: ignore[arg-type]
    assert resolve.similar_names(None, None, "  ") == []  # type: ignore[arg-type]


def test_the_labels_asked_for_are_parameters_not_text(graph: list[Any]) -> None:
    assert resolve.similar_names(None, None, "Dravk", ("Actor",)) == []  # type: ignore[arg-type]
    cypher, params = graph[-1]
    assert params["actors"] is True and params["places"] is False
    assert "Dravk" not in cypher


def test_the_error_is_one_line_with_names_quoted_for_the_shell(graph: list[Any]) -> None:
    with pytest.raises(QueryError) as one:
        resolve.resolve_entity(None, None, "Ilona Mareck")  # type: ignore[arg-type]
    assert str(one.value) == (
        "no actor or place called 'Ilona Mareck' in the graph; did you mean 'Ilona Marek'?"
    )
    with pytest.raises(QueryError) as none:
        resolve.resolve_entity(None, None, "Atlantis")  # type: ignore[arg-type]
    assert str(none.value) == "no actor or place called 'Atlantis' in the graph"


def test_without_the_full_text_index_the_names_are_scanned(
    graph: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = resolve.run_cypher

    def no_index(driver: Any, database: Any, cypher: str, params: dict[str, Any], **kw: Any):
        if "fulltext" in cypher:
            raise QueryError("no index") from resolve.ClientError("no index")
        return answer(driver, database, cypher, params, **kw)

    monkeypatch.setattr(resolve, "run_cypher", no_index)
    assert resolve.similar_names(None, None, "Dravk") == ["Dravik"]  # type: ignore[arg-type]
    assert "LIMIT $scan" in graph[-1][0] and graph[-1][1]["scan"] == resolve.SUGGEST_SCAN


def test_the_fuzzy_search_asks_for_every_word_of_the_normalised_name(graph: list[Any]) -> None:
    resolve.similar_names(None, None, "Ilona  MARECK")  # type: ignore[arg-type]
    cypher, params = graph[-1]
    assert "fulltext" in cypher and params["lucene"] == "ilona~ OR mareck~"
    # Punctuation never reaches Lucene; words too short to be fuzzy are left out.
    sent = len(graph)
    assert resolve.similar_names(None, None, "x' OR 1=1 //") == []  # type: ignore[arg-type]
    assert len(graph) == sent
