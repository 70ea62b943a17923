"""The graph as networkx: the claim network of a selection, or everything.

``claim_graph`` is what ``viz``, ``analyze`` and ``export --about/--speaker``
work on: actors, places and claimed events as nodes; "X claims event E",
"X talks about Y", "E by A", "E against/at P", roles, containment and
renamings as edges, each edge carrying the statement and its source.
``whole_graph`` copies every node and relationship. ``write_graph`` writes
GraphML, GEXF, node-link JSON or two CSV files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx

from claimgraph.errors import InputError
from claimgraph.queries import run_cypher, run_query
from claimgraph.schema.model import kind_of
from claimgraph.schema.records import normalise_name

__all__ = [
    "EXPORT_FORMATS",
    "NODE_KINDS",
    "claim_graph",
    "whole_graph",
    "scalar_graph",
    "write_graph",
    "kind_of",
]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")
NODE_KINDS = ("Person", "Organization", "Country", "Place", "Event", "Source")
# A speaker the extraction named but could not tie to an entity.
UNRESOLVED_PREFIX = "source:"
SELECTION_LIMIT = 100_000

# The statements of a selection with everything hanging off them.
_CLAIMS = """
UNWIND $ids AS id
MATCH (s:Statement {id: id})-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
RETURN s.id AS id, s.text AS text, s.quote AS quote, s.said_on AS said_on,
       s.polarity AS polarity, s.cue AS cue,
       coalesce(sp.name, s.speaker_name) AS speaker_name,
       CASE WHEN sp IS NULL THEN null ELSE {key: sp.key, name: sp.name, labels: labels(sp)} END AS speaker,
       {id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url} AS article,
       COLLECT { MATCH (s)-[:VIA]->(v) RETURN v.name } AS via,
       COLLECT { MATCH (s)-[:MENTIONS]->(m) RETURN {key: m.key, name: m.name, labels: labels(m)} } AS mentions,
       COLLECT {
         MATCH (s)-[:CLAIMS]->(e:Event)
         RETURN {id: e.id, type: e.type, summary: e.summary, date: e.date, precision: e.precision,
                 agents: COLLECT { MATCH (e)-[:BY]->(x) RETURN {key: x.key, name: x.name, labels: labels(x)} },
                 targets: COLLECT { MATCH (e)-[:AGAINST]->(x) RETURN {key: x.key, name: x.name, labels: labels(x)} },
                 places: COLLECT { MATCH (e)-[:AT]->(x) RETURN {key: x.key, name: x.name, labels: labels(x)} }}
       } AS events
"""

# Roles, containment and renamings among the entities already selected.
_STRUCTURE = """
MATCH (x) WHERE (x:Actor OR x:Place) AND x.key IN $keys
MATCH (x)-[r:IN|RENAMED|ROLE]->(y)
WHERE y.key IN $keys
RETURN x.key AS source, y.key AS target, type(r) AS type, r.on AS on, r.title AS title, r.by AS by
"""

_ALL_NODES = """
MATCH (n)
RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props
"""

_ALL_RELS = """
MATCH (a)-[r]->(b)
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type, properties(r) AS props
"""


def _add_entity(g: nx.MultiDiGraph, entity: Mapping[str, Any]) -> str:
    key = str(entity["key"])
    if key not in g:
        g.add_node(key, label=entity["name"], kind=kind_of(entity["labels"]))
    return key


def claim_graph(
    driver: neo4j.Driver,
    database: str | None,
    *,
    about: str | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    polarity: str | None = None,
) -> nx.MultiDiGraph:
    """The claim network of the statements ``who-said`` selects with these filters.

    ``about`` and ``speaker`` are keys (or exact names); dates are ISO strings.
    """
    selection = run_query(
        driver,
        database,
        "who-said",
        {
            "about": about,
            "speaker": speaker,
            "from": date_from,
            "to": date_to,
            "polarity": polarity,
            "limit": SELECTION_LIMIT,
        },
    )
    ids = [r["statement"] for r in selection]
    rows = run_cypher(driver, database, _CLAIMS, {"ids": ids}, what="claim network") if ids else []
    g = nx.MultiDiGraph(name="claims")
    for r in rows:
        _add_statement(g, r)
    keys = [n for n, d in g.nodes(data=True) if d["kind"] not in ("Event", "Source")]
    if keys:
        for s in run_cypher(driver, database, _STRUCTURE, {"keys": keys}, what="claim network"):
            label = {"IN": "in", "RENAMED": "renamed", "ROLE": s["title"] or "role"}[s["type"]]
            g.add_edge(
                s["source"],
                s["target"],
                kind=s["type"].lower(),
                label=label,
                date=s["on"],
                by=s["by"],
            )
    return g


def _add_statement(g: nx.MultiDiGraph, r: Mapping[str, Any]) -> None:
    article = r["article"]
    source = {
        "statement": r["id"],
        "text": r["text"],
        "quote": r["quote"],
        "polarity": r["polarity"],
        "cue": r["cue"],
        "speaker": r["speaker_name"],
        "via": list(r["via"]),
        "article": article["title"] or article["id"],
        "outlet": article["outlet"],
        "published": article["published"],
        "url": article["url"],
        "date": r["said_on"],
    }
    speaker = _add_entity(g, r["speaker"]) if r["speaker"] else None
    if speaker is None and r["speaker_name"]:
        speaker = UNRESOLVED_PREFIX + normalise_name(str(r["speaker_name"]))
        if speaker not in g:
            g.add_node(speaker, label=r["speaker_name"], kind="Source")
    if speaker:
        said = g.nodes[speaker].setdefault("statements", [])
        said.append(
            {
                "date": r["said_on"],
                "text": r["text"],
                "polarity": r["polarity"],
                "article": source["article"],
            }
        )
    for e in r["events"]:
        eid = str(e["id"])
        if eid not in g:
            g.add_node(
                eid,
                label=f"{e['type']}",
                kind="Event",
                type=e["type"],
                summary=e["summary"],
                date=e["date"],
                precision=e["precision"],
            )
        for role, kind in (("agents", "by"), ("targets", "against"), ("places", "at")):
            for x in e[role]:
                key = _add_entity(g, x)
                if not g.has_edge(eid, key, key=kind):
                    g.add_edge(eid, key, key=kind, kind=kind, label=kind, date=e["date"])
        if speaker:
            label = f"{r['polarity']} {e['type']}" + (f" · {r['said_on']}" if r["said_on"] else "")
            g.add_edge(speaker, eid, kind="claims", label=label, **source)
    if speaker and not r["events"]:
        for m in r["mentions"]:
            key = _add_entity(g, m)
            if key != speaker:
                label = "mentions" + (f" · {r['said_on']}" if r["said_on"] else "")
                g.add_edge(speaker, key, kind="mentions", label=label, **source)


def whole_graph(driver: neo4j.Driver, database: str | None) -> nx.MultiDiGraph:
    """Every node and relationship, with all properties and labels."""
    g = nx.MultiDiGraph(name="claimgraph")
    ids: dict[str, str] = {}
    for n in run_cypher(driver, database, _ALL_NODES, what="export"):
        props = dict(n["props"])
        node_id = str(props.get("key") or props.get("id") or n["eid"])
        ids[n["eid"]] = node_id
        g.add_node(
            node_id,
            labels=":".join(sorted(n["labels"])),
            kind=kind_of(n["labels"]),
            label=props.get("name") or props.get("title") or props.get("type") or node_id,
            **{k: v for k, v in props.items() if k not in ("label", "labels", "kind")},
        )
    for r in run_cypher(driver, database, _ALL_RELS, what="export"):
        props = {k: v for k, v in dict(r["props"]).items() if k not in ("kind", "label")}
        g.add_edge(
            ids[r["source"]], ids[r["target"]], kind=r["type"].lower(), label=r["type"], **props
        )
    return g


def _scalar(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(_scalar(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps({k: _scalar(v) for k, v in value.items()}, ensure_ascii=False)
    return value


def scalar_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool: dates ISO, lists joined, None dropped.

    GraphML and GEXF accept nothing else.
    """
    out = nx.MultiDiGraph(name=g.graph.get("name", ""))
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in data.items() if v is not None})
    # Edge keys are renumbered: GEXF wants them all of one type.
    for u, v, data in g.edges(data=True):
        out.add_edge(u, v, **{a: _scalar(b) for a, b in data.items() if b is not None})
    return out


def write_graph(g: nx.MultiDiGraph, fmt: str, out: str | Path) -> list[Path]:
    """Write ``g`` as ``fmt`` to ``out``; returns the files written.

    CSV writes two files next to ``out``: ``<stem>.nodes.csv`` and ``<stem>.edges.csv``.
    """
    path = Path(out)
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use {', '.join(EXPORT_FORMATS)}")
    if not path.parent.exists():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    flat = scalar_graph(g)
    if fmt == "graphml":
        nx.write_graphml(flat, path)
        return [path]
    if fmt == "gexf":
        nx.write_gexf(flat, path)
        return [path]
    if fmt == "json":
        data = nx.node_link_data(flat, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return [path]
    nodes_path = path.with_name(f"{path.stem}.nodes.csv")
    edges_path = path.with_name(f"{path.stem}.edges.csv")
    _write_csv(nodes_path, ["id"], ({"id": n, **d} for n, d in flat.nodes(data=True)))
    _write_csv(
        edges_path,
        ["source", "target"],
        ({"source": u, "target": v, **d} for u, v, d in flat.edges(data=True)),
    )
    return [nodes_path, edges_path]


def _write_csv(path: Path, first: list[str], rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    columns = list(first)
    for r in rows:
        columns += [k for k in r if k not in columns]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
