"""The rows of the timeline page: the ``timeline`` query's rows, each with its claims.

The page is built from the canned ``timeline`` query's rows, whatever the
query groups by: a row that names its ``incident`` (or lists its ``events``)
gets the claims of those accounts; a row without either gets the claims of
the events the query grouped into it (same type, date and places, inside the
place or actor asked about). Each claim carries its speaker's side, found by
``graph.sides`` (through ``viz_sides.sides_of``) from the speaker, their roles
and the graph's countries when the writer stored none.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import neo4j
import networkx as nx

from claimgraph.graph.export import UNRESOLVED_PREFIX, kind_of
from claimgraph.graph.viz_sides import sides_of
from claimgraph.queries import resolve_entity, run_cypher, run_query
from claimgraph.schema.records import normalise_name

__all__ = ["TimelineRow", "timeline_rows", "claims_of_rows"]

TimelineRow = dict[str, Any]

_CLAIMS = """
UNWIND $rows AS row
CALL (row) {
  MATCH (:Incident {key: row.incident})<-[:PART_OF]-(e:Event)
  RETURN e
  UNION
  UNWIND row.events AS id
  MATCH (e:Event {id: id})
  RETURN e
  UNION
  // the query's own grouping: same type and date, same places, inside the scope
  MATCH (e:Event {type: row.type})
  WHERE row.incident IS NULL AND size(row.events) = 0
    AND ((row.date IS NULL AND e.date IS NULL) OR e.date = row.date)
    AND COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN DISTINCT p.name AS n ORDER BY n } = row.places
    AND EXISTS {
      MATCH (e)-[:BY|AGAINST|AT|IMPLIED_AT]->()-[:IN*0..6]->()-[:RENAMED*0..1]-(x)
      WHERE x.key = $about
    }
  RETURN e
}
WITH row, e
MATCH (s:Statement)-[:CLAIMS]->(e)
MATCH (s)-[:REPORTED_IN]->(a:Article)
OPTIONAL MATCH (sp:Actor)-[:SAID]->(s)
WITH DISTINCT row, s, a, sp
RETURN row.n AS row, s.id AS statement, s.said_on AS said_on, s.polarity AS polarity,
       s.text AS text, s.cue AS cue,
       coalesce(sp.name, s.speaker_name) AS speaker,
       CASE WHEN sp IS NULL THEN null
            ELSE {key: sp.key, labels: labels(sp), country: sp.country} END AS actor,
       // the side the writer found for the speaker in this article, if any
       coalesce(properties(s)['side_name'], properties(sp)['side_name']) AS side_name,
       COLLECT { MATCH (sp)-[:ROLE]->(o)
                 RETURN {key: o.key, name: o.name, labels: labels(o), country: o.country} } AS roles,
       // an untitled article by the file it came from, not its hash
       coalesce(a.title, CASE WHEN a.source <> '' THEN last(split(a.source, '/')) END, a.id)
         AS article,
       a.outlet AS outlet, a.published AS published
ORDER BY row, said_on, published, statement
"""

# What a row from an incident shows: its main place and mode, its reports.
_INCIDENT_FACTS = """
UNWIND $keys AS k
MATCH (i:Incident {key: k})
RETURN k AS key, properties(i)['place'] AS place, properties(i)['mode'] AS mode,
       properties(i)['reports'] AS reports
"""

_COUNTRIES = """
MATCH (c:Place:Actor)
RETURN c.key AS key, c.name AS name, c.country AS country
"""


def timeline_rows(
    driver: neo4j.Driver,
    database: str | None,
    about: str,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
) -> tuple[str, list[TimelineRow]]:
    """The key ``about`` names and the ``timeline`` query's rows for it, each with ``claims``.

    Example:

        key, rows = timeline_rows(driver, None, "Dravik", "2025-06-01")
        rows[0]["claims"][0]["side"]  # 'Kestria'
    """
    key = resolve_entity(driver, database, about).key
    params: dict[str, Any] = {"about": key, "from": date_from, "to": date_to}
    if limit is not None:
        params["limit"] = limit
    rows = run_query(driver, database, "timeline", params)
    return key, claims_of_rows(driver, database, key, rows)


def _selector(n: int, row: TimelineRow) -> dict[str, Any]:
    places = row.get("places") or ([row["place"]] if row.get("place") else [])
    return {
        "n": n,
        "incident": row.get("incident") or row.get("incident_key"),
        "events": [str(e) for e in row.get("events") or [] if isinstance(e, str)],
        "type": row.get("type"),
        "date": row.get("date") if isinstance(row.get("date"), date) else None,
        "places": sorted(str(p) for p in places),
    }


def claims_of_rows(
    driver: neo4j.Driver, database: str | None, about: str, rows: list[TimelineRow]
) -> list[TimelineRow]:
    """``rows`` with ``claims``: the statements claiming each, with speaker and side."""
    out = [dict(r, claims=[]) for r in rows]
    if not rows:
        return out
    selectors = [_selector(i, r) for i, r in enumerate(rows)]
    found = run_cypher(
        driver, database, _CLAIMS, {"rows": selectors, "about": about}, what="timeline page"
    )
    keys = [sel["incident"] for sel in selectors if sel["incident"]]
    if keys:
        facts = {
            f["key"]: f
            for f in run_cypher(
                driver, database, _INCIDENT_FACTS, {"keys": keys}, what="timeline page"
            )
        }
        for sel, row in zip(selectors, out, strict=True):
            fact = facts.get(sel["incident"])
            for field in ("place", "mode", "reports"):
                if fact and fact[field] is not None and row.get(field) is None:
                    row[field] = fact[field]
    countries = run_cypher(driver, database, _COUNTRIES, what="timeline page")
    sides = sides_of(_speaker_graph(found, countries))
    for c in found:
        node = _speaker_node(c)
        out[c["row"]]["claims"].append(
            {
                "statement": c["statement"],
                "said_on": c["said_on"],
                "polarity": c["polarity"] or "asserts",
                "text": c["text"],
                "cue": c["cue"],
                "speaker": c["speaker"],
                "side": c["side_name"] or sides.get(node),
                "article": c["article"],
                "outlet": c["outlet"],
                "published": c["published"],
            }
        )
    return out


def _speaker_node(c: dict[str, Any]) -> str:
    if c["actor"]:
        return str(c["actor"]["key"])
    return UNRESOLVED_PREFIX + normalise_name(str(c["speaker"] or ""))


def _speaker_graph(found: list[dict[str, Any]], countries: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """Speakers, what they hold roles in and the graph's countries: what ``sides_of`` reads."""
    g = nx.MultiDiGraph(countries=[(c["name"], c["country"]) for c in countries if c["name"]])
    for c in found:
        node = _speaker_node(c)
        actor = c["actor"]
        if node not in g:
            kind = kind_of(actor["labels"]) if actor else "Source"
            g.add_node(node, kind=kind, label=c["speaker"])
            if actor and actor.get("country"):
                g.nodes[node]["country"] = actor["country"]
        for r in c["roles"]:
            if r["key"] not in g:
                g.add_node(r["key"], kind=kind_of(r["labels"]), label=r["name"])
                if r.get("country"):
                    g.nodes[r["key"]]["country"] = r["country"]
            g.add_edge(node, r["key"], kind="role")
    return g
