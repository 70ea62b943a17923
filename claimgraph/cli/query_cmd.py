"""Query commands: who-said, timeline, disputed, profile, query, queries, cypher.

Names are matched case-insensitively against names and aliases; an ambiguous
name lists the candidates and an unknown one says so, in one line.
"""

from __future__ import annotations

from typing import Any

import click

from claimgraph.cli import main
from claimgraph.cli._common import check_window, handle_errors, neo4j_options, open_graph
from claimgraph.cli.output import echo_rows, format_option, render
from claimgraph.errors import QueryError
from claimgraph.queries import all_queries, get_query, resolve_names, run_cypher, run_query
from claimgraph.schema.records import POLARITIES

__all__ = ["more_rows_hint", "parse_params", "run_named"]

WHO_SAID_COLUMNS = ("speaker", "role", "said_on", "cue", "polarity", "text", "via", "article")
TIMELINE_COLUMNS = (
    "date",
    "type",
    "places",
    "summary",
    "claimed_by",
    "denied_by",
    "counts",
    "sources",
    "incident",
)
# The table keeps to what fits a terminal; JSON and CSV add the dates each
# claim was said (said_on_a/said_on_b), the incident key and every claim's article.
DISPUTED_COLUMNS = (
    "date",
    "kind",
    "place",
    "side_a",
    "speaker_a",
    "claim_a",
    "side_b",
    "speaker_b",
    "claim_b",
)
PROFILE_COLUMNS = ("section", "date", "what", "detail")

_date_from = click.option(
    "--from",
    "date_from",
    metavar="DATE",
    default=None,
    help="Only on or after this date (YYYY-MM-DD).",
)
_date_to = click.option(
    "--to",
    "date_to",
    metavar="DATE",
    default=None,
    help="Only on or before this date (YYYY-MM-DD).",
)
_limit = click.option(
    "--limit",
    type=click.IntRange(1),
    default=None,
    help="Most rows shown (default: the query's, 50 for who-said, timeline and profile).",
)


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``k=v`` pairs from ``--param`` options."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        out[key.strip()] = value
    return out


def run_named(conn: dict[str, Any], name: str, values: dict[str, Any]) -> list[dict[str, Any]]:
    """Resolve names to keys, then run the canned query ``name``."""
    query = get_query(name)
    values = {k: v for k, v in values.items() if v is not None}
    query.bind(values)  # refuse bad parameters before connecting
    with open_graph(**conn) as g:
        resolved = resolve_names(g.driver, g.database, query, values)
        return run_query(g.driver, g.database, query, resolved)


def more_rows_hint(name: str, values: dict[str, Any], shown: int, ask: str) -> str | None:
    """The note for a reader whose answer was cut at the limit, else None.

    A full page may be the whole answer or only its start; the note says how
    to ask for more. ``ask`` is how this command takes a limit, with ``{}``
    for the number.
    """
    query = get_query(name)
    if not any(p.name == "limit" for p in query.params):
        return None
    limit = query.bind({k: v for k, v in values.items() if v is not None})["limit"]
    if limit is None or shown < limit:
        return None
    rows = "the first row" if shown == 1 else f"the first {shown} rows"
    return f"{rows} shown; there may be more: " + ask.format(max(limit * 10, 500))


def _answer(
    name: str,
    values: dict[str, Any],
    fmt: str,
    columns: tuple[str, ...] | None,
    ask: str = "--limit {}",
    **conn: Any,
) -> None:
    """Run a named query and print its rows, with a note on stderr when they hit the limit."""
    rows = run_named(_conn(**conn), name, values)
    echo_rows(rows, fmt, columns)
    hint = more_rows_hint(name, values, len(rows), ask)
    if hint:
        click.echo(hint, err=True)


def _conn(
    uri: str | None, user: str | None, password: str | None, database: str | None, home: str | None
) -> dict[str, Any]:
    return {"uri": uri, "user": user, "password": password, "database": database, "home": home}


@main.command("who-said")
@click.option("--speaker", metavar="NAME", help="Who made the statement (name, alias or key).")
@click.option("--about", metavar="NAME", help="An actor or place the statement is about.")
@_date_from
@_date_to
@click.option("--polarity", type=click.Choice(POLARITIES), help="Asserted, denied or unconfirmed.")
@click.option(
    "--include-narration",
    is_flag=True,
    help="Also the outlet's own narration of events (left out by default).",
)
@_limit
@format_option
@neo4j_options
@handle_errors
def who_said(
    speaker: str | None,
    about: str | None,
    date_from: str | None,
    date_to: str | None,
    polarity: str | None,
    include_narration: bool,
    limit: int | None,
    fmt: str,
    **conn: Any,
) -> None:
    """Who said what: statements by speaker, topic, date said and polarity.

    Example:

    \b
        claimgraph who-said --about Dravik
        claimgraph who-said --speaker Vasko --from 2025-06-15 --format json
    """
    check_window(date_from, date_to)
    values = {
        "speaker": speaker,
        "about": about,
        "from": date_from,
        "to": date_to,
        "polarity": polarity,
        "narration": include_narration,
        "limit": limit,
    }
    _answer("who-said", values, fmt, WHO_SAID_COLUMNS, **conn)


@main.command()
@click.argument("name")
@_date_from
@_date_to
@_limit
@format_option
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the timeline as a self-contained page (chart and claims) to this file.",
)
@neo4j_options
@handle_errors
def timeline(
    name: str,
    date_from: str | None,
    date_to: str | None,
    limit: int | None,
    fmt: str,
    html_out: str | None,
    **conn: Any,
) -> None:
    """Claimed events involving an actor or place, in date order, with their sources.

    With --html FILE, writes a page instead (say, timeline Dravik --html
    dravik.html): incidents over time, asserted vs denied and counts by
    side, each mark linking to its claims.

    Example:

    \b
        claimgraph timeline Kelmar
        claimgraph timeline Dravik --from 2025-06-14 --format csv
    """
    check_window(date_from, date_to)
    values = {"about": name, "from": date_from, "to": date_to, "limit": limit}
    given = click.get_current_context().get_parameter_source("fmt")
    if html_out is not None and given is click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--html writes a page and --format prints rows: give one of them")
    if html_out is not None:
        from claimgraph.cli.viz_cmd import write_timeline_page

        write_timeline_page(_conn(**conn), values, html_out)
        return
    _answer("timeline", values, fmt, TIMELINE_COLUMNS, **conn)


@main.command()
@click.option("--about", metavar="NAME", help="Only claims involving this actor or place.")
@_date_from
@_date_to
@_limit
@format_option
@neo4j_options
@handle_errors
def disputed(
    about: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int | None,
    fmt: str,
    **conn: Any,
) -> None:
    """Claims that contradict each other, side by side.

    Example:

    \b
        claimgraph disputed
        claimgraph disputed --about Dravik --format json
    """
    check_window(date_from, date_to)
    values = {"about": about, "from": date_from, "to": date_to, "limit": limit}
    _answer("disputed", values, fmt, DISPUTED_COLUMNS, **conn)


@main.command()
@click.argument("name")
@_limit
@click.option(
    "--offset",
    type=click.IntRange(0),
    default=None,
    help="Rows skipped first: with --limit, pages through a long profile (--offset 500).",
)
@format_option
@neo4j_options
@handle_errors
def profile(name: str, limit: int | None, offset: int | None, fmt: str, **conn: Any) -> None:
    """An actor's or place's names, roles over time, statements and attributed events.

    Example:

    \b
        claimgraph profile "Oren Vasko"
        claimgraph profile Kelmar --format json
        claimgraph profile Kelmar --limit 5 --offset 5   # the second page of 5
    """
    values = {"about": name, "limit": limit, "offset": offset}
    _answer("profile", values, fmt, PROFILE_COLUMNS, **conn)


@main.command()
@click.argument("name")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter; repeat for several (see `claimgraph queries`).",
)
@format_option
@neo4j_options
@handle_errors
def query(name: str, params: tuple[str, ...], fmt: str, **conn: Any) -> None:
    """Run a canned query by name, with parameters.

    Example:

    \b
        claimgraph query as-of --param about=Dravik --param date=2025-06-14
        claimgraph query path -p source="Matej Orlan" -p target=Dravik --format json
    """
    _answer(name, parse_params(params), fmt, None, "--param limit={}", **conn)


@main.command()
@click.option("--cypher", "show_cypher", is_flag=True, help="Also print each query's Cypher.")
@format_option
def queries(show_cypher: bool, fmt: str) -> None:
    """List the canned queries, what they answer and their parameters.

    Example:

    \b
        claimgraph queries
        claimgraph queries --format json
    """
    rows: list[dict[str, Any]] = []
    for q in all_queries().values():
        params = [
            f"{p.name} ({p.type}{', required' if p.required else ''}"
            f"{'' if p.default is None else ', default ' + str(p.default)})"
            for p in q.params
        ]
        row: dict[str, Any] = {"name": q.name, "answers": q.answers, "parameters": params}
        if show_cypher:
            row["cypher"] = q.cypher
        rows.append(row)
    click.echo(render(rows, fmt, ("name", "parameters", "answers")))


@main.command()
@click.argument("statement")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A $parameter, passed as a string; repeat for several.",
)
@click.option(
    "--write", is_flag=True, help="Allow the statement to change the graph (default: read-only)."
)
@format_option
@neo4j_options
@handle_errors
def cypher(statement: str, params: tuple[str, ...], write: bool, fmt: str, **conn: Any) -> None:
    """Run your own Cypher, read-only unless --write.

    The server runs it in a read transaction, so CREATE, MERGE, SET and DELETE
    are refused unless you pass --write.

    Example:

    \b
        claimgraph cypher "MATCH (p:Person) RETURN p.name AS name LIMIT 5"
        claimgraph cypher "MATCH (s:Statement {polarity: \\$p}) RETURN count(s)" -p p=denies
    """
    values = parse_params(params)
    with open_graph(**_conn(**conn)) as g:
        rows = run_cypher(g.driver, g.database, statement, values, write=write)
    echo_rows(rows, fmt)
