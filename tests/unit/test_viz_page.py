"""The pyvis page: self-contained, and no article text can run as script."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from claimgraph.graph.analysis import (
    actor_graph,
    central_actors,
    communities,
    pagerank_of,
    who_talks_about_whom,
)
from claimgraph.graph.export import scalar_graph, write_graph
from claimgraph.graph.viz import render_page

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "</script><script>alert(4)</script>",
]


def claims_with(text: str) -> nx.MultiDiGraph:
    """A small claim network with ``text`` in every string an article supplies."""
    g = nx.MultiDiGraph()
    g.add_node(
        "person:x",
        label=f"Speaker {text}",
        kind="Person",
        statements=[
            {
                "date": date(2025, 6, 14),
                "text": f"Said {text}",
                "polarity": "asserts",
                "article": f"Title {text}",
            }
        ],
    )
    g.add_node("org:y", label=f"Ministry {text}", kind="Organization")
    g.add_node("place:z", label=f"Town {text}", kind="Place")
    g.add_node(
        "a:e1",
        label=f"strike {text}",
        kind="Event",
        type=f"strike {text}",
        summary=f"summary {text}",
        date=date(2025, 6, 14),
    )
    g.add_edge(
        "person:x",
        "a:e1",
        kind="claims",
        label=f"asserts {text}",
        speaker=f"Speaker {text}",
        cue=f"said {text}",
        date=date(2025, 6, 14),
        text=f"They said {text}",
        quote=text,
        polarity="asserts",
        via=[f"Service {text}"],
        article=f"Title {text}",
        outlet=f"Outlet {text}",
        published=date(2025, 6, 16),
        statement="a:s1",
    )
    g.add_edge("a:e1", "org:y", kind="by", label="by", date=date(2025, 6, 14))
    g.add_edge("a:e1", "place:z", kind="at", label="at", date=date(2025, 6, 14))
    g.add_edge(
        "person:x",
        "place:z",
        kind="mentions",
        label="mentions",
        text=text,
        statement="a:s2",
        speaker="Speaker",
        article="t",
    )
    return g


def data_block(page: str) -> dict:
    match = re.search(r"var DATA = (\{.*?\});\n", page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.mark.parametrize("text", HOSTILE)
def test_article_strings_appear_only_escaped(text: str) -> None:
    page = render_page(claims_with(text), title=f"Claims {text}", meta=text)
    # The raw markup is nowhere in the file: not in the data, title or header.
    assert text not in page
    for tag in ("<script>alert", "<img src=x", "<svg onload"):
        assert tag not in page
    # Only our own two inline scripts (vis-network and the page's code); the
    # HTML parser ends a script at the first "</script", so there must be
    # exactly two, and no "<!--" that would change how a script ends.
    assert page.count("\n<script>") == 2
    assert page.lower().count("</script") == 2
    assert "<!--" not in page
    data = data_block(page)
    escaped = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
    strings = [n["label"] for n in data["nodes"]] + [n["title"] for n in data["nodes"]]
    strings += [e["label"] for e in data["edges"]] + [e["title"] for e in data["edges"]]
    assert any(escaped in s for s in strings)
    for s in strings:
        assert "<script" not in s and "<img" not in s and "<svg" not in s
        # Titles may hold our own <b>, <br>, <i> markup and nothing else.
        assert set(re.findall(r"</?([a-z]+)", s)) <= {"b", "br", "i"}


def test_page_is_self_contained() -> None:
    page = render_page(claims_with("plain"))
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*\shref\s*=", page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert not re.search(r"@import", page)
    assert "vis.Network" in page and "vis-network" in page.lower()
    assert "Content-Security-Policy" in page


def test_nodes_are_styled_by_kind_and_sized() -> None:
    data = data_block(render_page(claims_with("x")))
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds == {
        "person:x": "Person",
        "org:y": "Organization",
        "place:z": "Place",
        "a:e1": "Event",
    }
    # No vis-network groups: a group's colour would override the side's.
    assert "groups" not in data["options"] and all("group" not in n for n in data["nodes"])
    assert all(12 <= n["size"] <= 38 for n in data["nodes"])
    speaker = next(n for n in data["nodes"] if n["id"] == "person:x")
    assert "Said x" in speaker["title"] and "2025-06-14" in speaker["title"]
    claim = next(e for e in data["edges"] if e["from"] == "person:x" and e["to"] == "a:e1")
    assert "2025-06-14" in claim["title"] and "Outlet x" in claim["title"]
    assert claim["kind"] == "claims" and claim["date"] == "2025-06-14"
    event = next(n for n in data["nodes"] if n["id"] == "a:e1")
    # an event is labelled with type, place and date, and dated for the slider
    assert event["label"] == "strike x\nTown x \u00b7 2025-06-14"
    assert event["dates"] == ["2025-06-14", "2025-06-14"]
    assert data["dates"] == ["2025-06-14"]


def test_scalar_graph_and_every_export_format(tmp_path: Path) -> None:
    g = claims_with("a & b")
    flat = scalar_graph(g)
    for _, _, d in flat.edges(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in d.values())
    claim = next(d for _, _, d in flat.edges(data=True) if d["kind"] == "claims")
    assert claim["published"] == "2025-06-16" and claim["via"] == "Service a & b"
    assert write_graph(g, "graphml", tmp_path / "g.graphml") == [tmp_path / "g.graphml"]
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == 4
    write_graph(g, "gexf", tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 4
    write_graph(g, "json", tmp_path / "g.json")
    assert len(json.loads((tmp_path / "g.json").read_text())["edges"]) == 4
    paths = write_graph(g, "csv", tmp_path / "g.csv")
    assert [p.name for p in paths] == ["g.nodes.csv", "g.edges.csv"]
    assert paths[1].read_text().count("\n") == 5


def test_analysis_measures() -> None:
    g = claims_with("x")
    folded = actor_graph(g)
    assert "a:e1" not in folded
    assert folded.has_edge("person:x", "org:y") and folded.has_edge("org:y", "place:z")
    rank = pagerank_of(folded)
    assert abs(sum(rank.values()) - 1.0) < 1e-6
    top = central_actors(g)
    assert {r["name"] for r in top} == {"Speaker x", "Ministry x", "Town x"}
    assert communities(g)[0]["size"] == 3
    talks = who_talks_about_whom(g)
    assert {(r["speaker"], r["about"]) for r in talks} == {
        ("Speaker x", "Ministry x"),
        ("Speaker x", "Town x"),
    }


def test_an_empty_selection_says_so_on_the_page() -> None:
    page = render_page(nx.MultiDiGraph(), "Claims from 2025-07-01 to now")
    assert '"nodes": []' in page
    assert "No claims in this selection: widen --from/--to" in page
