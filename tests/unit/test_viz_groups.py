"""The graph page's data: accounts folded into incidents, and actors' sides."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
import pytest

from claimgraph.graph.viz_groups import fold_events, happening_label
from claimgraph.graph.viz_sides import NO_SIDE_COLOR, side_colors, side_of, sides_of

D14, D15 = date(2025, 6, 14), date(2025, 6, 15)


def _two_accounts(incident: dict | None = None) -> nx.MultiDiGraph:
    """Two articles' accounts of one shelling of Dravik, one asserted, one denied."""
    g = nx.MultiDiGraph()
    g.add_node("place:dravik", label="Dravik", kind="Place")
    g.add_node("place:kestria", label="Kestria", kind="Country", country="KES")
    g.add_node("org:vmod", label="Varossan Defence Ministry", kind="Organization")
    g.add_node("org:kmod", label="Kestrian Defence Ministry", kind="Organization")
    for n, (speaker, polarity) in enumerate([("org:vmod", "asserts"), ("org:kmod", "denies")]):
        ev = f"a{n}:e1"
        g.add_node(ev, label="ASSAULT", kind="Event", type="ASSAULT", mode="shelling", date=D14)
        if incident:
            g.nodes[ev]["incident"] = incident
        g.add_edge(ev, "place:dravik", key="at", kind="at", label="at", date=D14)
        g.add_edge(ev, "place:kestria", key="by", kind="by", label="by", date=D14)
        g.add_edge(
            speaker,
            ev,
            kind="claims",
            polarity=polarity,
            statement=f"a{n}:s1",
            date=D15,
            article=f"Article {n}",
        )
    return g


def test_accounts_of_one_happening_become_one_node_with_both_claims() -> None:
    folded = fold_events(_two_accounts())
    events = [n for n, d in folded.nodes(data=True) if d["kind"] == "Event"]
    assert len(events) == 1
    node = folded.nodes[events[0]]
    assert node["label"] == "ASSAULT (shelling)\nDravik \u00b7 2025-06-14"
    assert node["reports"] == 2 and node["articles"] == 2 and node["places"] == ["Dravik"]
    claims = [d["polarity"] for _, _, d in folded.in_edges(events[0], data=True)]
    assert sorted(claims) == ["asserts", "denies"]
    # the place and the agent are linked once, not once per account
    assert folded.number_of_edges(events[0], "place:dravik") == 1
    assert folded.number_of_edges(events[0], "place:kestria") == 1


def test_different_days_stay_apart() -> None:
    g = _two_accounts()
    g.nodes["a1:e1"]["date"] = D15
    folded = fold_events(g)
    assert sum(d["kind"] == "Event" for _, d in folded.nodes(data=True)) == 2


def test_an_incident_names_the_node_and_its_window() -> None:
    incident = {"key": "inc:1", "type": "ASSAULT", "date": D14, "date_end": D15, "place": "Dravik"}
    g = _two_accounts(incident)
    g.nodes["a1:e1"]["date"] = D15  # different days, one incident all the same
    folded = fold_events(g)
    node = folded.nodes["incident:inc:1"]
    assert node["kind"] == "Incident" and node["reports"] == 2
    assert node["label"] == "ASSAULT (shelling)\nDravik \u00b7 2025-06-14\u201315"
    assert (node["date"], node["date_end"]) == (D14, D15)


def test_labels_say_undated_and_shorten_long_place_lists() -> None:
    assert happening_label("FIGHT", None, [], None, None) == "FIGHT\nplace unknown \u00b7 undated"
    label = happening_label("FIGHT", None, ["A", "B", "C", "D"], D14, date(2025, 7, 1))
    assert label == "FIGHT\nA, B +2 \u00b7 2025-06-14 \u2013 2025-07-01"


def test_sides_from_code_role_and_name_stem() -> None:
    g = _two_accounts()
    g.add_node("person:spokes", label="Ana Veld", kind="Person")
    g.add_edge("person:spokes", "org:kmod", kind="role", label="spokeswoman")
    g.add_node("org:coded", label="Border Guard", kind="Organization", country="KES")
    # an armed group is a side of its own: sides.py knows it by sector or kind
    g.add_node("org:front", label="Oskaryn Front", kind="Organization", sector="military")
    g.add_node("org:band", label="Oskaryn Band", kind="Organization", entity_kind="militia")
    g.add_node("org:un", label="Security Council", kind="Organization", sector="IGO")
    assert side_of(g, "place:kestria") == "Kestria"
    assert side_of(g, "org:kmod") == "Kestria"  # "Kestrian" names Kestria
    assert side_of(g, "person:spokes") == "Kestria"  # through the ROLE edge
    assert side_of(g, "org:coded") == "Kestria"  # through the country code
    assert side_of(g, "org:front") == "Oskaryn Front"
    assert side_of(g, "org:band") == "Oskaryn Band"
    assert side_of(g, "org:un") is None
    assert side_of(g, "place:dravik") is None  # places have no side
    # Varossa is not in this graph as a country: its ministry's side is unknown,
    # unless the caller lists the database's countries with the graph.
    assert side_of(g, "org:vmod") is None
    g.graph["countries"] = [("Varossa", "VAR")]
    assert side_of(g, "org:vmod") == "Varossa"
    # an unresolved speaker's description is read as a title, as sides.py reads titles
    g.add_node("source:a varossan officer", label="a Varossan officer", kind="Source")
    g.add_node("source:a witness", label="a witness", kind="Source")
    assert side_of(g, "source:a varossan officer") == "Varossa"
    assert side_of(g, "source:a witness") is None
    assert fold_events(g).graph["countries"] == [("Varossa", "VAR")]
    g.graph["countries"] = []
    g.nodes["org:vmod"]["side_name"] = "Varossa"  # a side stored by the writer wins
    assert side_of(g, "org:vmod") == "Varossa"
    colors = side_colors(sides_of(g))
    assert len(set(colors.values())) == len(colors) and NO_SIDE_COLOR not in colors.values()


def test_the_page_takes_sides_from_sides_py(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages do not re-derive sides: whatever ``sides.entity_sides`` says is the colour."""
    import claimgraph.graph.viz_sides as viz_sides
    from claimgraph.graph.sides import Side

    seen: list[set[str]] = []

    def fake(records: Any) -> dict[str, Side]:
        seen.append({e.id for e in records.entities})
        return {"org:vmod": Side("place:x", "Xandria")}

    monkeypatch.setattr(viz_sides, "entity_sides", fake)
    g = _two_accounts()
    g.nodes["org:kmod"]["side_name"] = "Kestria"
    assert sides_of(g) == {"org:vmod": "Xandria", "org:kmod": "Kestria"}
    assert {"org:vmod", "org:kmod", "place:kestria", "place:dravik"} <= seen[0]
