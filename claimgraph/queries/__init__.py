"""Canned Cypher queries, one ``.cypher`` file per query, and how to run them.

Each file carries a header (name, what it answers, parameters) and runs as it
is in Neo4j Browser. ``run_query`` binds and runs one in a read transaction;
``resolve_entity`` turns a typed name into the key the queries take.
"""

from claimgraph.queries.catalog import Param, Query, all_queries, get_query, parse_query
from claimgraph.queries.resolve import EntityMatch, find_entities, resolve_entity, resolve_names
from claimgraph.queries.runner import Rows, plain, run_cypher, run_query

__all__ = [
    "Param",
    "Query",
    "Rows",
    "EntityMatch",
    "all_queries",
    "get_query",
    "parse_query",
    "find_entities",
    "resolve_entity",
    "resolve_names",
    "plain",
    "run_cypher",
    "run_query",
]
