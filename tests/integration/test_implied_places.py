"""An event with no place of its own shows in the timeline of the place its statement names.

The writer stores that placement (``IMPLIED_AT``) with the article, and
``apply_schema`` adds it to graphs loaded before the writer did.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.queries import run_query
from claimgraph.schema.cypher import UPGRADES_MARKER, apply_schema, upgrades_done
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Statement,
    sha256_of,
)

pytestmark = pytest.mark.integration

TEXT = (
    "Shelling went on through the night, a spokesman for the Corvel garrison said of Drasna. "
    "Separately, troops entered Olvik."
)


def _records() -> ArticleRecords:
    return ArticleRecords(
        article=Article(
            id="implied-1",
            title="Night shelling",
            published=date(2022, 3, 14),
            outlet="Lowland Courier",
            text=TEXT,
            sha256=sha256_of(TEXT),
        ),
        entities=[
            Entity("e1", "Corvel garrison", "Organization"),
            Entity("e2", "Drasna", "Place", kind="town"),
            Entity("e3", "Olvik", "Place", kind="town"),
        ],
        statements=[
            Statement(
                "implied-1:s1",
                "e1",
                "Corvel garrison",
                "said",
                "indirect",
                "Shelling went on through the night",
                said_on=date(2022, 3, 14),
                about=["e2"],
            ),
            Statement(
                "implied-1:s2",
                None,
                None,
                None,
                "indirect",
                "troops entered Olvik",
                by_outlet=True,
                about=["e3"],
            ),
        ],
        events=[
            Event(
                "implied-1:v1",
                "strike",
                "shelling through the night",
                date=date(2022, 3, 13),
                precision="part of day",
                claimed_by=["implied-1:s1"],
            ),
            Event(
                "implied-1:v2",
                "movement",
                "troops entered Olvik",
                date=date(2022, 3, 14),
                precision="day",
                places=["e3"],
                claimed_by=["implied-1:s2"],
            ),
        ],
    )


def _timeline(target: Any, place: str) -> set[tuple[str, str]]:
    rows = run_query(target.driver, target.database, "timeline", {"about": place})
    return {(r["type"], r["summary"]) for r in rows}


def _implied(target: Any) -> list[tuple[str, str]]:
    records = target.driver.execute_query(
        "MATCH (e:Event)-[:IMPLIED_AT]->(p:Place) RETURN e.id AS e, p.key AS p ORDER BY e, p",
        database_=target.database,
    ).records
    return [(r["e"], r["p"]) for r in records]


def test_the_writer_places_an_event_where_its_statement_points(empty_graph: Any) -> None:
    write_batches(empty_graph.driver, empty_graph.database, [_records()])
    assert _implied(empty_graph) == [("implied-1:v1", "place:drasna")]
    assert _timeline(empty_graph, "place:drasna") == {("ASSAULT", "shelling through the night")}
    # An event with a place of its own stays there only.
    assert _timeline(empty_graph, "place:olvik") == {("MOVEMENT", "troops entered Olvik")}


def test_apply_schema_adds_the_placement_to_an_older_graph(empty_graph: Any) -> None:
    write_batches(empty_graph.driver, empty_graph.database, [_records()])
    # A graph written before the writer stored the placement (and before the
    # upgrade marker existed).
    empty_graph.driver.execute_query(
        "MATCH ()-[r:IMPLIED_AT]->() DELETE r", database_=empty_graph.database
    )
    assert _timeline(empty_graph, "place:drasna") == set()
    # Marked as upgraded, the graph is not scanned again on each load.
    apply_schema(empty_graph.driver, empty_graph.database)
    assert _implied(empty_graph) == []
    empty_graph.driver.execute_query(
        f"DROP INDEX {UPGRADES_MARKER} IF EXISTS", database_=empty_graph.database
    )
    assert not upgrades_done(empty_graph.driver, empty_graph.database)
    apply_schema(empty_graph.driver, empty_graph.database)
    assert upgrades_done(empty_graph.driver, empty_graph.database)
    assert _implied(empty_graph) == [("implied-1:v1", "place:drasna")]
    assert _timeline(empty_graph, "place:drasna") == {("ASSAULT", "shelling through the night")}
    apply_schema(empty_graph.driver, empty_graph.database)  # a second run adds nothing
    assert _implied(empty_graph) == [("implied-1:v1", "place:drasna")]
