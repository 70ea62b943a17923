"""claimgraph demo: a running graph of the example corpus in one command."""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options, open_graph
from claimgraph.cli.output import render
from claimgraph.cli.query_cmd import DISPUTED_COLUMNS, WHO_SAID_COLUMNS
from claimgraph.cli.viz_cmd import page_meta
from claimgraph.errors import QueryError
from claimgraph.graph.export import claim_graph
from claimgraph.graph.home import ServerHome
from claimgraph.graph.viz import write_page
from claimgraph.graph.viz_data import with_details
from claimgraph.ingest_examples import load_examples
from claimgraph.queries import get_query, resolve_entity, run_query
from claimgraph.schema.cypher import apply_schema

__all__ = ["cut_note"]

# The town at the centre of the example corpus's contradictory claims.
DEMO_ABOUT = "Dravik"
# Rows the demo's tables show, and how many it reads to say how many it cut.
DEMO_ROWS = 25
DEMO_READ = 500

BROWSER_QUERIES = (
    "// Who said what about Dravik, and when\n"
    "MATCH (sp:Actor)-[:SAID]->(s:Statement)-[:MENTIONS]->(:Place {name: 'Dravik'})\n"
    "MATCH (s)-[:REPORTED_IN]->(a:Article)\n"
    "RETURN sp.name, s.said_on, s.polarity, s.text, a.title ORDER BY s.said_on",
    "// Claims, the events they assert and where they happened, as a graph\n"
    "MATCH p = (:Actor)-[:SAID]->(:Statement)-[:CLAIMS]->(:Event)-[:AT|AGAINST]->(:Place)\n"
    "RETURN p LIMIT 50",
)


def _start_managed(home: str | None) -> str | None:
    """Start the managed server if needed; its Browser URL.

    The usual ports first; if another program holds them, any free ones.
    """
    from claimgraph.errors import ServerError
    from claimgraph.graph.server import start_server

    def say(msg: str) -> None:
        click.echo(msg, err=True)

    try:
        result = start_server(ServerHome(home), progress=say)
    except ServerError as e:
        if "already in use" not in str(e):
            raise
        say(f"{e}; using free ports instead")
        result = start_server(ServerHome(home), bolt_port=0, http_port=0, progress=say)
    if result.already_running:
        say(f"using the managed Neo4j already running ({result.state.bolt_uri})")
    state = result.state
    return f"{state.browser_url} (connect to {state.bolt_uri}"


def cut_note(shown: int, total: int, command: str, limit: int | None) -> str | None:
    """What a reader of a cut table needs: how much is missing, and the command that shows it.

    ``total`` is what was read; reading ``DEMO_READ`` rows means there may be
    more. ``limit`` is ``command``'s own default, which the note raises when
    it would cut too.
    """
    if total <= shown:
        return None
    count = f"{total}+" if total >= DEMO_READ else str(total)
    if limit is not None and total > limit:
        command += f" --limit {total if total < DEMO_READ else 10 * DEMO_READ}"
    return f"{shown} of {count} rows; `{command}` shows all"


def _print_cut(rows: list[dict[str, Any]], columns: Any, title: str, command: str) -> None:
    name = command.split()[1]
    limit = get_query(name).bind({})["limit"]
    click.echo(render(rows[:DEMO_ROWS], "table", columns, title=title))
    note = cut_note(min(len(rows), DEMO_ROWS), len(rows), command, limit)
    if note:
        click.echo(note)


@main.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default="demo.html",
    show_default=True,
    help="Where to write the interactive page.",
)
@neo4j_options
@handle_errors
def demo(
    out: str,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    home: str | None,
) -> None:
    """Start Neo4j, load the example articles, and show what claimgraph answers.

    Starts the managed server unless NEO4J_URI points elsewhere, applies the
    schema, loads the fictional example corpus that ships with claimgraph,
    prints who said what about Dravik and the disputed claims, writes an
    interactive page, and prints the Neo4j Browser address with two queries
    to paste.

    Example:

    \b
        claimgraph demo
        claimgraph demo --out /tmp/demo.html
    """
    browser = None if uri else _start_managed(home)
    with open_graph(uri, user, password, database, home) as g:
        apply_schema(g.driver, g.database)
        click.echo(
            "loading the example corpus (first run: a few seconds of language analysis)", err=True
        )
        summary, (first, last) = load_examples(g.driver, g.database)
        click.echo(
            f"articles: {summary.articles_new} new, {summary.articles_skipped} already "
            f"there, {summary.articles_failed} failed",
            err=True,
        )
        try:
            about: str | None = resolve_entity(g.driver, g.database, DEMO_ABOUT, ("Place",)).key
        except QueryError:
            about = None
        window = {"from": first, "to": last}
        said = run_query(
            g.driver, g.database, "who-said", {"about": about, "limit": DEMO_READ, **window}
        )
        try:
            # No date window here: a claim made this week may be about an
            # event weeks earlier, and disputed windows the events.
            disputed = run_query(g.driver, g.database, "disputed", {"limit": DEMO_READ})
        except QueryError as e:
            # A graph holding many other articles in the same weeks can be too
            # much for the small default heap; the rest of the demo still runs.
            click.echo(
                f"disputed claims skipped: {e}; narrow it with "
                f"`claimgraph disputed --from {first} --to {last}`",
                err=True,
            )
            disputed = []
        claims = with_details(
            g.driver, g.database, claim_graph(g.driver, g.database, date_from=first, date_to=last)
        )
    said_all = f"claimgraph who-said --about {DEMO_ABOUT} --from {first} --to {last}"
    title = f"Who said what about {DEMO_ABOUT}" if about else "Who said what"
    _print_cut(said, WHO_SAID_COLUMNS, title, said_all if about else "claimgraph who-said")
    _print_cut(disputed, DISPUTED_COLUMNS, "Disputed claims", "claimgraph disputed")
    meta = page_meta(claims)
    path = write_page(claims, out, "Claims in the example corpus", meta)
    click.echo(f"\nwrote {path} ({meta}): open it in a browser")
    if browser:
        password_file = ServerHome(home).password_file
        click.echo(f"Neo4j Browser: {browser} as user neo4j; password in {password_file})")
    else:
        click.echo("Neo4j Browser: open the Browser of the Neo4j you pointed NEO4J_URI at")
    click.echo("Paste these to start exploring:\n")
    for q in BROWSER_QUERIES:
        click.echo(q + "\n")
