"""What the graph page needs beyond the claim network: actor codes and incidents.

``claim_graph`` gives names and kinds; the page also colours actors by side
(their ``country``/``sector`` codes or a stored side) and folds accounts
into the ``Incident`` they are part of. Both are read here, for the nodes
already selected, with parameterised Cypher.
"""

from __future__ import annotations

from typing import Any

import neo4j
import networkx as nx

from claimgraph.queries import run_cypher

__all__ = ["with_details"]

# Only these properties of an actor are copied onto its node.
_ACTOR_FIELDS = ("country", "sector", "side", "side_name", "side_key")

_ACTORS = """
UNWIND $keys AS k
CALL (k) {
  MATCH (x:Actor {key: k}) RETURN x
  UNION
  MATCH (x:Place {key: k}) RETURN x
}
RETURN k AS key, properties(x) AS props
"""

_COUNTRIES = """
MATCH (c:Place:Actor)
RETURN c.name AS name, c.country AS country
"""

# Each event's PLOVER mode (claim_graph leaves it out) and the incident it is part of.
_EVENTS = """
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[:PART_OF]->(i:Incident)
RETURN id, properties(e)['mode'] AS mode,
       CASE WHEN i IS NULL THEN null ELSE properties(i) END AS props,
       COLLECT { MATCH (i)-[:AT]->(p:Place) RETURN p.name } AS places
"""


def with_details(
    driver: neo4j.Driver, database: str | None, claims: nx.MultiDiGraph
) -> nx.MultiDiGraph:
    """``claims`` with actors' codes and sides, each event's mode and incident, on the nodes.

    Changes ``claims`` in place and returns it. A graph without incidents
    (or without codes) comes back as it was.

    Example:

        page = render_page(with_details(driver, None, claim_graph(driver, None)))
    """
    keys = [n for n, d in claims.nodes(data=True) if d.get("kind") not in ("Event", "Source")]
    if keys:
        for row in run_cypher(driver, database, _ACTORS, {"keys": keys}, what="graph page"):
            props: dict[str, Any] = row["props"] or {}
            node = claims.nodes[row["key"]]
            for field in _ACTOR_FIELDS:
                if props.get(field) not in (None, "") and field not in node:
                    node[field] = props[field]
            # the entity's own kind ("ministry", "militia"): sides.py reads it
            if props.get("kind") and "entity_kind" not in node:
                node["entity_kind"] = props["kind"]
    # Sides by name stem need every country, not only those in the selection.
    claims.graph["countries"] = [
        (r["name"], r["country"])
        for r in run_cypher(driver, database, _COUNTRIES, what="graph page")
        if r["name"]
    ]
    ids = [n for n, d in claims.nodes(data=True) if d.get("kind") == "Event"]
    if ids:
        for row in run_cypher(driver, database, _EVENTS, {"ids": ids}, what="graph page"):
            if row["mode"] and not claims.nodes[row["id"]].get("mode"):
                claims.nodes[row["id"]]["mode"] = row["mode"]
            incident = dict(row["props"] or {})
            if row["places"] and not incident.get("place_name"):
                incident["place_name"] = row["places"][0]
            if incident.get("key"):
                claims.nodes[row["id"]]["incident"] = incident
    return claims
