"""Pages over a graph with incidents: accounts fold into the ``Incident`` they are part of.

Two articles report one shelling of Dravik, one side asserting it and the
other denying it. The incident node is made here by hand (whatever resolution
the writer does is cleared first), so the test pins the contract the pages
read: ``(Event)-[:PART_OF]->(Incident {key, type, mode, date, date_lo,
date_hi, place, reports, articles, counts})``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from claimgraph.graph.export import claim_graph
from claimgraph.graph.timeline_data import claims_of_rows
from claimgraph.graph.timeline_page import render_timeline
from claimgraph.graph.viz import network_for
from claimgraph.graph.viz_data import with_details
from claimgraph.graph.writer import write_batches
from claimgraph.queries import run_cypher
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Statement, sha256_of

pytestmark = pytest.mark.integration

D14, D15 = date(2025, 6, 14), date(2025, 6, 15)


def _account(n: int, speaker: str, polarity: str, day: date) -> ArticleRecords:
    text = f"Report {n}: the {speaker} spoke about the shelling of Dravik."
    art = Article(
        id=f"inc-viz-{n}",
        title=f"Report {n}" if n == 1 else None,  # the second is an untitled text file
        published=D15,
        outlet=f"Wire {n}",
        text=text,
        sha256=sha256_of(text),
        source=f"/feeds/inc-{n}.txt",
    )
    entities = [
        Entity("p0", speaker, "Organization", kind="ministry"),
        Entity("l0", "Dravik", "Place", kind="town"),
        Entity("c0", "Kestria", "Place", kind="country", is_actor=True, country="KES"),
        Entity("c1", "Varossa", "Place", kind="country", is_actor=True, country="VAR"),
    ]
    st = Statement(
        id=f"inc-viz-{n}:s1",
        speaker="p0",
        speaker_name=speaker,
        cue="said",
        mode="indirect",
        text=text,
        said_on=D15,
        said_on_precision="day",
        about=["l0"],
        polarity=polarity,
    )
    ev = Event(
        id=f"inc-viz-{n}:e1",
        type="ASSAULT",
        summary=f"shelling of Dravik ({n})",
        date=day,
        precision="day",
        agents=["c0"],
        places=["l0"],
        claimed_by=[st.id],
    )
    return ArticleRecords(art, entities, [st], [ev])


@pytest.fixture()
def incident_graph(empty_graph: Any) -> Any:
    """Two accounts (asserted on the 14th, denied on the 15th) of one incident."""
    records = [
        _account(1, "Varossan Defence Ministry", "asserts", D14),
        _account(2, "Kestrian Defence Ministry", "denies", D15),
    ]
    summary = write_batches(empty_graph.driver, empty_graph.database, records)
    assert summary.articles_failed == 0
    run_cypher(
        empty_graph.driver,
        empty_graph.database,
        """
        OPTIONAL MATCH (old:Incident) DETACH DELETE old
        WITH count(*) AS cleared
        CREATE (i:Incident {key: 'incident:test', type: 'ASSAULT', mode: 'shelling',
                            date: date('2025-06-14'), date_lo: date('2025-06-14'),
                            date_hi: date('2025-06-15'), place: 'Dravik', reports: 2,
                            articles: 2, counts: ['killed: 2 per Varossan Defence Ministry']})
        WITH i
        MATCH (e:Event) WHERE e.id STARTS WITH 'inc-viz-'
        CREATE (e)-[:PART_OF {score: 1.0, reasons: ['test']}]->(i)
        """,
        write=True,
    )
    return empty_graph


def test_the_graph_page_draws_one_incident_with_both_claims(incident_graph: Any) -> None:
    g = incident_graph
    claims = with_details(g.driver, g.database, claim_graph(g.driver, g.database))
    net = network_for(claims)
    happenings = [n for n in net.nodes if n["kind"] in ("Event", "Incident")]
    assert [n["id"] for n in happenings] == ["incident:incident:test"]
    node = happenings[0]
    assert node["kind"] == "Incident"
    assert node["label"] == "ASSAULT (shelling)\nDravik \u00b7 2025-06-14\u201315"
    assert node["dates"] == ["2025-06-14", "2025-06-15"]
    assert "2 report(s) in 2 article(s)" in node["title"] and "killed: 2" in node["title"]
    polarities = sorted(
        e["title"].split("polarity: ")[1].split("<br>")[0]
        for e in net.edges
        if e["to"] == node["id"] and e["kind"] == "claims"
    )
    assert polarities == ["asserts", "denies"]
    # the two ministries are on opposite sides, coloured apart
    sides = {n["label"]: n["side"] for n in net.nodes if n.get("side")}
    assert sides["Varossan Defence Ministry"] == "Varossa"
    assert sides["Kestrian Defence Ministry"] == "Kestria"
    colors = {n["label"]: n["color"] for n in net.nodes}
    assert colors["Varossan Defence Ministry"] != colors["Kestrian Defence Ministry"]


def test_the_timeline_page_gets_the_claims_of_an_incident_row(incident_graph: Any) -> None:
    g = incident_graph
    dravik = run_cypher(g.driver, g.database, "MATCH (p:Place {name: 'Dravik'}) RETURN p.key AS k")
    # an incident row as the timeline query gives it, and a row that names nothing
    rows = [
        {"date": D14, "date_end": D15, "type": "ASSAULT", "places": ["Dravik"],
         "incident": "incident:test", "sources": 2, "counts": ["killed: 2 per Varossan Defence Ministry"]},
        {"date": D15, "type": "ASSAULT", "places": ["Dravik"], "incident": None},
    ]  # fmt: skip
    out = claims_of_rows(g.driver, g.database, dravik[0]["k"], rows)
    incident = out[0]["claims"]
    assert sorted((c["speaker"], c["polarity"], c["side"]) for c in incident) == [
        ("Kestrian Defence Ministry", "denies", "Kestria"),
        ("Varossan Defence Ministry", "asserts", "Varossa"),
    ]
    # an untitled article is named by its file, not by its hash id
    assert sorted(c["article"] for c in incident) == ["Report 1", "inc-2.txt"]
    # without an incident key, the row's own grouping: the account dated the 15th
    assert [c["polarity"] for c in out[1]["claims"]] == ["denies"]
    # the incident's own place, mode and reports reach the row
    assert (out[0]["place"], out[0]["mode"], out[0]["reports"]) == ("Dravik", "shelling", 2)
    page = render_timeline(out, "Timeline of Dravik")
    assert "ASSAULT (shelling) &middot; Dravik \u00b7 2025-06-14\u201315" in page
    assert "incident, 2 report(s)" in page and "killed: 2 per Varossan Defence Ministry" in page
    assert "Kestria denies 1" in page and "Varossa asserts 1" in page
