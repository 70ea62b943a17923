"""The Cypher of incident resolution: the writer's marks and the pass's reads and writes.

Static strings, values only in parameters. Every lookup starts from a key
(constraint) or an index: ``Place.key`` then its ``AT``/``IN`` edges,
``Event.id``, ``Incident.key``, ``Dispute.incident``, ``Event.article`` and
``Event.loose_lo``; the marks are labels, found by the label lookup index.
"""

from __future__ import annotations

__all__ = [
    "LOCK_INCIDENTS",
    "MARK_STALE_OF_ARTICLES",
    "SIDELESS_ACTORS",
    "MARK_STALE_OF_SPEAKERS",
    "NEW_CONTAINMENTS",
    "MARK_STALE_INSIDE",
    "MARK_ALL_PENDING",
    "MARK_PENDING",
    "COUNT_PENDING",
    "PENDING_EVENTS",
    "STALE_INCIDENTS",
    "RECOUNT_INCIDENTS",
    "RECOUNT",
    "INCIDENTS_OF_EVENTS",
    "EVENTS_OF_INCIDENTS",
    "ANY_STALE",
    "ANY_INCIDENT",
    "CLAIMS_OF_EVENTS",
    "ANCESTORS",
    "INCIDENTS_AT",
    "INCIDENTS_INSIDE",
    "CANDIDATES_WITHOUT_PLACE",
    "DROP_DISPUTES",
    "DROP_INCIDENTS",
    "CREATE_INCIDENTS",
    "CREATE_DISPUTES",
    "SETTLE_EVENTS",
]

# MERGE on a key of a uniqueness constraint (schema: incident_lock_key) locks
# the key's index entry until the commit; the node is deleted again at once,
# so the lock leaves nothing in the graph. Two passes (two loads at once)
# read and write one after the other.
LOCK_INCIDENTS = """
MERGE (l:IncidentLock {key: 'incidents'})
DELETE l
"""

# --- the writer's marks, in the batch's transaction ---------------------------

# Before a replaced article's events go: their incidents lose reports.
MARK_STALE_OF_ARTICLES = """
MATCH (e:Event)-[:PART_OF]->(i:Incident)
WHERE e.article IN $ids
SET i:StaleIncident
"""

# Actors of the batch that have no side in the graph yet (asked before the
# batch's entities are written: the batch may give them one).
SIDELESS_ACTORS = """
UNWIND $keys AS k
MATCH (n:Actor {key: k})
WHERE n.side IS NULL
RETURN n.key AS key
"""

# The incidents whose claims took their side from such a speaker's node: the
# node has one now, so their disputes are summarised again. Their reports stay
# (resolution reads only the sides each claim's own article gives), so the
# pass recounts them without resolving them again.
MARK_STALE_OF_SPEAKERS = """
UNWIND $keys AS k
MATCH (n:Actor {key: k})-[:SAID]->(s:Statement)-[:CLAIMS]->(:Event)-[:PART_OF]->(i:Incident)
WHERE n.side IS NOT NULL AND s.side IS NULL
SET i:RecountIncident
"""

# Places stored before that the batch puts inside another for the first time
# (asked before the batch's IN edges are written).
NEW_CONTAINMENTS = """
UNWIND $rows AS r
MATCH (p:Place {key: r.from})
WHERE NOT EXISTS { (p)-[:IN]->(:Place {key: r.to}) }
RETURN DISTINCT r.from AS from, r.to AS to
"""

# The incidents at such a place or inside it that may now meet an incident at
# the containing place or above it (overlapping dates, a family in common or
# a denial of unknown kind): the pass resolves them again. Asked after the IN
# edges are written; from the two places' keys, never a scan.
MARK_STALE_INSIDE = """
UNWIND $rows AS r
MATCH (:Place {key: r.from})<-[:IN*0..6]-(:Place)<-[:AT]-(i:Incident)
WHERE NOT i:StaleIncident AND EXISTS {
  MATCH (:Place {key: r.to})-[:IN*0..6]->(:Place)<-[:AT]-(j:Incident)
  WHERE j <> i AND j.span_lo <= i.span_hi AND j.span_hi >= i.span_lo
    AND ('REJECT' IN i.families OR any(f IN j.families WHERE f = 'REJECT' OR f IN i.families))
}
SET i:StaleIncident
"""

# After a bulk import, which writes no marks.
MARK_ALL_PENDING = """
MATCH (e:Event)
WHERE NOT e:PendingIncident
CALL (e) { SET e:PendingIncident } IN TRANSACTIONS OF 10000 ROWS
"""

# Before a pass writes in several transactions: every event it will touch.
MARK_PENDING = """
UNWIND $ids AS id
MATCH (e:Event {id: id})
SET e:PendingIncident
"""

# Whether a later part's events are still pending (another pass may have resolved them).
COUNT_PENDING = """
UNWIND $ids AS id
MATCH (e:Event {id: id})
WHERE e:PendingIncident
RETURN count(e) AS n
"""

# --- the pass: reads ---------------------------------------------------------

PENDING_EVENTS = "MATCH (e:PendingIncident) RETURN e.id AS id"

STALE_INCIDENTS = "MATCH (i:StaleIncident) RETURN i.key AS key"

RECOUNT_INCIDENTS = "MATCH (i:RecountIncident) RETURN i.key AS key"

INCIDENTS_OF_EVENTS = """
UNWIND $ids AS id
MATCH (:Event {id: id})-[:PART_OF]->(i:Incident)
RETURN DISTINCT i.key AS key
"""

EVENTS_OF_INCIDENTS = """
UNWIND $keys AS k
MATCH (:Incident {key: k})<-[:PART_OF]-(e:Event)
RETURN DISTINCT k AS key, e.id AS id
"""

# Whether the pass has anything to do beyond the pending events, and whether
# any incident is stored (a first load has none to look up); counts of a
# label come from the count store.
ANY_STALE = "MATCH (i:StaleIncident) RETURN count(i) AS n"
ANY_INCIDENT = "MATCH (i:Incident) RETURN count(i) AS n"

# One row per statement claiming the event (one row if none does): the
# event's places with their kinds, the speaker and sides, and the article's
# date and outlet.
CLAIMS_OF_EVENTS = """
UNWIND $ids AS id
MATCH (e:Event {id: id})
WITH e, COLLECT { MATCH (e)-[:AT|AGAINST|IMPLIED_AT]->(p:Place) RETURN DISTINCT p } AS ps
OPTIONAL MATCH (a:Article {id: e.article})
OPTIONAL MATCH (e)<-[:CLAIMS]-(s:Statement)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
RETURN properties(e) AS event_props, s.id AS statement, s.polarity AS polarity,
       coalesce(sp.name, s.speaker_name) AS speaker,
       s.side AS own_side, coalesce(s.side, sp.side) AS side,
       coalesce(s.side_name, sp.side_name) AS side_name,
       s.said_on AS said_on, s.start AS start, e.article AS article,
       a.published AS published, a.outlet AS outlet,
       [p IN ps | p.key] AS place_keys, [p IN ps | p.name] AS place_names,
       [p IN ps | CASE WHEN p:Actor THEN 'country' ELSE p.kind END] AS place_kinds
"""

# What contains each place (IN edges), once per place.
ANCESTORS = """
UNWIND $keys AS k
MATCH (p:Place {key: k})
RETURN k AS key, COLLECT { MATCH (p)-[:IN*1..6]->(q:Place) RETURN DISTINCT q.key } AS up
"""

# Incidents AT a place (asked for an event's places and what contains them),
# and incidents AT a place inside one (a strike on a district meets the
# strike on its town). Once per place, with the dates its events span;
# each event's own dates and families are compared by the caller. No event
# is scanned.
INCIDENTS_AT = """
UNWIND $places AS p
MATCH (:Place {key: p.key})<-[:AT]-(i:Incident)
WHERE i.span_lo <= p.hi AND i.span_hi >= p.lo
RETURN p.key AS place, i.key AS key, i.span_lo AS span_lo, i.span_hi AS span_hi,
       i.families AS families
"""

INCIDENTS_INSIDE = """
UNWIND $places AS p
MATCH (:Place {key: p.key})<-[:IN*1..6]-(:Place)<-[:AT]-(i:Incident)
WHERE i.span_lo <= p.hi AND i.span_hi >= p.lo
RETURN DISTINCT p.key AS place, i.key AS key, i.span_lo AS span_lo, i.span_hi AS span_hi,
       i.families AS families
"""

# Events without a place are linked only to others without one (and to the
# account a denial follows in its own article, a seed already): the
# ``event_loose`` index holds the start of their windows, at most
# MAX_WINDOW_DAYS wide, so ``reach`` bounds the seek.
CANDIDATES_WITHOUT_PLACE = """
UNWIND $events AS ev
MATCH (f:Event)
WHERE ev.reach <= f.loose_lo <= ev.hi
MATCH (f)-[:PART_OF]->(i:Incident)
RETURN DISTINCT i.key AS key
"""

# --- the pass: writes --------------------------------------------------------

DROP_DISPUTES = """
UNWIND $keys AS k
MATCH (d:Dispute {incident: k})
DETACH DELETE d
"""

DROP_INCIDENTS = """
UNWIND $keys AS k
MATCH (i:Incident {key: k})
DETACH DELETE i
"""

CREATE_INCIDENTS = """
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

# An incident recounted: its properties replaced, its reports and places kept.
RECOUNT = """
UNWIND $rows AS row
MATCH (i:Incident {key: row.key})
SET i = row.props
REMOVE i:RecountIncident
"""

CREATE_DISPUTES = """
UNWIND $rows AS row
MATCH (i:Incident {key: row.incident})
CREATE (d:Dispute)
SET d = row
CREATE (d)-[:OF]->(i)
"""

# The marks go; an event without a place keeps the start of its window for
# the ``event_loose`` index (null removes it).
SETTLE_EVENTS = """
UNWIND $rows AS row
MATCH (e:Event {id: row.id})
REMOVE e:PendingIncident
SET e.loose_lo = row.loose
"""
