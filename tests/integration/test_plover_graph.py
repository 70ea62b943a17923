"""PLOVER fields in the graph: Event.type/mode, Statement.act, actors' country/sector."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.cypher import apply_schema
from claimgraph.schema.records import Article

pytestmark = pytest.mark.integration

TEXT = (
    "Varossa and Kestria have disputed Oskaryn since 1994. The Varossan Defence Ministry "
    "said Kestrian artillery shelled Dravik on Friday. The Kestrian Defence Ministry denied "
    "that its forces had shelled Dravik and accused Varossa of staging the attack."
)


def test_writer_stores_plover_fields(empty_graph: Any) -> None:
    apply_schema(empty_graph.driver, empty_graph.database)
    records = Extractor().extract(Article(id="p1", text=TEXT, published=date(2025, 6, 14)))
    summary = write_batches(empty_graph.driver, empty_graph.database, [records])
    assert summary.articles_failed == 0, summary.failures
    with empty_graph.driver.session(database=empty_graph.database) as session:
        shelling = session.run(
            "MATCH (s:Statement)-[:CLAIMS]->(e:Event {type: 'FIGHT'})-[:AT]->(:Place {name: 'Dravik'}) "
            "RETURN e.mode AS mode, collect(s.polarity) AS polarities"
        ).single(strict=True)
        assert shelling["mode"] == "heavy-weapons"
        assert set(shelling["polarities"]) == {"asserts", "denies"}
        acts = session.run(
            "MATCH (a:Actor)-[:SAID]->(s:Statement) WHERE s.act IS NOT NULL "
            "RETURN a.name AS who, s.act AS act"
        ).data()
        assert {"who": "Kestrian Defense Ministry", "act": "DISAPPROVE"} in acts
        ministry = session.run(
            "MATCH (a:Actor {name: 'Varossan Defense Ministry'}) RETURN a.country AS c, a.sector AS s"
        ).single(strict=True)
        assert (ministry["c"], ministry["s"]) == ("XVA", "government")
        assert empty_graph.count("MATCH (e:Event) WHERE e.type = toUpper(e.type) RETURN count(e)")
