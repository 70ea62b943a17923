"""``claimgraph server start|stop|status|logs``: the managed local Neo4j."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, home_option
from claimgraph.cli.output import format_option, json_alias_option, render
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server import (
    DEFAULT_BOLT_PORT,
    DEFAULT_HTTP_PORT,
    MemorySettings,
    log_tail,
    server_status,
    start_server,
    stop_server,
)


@main.group()
def server() -> None:
    """Run a local Neo4j Community server managed by claimgraph.

    The server listens on 127.0.0.1 only, with authentication on; its password
    is generated at the first start and kept in a 0600 file in the home.

    Example:

        claimgraph server start && claimgraph server status
    """


@server.command()
@home_option
@click.option(
    "--bolt-port",
    type=int,
    default=DEFAULT_BOLT_PORT,
    show_default=True,
    envvar="CLAIMGRAPH_BOLT_PORT",
    help="Bolt port on 127.0.0.1 (0: any free port).",
)
@click.option(
    "--http-port",
    type=int,
    default=DEFAULT_HTTP_PORT,
    show_default=True,
    envvar="CLAIMGRAPH_HTTP_PORT",
    help="HTTP port for Neo4j Browser (0: any free port).",
)
@click.option(
    "--heap",
    default="auto",
    show_default=True,
    envvar="CLAIMGRAPH_HEAP",
    help="JVM heap size (auto: a sixth of the memory, 512m to 8g).",
)
@click.option(
    "--pagecache",
    default="auto",
    show_default=True,
    envvar="CLAIMGRAPH_PAGECACHE",
    help="Neo4j page cache size (auto: two fifths of the memory, to 16g).",
)
@click.option(
    "--timeout",
    type=float,
    default=180.0,
    show_default=True,
    help="Seconds to wait for Bolt to answer.",
)
@handle_errors
def start(
    home: str | None, bolt_port: int, http_port: int, heap: str, pagecache: str, timeout: float
) -> None:
    """Start the managed Neo4j and wait until it answers queries.

    The first start resolves the Neo4j jars from Maven Central with Maven.

    Example:

        claimgraph server start --bolt-port 0 --http-port 0
    """
    server_home = ServerHome(home)
    result = start_server(
        server_home,
        bolt_port=bolt_port,
        http_port=http_port,
        memory=MemorySettings(heap, pagecache),
        timeout=timeout,
        progress=lambda msg: click.echo(msg, err=True),
    )
    state = result.state
    if result.already_running:
        click.echo(
            f"Neo4j is already running from {server_home.root} (pid {state.pid}); nothing done."
        )
    else:
        click.echo(f"Neo4j {state.version} started in {result.seconds:.1f}s (pid {state.pid}).")
    click.echo(
        f"  Bolt:     {state.bolt_uri}  (user neo4j, password in {server_home.password_file})"
    )
    click.echo(f"  Browser:  {state.browser_url}")


@server.command()
@home_option
@click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds to wait for a graceful shutdown before killing.",
)
@handle_errors
def stop(home: str | None, timeout: float) -> None:
    """Stop the managed Neo4j gracefully.

    Example:

        claimgraph server stop
    """
    server_home = ServerHome(home)
    began = time.monotonic()
    state = stop_server(server_home, timeout=timeout)
    if state is None:
        click.echo(f"No managed Neo4j is running from {server_home.root}.")
    else:
        click.echo(f"Neo4j (pid {state.pid}) stopped in {time.monotonic() - began:.1f}s.")


@server.command()
@home_option
@format_option
@json_alias_option
def status(home: str | None, fmt: str, as_json: bool) -> None:
    """Show whether the managed Neo4j runs: version, pid, ports, home, memory.

    Exits with status 1 when no server is running.

    Example:

    \b
        claimgraph server status
        claimgraph server status --format json
    """
    info = server_status(ServerHome(home))
    if as_json or fmt == "json":
        click.echo(json.dumps(info, indent=2))
    elif fmt == "csv":
        click.echo(render([info], "csv"))
    else:
        state = "running" if info["running"] else "not running"
        click.echo(f"Neo4j {info['version']} {state}")
        for key in (
            "pid",
            "bolt_uri",
            "browser_url",
            "rss_mib",
            "started_at",
            "home",
            "password_file",
        ):
            if key in info:
                click.echo(f"  {key:<14}{info[key]}")
    raise SystemExit(0 if info["running"] else 1)


@server.command()
@home_option
@click.option("-n", "--lines", type=int, default=40, show_default=True, help="Lines to show.")
@click.option("-f", "--follow", is_flag=True, help="Keep printing new lines of neo4j.log.")
@handle_errors
def logs(home: str | None, lines: int, follow: bool) -> None:
    """Print the tail of the managed server's logs.

    Example:

        claimgraph server logs -n 100
    """
    server_home = ServerHome(home)
    click.echo(log_tail(server_home, lines))
    if follow:
        _follow(server_home.logs / "neo4j.log")


def _follow(path: Path) -> None:
    with open(path, encoding="utf-8", errors="replace") as fh:
        fh.seek(0, 2)
        try:
            while True:
                line = fh.readline()
                if line:
                    click.echo(line, nl=False)
                else:
                    time.sleep(0.5)
        except KeyboardInterrupt:
            return
