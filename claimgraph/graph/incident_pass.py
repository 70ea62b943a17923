"""The resolution pass: pending events into incidents, once per load.

The writer labels every event it creates ``:PendingIncident`` (in the
event's own transaction, so a crash never loses the mark), and labels
``:StaleIncident`` the incidents that lost a report (a replaced article), and
``:RecountIncident`` those whose speakers' sides changed (their disputes are
summarised again, their reports kept). After the last batch of a load, after a bulk
import, and on ``claimgraph incident resolve``, this pass

1. takes the pending events and the events of the stale incidents and of the
   incidents those events are in now (the *seeds*);
2. finds, with indexed lookups only, the stored incidents a seed may be
   linked to: incidents ``AT`` a seed's place, at a place containing it or
   inside it, of a compatible family and overlapping dates; for events
   without a place, events of the same kind by the ``event_loose`` index;
3. reads the claims of the seeds and of those incidents' events, links every
   pair the rule links (``incident_clusters``) and takes the connected
   components: the incidents, keyed by their smallest event id;
4. deletes the incidents it read and their disputes, writes the components
   with their ``PART_OF`` edges, places and disputes (``incident_summary``),
   and clears the marks, in transactions of whole components.

Steps 1 to 4 run in one transaction that first takes the incident lock, so
two loads' passes never interleave between a read and its write; the later
parts of a large pass check that their events are still pending (a pass that
ran in between took them all) and stop if not.

Stored incidents that no seed reaches are components already: no link can
join them to anything outside, so what the pass writes is what resolving
every event at once would give. The graph is therefore a function of the set
of loaded articles, whatever the batches, the order, an interrupted run or
the loader (text, records, ``import-bulk``).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import neo4j

from claimgraph.graph import incident_queries as q
from claimgraph.graph.incident_clusters import Assignment, cluster, links_among
from claimgraph.graph.incident_reads import CHUNK, candidates_of, claims_of
from claimgraph.graph.incident_summary import (
    Claim,
    disputes,
    event_facts,
    summarise,
)
from claimgraph.graph.writer_summary import COUNTERS as _COUNTERS

__all__ = ["PassResult", "resolve_pending", "mark_all_pending", "PENDING", "STALE"]

log = logging.getLogger(__name__)

PENDING = "PendingIncident"
STALE = "StaleIncident"


@dataclass
class PassResult:
    """What one resolution pass did."""

    events: int = 0  # events resolved (seeds and the events of incidents they reached)
    incidents: int = 0  # incidents written
    disputes: int = 0
    seconds: float = 0.0
    counters: dict[str, int] = field(default_factory=dict)


def _read(
    tx: neo4j.ManagedTransaction,
) -> tuple[list[str], list[str], dict[str, list[Claim]], list[str]]:
    """Seeds, the events they reach, everyone's claims, and the incidents read."""
    seeds = sorted(r["id"] for r in tx.run(q.PENDING_EVENTS))
    if not seeds and tx.run(q.ANY_STALE).single(strict=True)["n"] == 0:
        return [], [], {}, []
    stale = sorted(r["key"] for r in tx.run(q.STALE_INCIDENTS))
    stored = tx.run(q.ANY_INCIDENT).single(strict=True)["n"] > 0
    # the incidents the seeds are in now, and the stale ones: all their events are seeds
    old = set(stale)
    if stored:
        old |= {r["key"] for r in tx.run(q.INCIDENTS_OF_EVENTS, ids=seeds)}
    if old:
        seeds = sorted(
            set(seeds) | {r["id"] for r in tx.run(q.EVENTS_OF_INCIDENTS, keys=sorted(old))}
        )
    claims = claims_of(tx, seeds)
    known = set(seeds)
    frontier = list(seeds) if stored else []
    found: set[str] = set()
    # Until no new incident is linked: a vague account of a linked incident may
    # fit another incident better, so the events reached are looked up too.
    # Only incidents with an event linked to the frontier are taken in (the
    # candidates are what the indexes give, a superset): the others keep what
    # they are, since no link joins them to what changes, and a candidate
    # left out is found again if a later frontier links to it.
    members: dict[str, list[str]] = {}  # events of the candidates read, by incident
    while frontier:
        near = candidates_of(tx, event_facts([c for eid in frontier for c in claims[eid]]))
        near -= old | found
        unread = sorted(k for k in near if k not in members)
        if unread:
            for r in tx.run(q.EVENTS_OF_INCIDENTS, keys=unread):
                members.setdefault(r["key"], []).append(r["id"])
            fresh = sorted({eid for k in unread for eid in members.get(k, ())} - claims.keys())
            claims.update(claims_of(tx, fresh) if fresh else {})
        of = {eid: k for k in near for eid in members.get(k, ())}
        facts = event_facts([c for eid in [*frontier, *sorted(of)] for c in claims.get(eid, ())])
        linked = {
            of[x] for pair in links_among(facts, wanted=set(frontier)) for x in pair if x in of
        }
        found |= linked
        frontier = sorted({eid for k in linked for eid in members[k]} - known)
        known.update(frontier)
    reached = sorted(known - set(seeds))
    return seeds, reached, dict(claims), sorted(old | found)


def _chunks(groups: list[list[str]], size: int) -> list[list[list[str]]]:
    out: list[list[list[str]]] = [[]]
    n = 0
    for g in groups:
        if n and n + len(g) > size:
            out.append([])
            n = 0
        out[-1].append(g)
        n += len(g)
    return out


def _incident_rows(
    groups: list[list[str]],
    claims: dict[str, list[Claim]],
    assigned: dict[str, Assignment],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The incidents of these components, with their PART_OF rows, and their disputes."""
    incidents: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    for group in groups:
        key = assigned[group[0]].incident
        cs = [c for eid in group for c in claims.get(eid, ())]
        summary = summarise(key, cs)
        links = [
            {"event": eid, "score": assigned[eid].score, "reasons": list(assigned[eid].reasons)}
            for eid in group
        ]
        incidents.append(
            {"props": {k: v for k, v in summary.items() if v is not None}, "links": links}
        )
        found.extend(
            {k: v for k, v in d.items() if v is not None} for d in disputes(key, cs, summary)
        )
    return incidents, found


def _write(
    tx: neo4j.ManagedTransaction,
    groups: list[list[str]],
    ids: list[str],
    drop: list[str],
    claims: dict[str, list[Claim]],
    assigned: dict[str, Assignment],
    loose: dict[str, Any],
) -> tuple[int, int, dict[str, int]]:
    # counted here and returned: the driver may run this function twice
    counters: dict[str, int] = {}

    def run(query: str, **params: Any) -> None:
        c = tx.run(query, **params).consume().counters
        for name in _COUNTERS:
            counters[name] = counters.get(name, 0) + getattr(c, name)

    # the incidents these events are in now, and those read that no event keeps
    keys = sorted({*drop, *(r["key"] for r in tx.run(q.INCIDENTS_OF_EVENTS, ids=ids))})
    if keys:
        run(q.DROP_DISPUTES, keys=keys)
        run(q.DROP_INCIDENTS, keys=keys)
    incidents, found = _incident_rows(groups, claims, assigned)
    if incidents:
        run(q.CREATE_INCIDENTS, rows=incidents)
    if found:
        run(q.CREATE_DISPUTES, rows=found)
    run(q.SETTLE_EVENTS, rows=[{"id": i, "loose": loose.get(i)} for i in ids])
    return len(incidents), len(found), counters


def _mark(tx: neo4j.ManagedTransaction, ids: list[str]) -> None:
    for n in range(0, len(ids), CHUNK):
        tx.run(q.MARK_PENDING, ids=ids[n : n + CHUNK]).consume()


@dataclass
class _Plan:
    """What one pass resolved and wrote in its first transaction; the parts left to write."""

    seeds: list[str]
    universe: list[str]
    claims: dict[str, list[Claim]]
    assigned: dict[str, Assignment]
    loose: dict[str, Any]
    parts: list[list[list[str]]]
    written: tuple[int, int, dict[str, int]]


def _plan(tx: neo4j.ManagedTransaction, chunk: int) -> _Plan | None:
    """Under the incident lock: read, resolve, and write the first part.

    Reading under the lock, in the transaction that writes, is what makes two
    loads at once safe: a pass that read before another pass wrote would
    otherwise overwrite the other's incidents with what it read (and lose the
    events the other settled).
    """
    tx.run(q.LOCK_INCIDENTS).consume()
    seeds, reached, claims, read = _read(tx)
    recount = sorted({r["key"] for r in tx.run(q.RECOUNT_INCIDENTS)} - set(read))
    if not seeds and not read and not recount:
        return None
    universe = sorted({*seeds, *reached})
    facts = event_facts([c for eid in universe for c in claims.get(eid, ())])
    assigned = cluster(facts, links_among(facts))
    by_incident: dict[str, list[str]] = defaultdict(list)
    for eid in sorted(assigned):
        by_incident[assigned[eid].incident].append(eid)
    groups = sorted(by_incident.values(), key=lambda g: g[0])
    # events without a place are found again by the start of their window
    loose = {
        ev.id: ev.window.lo
        for ev in facts
        if ev.resolvable and not ev.places and ev.window is not None
    }
    # unresolvable seeds (speech acts, vague dates) are settled with the first part
    settled = set(assigned)
    rest = [eid for eid in seeds if eid not in settled]
    parts = _chunks(groups, chunk)
    if len(parts) > 1:
        # the later parts' events stay marked until written: a crash, or
        # another pass, in between finds them pending
        _mark(tx, universe)
    ids = [eid for g in parts[0] for eid in g] + rest
    written = _write(tx, parts[0], ids, read, claims, assigned, loose)
    if recount:
        made, found, counters = _recount(tx, recount)
        for name, value in counters.items():
            written[2][name] = written[2].get(name, 0) + value
        written = (written[0] + made, written[1] + found, written[2])
    return _Plan(seeds, universe, claims, assigned, loose, parts, written)


def _recount(tx: neo4j.ManagedTransaction, keys: list[str]) -> tuple[int, int, dict[str, int]]:
    """Summarise these incidents and their disputes again, with the reports they have."""
    members: dict[str, list[str]] = defaultdict(list)
    for r in tx.run(q.EVENTS_OF_INCIDENTS, keys=keys):
        members[r["key"]].append(r["id"])
    claims = claims_of(tx, sorted({eid for ids in members.values() for eid in ids}))
    rows: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    for key in sorted(members):
        cs = [c for eid in members[key] for c in claims.get(eid, ())]
        summary = summarise(key, cs)
        rows.append({"key": key, "props": {k: v for k, v in summary.items() if v is not None}})
        found.extend(
            {k: v for k, v in d.items() if v is not None} for d in disputes(key, cs, summary)
        )
    counters: dict[str, int] = {}
    for query, params in (
        (q.DROP_DISPUTES, {"keys": keys}),
        (q.RECOUNT, {"rows": rows}),
        (q.CREATE_DISPUTES, {"rows": found}),
    ):
        c = tx.run(query, **params).consume().counters
        for name in _COUNTERS:
            counters[name] = counters.get(name, 0) + getattr(c, name)
    return len(rows), len(found), counters


def _write_part(
    tx: neo4j.ManagedTransaction, plan: _Plan, n: int
) -> tuple[int, int, dict[str, int]] | None:
    """A later part of the plan, or None if another pass resolved its events meanwhile."""
    tx.run(q.LOCK_INCIDENTS).consume()
    part = plan.parts[n]
    ids = [eid for g in part for eid in g]
    # every pass takes every pending event: if one of these is settled, a
    # pass that started after ours resolved them all, with newer data
    if tx.run(q.COUNT_PENDING, ids=ids).single(strict=True)["n"] < len(ids):
        return None
    return _write(tx, part, ids, [], plan.claims, plan.assigned, plan.loose)


def resolve_pending(driver: neo4j.Driver, database: str | None, chunk: int = CHUNK) -> PassResult:
    """Resolve every pending event into incidents (see the module docstring).

    Returns what it did; does nothing (one read) when no event is pending.
    Safe with other loads at once: each pass reads and writes under the
    incident lock, and a pass whose later parts another pass has resolved
    meanwhile stops there.

    Example:

        result = resolve_pending(driver, None)
        print(result.incidents, "incidents in", round(result.seconds, 2), "s")
    """
    began = time.perf_counter()
    result = PassResult()
    with driver.session(
        database=database, notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF
    ) as session:
        plan = session.execute_write(_plan, chunk)
        if plan is not None:
            outcomes = [plan.written]
            for n in range(1, len(plan.parts)):
                done = session.execute_write(_write_part, plan, n)
                if done is None:
                    log.info("another pass resolved the rest of this one's events")
                    break
                outcomes.append(done)
            for made, disputed, counters in outcomes:
                for name, value in counters.items():
                    result.counters[name] = result.counters.get(name, 0) + value
                result.incidents += made
                result.disputes += disputed
            result.events = len(plan.universe)
    result.seconds = time.perf_counter() - began
    log.info(
        "resolved %d events into %d incidents (%d disputes) in %.2f s",
        result.events,
        result.incidents,
        result.disputes,
        result.seconds,
    )
    return result


def mark_all_pending(driver: neo4j.Driver, database: str | None) -> None:
    """Mark every event pending (after a bulk import, which writes no marks)."""
    with driver.session(database=database) as session:
        session.run(q.MARK_ALL_PENDING).consume()
