"""Interactive HTML pages of the claim network, through pyvis.

Nodes are coloured and shaped by kind and sized by PageRank; edges carry the
claim (polarity, event type, date); hovering shows the statement and where it
was reported. The page is one self-contained file: vis-network's script and
style, shipped inside the pyvis package, are inlined, and nothing is fetched
from the network.

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

__all__ = ["KIND_STYLE", "EDGE_COLORS", "network_for", "render_page", "write_page", "vis_assets"]

# kind -> (colour, vis.js shape)
KIND_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#59a14f", "box"),
    "Country": ("#e15759", "hexagon"),
    "Place": ("#f28e2b", "triangle"),
    "Event": ("#b07aa1", "diamond"),
    "Source": ("#bab0ac", "ellipse"),
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


def _node_title(data: dict[str, Any]) -> str:
    kind = data.get("kind")
    if kind == "Event":
        parts = [f"<b>{_e(data.get('type'))}</b> {_e(data.get('date'))}"]
        if data.get("summary"):
            parts.append(_e(data["summary"]))
        return "<br>".join(parts)
    lines = [f"<b>{_e(data.get('label'))}</b><br>{_e(kind)}"]
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


def network_for(claims: nx.MultiDiGraph, title: str = "claimgraph") -> Network:
    """A pyvis ``Network`` of the claim graph, every label and title escaped."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    rank = pagerank_of(nx.Graph(claims.to_undirected())) if claims.number_of_nodes() else {}
    top = max(rank.values(), default=1.0) or 1.0
    for n, data in claims.nodes(data=True):
        kind = str(data.get("kind") or "Place")
        color, shape = KIND_STYLE.get(kind, ("#999999", "dot"))
        label = data.get("label") or n
        if kind == "Event" and data.get("date"):
            label = f"{label} {data['date']}"
        net.add_node(
            str(n),
            label=_e(label),
            title=_node_title(data),
            color=color,
            shape=shape,
            size=round(10 + 30 * rank.get(n, 0.0) / top, 1),
            group=kind,
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
        )
    net.heading = title
    return net


_OPTIONS: dict[str, Any] = {
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "physics": {
        "solver": "forceAtlas2Based",
        "stabilization": {"iterations": 300},
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
    },
    "edges": {"font": {"size": 9, "align": "middle"}, "smooth": {"type": "dynamic"}},
    # Larger labels, drawn down to 2 screen pixels, stay readable when the
    # whole graph fits the window (vis-network hides labels under 5 by default).
    "nodes": {"font": {"size": 18}, "scaling": {"label": {"drawThreshold": 2}}},
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
        counts[node["group"]] = counts.get(node["group"], 0) + 1
    kinds = [
        {"kind": k, "color": c, "shape": s, "count": counts.get(k, 0)}
        for k, (c, s) in KIND_STYLE.items()
    ]
    # pyvis drops a node's own colour when it has a group: style the groups.
    options = dict(
        _OPTIONS, groups={k: {"color": c, "shape": s} for k, (c, s) in KIND_STYLE.items()}
    )
    edge_kinds = [{"kind": k, "color": c} for k, c in EDGE_COLORS.items()]
    edge_kinds += [{"kind": f"claim {p}", "color": c} for p, c in _POLARITY_COLORS.items()]
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "kinds": kinds,
        "edgeKinds": edge_kinds,
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
