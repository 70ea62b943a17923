"""The ``incident`` command: one incident's reports and why they were merged."""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options
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


@main.command()
@click.argument("key")
@click.option("--limit", type=click.IntRange(1), default=None, help="Most rows shown.")
@format_option
@neo4j_options
@handle_errors
def incident(key: str, limit: int | None, fmt: str, **conn: Any) -> None:
    """The reports of one incident: each article's account, who claims it, and why it was merged.

    KEY is the incident's key, as the ``incident`` column of ``timeline`` and
    ``disputed`` prints it.

    Example:

    \b
        claimgraph timeline Dravik --format json
        claimgraph incident 'incident:004c7a833efe4f1c:ev1:004c7a83'
    """
    rows = run_named(conn, "incident", {"id": key, "limit": limit})
    if not rows:
        raise QueryError(f"no incident {key!r}: see the incident column of timeline or disputed")
    first = rows[0]
    title = f"{first['incident']}: {first['type']} at {first['place']} on {first['date']}"
    echo_rows(rows, fmt, INCIDENT_COLUMNS, title=title if fmt == "table" else None)
