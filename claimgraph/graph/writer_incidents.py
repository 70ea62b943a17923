"""The writer's last step: resolve a batch's events into incidents, in its transaction.

After a batch's events, statements and places are written, and in the same
transaction (a crash leaves no event without its incident):

1. take the incident lock (``LOCK_INCIDENTS``), so that two transactions never start two
   incidents for one happening (the second batch in flight waits here for
   the first to commit, then sees its incidents);
2. look up candidate incidents with the indexes: same family, a window
   starting at most ``MAX_WINDOW_DAYS`` before the event's
   (``incident_family_date``), then filter on places, so no event is scanned;
3. resolve in Python (``incident_rules.resolve``) and link each event
   ``(Event)-[:PART_OF {score, reasons}]->(Incident)``;
4. read back the claims of every incident touched and rewrite its
   properties and its ``(:Dispute)-[:OF]->(Incident)`` rows
   (``incident_summary``), so ``disputed`` and ``timeline`` read rows.

Replacing an article deletes its events (and their PART_OF edges) first;
the incidents they were part of are summarised again, or deleted when no
report is left. Other articles' events keep their incidents.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import neo4j

from claimgraph.graph.incident_rules import (
    MAX_WINDOW_DAYS,
    EventFacts,
    IncidentFacts,
    resolve,
)
from claimgraph.graph.incident_summary import claim_from_row, disputes, summarise

__all__ = [
    "resolve_batches",
    "LOCK_INCIDENTS",
    "INCIDENTS_OF_ARTICLES",
    "event_params",
    "resolve_in_transaction",
]

Run = Callable[..., Any]

# MERGE on a key of a uniqueness constraint (schema: incident_lock_key) locks
# the key's index entry until the commit; the node is deleted again at once,
# so the lock leaves nothing in the graph. Another transaction's MERGE waits
# for that commit (tested in test_incidents_batches), then sees its incidents.
# Run it with ``tx.run`` alone: its create and delete are not the load's work.
LOCK_INCIDENTS = """
MERGE (l:IncidentLock {key: 'incidents'})
DELETE l
"""

# Every event of an article carries its id (claimed or not; index event_article).
INCIDENTS_OF_ARTICLES = """
MATCH (e:Event)-[:PART_OF]->(i:Incident)
WHERE e.article IN $ids
RETURN DISTINCT i.key AS key
"""

# Families an event may join (its own, or an incident only denied so far).
# Candidates start from the places: incidents AT the event's places or at a
# place containing them, then incidents AT a place inside them (a strike on
# a district meets the strike on its town); only events without a place read
# the (family, date_lo) index for incidents without a place. Each branch
# filters on family and date window; no event is read.
_CANDIDATES = """
UNWIND $events AS ev
WITH ev, COLLECT {
  UNWIND ev.places AS k
  MATCH (:Place {key: k})-[:IN*1..6]->(q:Place)
  RETURN DISTINCT q.key
} AS up
// the aggregate keeps an event that meets no incident (its `up` is needed)
CALL (ev, up) {
  CALL (ev, up) {
    UNWIND ev.places + up AS k
    MATCH (:Place {key: k})<-[:AT]-(i:Incident)
    WHERE i.family IN ev.families AND i.date_lo <= ev.hi AND i.date_hi >= ev.lo
    RETURN i.key AS key
    UNION
    UNWIND ev.places AS k
    MATCH (:Place {key: k})<-[:IN*1..6]-(:Place)<-[:AT]-(i:Incident)
    WHERE i.family IN ev.families AND i.date_lo <= ev.hi AND i.date_hi >= ev.lo
    RETURN i.key AS key
    UNION
    WITH ev WHERE size(ev.places) = 0
    MATCH (i:Incident)
    WHERE i.family IN ev.families AND ev.reach <= i.date_lo <= ev.hi AND i.date_hi >= ev.lo
      AND i.place_keys = []
    RETURN i.key AS key
  }
  RETURN collect(key) AS keys
}
RETURN ev.id AS id, up, COLLECT {
  UNWIND keys AS k
  MATCH (i:Incident {key: k})
  RETURN i {.key, .type, .date_lo, .date_hi, .dated, .place_keys, .area, .broad_keys,
            .claim_agents, .type_counts}
} AS found
"""

# New incidents are merged here (the key constraint makes MERGE a lookup).
_LINK = """
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MERGE (i:Incident {key: row.incident})
CREATE (e)-[:PART_OF {score: row.score, reasons: row.reasons}]->(i)
"""

# Per event first (its places and what contains them), then its statements.
_CLAIMS = """
UNWIND $keys AS k
MATCH (i:Incident {key: k})<-[:PART_OF]-(e:Event)
WITH k, e, COLLECT { MATCH (e)-[:AT|AGAINST|IMPLIED_AT]->(p:Place) RETURN DISTINCT p } AS ps
WITH k, e, ps, COLLECT {
  UNWIND ps AS p MATCH (p)-[:IN*0..6]->(q:Place) RETURN DISTINCT [p.key, q.key]
} AS area
OPTIONAL MATCH (e)<-[:CLAIMS]-(s:Statement)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
RETURN k AS incident, properties(e) AS event_props, s.id AS statement, s.polarity AS polarity,
       coalesce(sp.name, s.speaker_name) AS speaker,
       s.side AS own_side, coalesce(s.side, sp.side) AS side,
       coalesce(s.side_name, sp.side_name) AS side_name,
       s.said_on AS said_on, s.start AS start, e.article AS article,
       [p IN ps | p.key] AS place_keys, [p IN ps | p.name] AS place_names,
       [p IN ps | CASE WHEN p:Actor THEN 'country' ELSE p.kind END] AS place_kinds,
       area
"""

# Publication date and outlet of the articles of those claims, once each.
_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.published AS published, a.outlet AS outlet
"""

_DROP_DISPUTES = """
UNWIND $keys AS k
MATCH (d:Dispute {incident: k})
DETACH DELETE d
"""

_DROP_INCIDENTS = """
UNWIND $keys AS k
MATCH (i:Incident {key: k})
DETACH DELETE i
"""

# The incident's own places, for the candidate lookup (the old edges go first:
# an incident's places change as reports join or leave it).
_SET_INCIDENTS = """
UNWIND $rows AS row
MATCH (i:Incident {key: row.key})
SET i = row
WITH i, row
CALL (i, row) {
  OPTIONAL MATCH (i)-[r:AT]->(p:Place)
  WHERE NOT p.key IN row.place_keys
  DELETE r
}
WITH i, row
UNWIND row.place_keys AS k
MATCH (p:Place {key: k})
MERGE (i)-[:AT]->(p)
"""

# What the graph knows of the speakers and places of the batch's claims (the
# first article to name a node gave it its name and kind).
_NODES = """
CALL () {
  UNWIND $actors AS k
  MATCH (n:Actor {key: k})
  RETURN n.key AS key, n.name AS name, n.side AS side, n.side_name AS side_name,
         null AS kind, true AS actor, [] AS up
  UNION ALL
  UNWIND $places AS k
  MATCH (n:Place {key: k})
  RETURN n.key AS key, n.name AS name, null AS side, null AS side_name,
         CASE WHEN n:Actor THEN 'country' ELSE n.kind END AS kind, false AS actor,
         COLLECT { MATCH (n)-[:IN*1..6]->(q:Place) RETURN DISTINCT q.key } AS up
}
RETURN key, name, side, side_name, kind, actor, up
"""

# Incidents this batch started: created with their reports and places at once.
_CREATE_INCIDENTS = """
UNWIND $rows AS row
CREATE (i:Incident)
SET i = row.props
WITH i, row
CALL (i, row) {
  UNWIND row.links AS l
  MATCH (e:Event {id: l.event})
  CREATE (e)-[:PART_OF {score: l.score, reasons: l.reasons}]->(i)
}
CALL (i, row) {
  UNWIND row.props.place_keys AS k
  MATCH (p:Place {key: k})
  CREATE (i)-[:AT]->(p)
}
"""

# Incidents stored before that this batch's events joined.
_UPDATE_INCIDENTS = """
UNWIND $rows AS row
MATCH (i:Incident {key: row.props.key})
SET i = row.props
WITH i, row
CALL (i, row) {
  UNWIND row.links AS l
  MATCH (e:Event {id: l.event})
  CREATE (e)-[:PART_OF {score: l.score, reasons: l.reasons}]->(i)
}
CALL (i, row) {
  OPTIONAL MATCH (i)-[r:AT]->(p:Place)
  WHERE NOT p.key IN row.props.place_keys
  DELETE r
}
CALL (i, row) {
  UNWIND row.props.place_keys AS k
  MATCH (p:Place {key: k})
  MERGE (i)-[:AT]->(p)
}
"""

# Actors of the batch that have no side in the graph yet (asked before the
# batch's entities are written: the batch may give them one).
SIDELESS_ACTORS = """
UNWIND $keys AS k
MATCH (n:Actor {key: k})
WHERE n.side IS NULL
RETURN n.key AS key
"""

# Incidents with claims whose side came from the speaker's node, not their
# own article: summarised again once the node has a side.
_INCIDENTS_OF_SPEAKERS = """
UNWIND $keys AS k
MATCH (n:Actor {key: k})-[:SAID]->(s:Statement)-[:CLAIMS]->(:Event)-[:PART_OF]->(i:Incident)
WHERE n.side IS NOT NULL AND s.side IS NULL
RETURN DISTINCT i.key AS key
"""

_CREATE_DISPUTES = """
UNWIND $rows AS row
MATCH (i:Incident {key: row.incident})
CREATE (d:Dispute)
SET d = row
CREATE (d)-[:OF]->(i)
"""

# Every family an incident can have: what a denial of an unknown kind may join.
_ANY_FAMILY = [
    "VIOLENCE",
    "COERCE",
    "RETREAT",
    "CONSULT",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "AID",
    "COOPERATE",
    "RENAMING",
    "REJECT",
]


def event_params(ev: EventFacts) -> dict[str, Any]:
    """The lookup row of one event for the candidates query."""
    assert ev.window is not None
    families = [ev.family, "REJECT"] if ev.category != "REJECT" else _ANY_FAMILY
    return {
        "id": ev.id,
        "families": families,
        "lo": ev.window.lo,
        "hi": ev.window.hi,
        # incident windows are at most MAX_WINDOW_DAYS wide (fold_window)
        "reach": ev.window.lo - dt.timedelta(days=MAX_WINDOW_DAYS),
        "places": ev.places,
    }


def _native(value: Any) -> dt.date:
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native else value  # type: ignore[no-any-return]


def _stored(found: dict[str, Any]) -> IncidentFacts:
    agents: dict[str, list[str]] = defaultdict(list)
    for pair in found.get("claim_agents") or []:
        side, _, agent = pair.partition("|")
        agents[side].append(agent)
    counts: dict[str, int] = {}
    for pair in found.get("type_counts") or []:
        cat, _, n = pair.rpartition("=")
        counts[cat] = int(n)
    return IncidentFacts(
        key=found["key"],
        category=found["type"] or "",
        lo=_native(found["date_lo"]),
        hi=_native(found["date_hi"]),
        dated=bool(found["dated"]),
        places=list(found["place_keys"] or []),
        area=list(found["area"] or []),
        broad=list(found.get("broad_keys") or []),
        agent_sides_by_claimant=dict(agents),
        type_counts=counts,
    )


def resolve_in_transaction(
    tx: neo4j.ManagedTransaction,
    run: Run,
    events: list[EventFacts],
    stale: Iterable[str] = (),
    claim_rows: dict[str, list[dict[str, Any]]] | None = None,
    sided: Iterable[str] = (),
) -> None:
    """Resolve ``events`` (already written) and summarise every incident touched.

    ``run(tx, query, **params)`` runs a write and counts it; ``stale`` are
    incidents that lost reports (the old events of replaced articles): they
    are summarised again first, or deleted when no report is left, so the
    new events meet what the other articles say. ``claim_rows`` are the
    events' claims from the records (``ArticleRows.incident_claims``); without
    them the claims are read back from the graph. ``sided`` are actors this
    batch gave their first side (``SIDELESS_ACTORS``, asked before): the
    incidents their other claims are in are summarised again, so a dispute
    does not depend on which article was loaded first. The caller holds the
    incident lock (``LOCK_INCIDENTS``).
    """
    _resolve(tx, run, events, stale, claim_rows)
    sided = sorted(set(sided))
    if sided:
        again = [r["key"] for r in tx.run(_INCIDENTS_OF_SPEAKERS, keys=sided)]
        if again:
            summarise_incidents(tx, run, sorted(again))


def _resolve(
    tx: neo4j.ManagedTransaction,
    run: Run,
    events: list[EventFacts],
    stale: Iterable[str],
    claim_rows: dict[str, list[dict[str, Any]]] | None,
) -> None:
    stale = sorted(set(stale))
    if stale:
        summarise_incidents(tx, run, stale)
    todo = [ev for ev in events if ev.window is not None]
    candidates: dict[str, list[IncidentFacts]] = {}
    if todo:
        stored: dict[str, IncidentFacts] = {}
        by_id = {ev.id: ev for ev in todo}
        for r in tx.run(_CANDIDATES, events=[event_params(ev) for ev in todo]):
            ev = by_id[r["id"]]
            ev.area = sorted({*ev.area, *ev.places, *r["up"]})
            found = []
            for f in r["found"]:
                if f["key"] not in stored:
                    stored[f["key"]] = _stored(f)
                found.append(stored[f["key"]])
            candidates[ev.id] = found
    assigned, touched = resolve(todo, candidates)
    if not assigned:
        return
    if claim_rows is None:
        links = [
            {"event": ev.id, "incident": m.incident, "score": m.score, "reasons": list(m.reasons)}
            for ev, m in assigned
        ]
        run(tx, _LINK, rows=links)
        keys = sorted(touched)
        summarise_incidents(tx, run, keys, [k for k in keys if not touched[k].new])
        return
    _write_resolved(tx, run, assigned, touched, claim_rows)


def _write_resolved(
    tx: neo4j.ManagedTransaction,
    run: Run,
    assigned: list[tuple[EventFacts, Any]],
    touched: dict[str, IncidentFacts],
    claim_rows: dict[str, list[dict[str, Any]]],
) -> None:
    """Summarise and write the incidents touched, their reports and disputes.

    The claims of this batch's events come from the records (the graph is
    asked only for node names, kinds and sides); those of reports stored
    before are read back, before the new PART_OF edges exist.
    """
    by_event = {ev.id: ev for ev, _ in assigned}
    links: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev, m in assigned:
        links[m.incident].append({"event": ev.id, "score": m.score, "reasons": list(m.reasons)})
    old = sorted(k for k, inc in touched.items() if not inc.new)
    rows_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if old:
        for row in _claim_rows_of(tx, old):
            rows_by[row["incident"]].append(row)
    fresh = [
        (key, row, by_event[link["event"]])
        for key, ls in links.items()
        for link in ls
        for row in claim_rows.get(link["event"], ())
    ]
    actors = sorted({r["speaker_key"] for _, r, _ in fresh if r.get("speaker_key")})
    places = sorted({k for _, r, _ in fresh for k in r["place_keys"]})
    nodes: dict[tuple[bool, str], dict[str, Any]] = {
        (r["actor"], r["key"]): r.data() for r in tx.run(_NODES, actors=actors, places=places)
    }
    for key, row, ev in fresh:
        rows_by[key].append(_claim_row(row, ev, nodes))
    claims = {k: [claim_from_row(r) for r in rows] for k, rows in rows_by.items()}
    if old:
        run(tx, _DROP_DISPUTES, keys=old)
    created: list[dict[str, Any]] = []
    updated: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    for key in sorted(touched):
        cs = claims.get(key, [])
        summary = summarise(key, cs)
        row = {"props": {k: v for k, v in summary.items() if v is not None}, "links": links[key]}
        (updated if key in old else created).append(row)
        found.extend(
            {k: v for k, v in d.items() if v is not None} for d in disputes(key, cs, summary)
        )
    if created:
        run(tx, _CREATE_INCIDENTS, rows=created)
    if updated:
        run(tx, _UPDATE_INCIDENTS, rows=updated)
    if found:
        run(tx, _CREATE_DISPUTES, rows=found)


def _claim_row(
    row: dict[str, Any], ev: EventFacts, nodes: dict[tuple[bool, str], dict[str, Any]]
) -> dict[str, Any]:
    """A claim row from the records, completed with what the graph knows of its nodes."""
    out = dict(row)
    speaker = nodes.get((True, row["speaker_key"])) if row.get("speaker_key") else None
    if row["statement"] is None:  # an event no statement claims: the article's own
        out.update(statement=ev.id, polarity="asserts", unclaimed=True)
    out["speaker"] = (speaker or {}).get("name") or row.get("speaker_name")
    # the side the claim's own article gives its speaker, else the graph's
    # (another article's); resolution compares only the first
    out["own_side"] = row.get("side")
    out["side"] = row.get("side") or (speaker or {}).get("side")
    out["side_name"] = row.get("side_name") or (speaker or {}).get("side_name")
    found = [nodes[(False, k)] for k in row["place_keys"] if (False, k) in nodes]
    out["place_keys"] = [p["key"] for p in found]
    out["place_names"] = [p["name"] for p in found]
    out["place_kinds"] = [p["kind"] for p in found]
    # each place and what contains it, as the read-back query pairs them
    out["area"] = [[p["key"], q] for p in found for q in [p["key"], *p["up"]]]
    return out


def _claim_rows_of(tx: neo4j.ManagedTransaction, keys: list[str]) -> list[dict[str, Any]]:
    """The claims of these stored incidents, read back, with their articles' dates and outlets."""
    rows = []
    for r in tx.run(_CLAIMS, keys=keys):
        row = r.data()
        if row["statement"] is None:  # an event no statement claims: the article's own
            row.update(statement=f"{row['event_props']['id']}", polarity="asserts", unclaimed=True)
        rows.append(row)
    ids = sorted({row["article"] for row in rows if row["article"]})
    articles = {r["id"]: r.data() for r in tx.run(_ARTICLES, ids=ids)}
    for row in rows:
        a = articles.get(row["article"], {})
        row.update(published=a.get("published"), outlet=a.get("outlet"))
    return rows


def summarise_incidents(
    tx: neo4j.ManagedTransaction, run: Run, keys: list[str], old: list[str] | None = None
) -> None:
    """Rewrite the properties and disputes of these incidents from their claims.

    ``old`` are those that may have disputes already (default: all of them).
    """
    claims: dict[str, list[Any]] = defaultdict(list)
    for row in _claim_rows_of(tx, keys):
        claims[row["incident"]].append(claim_from_row(row))
    stale = keys if old is None else old
    if stale:
        run(tx, _DROP_DISPUTES, keys=stale)
    gone = [k for k in keys if not claims.get(k)]
    if gone:
        run(tx, _DROP_INCIDENTS, keys=gone)
    props: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    for key, cs in claims.items():
        summary = summarise(key, cs)
        props.append({k: v for k, v in summary.items() if v is not None})
        found.extend(
            {k: v for k, v in d.items() if v is not None} for d in disputes(key, cs, summary)
        )
    if props:
        run(tx, _SET_INCIDENTS, rows=props)
    if found:
        run(tx, _CREATE_DISPUTES, rows=found)


def resolve_batches(
    driver: neo4j.Driver, database: str | None, batches: Iterable[list[EventFacts]]
) -> int:
    """Resolve events already in the graph (a bulk import's), one transaction per batch.

    The batches are the writer's, in load order, so the incidents are the
    ones a transactional load of the same records makes. Returns the number
    of elements created.
    """
    created = 0

    def run(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> None:
        nonlocal created
        c = tx.run(query, **params).consume().counters
        created += c.nodes_created + c.relationships_created

    def work(tx: neo4j.ManagedTransaction, facts: list[EventFacts]) -> None:
        tx.run(LOCK_INCIDENTS).consume()
        resolve_in_transaction(tx, run, facts)

    with driver.session(database=database) as session:
        for facts in batches:
            if facts:
                created_before = created
                try:
                    session.execute_write(work, facts)
                except Exception:
                    created = created_before
                    raise
    return created
