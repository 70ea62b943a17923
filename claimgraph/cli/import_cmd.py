"""``claimgraph import-bulk``: fill the managed server's database with neo4j-admin."""

from __future__ import annotations

from collections.abc import Iterator

import click

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, home_option
from claimgraph.cli._interrupt import (
    EXIT_INTERRUPTED,
    InputInterrupted,
    close_input,
    until_interrupted,
)
from claimgraph.graph.bulk_import import bulk_import
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server import MemorySettings
from claimgraph.graph.writer import DEFAULT_BATCH_SIZE
from claimgraph.loaders.readers import iter_articles
from claimgraph.loaders.record_files import iter_record_file
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import ArticleRecords


def _items(
    paths: tuple[str, ...], records_files: tuple[str, ...], processes: int, problems: list[str]
) -> Iterator[ArticleRecords]:
    def keep(items: Iterator[ArticleRecords | InputProblem]) -> Iterator[ArticleRecords]:
        for item in items:
            if isinstance(item, InputProblem):
                problems.append(f"{item.severity}: {item.source}: {item.message}")
                click.echo(problems[-1], err=True)
            else:
                yield item

    for name in records_files:
        yield from keep(iter_record_file(name))
    if paths:
        from claimgraph.loaders.pipeline import Extractor

        yield from keep(Extractor(n_process=processes).extract_many(iter_articles(paths)))


@main.command("import-bulk")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--records",
    "records_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Article records (extract --format json, or JSONL) instead of text; repeatable.",
)
@click.option(
    "--csv-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Keep the import CSV files in this (empty) folder [default: a temporary one].",
)
@click.option(
    "--force", is_flag=True, help="Stop the running managed server, import, and start it again."
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes: they extract the articles of PATHs and encode the CSV files.",
)
@click.option(
    "--bolt-port",
    type=int,
    default=None,
    help="Bolt port to start the server on [default: its previous one, or 7687].",
)
@click.option(
    "--http-port",
    type=int,
    default=None,
    help="HTTP port to start the server on [default: its previous one, or 7474].",
)
@click.option(
    "--heap",
    default="auto",
    show_default=True,
    envvar="CLAIMGRAPH_HEAP",
    help="JVM heap of the restarted server.",
)
@click.option(
    "--pagecache",
    default="auto",
    show_default=True,
    envvar="CLAIMGRAPH_PAGECACHE",
    help="Page cache of the restarted server.",
)
@click.option("--uri", envvar="NEO4J_URI", default=None, hidden=True)
@home_option
@handle_errors
def import_bulk_cmd(
    paths: tuple[str, ...],
    records_files: tuple[str, ...],
    csv_dir: str | None,
    force: bool,
    processes: int,
    bolt_port: int | None,
    http_port: int | None,
    heap: str,
    pagecache: str,
    uri: str | None,
    home: str | None,
) -> None:
    """Replace the managed server's graph with articles, through neo4j-admin import.

    Much faster than `claimgraph load` for a first load of many articles: the
    records are written as CSV files and `neo4j-admin database import full`
    builds the database files directly; then the server starts again and the
    schema (constraints, indexes) is built. The whole `neo4j` database is
    replaced, so a running server is only stopped with --force. This works on
    the managed server only (it writes its files); for a server given by
    NEO4J_URI use `claimgraph load`.

    Example:

    \b
        claimgraph extract articles/ --format json > records.json
        claimgraph import-bulk --records records.json --force
        claimgraph import-bulk articles/ --home /data/claimgraph --csv-dir /tmp/csv
    """
    if uri:
        raise click.ClickException(
            f"import-bulk works only on the managed server's database, not on {uri} (NEO4J_URI): "
            "use `claimgraph load` there, or unset NEO4J_URI"
        )
    if not paths and not records_files:
        raise click.UsageError("give at least one PATH or --records FILE")
    problems: list[str] = []
    items = until_interrupted(_items(paths, records_files, processes, problems))
    try:
        result = bulk_import(
            ServerHome(home),
            items,
            csv_dir=csv_dir,
            force=force,
            memory=MemorySettings(heap, pagecache),
            bolt_port=bolt_port,
            http_port=http_port,
            batch_size=DEFAULT_BATCH_SIZE,
            processes=processes,
            progress=lambda msg: click.echo(msg, err=True),
        )
    except InputInterrupted:
        # The CSV files are written before the server is touched.
        click.echo(
            "interrupted while reading the input: nothing was imported, the graph is unchanged",
            err=True,
        )
        raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
    finally:
        close_input(items)
    files = result.files
    for problem in files.problems:
        click.echo(
            f"error: {problem.source or problem.article}: article {problem.article} "
            f"not imported: {problem.message}",
            err=True,
        )
    # Inputs that could not be read and articles refused count once, as in `load`.
    failed = len(files.problems) + sum(1 for p in problems if p.startswith("error"))
    not_imported = f" ({failed} failed, listed above)" if failed else ""
    click.echo(
        f"Imported {files.articles} articles{not_imported}: {files.nodes_total} nodes and "
        f"{files.relationships_total} relationships in {result.seconds:.1f}s "
        f"(CSV {result.csv_seconds:.1f}s, neo4j-admin {result.import_seconds:.1f}s, "
        f"restart {result.start_seconds:.1f}s, schema {result.schema_seconds:.1f}s)."
    )
    click.echo(f"The managed server is running at {result.bolt_uri}.")
    if failed:
        raise click.exceptions.Exit(1)
