"""Running canned queries and user-typed Cypher, read-only unless asked.

Reads go through ``session.execute_read`` (access mode READ), so the server
itself refuses a write hidden in a read; ``write=True`` is the only way to
change the graph from here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import neo4j
import neo4j.graph
import neo4j.time
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

from claimgraph.errors import ConnectionFailed, QueryError, first_line
from claimgraph.queries.catalog import Query, get_query

__all__ = ["run_query", "run_cypher", "plain", "Rows"]

log = logging.getLogger(__name__)

Rows = list[dict[str, Any]]


def run_query(
    driver: neo4j.Driver,
    database: str | None,
    query: Query | str,
    params: Mapping[str, Any] | None = None,
) -> Rows:
    """Run a canned query (by name or ``Query``) in a read transaction.

    ``params`` are typed and checked against the query's header; optional
    ones default to the header's default or ``None``.
    """
    q = get_query(query) if isinstance(query, str) else query
    bound = q.bind(dict(params or {}))
    log.debug("query %s with %s", q.name, bound)
    return run_cypher(driver, database, q.cypher, bound, what=f"query {q.name}")


def run_cypher(
    driver: neo4j.Driver,
    database: str | None,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    write: bool = False,
    what: str = "Cypher",
) -> Rows:
    """Run Cypher and return its rows as plain Python values.

    Read-only unless ``write``: a query that tries to write fails with a
    ``QueryError`` that says so.
    """

    def work(tx: neo4j.ManagedTransaction) -> Rows:
        result = tx.run(cypher, dict(params or {}))
        keys = result.keys()
        return [
            {k: plain(v) for k, v in zip(keys, record.values(), strict=True)} for record in result
        ]

    try:
        with driver.session(database=database, notifications_min_severity="OFF") as session:
            if write:
                return session.execute_write(work)
            return session.execute_read(work)
    except (ServiceUnavailable, SessionExpired) as e:
        raise ConnectionFailed(f"lost the connection to Neo4j: {first_line(e)}") from e
    except ClientError as e:
        message = first_line(e)
        if not write and _is_write_refusal(e):
            raise QueryError(
                f"{what} tries to change the graph, and runs read-only: pass --write to allow it"
            ) from e
        raise QueryError(f"{what} failed: {message}") from e
    except Neo4jError as e:
        raise QueryError(f"{what} failed: {first_line(e)}") from e


def _is_write_refusal(error: ClientError) -> bool:
    code = error.code or ""
    text = (error.message or str(error)).lower()
    return (
        code.endswith("ForbiddenDueToTransactionType")
        or code.endswith("AccessMode")
        or "read access mode" in text
        or "read only" in text
        or "read-only" in text
    )


def plain(value: Any) -> Any:
    """A driver value as plain Python: native dates, dicts for nodes and relationships."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, neo4j.time.Date):
        return value.to_native()
    if isinstance(value, neo4j.time.DateTime):
        return value.to_native()
    if isinstance(value, neo4j.time.Time | neo4j.time.Duration):
        return str(value)
    if isinstance(value, date | datetime):
        return value
    if isinstance(value, neo4j.graph.Node):
        out = {k: plain(v) for k, v in value.items()}
        out["_labels"] = sorted(value.labels)
        return out
    if isinstance(value, neo4j.graph.Relationship):
        out = {k: plain(v) for k, v in value.items()}
        out["_type"] = value.type
        return out
    if isinstance(value, neo4j.graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)
