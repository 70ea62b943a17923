"""``claimgraph schema apply|show``: constraints and indexes of the data model."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options, open_graph
from claimgraph.cli.output import format_option, json_alias_option, render
from claimgraph.schema.cypher import apply_schema, show_schema


@main.group()
def schema() -> None:
    """Create or list the graph's constraints and indexes.

    Example:

        claimgraph schema apply && claimgraph schema show
    """


@schema.command("apply")
@neo4j_options
@handle_errors
def apply_cmd(
    uri: str | None, user: str | None, password: str | None, database: str | None, home: str | None
) -> None:
    """Create the constraints and indexes that do not exist yet (safe to repeat).

    It also adds what a graph loaded by an older claimgraph lacks (the
    derived IMPLIED_AT placements); every load does this first anyway.

    Example:

    \b
        NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret claimgraph schema apply
    """
    with open_graph(uri, user, password, database, home) as graph:
        apply_schema(graph.driver, graph.database)
        rows = show_schema(graph.driver, graph.database)
    constraints = sum(1 for r in rows if r["kind"] == "constraint")
    click.echo(f"Schema applied: {constraints} constraints, {len(rows) - constraints} indexes.")


@schema.command("show")
@neo4j_options
@format_option
@json_alias_option
@handle_errors
def show_cmd(
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    home: str | None,
    fmt: str,
    as_json: bool,
) -> None:
    """List the constraints and indexes, with their state.

    Example:

    \b
        claimgraph schema show
        claimgraph schema show --format json
    """
    with open_graph(uri, user, password, database, home) as graph:
        rows = show_schema(graph.driver, graph.database)
    if as_json or fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if fmt == "csv":
        click.echo(render(rows, "csv"))
        return
    table = Table("kind", "name", "type", "on", "properties", "state")
    for r in rows:
        table.add_row(
            r["kind"],
            r["name"],
            r["type"],
            ",".join(r["labelsOrTypes"] or []),
            ",".join(r["properties"] or []),
            r["state"],
        )
    Console().print(table)
