"""The Cypher the batch writer runs: fixed strings, values only as ``$rows``.

Labels and relationship types are never taken from data. Every query string
is built once, at import, from the data model (``schema.model``: its entity
label sets, relationship types and merge rules); asking for anything else
raises ``RecordError``.
"""

from __future__ import annotations

from claimgraph.errors import RecordError
from claimgraph.schema.model import FIRST, MODEL, DataModel, Relationship

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
    "entity_queries",
    "edge_query",
    "edge_queries",
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


# The entity MERGE, generated from the model's merge rule (``schema.model``):
# the first name wins; later spellings become aliases; properties fill gaps
# but never overwrite, so a reload changes nothing. Only what is new is
# written: setting a property to the value it has still counts as a write
# (and an update of every index on it), and most entity rows in a batch name
# people and places the graph already holds.
def _entity_template(model: DataModel, labels: tuple[str, ...]) -> str:
    props = model.entity.properties
    key = model.node(labels[0]).key
    first = ", ".join(f"n.{p.name} = row.{p.name}" for p in props if p.merge == FIRST)
    news = "".join(
        f",\n     [x IN row.{name} WHERE NOT x IN coalesce(n.{name}, [])] AS new_{name}"
        for name in model.entity_lists
    )
    sets = []
    for name, companions in model.entity_fills:
        filled = ", ".join(f"{n}: row.{n}" for n in (name, *companions))
        sets.append(f"n += CASE WHEN n.{name} IS NULL THEN {{{filled}}} ELSE {{}} END")
    for name in model.entity_lists:
        sets.append(
            f"n += CASE WHEN size(new_{name}) = 0 THEN {{}}\n"
            f"              ELSE {{{name}: coalesce(n.{name}, []) + new_{name}}} END"
        )
    extra = "".join(f"n:{label}, " for label in labels[1:])
    return (
        f"\nUNWIND $rows AS row\nMERGE (n:{labels[0]} {{{key}: row.{key}}})\n"
        f"ON CREATE SET {first}\nWITH n, row{news}\n"
        f"SET {extra}" + ",\n    ".join(sets) + "\n"
    )


def entity_queries(model: DataModel = MODEL) -> dict[tuple[str, ...], str]:
    """Entity label set -> the MERGE that writes entity rows with those labels."""
    return {labels: _entity_template(model, labels) for labels in model.entity_label_sets}


_ENTITY_QUERIES = entity_queries()

# The property each label is matched on: its key constraint.
KEY_OF = MODEL.key_of

# Relationships that start or end at a statement or event, and ROLE (which
# carries its article's id). They belong to one article, and an article is
# written whole in one transaction after its old version (if any) is deleted,
# so these relationships are always new: CREATE (rows deduplicated by the
# writer) instead of MERGE saves a scan of the node's relationships per row,
# which for a person quoted in thousands of articles is thousands of ROLE edges.
CREATED_TYPES = frozenset(r.type for r in MODEL.relationships if r.created)

_EDGE_TEMPLATE = """
UNWIND $rows AS row
MATCH (a:{start} {{{start_key}: row.from}})
MATCH (b:{end} {{{end_key}: row.to}})
{merge}
"""


def _edge_write(rel: Relationship) -> str:
    """How one relationship type is written: what identifies one, what is set on it."""
    if rel.created:
        ident = ", ".join(f"{p}: row.{p}" for p in rel.identity)
        rest = [p.name for p in rel.properties if p.name not in rel.identity]
        if not rest and not ident:
            return f"CREATE (a)-[:{rel.type}]->(b)"
        pattern = f"r:{rel.type} {{{ident}}}" if ident else f"r:{rel.type}"
        sets = ", ".join(f"r.{p} = row.{p}" for p in rest)
        return f"CREATE (a)-[{pattern}]->(b)" + (f"\nSET {sets}" if sets else "")
    if not rel.properties:
        return f"MERGE (a)-[:{rel.type}]->(b)"
    # A merged relationship keeps the first value of each property it is given.
    sets = ",\n    ".join(
        f"r.{p.name} = coalesce(r.{p.name}, row.{p.name})" for p in rel.properties
    )
    return f"MERGE (a)-[r:{rel.type}]->(b)\nSET {sets}"


def edge_queries(model: DataModel = MODEL) -> dict[tuple[str, str, str], str]:
    """(type, start label, end label) -> the query that writes those relationship rows."""
    key_of = model.key_of
    queries = {}
    for rel in model.relationships:
        for start in rel.starts:
            for end in rel.ends:
                queries[(rel.type, start, end)] = _EDGE_TEMPLATE.format(
                    start=start,
                    start_key=key_of[start],
                    end=end,
                    end_key=key_of[end],
                    merge=_edge_write(rel),
                )
    return queries


_EDGE_QUERIES = edge_queries()


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
