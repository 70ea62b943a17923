"""Incidents are a function of the set of loaded articles.

The example articles (the demo and the multi-article sets) are extracted
once; their records are written with batch sizes 1, 4 and 50, in another
order, in two loads, and with the resolution pass left for later (as a
killed load leaves it), and the incidents (key, reports, window, type,
places, every property, each report's score and reasons) and disputes must
be the same each time. Two passes at once are serialised by the incident
lock, which leaves no node behind.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.graph.incident_queries import LOCK_INCIDENTS
from claimgraph.graph.writer import write_batches
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


DETAILS = """
CALL () {
  MATCH (i:Incident) RETURN 'incident' AS what, i.key AS k, properties(i) AS props
  UNION ALL
  MATCH (d:Dispute) RETURN 'dispute' AS what, d.key AS k, properties(d) AS props
  UNION ALL
  MATCH (e:Event)-[r:PART_OF]->(i:Incident)
  RETURN 'report' AS what, e.id + ' ' + i.key AS k, properties(r) AS props
  UNION ALL
  MATCH (e:Event) WHERE e:PendingIncident OR e.loose_lo IS NOT NULL
  RETURN 'event' AS what, e.id AS k, {pending: e:PendingIncident, loose: e.loose_lo} AS props
}
RETURN what, k, props ORDER BY what, k
"""


def _details(graph) -> list[tuple]:
    rows = graph.driver.execute_query(DETAILS, database_=graph.database).records
    return [(r["what"], r["k"], sorted(r["props"].items())) for r in rows]


def test_batch_size_does_not_change_incidents_or_disputes(empty_graph, records):
    seen = {}
    details = {}
    for size in (1, 4, 50):
        wipe(empty_graph)
        summary = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=size)
        assert summary.articles_failed == 0
        seen[size] = _incidents(empty_graph)
        details[size] = _details(empty_graph)
    incidents, disputes, _ = seen[1]
    assert incidents and disputes
    # every event that resolves is in exactly one incident, and none is empty
    reports = [e for inc in incidents for e in inc[1]]
    assert len(reports) == len(set(reports)) and all(inc[1] for inc in incidents)
    assert seen[4] == seen[1] and details[4] == details[1]
    assert seen[50] == seen[1] and details[50] == details[1]
    assert empty_graph.count("MATCH (n:IncidentLock) RETURN count(n)") == 0
    assert (
        empty_graph.count("MATCH (n:PendingIncident|StaleIncident|RecountIncident) RETURN count(n)")
        == 0
    )
    # loading again changes nothing
    again = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=7)
    assert again.nodes_created == 0 and _incidents(empty_graph) == seen[1]
    assert _details(empty_graph) == details[1]


def test_order_and_separate_loads_do_not_change_incidents(empty_graph, records):
    write_batches(empty_graph.driver, empty_graph.database, records)
    expected = _incidents(empty_graph), _details(empty_graph)
    for seed in (1, 2):
        shuffled = list(records)
        random.Random(seed).shuffle(shuffled)
        wipe(empty_graph)
        cut = len(shuffled) // 2
        write_batches(empty_graph.driver, empty_graph.database, shuffled[:cut], batch_size=3)
        write_batches(empty_graph.driver, empty_graph.database, shuffled[cut:], batch_size=5)
        assert (_incidents(empty_graph), _details(empty_graph)) == expected, seed


def test_a_load_stopped_before_its_pass_converges_on_the_next_run(empty_graph, records):
    write_batches(empty_graph.driver, empty_graph.database, records)
    expected = _incidents(empty_graph), _details(empty_graph)
    wipe(empty_graph)
    # what a load killed after some batches leaves: events written and marked
    cut = len(records) // 3
    write_batches(empty_graph.driver, empty_graph.database, records[:cut], resolve_incidents=False)
    assert empty_graph.count("MATCH (i:Incident) RETURN count(i)") == 0
    assert empty_graph.count("MATCH (e:PendingIncident) RETURN count(e)") > 0
    # the rerun writes the rest; its pass resolves both runs' events
    write_batches(empty_graph.driver, empty_graph.database, records)
    assert (_incidents(empty_graph), _details(empty_graph)) == expected
    # and the command does the same for a load that never got to its pass
    wipe(empty_graph)
    write_batches(empty_graph.driver, empty_graph.database, records, resolve_incidents=False)
    env = empty_graph.env()
    result = CliRunner().invoke(main, ["incident", "resolve"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Incidents: ") and " incidents (" in result.output
    assert (_incidents(empty_graph), _details(empty_graph)) == expected
    again = CliRunner().invoke(main, ["incident", "resolve"], env=env, catch_exceptions=False)
    assert again.output.startswith("Incidents: 0 events resolved into 0 incidents")


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


def test_a_pass_written_in_small_parts_gives_the_same_incidents(empty_graph, records):
    from claimgraph.graph.incident_pass import resolve_pending

    write_batches(empty_graph.driver, empty_graph.database, records)
    expected = _incidents(empty_graph), _details(empty_graph)
    wipe(empty_graph)
    write_batches(empty_graph.driver, empty_graph.database, records, resolve_incidents=False)
    result = resolve_pending(empty_graph.driver, empty_graph.database, chunk=5)
    assert result.incidents == len(expected[0][0])
    assert (_incidents(empty_graph), _details(empty_graph)) == expected


def _waiting_for_the_lock(graph) -> int:
    """Transactions blocked on the incident lock (asked of the server)."""
    rows = graph.driver.execute_query(
        "SHOW TRANSACTIONS YIELD status, currentQuery"
        " WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'IncidentLock'"
        " RETURN count(*) AS n",
        database_=graph.database,
    ).records
    return int(rows[0]["n"])


def test_two_loads_at_once_give_the_incidents_of_one_load(empty_graph, records, monkeypatch):
    """Load A's pass is held after its read while load B writes and runs its pass.

    B's pass must wait for A's (the lock covers the read), then join B's
    events to what A wrote; a pass that read outside the lock would let A
    overwrite B's incidents with what it read, losing B's events.
    """
    import claimgraph.graph.incident_pass as incident_pass

    write_batches(empty_graph.driver, empty_graph.database, records)
    expected = _incidents(empty_graph), _details(empty_graph)
    wipe(empty_graph)
    # every other article in each load, so that incidents span both
    first, second = records[::2], records[1::2]
    real_cluster = incident_pass.cluster
    inside = threading.Event()
    other: list[threading.Thread] = []
    errors: list[BaseException] = []

    def held_cluster(*args, **kwargs):
        if threading.current_thread().name == "load-a" and not inside.is_set():
            inside.set()
            deadline = time.monotonic() + 120
            # until B's pass waits for the lock, or B is done (no lock on the read)
            while not other or other[0].is_alive():
                if _waiting_for_the_lock(empty_graph) > 0:
                    break
                assert time.monotonic() < deadline, "load B neither finished nor waited"
                time.sleep(0.02)
        return real_cluster(*args, **kwargs)

    monkeypatch.setattr(incident_pass, "cluster", held_cluster)

    def load(part: list[ArticleRecords]) -> None:
        try:
            summary = write_batches(empty_graph.driver, empty_graph.database, part, batch_size=3)
            assert summary.articles_failed == 0
        except BaseException as e:  # reported by the main thread
            errors.append(e)

    a = threading.Thread(target=load, args=(first,), name="load-a")
    a.start()
    assert inside.wait(120), "load A never reached its pass"
    b = threading.Thread(target=load, args=(second,), name="load-b")
    other.append(b)
    b.start()
    a.join(180)
    b.join(180)
    assert not a.is_alive() and not b.is_alive() and not errors, errors
    assert (
        empty_graph.count("MATCH (n:PendingIncident|StaleIncident|RecountIncident) RETURN count(n)")
        == 0
    )
    assert (_incidents(empty_graph), _details(empty_graph)) == expected
