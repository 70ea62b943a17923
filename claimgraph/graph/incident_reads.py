"""The resolution pass's reads: claims of events, and candidate incidents by index.

Every lookup starts from a key or an index (``incident_queries``): the claims
of given events with their places and what contains them, and the stored
incidents at, above or inside given places over given dates. Used by
``incident_pass``, under the incident lock.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import neo4j

from claimgraph.graph import incident_queries as q
from claimgraph.graph.incident_rules import MAX_WINDOW_DAYS, EventFacts
from claimgraph.graph.incident_summary import Claim, claim_from_row

__all__ = ["CHUNK", "claims_of", "candidates_of"]

# Events per query and per write transaction (whole components; one may be larger).
CHUNK = 5000

# A denial of an unknown kind: it may be linked to an account of any kind.
_DENIAL = "REJECT"
# Windows are at most this wide: how far back a window may start and still overlap.
_REACH = dt.timedelta(days=MAX_WINDOW_DAYS)


def _native(value: Any) -> Any:
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native else value


def claims_of(tx: neo4j.ManagedTransaction, ids: list[str]) -> dict[str, list[Claim]]:
    """The claims of these events, read back, by event id."""
    rows = [  # in parts: a bulk import's first pass reads every event
        r.data()
        for n in range(0, len(ids), CHUNK)
        for r in tx.run(q.CLAIMS_OF_EVENTS, ids=ids[n : n + CHUNK])
    ]
    # what contains each place, asked once per place rather than per claim
    keys = sorted({k for row in rows for k in row["place_keys"]})
    up = {r["key"]: r["up"] for r in tx.run(q.ANCESTORS, keys=keys)} if keys else {}
    out: dict[str, list[Claim]] = defaultdict(list)
    for row in rows:
        if row["statement"] is None:  # an event no statement claims: the article's own
            row.update(statement=row["event_props"]["id"], polarity="asserts", unclaimed=True)
        row["area"] = [[p, x] for p in row["place_keys"] for x in [p, *up.get(p, ())]]
        out[row["event_props"]["id"]].append(claim_from_row(row))
    return out


def _spans(events: list[EventFacts], which: str) -> list[dict[str, Any]]:
    """Each place to ask about, with the dates its events span (the server filters on them)."""
    spans: dict[str, list[dt.date]] = {}
    for ev in events:
        assert ev.window is not None
        if which == "area":
            keys = {*ev.places, *ev.area}
        else:
            keys = {k for k in ev.places if ev.agent_sides or k not in ev.broad}
        for k in keys:
            lo, hi = spans.get(k, [ev.window.lo, ev.window.hi])
            spans[k] = [min(lo, ev.window.lo), max(hi, ev.window.hi)]
    return [{"key": k, "lo": lo, "hi": hi} for k, (lo, hi) in sorted(spans.items())]


def candidates_of(tx: neo4j.ManagedTransaction, facts: list[EventFacts]) -> set[str]:
    """Keys of the stored incidents these events may be linked to (indexed lookups)."""
    facts = [ev for ev in facts if ev.resolvable]
    placed = [ev for ev in facts if ev.places]
    found: set[str] = set()
    if placed:
        # incidents at a place of the event or containing it (its area), and
        # incidents inside its places; asked once per place, filtered here
        at = _spans(placed, "area")
        # inside a region or country, a link needs the same agents: an event
        # naming none looks only inside its places of a smaller kind
        inside = _spans(placed, "inside")
        near: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in tx.run(q.INCIDENTS_AT, places=at):
            near[f"at:{r['place']}"].append(r.data())
        for r in tx.run(q.INCIDENTS_INSIDE, places=inside):
            near[f"in:{r['place']}"].append(r.data())
        for ev in placed:
            assert ev.window is not None
            lo, hi = ev.window.lo, ev.window.hi
            fams = None if ev.category == _DENIAL else {ev.family, _DENIAL}
            pools = [f"at:{k}" for k in {*ev.places, *ev.area}] + [f"in:{k}" for k in ev.places]
            for pool in pools:
                for i in near.get(pool, ()):
                    if _native(i["span_lo"]) <= hi and _native(i["span_hi"]) >= lo:
                        if fams is None or fams & set(i["families"] or ()):
                            found.add(i["key"])
    loose = [
        {"lo": ev.window.lo, "hi": ev.window.hi, "reach": ev.window.lo - _REACH}
        for ev in facts
        if not ev.places and ev.window is not None
    ]
    if loose:
        found |= {r["key"] for r in tx.run(q.CANDIDATES_WITHOUT_PLACE, events=loose)}
    return found
