"""The timeline page: self-contained, escaped, one mark per incident and per side and polarity."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from claimgraph.graph.timeline_page import render_timeline

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "</script><script>alert(4)</script>",
    '<a href="javascript:alert(5)">x</a>',
]


def _claim(n: int, speaker: str, side: str | None, polarity: str, text: str) -> dict[str, Any]:
    return {
        "statement": f"a{n}:s1",
        "said_on": date(2025, 6, 15),
        "polarity": polarity,
        "text": text,
        "cue": "said",
        "speaker": speaker,
        "side": side,
        "article": f"Article {n}",
        "outlet": "Wire",
        "published": date(2025, 6, 15),
    }


def rows_with(text: str) -> list[dict[str, Any]]:
    """Two incidents; ``text`` in every string an article supplies."""
    return [
        {
            "date": date(2025, 6, 14),
            "date_end": None,
            "type": "ASSAULT",
            "summary": f"summary {text}",
            "agents": [f"Agent {text}"],
            "targets": [],
            "places": [f"Town {text}"],
            "claimed_by": [f"Speaker {text}"],
            "sources": 2,
            "claims": [
                _claim(1, f"Speaker {text}", "Varossa", "asserts", f"Said {text}"),
                _claim(2, "Kestrian Ministry", "Kestria", "denies", "We deny it"),
                _claim(3, "Witness", None, "asserts", "I saw it"),
            ],
        },
        {
            "date": date(2025, 6, 16),
            "date_end": date(2025, 6, 18),
            "type": "FIGHT",
            "summary": None,
            "agents": [],
            "targets": [],
            "places": [],
            "sources": 1,
            "claims": [_claim(4, "Observer", "Kestria", "unconfirmed", "unclear")],
        },
    ]


def figure_of(page: str) -> dict[str, Any]:
    match = re.search(r"var figure = (\{.*?\});\n", page, re.S)
    assert match, "no figure"
    return json.loads(match.group(1))


def test_marks_per_incident_and_per_side_and_polarity() -> None:
    fig = figure_of(render_timeline(rows_with("x"), "Timeline of x"))
    traces = {t.get("name"): t for t in fig["data"] if t.get("mode") == "markers"}
    incidents = next(t for n, t in traces.items() if n and n.startswith("incident"))
    assert [c[0] for c in incidents["customdata"]] == ["row-0", "row-1"]
    # the denied incident is red, the other not
    assert incidents["marker"]["color"] == ["#d62728", "#7b4f9d"]
    asserts, denies, unconfirmed = traces["asserts"], traces["denies"], traces["unconfirmed"]
    assert sorted(asserts["y"]) == ["Varossa", "side unknown"]
    assert denies["y"] == ["Kestria"] and unconfirmed["y"] == ["Kestria"]
    assert [c[0] for c in unconfirmed["customdata"]] == ["row-1"]
    # the window of the second incident is drawn as a line from first to last day
    lines = [t for t in fig["data"] if t.get("mode") == "lines"]
    assert len(lines) == 1 and lines[0]["x"][0].startswith("2025-06-16")


def test_every_mark_links_to_a_section_of_claims() -> None:
    page = render_timeline(rows_with("x"))
    fig = figure_of(page)
    targets = {c[0] for t in fig["data"] if t.get("customdata") for c in t["customdata"]}
    assert targets == {"row-0", "row-1"}
    for target in targets:
        assert f'<section class="incident" id="{target}">' in page
    assert page.count('<li class="claim ') == 4
    assert "Kestria denies 1" in page


@pytest.mark.parametrize("text", HOSTILE)
def test_article_strings_appear_only_escaped(text: str) -> None:
    page = render_timeline(rows_with(text), f"Timeline of {text}", text)
    assert text not in page
    for tag in ("<script>alert", "<img src=x", "<svg onload", '<a href="javascript'):
        assert tag not in page
    # our two scripts only: plotly.js and the page's own
    assert page.lower().count("</script") == 2
    escaped = (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
    assert escaped in page  # in the claims list, as text
    fig = figure_of(page)
    strings = json.dumps(fig)
    assert "<script" not in strings and "<img" not in strings and "<svg" not in strings


def test_page_is_self_contained() -> None:
    page = render_timeline(rows_with("plain"))
    assert "Plotly.newPlot" in page and "Content-Security-Policy" in page
    # The markup outside the two inline scripts (plotly.js quotes URLs in its
    # code, which the browser test shows it never fetches) loads nothing.
    markup = re.sub(r"<script>.*?</script>", "<script></script>", page, flags=re.S)
    assert markup.count("<script></script>") == 2
    assert not re.search(r"<script[^>]*\ssrc\s*=", markup, re.I)
    assert not re.search(r"<link\b", markup, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup, re.I)
    assert not re.search(r"url\(|@import", markup, re.I)


def test_no_rows_still_make_a_page() -> None:
    page = render_timeline([], "Timeline of nowhere")
    assert "Timeline of nowhere" in page and figure_of(page)["data"]
    # the page says why it is empty, and hides the empty axes rather than show the year 2000
    assert 'class="empty">Nothing in this range' in page
    assert all(not t.get("x") for t in figure_of(page)["data"])
    assert 'chart.style.display = "none"' in page
