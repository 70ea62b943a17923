"""viz, export and analyze: the claim network as a page, a file or numbers."""

from __future__ import annotations

import json
from typing import Any

import click
import networkx as nx

from claimgraph.cli import main
from claimgraph.cli._common import (
    GraphTarget,
    check_window,
    handle_errors,
    neo4j_options,
    open_graph,
)
from claimgraph.cli.output import format_option, jsonable, render
from claimgraph.graph.analysis import analyze
from claimgraph.graph.export import EXPORT_FORMATS, claim_graph, whole_graph, write_graph
from claimgraph.graph.timeline_data import timeline_rows
from claimgraph.graph.timeline_page import write_timeline
from claimgraph.graph.viz import write_page
from claimgraph.graph.viz_data import with_details
from claimgraph.graph.viz_groups import fold_events
from claimgraph.queries import get_query, resolve_entity

__all__ = ["selection_options", "selected_claims", "write_timeline_page"]

F = Any


def selection_options(func: F) -> F:
    """``--about/--speaker/--from/--to``: which statements to draw or measure."""
    options = [
        click.option("--about", metavar="NAME", help="Only statements about this actor or place."),
        click.option("--speaker", metavar="NAME", help="Only statements by this speaker."),
        click.option("--from", "date_from", metavar="DATE", help="Said on or after (YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", help="Said on or before (YYYY-MM-DD)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def selected_claims(
    g: GraphTarget,
    about: str | None,
    speaker: str | None,
    date_from: str | None,
    date_to: str | None,
) -> Any:
    """The claim network of the selection; names resolved, dates checked."""
    check_window(date_from, date_to)
    who_said = get_query("who-said")
    dates = who_said.bind({"from": date_from, "to": date_to})
    about_key = resolve_entity(g.driver, g.database, about).key if about else None
    speaker_key = (
        resolve_entity(g.driver, g.database, speaker, ("Actor",), "speaker").key
        if speaker
        else None
    )
    return claim_graph(
        g.driver,
        g.database,
        about=about_key,
        speaker=speaker_key,
        date_from=dates["from"],
        date_to=dates["to"],
    )


def _describe(
    about: str | None, speaker: str | None, date_from: str | None, date_to: str | None
) -> str:
    parts = []
    if speaker:
        parts.append(f"said by {speaker}")
    if about:
        parts.append(f"about {about}")
    if date_from or date_to:
        parts.append(f"from {date_from or 'the start'} to {date_to or 'now'}")
    return "Claims " + (", ".join(parts) if parts else "in the whole graph")


@main.command()
@selection_options
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default="claims.html",
    show_default=True,
    help="The HTML file to write.",
)
@neo4j_options
@handle_errors
def viz(
    about: str | None,
    speaker: str | None,
    date_from: str | None,
    date_to: str | None,
    out: str,
    **conn: Any,
) -> None:
    """Draw the claim network as one interactive, self-contained HTML page.

    Accounts of one happening are one node labelled with type, place and
    date; actors are coloured by side, shapes show the kind of node, size its
    PageRank; edges carry the claim and its date; hover for the statement and
    its source. A search box finds a node and a date slider keeps only the
    claims and incidents in range. The page works offline.

    Example:

    \b
        claimgraph viz --about Dravik --out dravik.html
        claimgraph viz --from 2025-06-14 --to 2025-06-16 --out weekend.html
    """
    with open_graph(**conn) as g:
        claims = with_details(
            g.driver, g.database, selected_claims(g, about, speaker, date_from, date_to)
        )
    title = _describe(about, speaker, date_from, date_to)
    meta = page_meta(claims)
    path = write_page(claims, out, title, meta)
    click.echo(f"wrote {path} ({meta})")
    if not claims.number_of_nodes():
        click.echo("note: no statement matches the selection; the page is empty", err=True)


def page_meta(claims: nx.MultiDiGraph) -> str:
    """The node and edge counts of what the page draws (one node per happening)."""
    drawn = fold_events(claims)
    return f"{drawn.number_of_nodes()} nodes, {drawn.number_of_edges()} edges"


def write_timeline_page(conn: dict[str, Any], values: dict[str, Any], out: str) -> None:
    """``timeline --html``: the rows of the timeline query, with their claims, as a page."""
    get_query("timeline").bind({k: v for k, v in values.items() if v is not None})
    with open_graph(**conn) as g:
        _, rows = timeline_rows(
            g.driver, g.database, values["about"], values["from"], values["to"], values["limit"]
        )
    claims = sum(len(r["claims"]) for r in rows)
    span = f" from {values['from'] or 'the start'} to {values['to'] or 'now'}"
    incidents = sum(1 for r in rows if r.get("incident"))
    parts = [f"{incidents} incidents"] if incidents else []
    if len(rows) > incidents:
        parts.append(f"{len(rows) - incidents} events not yet in an incident")
    meta = ", ".join([*parts, f"{claims} claims"]) if rows else "no incidents"
    title = f"Timeline of {values['about']}" + (span if values["from"] or values["to"] else "")
    path = write_timeline(rows, out, title, meta)
    click.echo(f"wrote {path} ({meta})")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="graphml",
    show_default=True,
    help="File format (csv writes <out>.nodes.csv and <out>.edges.csv).",
)
@click.option(
    "--out", "out", type=click.Path(dir_okay=False), required=True, help="The file to write."
)
@click.option(
    "--claims",
    "claims_only",
    is_flag=True,
    help="Export the claim network instead of every node and relationship.",
)
@selection_options
@neo4j_options
@handle_errors
def export(
    fmt: str,
    out: str,
    claims_only: bool,
    about: str | None,
    speaker: str | None,
    date_from: str | None,
    date_to: str | None,
    **conn: Any,
) -> None:
    """Export the graph through networkx: GraphML, GEXF, JSON or CSV.

    Without a selection, every node and relationship is written; with
    --claims or any of --about/--speaker/--from/--to, the claim network of
    those statements. Dates become ISO strings and lists are joined with "; ".

    Example:

    \b
        claimgraph export --format graphml --out claims.graphml
        claimgraph export --format gexf --about Dravik --out dravik.gexf
    """
    selected = claims_only or any((about, speaker, date_from, date_to))
    with open_graph(**conn) as g:
        graph = (
            selected_claims(g, about, speaker, date_from, date_to)
            if selected
            else whole_graph(g.driver, g.database)
        )
    paths = write_graph(graph, fmt, out)
    click.echo(
        f"wrote {', '.join(str(p) for p in paths)} "
        f"({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"
    )


@main.command("analyze")
@selection_options
@click.option(
    "--top", type=click.IntRange(1), default=15, show_default=True, help="How many actors to list."
)
@format_option
@neo4j_options
@handle_errors
def analyze_cmd(
    about: str | None,
    speaker: str | None,
    date_from: str | None,
    date_to: str | None,
    top: int,
    fmt: str,
    **conn: Any,
) -> None:
    """Network measures: central actors, communities, who talks about whom.

    Centrality (degree, betweenness, PageRank) and communities (greedy
    modularity) are computed on actors and places linked by claims.

    Example:

    \b
        claimgraph analyze
        claimgraph analyze --from 2025-06-15 --format json
        claimgraph analyze --format csv
    """
    with open_graph(**conn) as g:
        claims = selected_claims(g, about, speaker, date_from, date_to)
    result = analyze(claims, top)
    if fmt == "json":
        click.echo(json.dumps(jsonable(result), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        # One CSV for three tables: a section column says which each row is from.
        rows = [{"section": name, **row} for name, part in result.items() for row in part]
        columns = list(dict.fromkeys(k for r in rows for k in r))
        click.echo(render([{c: r.get(c) for c in columns} for r in rows], "csv"))
        return
    click.echo(
        render(
            result["central"],
            "table",
            ("name", "kind", "links", "degree", "betweenness", "pagerank"),
            title="Most central actors and places",
        )
    )
    click.echo(
        render(
            result["communities"], "table", ("community", "size", "members"), title="Communities"
        )
    )
    click.echo(
        render(
            result["talks_about"],
            "table",
            ("speaker", "about", "statements"),
            title="Who talks about whom",
        )
    )
