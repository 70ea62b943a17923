"""Incidents do not depend on how a load is cut into batches, nor on the lock's leftovers.

The example articles (the demo and the multi-article sets) are extracted
once; their records are written with batch sizes 1, 4 and 50, and the
incidents (key, reports, window, type, places) and disputes must be the
same each time. Two transactions resolving at once are serialised by the
incident lock, which leaves no node behind.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.graph.writer_incidents import LOCK_INCIDENTS
from claimgraph.schema.records import ArticleRecords
from tests.integration.conftest import wipe

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "claimgraph" / "data" / "examples"

INCIDENTS = """
MATCH (i:Incident)
OPTIONAL MATCH (e:Event)-[:PART_OF]->(i)
WITH i, collect(e.id) AS reports
RETURN i.key AS key, reports, toString(i.date_lo) AS lo, toString(i.date_hi) AS hi,
       i.type AS type, i.place_keys AS places, COUNT { (i)-[:AT]->(:Place) } AS at
ORDER BY key
"""


@pytest.fixture(scope="module")
def records() -> list[ArticleRecords]:
    from claimgraph.loaders.pipeline import Extractor
    from claimgraph.loaders.readers import iter_articles

    paths = sorted(EXAMPLES.rglob("*.txt"))
    assert len(paths) > 11, "the example sets are missing"
    out = [
        r for r in Extractor().extract_many(iter_articles(paths)) if isinstance(r, ArticleRecords)
    ]
    assert len(out) == len(paths)
    return out


def _incidents(graph) -> tuple[list[tuple], list[str], int]:
    rows = graph.driver.execute_query(INCIDENTS, database_=graph.database).records
    incidents = [
        (
            r["key"],
            tuple(sorted(r["reports"])),
            r["lo"],
            r["hi"],
            r["type"],
            tuple(r["places"]),
            r["at"],
        )
        for r in rows
    ]
    disputes = sorted(
        r["k"]
        for r in graph.driver.execute_query(
            "MATCH (d:Dispute)-[:OF]->(:Incident) RETURN d.key AS k", database_=graph.database
        ).records
    )
    size = graph.count("MATCH (n) RETURN count(n)") + graph.count(
        "MATCH ()-[r]->() RETURN count(r)"
    )
    return incidents, disputes, size


def test_batch_size_does_not_change_incidents_or_disputes(empty_graph, records):
    seen = {}
    for size in (1, 4, 50):
        wipe(empty_graph)
        summary = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=size)
        assert summary.articles_failed == 0
        seen[size] = _incidents(empty_graph)
    incidents, disputes, _ = seen[1]
    assert incidents and disputes
    # every event that resolves is in exactly one incident, and none is empty
    reports = [e for inc in incidents for e in inc[1]]
    assert len(reports) == len(set(reports)) and all(inc[1] for inc in incidents)
    assert seen[4] == seen[1]
    assert seen[50] == seen[1]
    assert empty_graph.count("MATCH (n:IncidentLock) RETURN count(n)") == 0
    # loading again changes nothing
    again = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=7)
    assert again.nodes_created == 0 and _incidents(empty_graph) == seen[1]


def test_the_incident_lock_makes_the_second_transaction_wait_and_leaves_nothing(empty_graph):
    driver = empty_graph.driver
    first = driver.session(database=empty_graph.database)
    tx = first.begin_transaction()
    tx.run(LOCK_INCIDENTS).consume()
    tx.run("CREATE (:Incident {key: 'incident:first'})").consume()
    seen: list[int] = []
    locked = threading.Event()

    def second() -> None:
        with driver.session(database=empty_graph.database) as session:
            with session.begin_transaction() as tx2:
                locked.set()
                tx2.run(LOCK_INCIDENTS).consume()
                seen.append(tx2.run("MATCH (i:Incident) RETURN count(i) AS n").single()["n"])
                tx2.commit()

    thread = threading.Thread(target=second)
    thread.start()
    locked.wait(10)
    thread.join(2)  # still waiting for the first transaction's lock
    assert thread.is_alive() and seen == []
    tx.commit()
    first.close()
    thread.join(30)
    assert seen == [1]  # the second saw what the first committed
    assert empty_graph.count("MATCH (n:IncidentLock) RETURN count(n)") == 0
