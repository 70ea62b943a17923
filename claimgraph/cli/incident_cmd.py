"""The ``incident`` commands: one incident's reports and why they were merged; the resolution pass."""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options, open_graph
from claimgraph.cli.output import echo_rows, format_option
from claimgraph.cli.query_cmd import run_named
from claimgraph.errors import QueryError

__all__ = ["INCIDENT_COLUMNS"]

INCIDENT_COLUMNS = (
    "article",
    "published",
    "event",
    "speaker",
    "side",
    "polarity",
    "text",
    "score",
    "reasons",
)


class _KeyOrCommand(click.Group):
    """``incident KEY`` is ``incident show KEY``: incident keys are never command names."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().resolve_command(ctx, args)


@main.group(cls=_KeyOrCommand)
def incident() -> None:
    """Incidents: one happening told by many reports (`show KEY`, `resolve`).

    `claimgraph incident KEY` is short for `claimgraph incident show KEY`.

    Example:

    \b
        claimgraph incident 'incident:004c7a833efe4f1c:ev1'
        claimgraph incident resolve
    """


@incident.command()
@click.argument("key")
@click.option("--limit", type=click.IntRange(1), default=None, help="Most rows shown.")
@format_option
@neo4j_options
@handle_errors
def show(key: str, limit: int | None, fmt: str, **conn: Any) -> None:
    """The reports of one incident: each article's account, who claims it, and why it was merged.

    KEY is the incident's key, as the `incident` column of `timeline` and
    `disputed` prints it.

    Example:

    \b
        claimgraph timeline Dravik --format json
        claimgraph incident show 'incident:004c7a833efe4f1c:ev1'
    """
    rows = run_named(conn, "incident", {"id": key, "limit": limit})
    if not rows:
        raise QueryError(f"no incident {key!r}: see the incident column of timeline or disputed")
    first = rows[0]
    title = f"{first['incident']}: {first['type']} at {first['place']} on {first['date']}"
    echo_rows(rows, fmt, INCIDENT_COLUMNS, title=title if fmt == "table" else None)


@incident.command()
@neo4j_options
@handle_errors
def resolve(
    uri: str | None, user: str | None, password: str | None, database: str | None, home: str | None
) -> None:
    """Resolve the events still waiting for their incidents.

    Every load runs this pass after its last batch; run it after a load that
    was killed before the end, or after loading with another tool. Does
    nothing when no event is waiting.

    Example:

    \b
        claimgraph incident resolve
    """
    from claimgraph.graph.incident_pass import resolve_pending
    from claimgraph.schema.cypher import apply_schema

    with open_graph(uri, user, password, database, home) as g:
        apply_schema(g.driver, g.database)  # the pass's lookups need the indexes
        result = resolve_pending(g.driver, g.database)
    click.echo(
        f"Incidents: {result.events} events resolved into {result.incidents} incidents "
        f"({result.disputes} disputes) in {result.seconds:.2f}s."
    )
