"""Interactive HTML pages of the claim network, through pyvis.

Accounts of one happening are folded into one node labelled with type, place
and date (``viz_groups``); actors are coloured by side (``viz_sides``) and
shaped by kind, sized by PageRank; edges carry the claim (polarity, event
type, date) and the dates the page's slider filters on. The page
(``assets/viz_page.html``) adds a search box, a date-range slider, kind and
isolated-node filters, and keeps every label it draws at 13 screen pixels or
more. It is one self-contained file: vis-network's script and style, shipped
inside the pyvis package, are inlined, and nothing is fetched from the network.

Safety: every string that comes from an article is HTML-escaped before it
enters the page, and the data block is JSON with ``<`` written as ``\\u003c``,
so no article text can close the script or become markup.
"""

from __future__ import annotations

import html
import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from claimgraph.errors import InputError
from claimgraph.graph.analysis import pagerank_of
from claimgraph.graph.viz_groups import date_window, fold_events
from claimgraph.graph.viz_sides import ACTOR_KINDS, NO_SIDE_COLOR, side_colors, sides_of

__all__ = ["KIND_STYLE", "EDGE_COLORS", "network_for", "render_page", "write_page", "vis_assets"]

# kind -> (colour, vis.js shape)
# Actors (Person, Organization, Country, Source) take their side's colour;
# the colour here is for places, events and incidents.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#59a14f", "square"),
    "Country": ("#e15759", "hexagon"),
    "Source": ("#bab0ac", "dot"),
    "Place": ("#8c8c8c", "triangle"),
    "Event": ("#c5b0d5", "diamond"),
    "Incident": ("#7b4f9d", "diamond"),
}
MAX_STATEMENTS_SHOWN = 6
EDGE_COLORS = {
    "claims": "#555555",
    "mentions": "#9c9c9c",
    "by": "#e15759",
    "against": "#f28e2b",
    "at": "#f2b880",
    "in": "#c9c9c9",
    "renamed": "#76b7b2",
    "role": "#4e79a7",
}
_POLARITY_COLORS = {"denies": "#d62728", "unconfirmed": "#bcbd22"}
VIS_VERSION = "vis-9.1.2"


def _e(value: Any) -> str:
    """Escaped text of any value ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return html.escape(", ".join(str(v) for v in value), quote=True)
    return html.escape(str(value), quote=True)


def _node_title(data: dict[str, Any], side: str | None = None) -> str:
    kind = data.get("kind")
    if kind == "Event":
        parts = [f"<b>{_e(data.get('type'))}</b> {_e(data.get('date'))}"]
        if data.get("summary"):
            parts.append(_e(data["summary"]))
        return "<br>".join(parts)
    lines = [f"<b>{_e(data.get('label'))}</b><br>{_e(kind)}"]
    if side:
        lines[0] += f" &middot; side: {_e(side)}"
    said = sorted(data.get("statements") or [], key=lambda s: str(s.get("date") or ""))
    for s in said[:MAX_STATEMENTS_SHOWN]:
        lines.append(
            f"{_e(s.get('date'))} ({_e(s.get('polarity'))}): &ldquo;{_e(s.get('text'))}"
            f"&rdquo; <i>{_e(s.get('article'))}</i>"
        )
    if len(said) > MAX_STATEMENTS_SHOWN:
        lines.append(f"&hellip; and {len(said) - MAX_STATEMENTS_SHOWN} more statements")
    return "<br>".join(lines)


def _edge_title(data: dict[str, Any]) -> str:
    if data.get("kind") not in ("claims", "mentions"):
        extra = f" {_e(data.get('date'))}" if data.get("date") else ""
        by = f" by {_e(data.get('by'))}" if data.get("by") else ""
        return f"{_e(data.get('label'))}{extra}{by}"
    lines = [
        f"<b>{_e(data.get('speaker'))}</b> {_e(data.get('cue'))} {_e(data.get('date'))}",
        f"&ldquo;{_e(data.get('text'))}&rdquo;",
        f"polarity: {_e(data.get('polarity'))}",
    ]
    channel = list(data.get("via") or [])
    if data.get("outlet"):
        channel.append(data["outlet"])
    if channel:
        lines.append("via " + " &rarr; ".join(_e(c) for c in channel))
    lines.append(f"in <i>{_e(data.get('article'))}</i> {_e(data.get('published'))}")
    return "<br>".join(lines)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _happening_title(data: dict[str, Any]) -> str:
    lines = [f"<b>{_e(data.get('label')).replace(chr(10), ' &middot; ')}</b>"]
    if data.get("kind") == "Incident":
        lines.append("incident resolved across articles")
    # An incident knows all its reports; the folded counts are those selected.
    incident = data.get("incident") or {}
    reports = incident.get("reports") or data.get("reports")
    articles = incident.get("articles") or data.get("articles")
    if reports:
        lines.append(f"{_e(reports)} report(s) in {_e(articles or reports)} article(s)")
    for count in (incident.get("counts") or [])[:4]:
        lines.append(_e(count))
    for summary in (data.get("summaries") or [])[:3]:
        lines.append(_e(summary))
    return "<br>".join(lines)


def network_for(claims: nx.MultiDiGraph, title: str = "claimgraph") -> Network:
    """A pyvis ``Network`` of the claim graph, every label and title escaped.

    Accounts of one happening are folded into one node (see ``fold_events``);
    actors are coloured by side, shapes say the kind of node; each node and
    edge carries the dates the page's date slider filters on.
    """
    claims = fold_events(claims)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    rank = pagerank_of(nx.Graph(claims.to_undirected())) if claims.number_of_nodes() else {}
    top = max(rank.values(), default=1.0) or 1.0
    sides = sides_of(claims)
    colors = side_colors(sides)
    for n, data in claims.nodes(data=True):
        kind = str(data.get("kind") or "Place")
        color, shape = KIND_STYLE.get(kind, ("#999999", "dot"))
        side = sides.get(n)
        if kind in ACTOR_KINDS:
            color = colors.get(side or "", NO_SIDE_COLOR)
        happening = kind in ("Event", "Incident")
        lo, hi = date_window(data) if happening else (None, None)
        net.add_node(
            str(n),
            label=_e(data.get("label") or n),
            title=_happening_title(data) if happening else _node_title(data, side),
            color=color,
            shape=shape,
            size=round(12 + 26 * rank.get(n, 0.0) / top, 1),
            kind=kind,
            rank=round(rank.get(n, 0.0) / top, 4),
            side=_e(side) if side else None,
            dates=[_iso(lo), _iso(hi)] if lo else None,
        )
    for u, v, data in claims.edges(data=True):
        kind = str(data.get("kind"))
        color = _POLARITY_COLORS.get(str(data.get("polarity")), EDGE_COLORS.get(kind, "#999999"))
        dashes = kind in ("mentions", "in")
        net.add_edge(
            str(u),
            str(v),
            label=_e(data.get("label")),
            title=_edge_title(data),
            color=color,
            dashes=dashes,
            arrows="to",
            kind=kind,
            date=_iso(data.get("date")) if kind in _DATED_EDGES else None,
            width=2 if kind == "claims" else 1,
        )
        net.edges[-1]["id"] = f"e{len(net.edges) - 1}"
    net.heading = title
    return net


# Edges whose own date the slider filters on (a claim's date is when it was said).
_DATED_EDGES = ("claims", "mentions", "renamed")
_OPTIONS: dict[str, Any] = {
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "physics": {
        "solver": "forceAtlas2Based",
        "stabilization": {"iterations": 400, "fit": True},
        "forceAtlas2Based": {"gravitationalConstant": -45, "springLength": 90, "avoidOverlap": 0.4},
    },
    # Edge labels are drawn only once zoomed in far enough to read them; the
    # tooltip carries the claim at every zoom.
    "edges": {
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
        "smooth": {"type": "continuous"},
        "scaling": {"label": {"drawThreshold": 16}},
    },
    # The page sets node label sizes itself on every zoom (see viz_page.html):
    # the labels it keeps are at least 13 screen pixels.
    "nodes": {
        "font": {"size": 16, "strokeWidth": 4, "strokeColor": "#ffffff", "multi": False},
        "borderWidth": 1,
        "borderWidthSelected": 4,  # the node search found stands out
        "scaling": {"label": {"drawThreshold": 12}},
    },
}


def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, read from the installed pyvis package."""
    folder = resources.files("pyvis") / "templates" / "lib" / VIS_VERSION
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as e:  # pragma: no cover - depends on the pyvis install
        raise InputError(f"pyvis ships no {VIS_VERSION} files to inline: {e}") from e
    # Inline code must not be able to end its own <script>/<style> element.
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _script_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_page(claims: nx.MultiDiGraph, title: str = "claimgraph", meta: str = "") -> str:
    """The whole HTML page for ``claims`` as a string."""
    net = network_for(claims, title)
    counts: dict[str, int] = {}
    for node in net.nodes:
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    kinds = [
        {"kind": k, "color": c, "shape": s, "count": counts.get(k, 0)}
        for k, (c, s) in KIND_STYLE.items()
        if counts.get(k)
    ]
    sides: dict[str, dict[str, Any]] = {}
    for node in net.nodes:
        if node.get("side"):
            entry = sides.setdefault(node["side"], {"side": node["side"], "color": node["color"]})
            entry["count"] = entry.get("count", 0) + 1
    days = [d for node in net.nodes for d in (node.get("dates") or []) if d]
    days += [e["date"] for e in net.edges if e.get("date")]
    # No vis-network groups: a group's colour would override the side's.
    options = dict(_OPTIONS)
    edge_kinds = [{"kind": k, "color": c} for k, c in EDGE_COLORS.items()]
    edge_kinds += [{"kind": f"claim {p}", "color": c} for p, c in _POLARITY_COLORS.items()]
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "kinds": kinds,
        "edgeKinds": edge_kinds,
        "sides": sorted(sides.values(), key=lambda x: -x["count"]),
        "noSideColor": NO_SIDE_COLOR,
        "dates": sorted(set(days)),
    }
    js, css = vis_assets()
    template = (resources.files("claimgraph.graph") / "assets" / "viz_page.html").read_text(
        encoding="utf-8"
    )
    # Placeholders are replaced in one pass so inserted text is never rescanned.
    values = {
        "@@TITLE@@": _e(title),
        "@@META@@": _e(meta),
        "@@VIS_CSS@@": css,
        "@@VIS_JS@@": js,
        "@@DATA@@": _script_json(data),
    }
    out: list[str] = []
    rest = template
    while True:
        positions = [(rest.find(k), k) for k in values if rest.find(k) >= 0]
        if not positions:
            out.append(rest)
            break
        pos, key = min(positions)
        out.append(rest[:pos])
        out.append(values[key])
        rest = rest[pos + len(key) :]
    return "".join(out)


def write_page(
    claims: nx.MultiDiGraph, out: str | Path, title: str = "claimgraph", meta: str = ""
) -> Path:
    """Write the page to ``out`` (one self-contained .html file)."""
    path = Path(out)
    if not path.parent.exists():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    path.write_text(render_page(claims, title, meta), encoding="utf-8")
    return path
