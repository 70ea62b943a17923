"""``claimgraph load``: fill the graph."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimgraph import ingest
from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options, open_graph
from claimgraph.cli._interrupt import EXIT_INTERRUPTED, StopOnInterrupt
from claimgraph.errors import ConnectionFailed
from claimgraph.graph.writer import DEFAULT_BATCH_SIZE, ArticleOutcome, LoadSummary
from claimgraph.schema.problems import InputProblem

_PLAIN_PROGRESS_SECONDS = 10.0


class _Display:
    """Problem lines and progress for one load run, on stderr (the counts are ``ingest.Counts``)."""

    def __init__(self) -> None:
        self.counts = ingest.Counts()
        self.written = 0  # articles committed (new or replaced)
        self.started = time.monotonic()
        self.last_plain = self.started
        self.tty = sys.stderr.isatty()
        self.progress: Progress | None = None
        self.task: Any = None

    def interrupted_line(self) -> str:
        return (
            f"interrupted after writing {self.written} articles; whole articles only are "
            "in the graph: run the same load again to finish it."
        )

    def problem(self, problem: InputProblem) -> None:
        self.line(f"{problem.severity}: {problem.source}: {problem.message}")

    def line(self, line: str) -> None:
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)

    def outcome(self, outcome: ArticleOutcome) -> None:
        if outcome.status in ("new", "replaced"):
            self.written += 1
        if outcome.status == "failed":
            where = outcome.source or f"article {outcome.id}"
            self.line(f"error: {where}: article {outcome.id} not loaded: {outcome.message}")
        self.tick()
        self.refresh_rate()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)
            return
        now = time.monotonic()
        if now - self.last_plain >= _PLAIN_PROGRESS_SECONDS:
            self.last_plain = now
            read = self.counts.articles + self.counts.skipped
            rate = read / max(now - self.started, 1e-9)
            click.echo(f"... {read} articles read ({rate:.1f}/s)", err=True)

    def start_progress(self) -> Progress | None:
        if not self.tty:
            return None
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("loading"),
            TextColumn("{task.completed} articles"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task("load", total=None, rate="")
        return self.progress

    def refresh_rate(self) -> None:
        if self.progress is None:
            return
        task = self.progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{task.completed / elapsed:.1f} articles/s" if elapsed > 0 else ""
        self.progress.update(self.task, rate=rate)


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def _print_summary(counts: ingest.Counts, summary: LoadSummary | None) -> None:
    """One count per article: inputs that could not be read count as failed, once."""
    listed = " (listed above)" if counts.errors else ""
    if summary is None:
        unread = f", {counts.errors} failed{listed}" if counts.errors else ""
        click.echo(
            f"Dry run: {_plural(counts.articles, 'article')}{unread}; "
            f"{_plural(counts.entities, 'entity', 'entities')}, "
            f"{_plural(counts.statements, 'statement')}, {_plural(counts.events, 'event')}; "
            "nothing written."
        )
    else:
        failed = counts.errors + summary.articles_failed
        listed = " (listed above)" if failed else ""
        rate = summary.articles_seen / summary.seconds if summary.seconds > 0 else 0.0
        click.echo(
            f"Articles: {summary.articles_new} new, {summary.articles_replaced} replaced, "
            f"{summary.articles_skipped} skipped (already loaded), {failed} failed{listed} "
            f"in {summary.seconds:.1f}s ({rate:.1f} articles/s)."
        )
        click.echo(
            f"Created {summary.nodes_created} nodes and {summary.relationships_created} "
            f"relationships (deleted {summary.nodes_deleted} and {summary.relationships_deleted})."
        )
    if counts.warnings:
        click.echo(f"{_plural(counts.warnings, 'warning')} (listed above).")


@main.command("load")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--records",
    "records_files",
    multiple=True,
    type=click.Path(),
    help="Load article records (extract --format json, JSONL, or a folder of "
    "part-*.jsonl from extract --dask) without extraction; repeatable; '-' for stdin.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Whole articles per write transaction.",
)
@click.option("--dry-run", is_flag=True, help="Read and extract, report counts, write nothing.")
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Publication date for articles (text, web pages) that carry none (YYYY-MM-DD).",
)
@click.option(
    "--outlet",
    default=None,
    help="Outlet for articles (text, pages without a site name) naming none.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Rewrite articles already in the graph even if unchanged (e.g. after upgrading "
    "claimgraph): their statements and events are replaced.",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extraction processes (each parses and builds records).",
)
@neo4j_options
@handle_errors
def load_cmd(
    paths: tuple[str, ...],
    records_files: tuple[str, ...],
    batch_size: int,
    dry_run: bool,
    published: datetime | None,
    outlet: str | None,
    replace: bool,
    processes: int,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    home: str | None,
) -> None:
    """Read articles, extract who said what when, and write it to Neo4j.

    PATH is a text file (optionally starting with a `date YYYY-MM-DD` line),
    a .jsonl/.json/.csv file of articles, a saved web page (.html, .htm: text,
    title, date, site name and URL read from the page), a folder, or - for
    stdin. Each batch
    of whole articles is one transaction: an interrupted load leaves only
    whole articles, and running it again skips what is there and finishes the
    job. Bad inputs are listed one per line and the rest loads; the exit code
    is 1 if anything failed.

    Example:

    \b
        claimgraph load articles/ --date 2025-06-14
        claimgraph load saved-pages/ --date 2025-06-19  # .html: pages without a date take it
        claimgraph extract articles/ --format json > records.json
        claimgraph load --records records.json --batch-size 200
        claimgraph load --records records/        # part-*.jsonl from extract --dask
        claimgraph load articles/ --replace      # after upgrading claimgraph
    """
    if not paths and not records_files:
        raise click.UsageError("give at least one PATH or --records FILE")
    display = _Display()
    counts = display.counts
    summary: LoadSummary | None = None
    interrupted = False
    if dry_run:
        ingest.dry_run(
            paths,
            records=records_files,
            published=published,
            outlet=outlet,
            processes=processes,
            on_problem=display.problem,
            on_item=lambda _: display.tick(),
            counts=counts,
        )
    else:
        with open_graph(uri, user, password, database, home) as graph, _watched(display) as stop:
            summary = ingest.load_files(
                graph.driver,
                graph.database,
                paths,
                records=records_files,
                published=published,
                outlet=outlet,
                processes=processes,
                batch_size=batch_size,
                replace=replace,
                on_problem=display.problem,
                on_progress=display.outcome,
                stop=lambda: stop.requested,
                counts=counts,
            )
        interrupted = stop.requested
    _print_summary(counts, summary)
    if interrupted:
        click.echo(display.interrupted_line(), err=True)
        raise click.exceptions.Exit(EXIT_INTERRUPTED)
    failed = counts.errors + (summary.articles_failed if summary else 0)
    if failed:
        raise click.exceptions.Exit(1)


@contextlib.contextmanager
def _watched(display: _Display) -> Iterator[StopOnInterrupt]:
    """Progress display and Ctrl-C around a load; the first Ctrl-C stops it between batches."""
    stop = StopOnInterrupt(on_second=lambda: click.echo(display.interrupted_line(), err=True))
    progress = display.start_progress()
    try:
        with stop, progress or contextlib.nullcontext():
            yield stop
    except ConnectionFailed as e:
        raise click.ClickException(
            f"{e}; whole articles written so far stay in the graph, "
            "run the same load again to finish it"
        ) from e
