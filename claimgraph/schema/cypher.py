"""The Neo4j schema of the data model: constraints and indexes.

Every node key has a uniqueness constraint (which also gives MERGE its index);
the other indexes serve the canned queries: names and aliases for lookups,
dates for time windows, event types and polarities for filters, and a
full-text index over names and aliases for fuzzy name search.
"""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError

from claimgraph.errors import QueryError
from claimgraph.schema.model import MODEL

__all__ = [
    "SCHEMA",
    "UPGRADES",
    "UPGRADES_MARKER",
    "UPGRADES_VERSION",
    "apply_schema",
    "await_indexes",
    "show_schema",
    "upgrades_done",
]

SCHEMA: tuple[str, ...] = (
    # the data model's node keys (schema.model): article_id, actor_key, ...
    *(
        f"CREATE CONSTRAINT {n.label.lower()}_{n.key} IF NOT EXISTS "
        f"FOR (n:{n.label}) REQUIRE n.{n.key} IS UNIQUE"
        for n in MODEL.nodes
    ),
    "CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)",
    "CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)",
    "CREATE INDEX actor_aliases IF NOT EXISTS FOR (n:Actor) ON (n.aliases)",
    "CREATE INDEX place_aliases IF NOT EXISTS FOR (n:Place) ON (n.aliases)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
    "CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)",
    "CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
    "CREATE INDEX statement_said_on IF NOT EXISTS FOR (n:Statement) ON (n.said_on)",
    "CREATE INDEX statement_polarity IF NOT EXISTS FOR (n:Statement) ON (n.polarity)",
    "CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
    "CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
    # Few events last several days; disputed finds the longest through this index.
    "CREATE INDEX event_date_end IF NOT EXISTS FOR (n:Event) ON (n.date_end)",
    # A person quoted in thousands of articles has a ROLE edge from each; the
    # queries find the role given in one article through this index.
    "CREATE INDEX role_article IF NOT EXISTS FOR ()-[r:ROLE]-() ON (r.article)",
    # Incidents: the resolution pass (incident_pass) finds candidates from
    # places (Place key, AT edges), events without a place by the start of
    # their window; disputed reads disputes by date and incident.
    "CREATE CONSTRAINT incident_key IF NOT EXISTS FOR (n:Incident) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT dispute_key IF NOT EXISTS FOR (n:Dispute) REQUIRE n.key IS UNIQUE",
    # Resolution passes are serialised by MERGE on this key (incident_queries):
    # the constraint's entry lock is what the second transaction waits on.
    "CREATE CONSTRAINT incident_lock_key IF NOT EXISTS FOR (n:IncidentLock) REQUIRE n.key IS UNIQUE",
    # replacing an article finds its events, claimed or not, and their incidents
    "CREATE INDEX event_article IF NOT EXISTS FOR (n:Event) ON (n.article)",
    "CREATE INDEX event_loose IF NOT EXISTS FOR (n:Event) ON (n.loose_lo)",
    "CREATE INDEX incident_date IF NOT EXISTS FOR (n:Incident) ON (n.date)",
    "CREATE INDEX dispute_incident IF NOT EXISTS FOR (n:Dispute) ON (n.incident)",
    "CREATE INDEX dispute_date IF NOT EXISTS FOR (n:Dispute) ON (n.date_lo)",
    "CREATE INDEX dispute_side_a IF NOT EXISTS FOR (n:Dispute) ON (n.side_a)",
    "CREATE INDEX dispute_side_b IF NOT EXISTS FOR (n:Dispute) ON (n.side_b)",
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS "
    "FOR (n:Actor|Place) ON EACH [n.name, n.aliases]",
)


# Relationships that later versions of the writer derive when an article is
# written, added here to graphs loaded before them. Each costs one pass over
# the events (about 1.6 s at 100,000 articles), so they run once per
# UPGRADES_VERSION; the EXISTS test keeps a run from opening a single inner
# transaction when there is nothing to add.
UPGRADES: tuple[str, ...] = (
    # IMPLIED_AT: an event with no place of its own is where its statements point
    """
    MATCH (e:Event)
    WHERE NOT EXISTS { (e)-[:AT|AGAINST|IMPLIED_AT]->(:Place) }
      AND EXISTS { (e)<-[:CLAIMS]-(:Statement)-[:MENTIONS]->(:Place) }
    CALL (e) {
      MATCH (e)<-[:CLAIMS]-(:Statement)-[:MENTIONS]->(p:Place)
      WITH DISTINCT p
      CREATE (e)-[:IMPLIED_AT]->(p)
    } IN TRANSACTIONS OF 1000 ROWS
    """,
    # ABOUT: what a statement is about (its mentions, its events' agents,
    # targets and places) in one hop, for who-said, sources and as-of.
    """
    MATCH (s:Statement)
    WHERE NOT EXISTS { (s)-[:ABOUT]->() }
      AND (EXISTS { (s)-[:MENTIONS]->() } OR EXISTS { (s)-[:CLAIMS]->()-[:BY|AGAINST|AT]->() })
    CALL (s) {
      CALL (s) {
        MATCH (s)-[:MENTIONS]->(x) RETURN x
        UNION
        MATCH (s)-[:CLAIMS]->(:Event)-[:BY|AGAINST|AT]->(x) RETURN x
      }
      CREATE (s)-[:ABOUT]->(x)
    } IN TRANSACTIONS OF 1000 ROWS
    """,
    # Incidents: events in none wait for the next resolution pass (a load's,
    # or `claimgraph incident resolve`); those that resolve to nothing (speech
    # acts, vague dates) are settled by it.
    """
    MATCH (e:Event)
    WHERE NOT EXISTS { (e)-[:PART_OF]->(:Incident) } AND NOT e:PendingIncident
    CALL (e) { SET e:PendingIncident } IN TRANSACTIONS OF 10000 ROWS
    """,
)


# Bump when UPGRADES changes: graphs marked with an older version run them once.
UPGRADES_VERSION = 2
# The marker is an index on a label no node carries: it lives in the graph's
# schema, where no MATCH, count or export ever sees it, and costs nothing.
_MARKER_PREFIX = "claimgraph_upgrades_v"
UPGRADES_MARKER = f"{_MARKER_PREFIX}{UPGRADES_VERSION}"


def upgrades_done(driver: neo4j.Driver, database: str | None) -> bool:
    """Whether this graph has run the ``UPGRADES`` of ``UPGRADES_VERSION``."""
    with driver.session(database=database) as session:
        record = session.run(
            "SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n",
            name=UPGRADES_MARKER,
        ).single(strict=True)
    return bool(record["n"])


def apply_schema(
    driver: neo4j.Driver,
    database: str | None,
    wait: bool = True,
    *,
    upgrades: bool = True,
    timeout: int = 300,
) -> None:
    """Create every constraint and index that does not exist yet, and bring older graphs up to date.

    Idempotent; run before every load. The upgrades (a pass over every event)
    run once per ``UPGRADES_VERSION``: a marker in the schema says they ran.
    ``upgrades=False`` marks them done without running them, for a graph that
    was written whole by this version (a bulk import).
    """
    try:
        with driver.session(database=database) as session:
            for statement in SCHEMA:
                session.run(statement).consume()
        if not upgrades_done(driver, database):
            with driver.session(database=database) as session:
                for statement in UPGRADES if upgrades else ():
                    session.run(statement).consume()
                session.run(
                    f"CREATE INDEX {UPGRADES_MARKER} IF NOT EXISTS "
                    "FOR (n:ClaimgraphUpgrades) ON (n.version)"
                ).consume()
    except Neo4jError as e:
        raise QueryError(f"could not apply the schema: {e.message or e}") from e
    if wait:
        await_indexes(driver, database, timeout)


def await_indexes(driver: neo4j.Driver, database: str | None, timeout: int = 300) -> None:
    """Return once every index is ONLINE (asks the server; never sleeps blindly)."""
    with driver.session(database=database) as session:
        session.run(f"CALL db.awaitIndexes({int(timeout)})").consume()


def show_schema(driver: neo4j.Driver, database: str | None) -> list[dict[str, Any]]:
    """Constraints and indexes as rows: kind, name, type, entity, labels, properties, state."""
    rows: list[dict[str, Any]] = []
    with driver.session(database=database) as session:
        for rec in session.run(
            "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
            "RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name"
        ):
            rows.append({"kind": "constraint", **rec.data(), "state": "ONLINE"})
        for rec in session.run(
            "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint "
            "WHERE owningConstraint IS NULL AND type <> 'LOOKUP' "
            "AND NOT name STARTS WITH $marker "
            "RETURN name, type, entityType, labelsOrTypes, properties, state ORDER BY name",
            marker=_MARKER_PREFIX,
        ):
            rows.append({"kind": "index", **rec.data()})
    return rows
