"""Statements and events written together with their relationships.

Every relationship that starts or ends at a statement or an event belongs to
that node's article and is new when the node is (``created`` in ``schema.model``). So
instead of one query per relationship type, each looking the new node up
again by its key, the writer sends each statement and event with lists of the
keys at the other ends, and one query creates the node and its relationships.
That halves the key lookups of a batch and the round trips to the server.

Statements and events are CREATEd, not merged: their article is written
whole in one transaction after its old version (if any) is deleted. An id
used twice (records from another tool, say) breaks the key constraint and
fails that article alone.

Events are created first: a statement's ``CLAIMS`` point at them. As
everywhere in the writer, labels and types come from the whitelist
(the data model, ``schema.model``) and values only from ``$rows``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimgraph.graph.writer_rows import EdgeKey
from claimgraph.schema.model import MODEL, DataModel

__all__ = ["NESTED", "CREATE_EVENTS", "CREATE_STATEMENTS", "nest_edges", "nested_spec"]

_OWNERS = ("Statement", "Event")


def nested_spec(model: DataModel = MODEL) -> dict[EdgeKey, tuple[str, str, bool]]:
    """Edge key -> (owner label, list field on the owner's row, owner is the start)."""
    spec: dict[EdgeKey, tuple[str, str, bool]] = {}
    for rel in model.relationships:
        # Merged ones, and those with properties, go through their own query (cypher_write).
        if not rel.created or rel.properties:
            continue
        for start in rel.starts:
            for end in rel.ends:
                if start in _OWNERS:  # CLAIMS goes with the statement
                    spec[(rel.type, start, end)] = (start, f"out_{rel.type}_{end}", True)
                elif end in _OWNERS:
                    spec[(rel.type, start, end)] = (end, f"in_{rel.type}_{start}", False)
    return spec


NESTED = nested_spec()
_KEY_OF = MODEL.key_of


def _fields(owner: str) -> list[str]:
    return sorted(name for label, name, _ in NESTED.values() if label == owner)


_FIELDS = {owner: _fields(owner) for owner in _OWNERS}


def _create(owner: str, set_props: str, labels: str = "") -> str:
    blocks = []
    for (type_, start, end), (label, name, outgoing) in sorted(NESTED.items()):
        if label != owner:
            continue
        other = end if outgoing else start
        arrow = f"(n)-[:{type_}]->(o)" if outgoing else f"(o)-[:{type_}]->(n)"
        blocks.append(
            f"CALL (n, row) {{\n"
            f"  UNWIND row.{name} AS k\n"
            f"  MATCH (o:{other} {{{_KEY_OF[other]}: k}})\n"
            f"  CREATE {arrow}\n"
            f"}}"
        )
    return (
        f"UNWIND $rows AS row\nCREATE (n:{owner}{labels})\nSET {set_props}\n"
        f"WITH n, row\n" + "\n".join(blocks) + "\n"
    )


# New events wait for the incident resolution pass (incident_pass).
CREATE_EVENTS = _create(
    "Event", "n = row.props, n += row.counts, n.id = row.id", labels=":PendingIncident"
)
CREATE_STATEMENTS = _create("Statement", "n = row.props")


def nest_edges(
    statements: Iterable[dict[str, Any]],
    events: Iterable[dict[str, Any]],
    edges: dict[EdgeKey, list[dict[str, Any]]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[EdgeKey, list[dict[str, Any]]]]:
    """Statement rows, event rows (each with its relationship lists) and the other edges.

    ``edges`` must be free of repeats already. An edge whose statement or event
    is not among the rows (which checked records never give) stays with the
    other edges, so nothing is dropped.
    """
    by_owner: dict[str, dict[str, dict[str, Any]]] = {
        "Statement": {
            row["id"]: {"props": row, **{f: [] for f in _FIELDS["Statement"]}} for row in statements
        },
        "Event": {row["id"]: {**row, **{f: [] for f in _FIELDS["Event"]}} for row in events},
    }
    rest: dict[EdgeKey, list[dict[str, Any]]] = {}
    for key, edge_rows in edges.items():
        spec = NESTED.get(key)
        if spec is None:
            rest[key] = edge_rows
            continue
        owner, name, outgoing = spec
        rows = by_owner[owner]
        own, other = ("from", "to") if outgoing else ("to", "from")
        for edge in edge_rows:
            row = rows.get(edge[own])
            if row is None:
                rest.setdefault(key, []).append(edge)
            else:
                row[name].append(edge[other])
    return list(by_owner["Statement"].values()), list(by_owner["Event"].values()), rest
