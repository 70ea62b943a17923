"""The Cypher the batch writer runs: fixed strings, values only as ``$rows``.

Labels and relationship types are never taken from data. Every query string
is built once, at import, from the whitelists in ``writer_rows``
(``ENTITY_LABEL_SETS``, ``EDGE_ENDPOINTS``); asking for anything else raises
``RecordError``.
"""

from __future__ import annotations

from claimgraph.errors import RecordError
from claimgraph.graph.writer_rows import EDGE_ENDPOINTS, ENTITY_LABEL_SETS

__all__ = [
    "CREATED_TYPES",
    "KEY_OF",
    "CLAIM_ARTICLES",
    "EXISTING_ARTICLES",
    "DELETE_ARTICLE_CLAIMS",
    "DELETE_ARTICLE_EVENTS",
    "DELETE_ARTICLE_EDGES",
    "MERGE_ARTICLES",
    "entity_query",
    "edge_query",
]

# One read per batch: which of these articles are there already, and as what.
EXISTING_ARTICLES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256
"""

# The write transaction's first step: take each article's node (creating the
# new ones, whole), which locks it through the key constraint. A concurrent
# load of the same article waits here, then finds it written and skips it; so
# statements and events are never written twice, and their relationships can
# be CREATEd. A node made here carries this transaction's own ``loaded_at``;
# one loaded before has an earlier one.
CLAIM_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a += row.props, a.loaded_at = $loaded_at
RETURN row.id AS id, a.loaded_at = $loaded_at AS created, a.sha256 AS sha256
"""

# Replacing an article: its statements and the events they claim go, in the
# same transaction that writes the new version. Entities stay: other articles
# may share them.
DELETE_ARTICLE_CLAIMS = """
UNWIND $ids AS id
MATCH (s:Statement)-[:REPORTED_IN]->(:Article {id: id})
OPTIONAL MATCH (s)-[:CLAIMS]->(e:Event)
DETACH DELETE s, e
"""

# Events no statement claims have no path to the article; they carry its id.
DELETE_ARTICLE_EVENTS = """
MATCH (e:Event) WHERE e.article IN $ids
DETACH DELETE e
"""

DELETE_ARTICLE_EDGES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[p:PUBLISHED_BY]->()
DELETE p
WITH DISTINCT id
MATCH ()-[r:ROLE {article: id}]->()
DELETE r
"""

# An article being replaced: its new properties and load time.
MERGE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props, a.loaded_at = $loaded_at
"""

# First name wins; later spellings become aliases; properties fill gaps but
# never overwrite, so a reload changes nothing. Only what is new is written:
# setting a property to the value it has still counts as a write (and an
# update of every index on it), and most entity rows in a batch name people
# and places the graph already holds.
_ENTITY_TEMPLATE = """
UNWIND $rows AS row
MERGE (n:{primary} {{key: row.key}})
ON CREATE SET n.name = row.name
WITH n, row,
     [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])] AS new_aliases,
     [x IN row.titles WHERE NOT x IN coalesce(n.titles, [])] AS new_titles
SET {extra}n += CASE WHEN n.kind IS NULL THEN {{kind: row.kind}} ELSE {{}} END,
    n += CASE WHEN n.country IS NULL THEN {{country: row.country}} ELSE {{}} END,
    n += CASE WHEN n.sector IS NULL THEN {{sector: row.sector}} ELSE {{}} END,
    n += CASE WHEN n.lat IS NULL THEN {{lat: row.lat}} ELSE {{}} END,
    n += CASE WHEN n.lon IS NULL THEN {{lon: row.lon}} ELSE {{}} END,
    n += CASE WHEN n.geonames_id IS NULL THEN {{geonames_id: row.geonames_id}} ELSE {{}} END,
    n += CASE WHEN n.side IS NULL THEN {{side: row.side, side_name: row.side_name}} ELSE {{}} END,
    n += CASE WHEN size(new_aliases) = 0 THEN {{}}
              ELSE {{aliases: coalesce(n.aliases, []) + new_aliases}} END,
    n += CASE WHEN size(new_titles) = 0 THEN {{}}
              ELSE {{titles: coalesce(n.titles, []) + new_titles}} END
"""

_ENTITY_QUERIES: dict[tuple[str, ...], str] = {
    labels: _ENTITY_TEMPLATE.format(
        primary=labels[0],
        extra="".join(f"n:{label}, " for label in labels[1:]),
    )
    for labels in ENTITY_LABEL_SETS
}

# The property each label is matched on: its key constraint.
KEY_OF = {"Article": "id", "Statement": "id", "Event": "id", "Actor": "key", "Place": "key"}

# How each relationship type is merged: what identifies one, what is set on it.
_EDGE_MERGE = {
    "ROLE": "CREATE (a)-[r:ROLE {title: row.title, article: row.article}]->(b)\n"
    "SET r.since = row.since, r.until = row.until",
    "RENAMED": "MERGE (a)-[r:RENAMED]->(b)\n"
    "SET r.on = coalesce(r.on, row.on), r.by = coalesce(r.by, row.by),\n"
    "    r.by_key = coalesce(r.by_key, row.by_key)",
}

# Relationships that start or end at a statement or event, and ROLE (which
# carries its article's id). They belong to one article, and an article is
# written whole in one transaction after its old version (if any) is deleted,
# so these relationships are always new: CREATE (rows deduplicated by the
# writer) instead of MERGE saves a scan of the node's relationships per row,
# which for a person quoted in thousands of articles is thousands of ROLE edges.
CREATED_TYPES = frozenset(
    {
        "SAID",
        "REPORTED_IN",
        "VIA",
        "CLAIMS",
        "MENTIONS",
        "BY",
        "AGAINST",
        "AT",
        "IMPLIED_AT",
        "ROLE",
    }
)

_EDGE_TEMPLATE = """
UNWIND $rows AS row
MATCH (a:{start} {{{start_key}: row.from}})
MATCH (b:{end} {{{end_key}: row.to}})
{merge}
"""


def _edge_queries() -> dict[tuple[str, str, str], str]:
    queries = {}
    for type_, (starts, ends) in EDGE_ENDPOINTS.items():
        for start in starts:
            for end in ends:
                queries[(type_, start, end)] = _EDGE_TEMPLATE.format(
                    start=start,
                    start_key=KEY_OF[start],
                    end=end,
                    end_key=KEY_OF[end],
                    merge=_EDGE_MERGE.get(
                        type_,
                        f"{'CREATE' if type_ in CREATED_TYPES else 'MERGE'} (a)-[:{type_}]->(b)",
                    ),
                )
    return queries


_EDGE_QUERIES = _edge_queries()


def entity_query(labels: tuple[str, ...]) -> str:
    """The MERGE for entity nodes with exactly these labels (whitelisted)."""
    try:
        return _ENTITY_QUERIES[tuple(labels)]
    except (KeyError, TypeError):
        raise RecordError(f"refusing entity labels {labels!r}: not in the data model") from None


def edge_query(type_: str, start: str, end: str) -> str:
    """The MERGE for one relationship type between two labels (whitelisted)."""
    try:
        return _EDGE_QUERIES[(type_, start, end)]
    except (KeyError, TypeError):
        raise RecordError(
            f"refusing relationship ({start})-[:{type_}]->({end}): not in the data model"
        ) from None
