"""What every command shares: connection options, error handling, output."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
import neo4j

from claimgraph.errors import ClaimgraphError, RecordError
from claimgraph.graph.connection import connect
from claimgraph.schema.records import parse_date

__all__ = [
    "home_option",
    "neo4j_options",
    "handle_errors",
    "open_graph",
    "GraphTarget",
    "check_window",
]

F = TypeVar("F", bound=Callable[..., Any])


def home_option(func: F) -> F:
    """``--home`` for the managed server, with ``CLAIMGRAPH_HOME``."""
    return click.option(
        "--home",
        envvar="CLAIMGRAPH_HOME",
        type=click.Path(file_okay=False),
        default=None,
        help="Home of the managed Neo4j [env CLAIMGRAPH_HOME; default ~/.local/share/claimgraph].",
    )(func)


def neo4j_options(func: F) -> F:
    """``--uri/--user/--password/--database`` with the ecosystem's NEO4J_* variables."""
    options = [
        click.option(
            "--uri",
            envvar="NEO4J_URI",
            default=None,
            help="bolt://, neo4j:// or neo4j+s:// URI [env NEO4J_URI; default: the managed server].",
        ),
        click.option(
            "--user",
            envvar="NEO4J_USERNAME",
            default=None,
            help="Neo4j user [env NEO4J_USERNAME; default neo4j].",
        ),
        click.option(
            "--password",
            envvar="NEO4J_PASSWORD",
            default=None,
            help="Neo4j password [env NEO4J_PASSWORD; the managed server's is read from its home].",
        ),
        click.option(
            "--database",
            envvar="NEO4J_DATABASE",
            default=None,
            help="Database name [env NEO4J_DATABASE; default: the server's default].",
        ),
        home_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


class GraphTarget:
    """A connected driver and the database name, for one command."""

    def __init__(self, driver: neo4j.Driver, database: str | None) -> None:
        self.driver = driver
        self.database = database


@contextmanager
def open_graph(
    uri: str | None, user: str | None, password: str | None, database: str | None, home: str | None
) -> Iterator[GraphTarget]:
    """Connect for the duration of a command; always close the driver."""
    driver, db = connect(uri, user, password, database, home)
    try:
        yield GraphTarget(driver, db)
    finally:
        driver.close()


def handle_errors(func: F) -> F:
    """Turn ``ClaimgraphError`` into a one-line ``click.ClickException``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as e:
            raise click.ClickException(str(e)) from e

    return wrapper  # type: ignore[return-value]


def check_window(date_from: str | None, date_to: str | None) -> None:
    """Refuse ``--from`` later than ``--to``: it would answer "(no rows)" for a typo."""
    try:
        first, last = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    except RecordError:
        return  # the query reports a malformed date, with the others
    if first and last and first > last:
        raise click.ClickException(f"--from {first} is later than --to {last}: no date can match")
