"""One node per happening on the graph page: accounts folded into incidents.

An ``Event`` is one article's account; ten articles about one shelling give
ten event nodes that say the same thing. On the page they become one node:
the ``Incident`` they are ``PART_OF`` when the graph has incidents (the
event node then carries ``incident``, a dict of the incident's properties),
else the accounts of the same type on the same date at the same places (the
grouping the timeline uses). Every claim edge is kept, so the folded node
shows who asserts and who denies it side by side.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

__all__ = ["fold_events", "happening_label", "date_window"]

# Edges from a happening to what it involves: one of each kind per entity.
_ROLE_EDGES = ("by", "against", "at")


def _first(d: dict[str, Any], *names: str) -> Any:
    for n in names:
        if d.get(n) not in (None, "", []):
            return d[n]
    return None


def date_window(d: dict[str, Any]) -> tuple[date | None, date | None]:
    """The first and last day of a happening (the same day twice for a dated one)."""
    lo = _first(d, "date", "date_from", "date_lo", "start", "first_date")
    hi = _first(d, "date_end", "date_to", "date_hi", "end", "last_date") or lo
    return (_as_date(lo), _as_date(hi))


def _as_date(v: Any) -> date | None:
    if isinstance(v, date):
        return v
    if isinstance(v, str) and len(v) >= 10:
        try:
            return date.fromisoformat(v[:10])
        except ValueError:
            return None
    return None


def _window_text(lo: date | None, hi: date | None) -> str:
    if lo is None:
        return "undated"
    if hi is None or hi == lo:
        return lo.isoformat()
    if (hi.year, hi.month) == (lo.year, lo.month):
        return f"{lo.isoformat()}\u2013{hi.day:02d}"
    return f"{lo.isoformat()} \u2013 {hi.isoformat()}"


def happening_label(
    kind: Any, mode: Any, places: list[str], lo: date | None, hi: date | None
) -> str:
    """Two lines: what (type and mode) and where and when, e.g. ``ASSAULT (shelling)``."""
    what = str(kind or "event")
    if mode:
        what += f" ({mode})"
    # Say how many more places, and that none is known, rather than leave a gap.
    where = ", ".join(places[:2]) + (f" +{len(places) - 2}" if len(places) > 2 else "")
    return f"{what}\n{where or 'place unknown'} \u00b7 {_window_text(lo, hi)}"


def _group_key(claims: nx.MultiDiGraph, n: str, d: dict[str, Any]) -> tuple[Any, ...]:
    incident = d.get("incident")
    if isinstance(incident, dict) and incident.get("key"):
        return ("incident", str(incident["key"]))
    places = sorted(v for _, v, e in claims.out_edges(n, data=True) if e.get("kind") == "at")
    return ("happening", d.get("type"), d.get("date"), d.get("date_end"), tuple(places))


def fold_events(claims: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``claims`` with one node per incident (or happening) instead of per account.

    Folded nodes keep ``kind`` "Incident" when they come from an incident,
    "Event" otherwise, and get ``reports`` (accounts folded), ``articles``
    (distinct articles claiming it), ``places`` (names), ``date``/``date_end``
    and a two-line ``label``.

    Example:

        page_graph = fold_events(claim_graph(driver, None, about="place:dravik"))
    """
    groups: dict[tuple[Any, ...], list[str]] = {}
    for n, d in claims.nodes(data=True):
        if d.get("kind") == "Event":
            groups.setdefault(_group_key(claims, n, d), []).append(n)
    node_of: dict[str, str] = {}
    out = nx.MultiDiGraph()
    out.graph.update(claims.graph)  # the name, and the countries sides are read from
    for n, d in claims.nodes(data=True):
        if d.get("kind") != "Event":
            out.add_node(n, **d)
    for key, members in groups.items():
        first = claims.nodes[members[0]]
        incident = first.get("incident") if key[0] == "incident" else None
        new_id = f"incident:{key[1]}" if incident else members[0]
        for m in members:
            node_of[m] = new_id
        out.add_node(new_id, **_folded(claims, members, incident))
    seen: set[tuple[str, str, str]] = set()
    statements: set[tuple[str, str, Any]] = set()
    for u, v, d in claims.edges(data=True):
        u2, v2 = node_of.get(u, u), node_of.get(v, v)
        kind = str(d.get("kind"))
        if kind in _ROLE_EDGES:
            if (u2, v2, kind) in seen:
                continue
            seen.add((u2, v2, kind))
        elif kind == "claims" and d.get("statement") is not None:
            # one statement claiming two accounts of one incident is one claim
            if (u2, v2, d["statement"]) in statements:
                continue
            statements.add((u2, v2, d["statement"]))
        out.add_edge(u2, v2, **d)
    return out


def _folded(
    claims: nx.MultiDiGraph, members: list[str], incident: dict[str, Any] | None
) -> dict[str, Any]:
    datas = [claims.nodes[m] for m in members]
    place_names: list[str] = []
    articles: set[Any] = set()
    for m in members:
        for _, v, e in claims.out_edges(m, data=True):
            if e.get("kind") == "at":
                name = str(claims.nodes[v].get("label") or v)
                if name not in place_names:
                    place_names.append(name)
        for _, _, e in claims.in_edges(m, data=True):
            if e.get("kind") == "claims":
                articles.add(e.get("article"))
    lows = [lo for lo, _ in map(date_window, datas) if lo]
    highs = [hi for _, hi in map(date_window, datas) if hi]
    lo, hi = (min(lows) if lows else None), (max(highs) if highs else None)
    kind_name = _first(datas[0], "type")
    mode = _first(datas[0], "mode")
    summaries = [str(d["summary"]) for d in datas if d.get("summary")]
    folded: dict[str, Any] = {
        "kind": "Event",
        "type": kind_name,
        "mode": mode,
        "summary": summaries[0] if summaries else None,
        "summaries": list(dict.fromkeys(summaries)),
        "precision": datas[0].get("precision"),
        "reports": len(members),
        "articles": len(articles),
        "places": place_names,
    }
    if incident:
        folded["kind"] = "Incident"
        folded["incident"] = incident
        kind_name = _first(incident, "type", "category") or kind_name
        mode = _first(incident, "mode") or mode
        ilo, ihi = date_window(incident)
        lo, hi = ilo or lo, ihi or hi
        place = _first(incident, "place_name", "place")
        # a name, not a key ("place:dravik"), is shown
        if isinstance(place, str) and place and ":" not in place and place not in place_names:
            place_names.insert(0, place)
        folded.update(type=kind_name, mode=mode)
    folded.update(date=lo, date_end=hi)
    folded["label"] = happening_label(kind_name, mode, place_names, lo, hi)
    return folded
