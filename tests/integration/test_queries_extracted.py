"""The canned queries on what extraction makes of the seed article and the
example corpus: the answers the product is built to give.

These depend on extraction quality as much as on the queries.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.queries import resolve_entity, run_query
from claimgraph.schema.cypher import apply_schema

pytestmark = pytest.mark.integration

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seeds" / "000_c0cb85075c205c63.txt"
EXAMPLES = Path(__file__).resolve().parents[2] / "claimgraph" / "data" / "examples"
OCT3, OCT4 = date(2020, 10, 3), date(2020, 10, 4)


def _load(target: Any, paths: list[Path]) -> None:
    from claimgraph.loaders.pipeline import Extractor
    from claimgraph.loaders.readers import iter_articles
    from claimgraph.schema.problems import InputProblem

    articles = [a for a in iter_articles(paths) if not isinstance(a, InputProblem)]
    records = [r for r in Extractor().extract_many(articles) if not isinstance(r, InputProblem)]
    summary = write_batches(target.driver, target.database, records)
    assert summary.articles_failed == 0, summary.failures


@pytest.fixture(scope="module")
def extracted_graph(neo4j_target: Any) -> Any:
    """The seed (when ../shared is there) and the example corpus, extracted and loaded."""
    with neo4j_target.driver.session(database=neo4j_target.database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
    apply_schema(neo4j_target.driver, neo4j_target.database)
    paths = sorted(EXAMPLES.glob("*.txt"))
    if SEED.exists():
        paths.insert(0, SEED)
    _load(neo4j_target, paths)
    return neo4j_target


def key(g: Any, name: str, labels: tuple[str, ...] = ("Actor", "Place")) -> str:
    return resolve_entity(g.driver, g.database, name, labels).key


def q(g: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    return run_query(g.driver, g.database, name, params)


needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared seed article not present")


@needs_seed
def test_who_said_about_stepanakert_has_the_spokesmans_shelling_claim(extracted_graph: Any) -> None:
    rows = q(extracted_graph, "who-said", about=key(extracted_graph, "Stepanakert", ("Place",)))
    hits = [r for r in rows if r["speaker"] == "Artsrun Hovhannisian" and "shelling" in r["text"]]
    assert hits, [(r["speaker"], r["text"]) for r in rows]
    assert hits[0]["said_on"] == OCT4


@needs_seed
def test_disputed_never_pairs_a_side_with_itself_or_two_incidents(extracted_graph: Any) -> None:
    # The two ministries accuse each other of shelling two different places:
    # two incidents, which no row pairs (the cross-incident rows).
    rows = q(extracted_graph, "disputed")
    assert rows
    assert all(r["side_a"] != r["side_b"] for r in rows)
    pairs = [(r["incident"], frozenset((r["side_a"], r["side_b"]))) for r in rows]
    assert len(pairs) == len(set(pairs))
    seed = q(extracted_graph, "timeline", about=key(extracted_graph, "Stepanakert", ("Place",)))
    assert any("Artsrun Hovhannisian" in r["claimed_by"] for r in seed), seed


@needs_seed
def test_timeline_of_madagiz_shows_capture_and_renaming(extracted_graph: Any) -> None:
    rows = q(extracted_graph, "timeline", about=key(extracted_graph, "Madagiz", ("Place",)))
    found = {(r["type"], r["date"]) for r in rows}
    assert ("FIGHT", OCT3) in found, found  # the capture: PLOVER FIGHT, mode occupy
    assert ("renaming", OCT3) in found, found


def test_example_corpus_dravik_claims(extracted_graph: Any) -> None:
    dravik = key(extracted_graph, "Dravik", ("Place",))
    said = q(extracted_graph, "who-said", about=dravik)
    assert {"Ilona Marek", "Oren Vasko"} <= {r["speaker"] for r in said}
    disputed = q(extracted_graph, "disputed", about=dravik)
    assert {r["kind"] for r in disputed} >= {"denied"}


def test_example_corpus_kelmar_renaming(extracted_graph: Any) -> None:
    kelmar = key(extracted_graph, "Kelmar", ("Place",))
    found = {(r["type"], r["date"]) for r in q(extracted_graph, "timeline", about=kelmar)}
    assert ("FIGHT", date(2025, 6, 14)) in found, found
    assert ("renaming", date(2025, 6, 14)) in found, found
