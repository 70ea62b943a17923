"""``claimgraph stats``: what is in the graph, and which dates it covers."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options, open_graph
from claimgraph.cli.output import format_option, json_alias_option, render
from claimgraph.graph.stats import GraphStats, graph_stats

__all__ = ["stats_rows"]

_STAT_RANGES = {
    "articles_published": "articles published",
    "statements_said_on": "statements made",
    "events_date": "events dated",
}


def stats_rows(stats: GraphStats) -> list[dict[str, Any]]:
    """The counts and date ranges as rows: ``kind, name, count, first, last``."""
    rows: list[dict[str, Any]] = [
        {"kind": "label", "name": label, "count": n, "first": None, "last": None}
        for label, n in stats.labels.items()
    ]
    rows += [
        {"kind": "relationship", "name": type_, "count": n, "first": None, "last": None}
        for type_, n in stats.relationship_types.items()
    ]
    for key, name in _STAT_RANGES.items():
        span = stats.ranges.get(key)
        first, last = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
        rows.append({"kind": "dates", "name": name, "count": None, "first": first, "last": last})
    return rows


@main.command("stats")
@format_option
@json_alias_option
@neo4j_options
@handle_errors
def stats_cmd(
    fmt: str,
    as_json: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    home: str | None,
) -> None:
    """Count nodes per label and relationships per type, and the dates covered.

    The dates are the three clocks of the data: when articles were published,
    when statements were made, and when the events they claim happened.
    JSON is one object (totals, labels, relationship types, date ranges); CSV
    is one row per label, relationship type and date range.

    Example:

    \b
        claimgraph stats
        claimgraph stats --format json | jq .labels
        claimgraph stats --format csv > counts.csv
    """
    with open_graph(uri, user, password, database, home) as graph:
        stats = graph_stats(graph.driver, graph.database)
    if as_json or fmt == "json":
        click.echo(json.dumps(stats.as_dict(), indent=2))
        return
    if fmt == "csv":
        click.echo(render(stats_rows(stats), "csv"))
        return
    console = Console()
    table = Table(title=f"{stats.nodes} nodes, {stats.relationships} relationships")
    table.add_column("label / type")
    table.add_column("count", justify="right")
    for label, n in stats.labels.items():
        table.add_row(escape(f":{label}"), str(n))
    table.add_section()
    for type_, n in stats.relationship_types.items():
        table.add_row(escape(f"[:{type_}]") if type_ != "other" else "other relationships", str(n))
    console.print(table)
    for key, label in _STAT_RANGES.items():
        span = stats.ranges.get(key)
        text = f"{span[0].isoformat()} .. {span[1].isoformat()}" if span else "none"
        console.print(f"{label}: {text}", highlight=False)
