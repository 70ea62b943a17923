"""Bulk import: article records into the managed server with ``neo4j-admin``.

``neo4j-admin database import full`` writes a database's store files directly
from CSV, far faster than transactions, but only into a stopped database and
only on the machine that holds it. So this works with the managed server of
a claimgraph home, never with a server reached through ``NEO4J_URI`` (there,
``claimgraph load`` is the way). The steps:

1. write the records as CSV (:mod:`claimgraph.graph.bulk_import_csv`),
   encoded in worker processes if asked;
2. stop the server if it runs (only when asked: the import replaces the
   whole ``neo4j`` database);
3. run ``org.neo4j.cli.AdminTool database import full --overwrite-destination``
   from the jars in the home, with the home's configuration;
4. start the server again and build the constraints and indexes on the
   imported data (``build_schema``: the schema without the upgrades of older
   graphs, which an import never needs).

The graph that results is the one ``claimgraph load`` writes for the same
records (checked by an integration test).
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import neo4j

from claimgraph.errors import ServerError
from claimgraph.graph.bulk_import_columns import ARRAY_DELIMITER_OPTION
from claimgraph.graph.bulk_import_csv import (
    CsvProblem,
    ImportFiles,
    RecordChunks,
    write_import_csv,
)
from claimgraph.graph.connection import Settings, open_driver
from claimgraph.graph.home import USER, ServerHome
from claimgraph.graph.incident_pass import mark_all_pending, resolve_pending
from claimgraph.graph.server import (
    DEFAULT_BOLT_PORT,
    DEFAULT_HTTP_PORT,
    MemorySettings,
    is_running,
    start_server,
    stop_server,
)
from claimgraph.graph.server_install import (
    JVM_OPTIONS,
    admin_env,
    find_java,
    install_jars,
    write_config,
)
from claimgraph.graph.writer import DEFAULT_BATCH_SIZE
from claimgraph.schema.cypher import apply_schema
from claimgraph.schema.records import ArticleRecords

__all__ = [
    "ADMIN_TOOL",
    "BulkImportResult",
    "CsvProblem",
    "ImportFiles",
    "RecordChunks",
    "admin_import_command",
    "bulk_import",
    "build_schema",
    "run_admin_import",
    "write_import_csv",
]

log = logging.getLogger(__name__)

ADMIN_TOOL = "org.neo4j.cli.AdminTool"
DATABASE = "neo4j"


@dataclass
class BulkImportResult:
    """What one bulk import did, with the time of each step in seconds."""

    files: ImportFiles
    csv_seconds: float = 0.0
    stop_seconds: float = 0.0
    import_seconds: float = 0.0
    start_seconds: float = 0.0
    schema_seconds: float = 0.0
    incident_seconds: float = 0.0
    was_running: bool = False
    bolt_uri: str = ""
    report: list[str] = field(default_factory=list)  # the tool's summary lines

    @property
    def seconds(self) -> float:
        return (
            self.csv_seconds
            + self.stop_seconds
            + self.import_seconds
            + self.start_seconds
            + self.schema_seconds
            + self.incident_seconds
        )


def admin_import_command(
    java: str, home: ServerHome, files: ImportFiles, database: str = DATABASE
) -> list[str]:
    """The ``neo4j-admin database import full`` command line for ``files``."""
    cmd = [
        # The database name comes first: --nodes takes a variable number of files.
        java,
        *JVM_OPTIONS,
        "-cp",
        f"{home.lib}/*",
        ADMIN_TOOL,
        "database",
        "import",
        "full",
        database,
        "--overwrite-destination=true",
        # Quoted fields may hold line breaks (statement sentences), but parsing
        # for them is serial: ask for it only when a file has one.
        f"--multiline-fields={'true' if files.multiline else 'false'}",
        f"--array-delimiter={ARRAY_DELIMITER_OPTION}",
        f"--report-file={files.directory / 'import.report'}",
    ]
    cmd += [f"--nodes={labels}={path}" for labels, path in files.nodes]
    cmd += [f"--relationships={type_}={path}" for type_, path in files.relationships]
    return cmd


def _tool_error(output: str) -> str:
    lines = [ln.strip() for ln in output.strip().splitlines()]
    useful = [ln for ln in lines if ln and not ln.startswith(("at ", "..."))]
    return " | ".join(useful[-4:]) or "no output"


def run_admin_import(
    home: ServerHome, files: ImportFiles, *, database: str = DATABASE, timeout: float = 3600.0
) -> list[str]:
    """Run the import into ``database`` of the (stopped) server of ``home``.

    Returns the tool's summary lines (counts, time). Raises ``ServerError``
    if the server is running or the tool fails.
    """
    if is_running(home) is not None:
        raise ServerError(f"the managed server in {home.root} is running: stop it before importing")
    if not files.nodes:
        raise ServerError("nothing to import: no article could be converted")
    java = find_java()
    install_jars(home)
    if not (home.conf / "neo4j.conf").exists():
        write_config(home, DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT, MemorySettings())
    cmd = admin_import_command(java, home, files, database)
    log.info("running %s", " ".join(cmd))
    try:
        result = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            env=admin_env(home),
            timeout=timeout,
            cwd=files.directory,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ServerError(f"neo4j-admin database import failed to run: {e}") from e
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise ServerError(f"neo4j-admin database import failed: {_tool_error(output)}")
    keep = ("IMPORT DONE", "Imported:", "nodes", "relationships", "properties", "Peak memory")
    return [ln.strip() for ln in output.splitlines() if ln.strip().startswith(keep)]


def build_schema(driver: neo4j.Driver, database: str | None = None, timeout: int = 3600) -> None:
    """Build every constraint and index on a freshly imported graph, and wait until they are online.

    What ``apply_schema`` does, less its upgrades: those add relationships
    that older versions did not write, and an import has every one of them
    already (its rows come from the writer's own row builder), so the pass
    over every statement and event they would make is skipped and the graph
    is marked as up to date.
    """
    apply_schema(driver, database, upgrades=False, timeout=timeout)


def bulk_import(
    home: ServerHome,
    items: Iterable[ArticleRecords] | RecordChunks,
    *,
    csv_dir: str | Path | None = None,
    force: bool = False,
    memory: MemorySettings | None = None,
    bolt_port: int | None = None,
    http_port: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    processes: int = 1,
    progress: Callable[[str], None] | None = None,
) -> BulkImportResult:
    """Replace the managed server's ``neo4j`` database with ``items``.

    A running server is stopped and started again only with ``force``
    (otherwise ``ServerError``); a stopped one is started at the end, on its
    previous ports or on ``bolt_port``/``http_port``. The CSV files go to
    ``csv_dir`` (kept) or to a temporary folder (deleted). ``processes``
    worker processes encode the articles (see ``write_import_csv``); give
    ``RecordChunks`` to have them read or make the records too.

    Example:

        result = bulk_import(ServerHome(), records, force=True, processes=2)
        print(result.csv_seconds, result.import_seconds, result.schema_seconds)
    """
    say = progress or (lambda _msg: None)
    state = is_running(home)
    if state is not None and not force:
        raise ServerError(
            f"the managed server in {home.root} is running, and the bulk import replaces its "
            "whole database: pass --force to stop it, import, and start it again"
        )
    tmp = None if csv_dir else tempfile.TemporaryDirectory(prefix="claimgraph-import-")
    directory = Path(csv_dir) if csv_dir else Path(tmp.name)  # type: ignore[union-attr]
    try:
        say(f"writing import CSV files to {directory}")
        files = write_import_csv(items, directory, batch_size=batch_size, processes=processes)
        result = BulkImportResult(files, csv_seconds=files.seconds, was_running=state is not None)
        bolt = (
            bolt_port
            if bolt_port is not None
            else (state.bolt_port if state else DEFAULT_BOLT_PORT)
        )
        http = (
            http_port
            if http_port is not None
            else (state.http_port if state else DEFAULT_HTTP_PORT)
        )
        if state is not None:
            say(f"stopping the managed server (pid {state.pid})")
            began = time.perf_counter()
            stop_server(home)
            result.stop_seconds = time.perf_counter() - began
        say(f"importing {files.nodes_total} nodes and {files.relationships_total} relationships")
        began = time.perf_counter()
        try:
            result.report = run_admin_import(home, files)
        except ServerError as e:
            raise ServerError(
                f"{e}; the managed server is stopped (its database may be incomplete): "
                "fix the cause and import again, or `claimgraph server start`"
            ) from e
        result.import_seconds = time.perf_counter() - began
    finally:
        if tmp is not None:
            tmp.cleanup()
    say("starting the managed server")
    began = time.perf_counter()
    # A store of millions of nodes takes longer to open than the usual start allows.
    started = start_server(home, bolt_port=bolt, http_port=http, memory=memory, timeout=600)
    result.start_seconds = time.perf_counter() - began
    result.bolt_uri = started.state.bolt_uri
    say("applying the schema (building constraints and indexes)")
    began = time.perf_counter()
    password = home.password()
    driver = open_driver(Settings(started.state.bolt_uri, USER, password or "", None, managed=True))
    try:
        build_schema(driver, None)
        result.schema_seconds = time.perf_counter() - began
        # Incidents need the indexes and the articles' places: resolved last,
        # by the pass a transactional load runs (one code path, one graph).
        say("resolving incidents")
        began = time.perf_counter()
        mark_all_pending(driver, None)
        resolve_pending(driver, None)
        result.incident_seconds = time.perf_counter() - began
    finally:
        driver.close()
    return result
