"""``claimgraph load``: fill the graph."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors, neo4j_options, open_graph
from claimgraph.cli._interrupt import EXIT_INTERRUPTED, StopOnInterrupt, close_input
from claimgraph.errors import ConnectionFailed
from claimgraph.graph.writer import (
    DEFAULT_BATCH_SIZE,
    ArticleOutcome,
    LoadSummary,
    loaded_articles,
    write_batches,
)
from claimgraph.graph.writer_input import iter_record_file
from claimgraph.loaders.readers import InputProblem, iter_articles
from claimgraph.schema.cypher import apply_schema
from claimgraph.schema.records import Article, ArticleRecords

_PLAIN_PROGRESS_SECONDS = 10.0
# Articles looked up at once before extraction, to skip those already loaded.
_LOOKUP_BATCH = 200


class _Report:
    """Problem lines, counts and progress for one load run (output on stderr)."""

    def __init__(self) -> None:
        self.errors = 0
        self.warnings = 0
        self.articles = 0
        self.entities = 0
        self.statements = 0
        self.events = 0
        self.already_loaded = 0  # skipped before extraction
        self.written = 0  # articles committed (new or replaced)
        self.interrupted = False  # Ctrl-C stopped the load between batches
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

    def problem(self, source: str, message: str, severity: str = "error") -> None:
        if severity == "error":
            self.errors += 1
        else:
            self.warnings += 1
        self.line(f"{severity}: {source}: {message}")

    def line(self, line: str) -> None:
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)

    def inputs(self, items: Iterable[ArticleRecords | InputProblem]) -> Iterator[ArticleRecords]:
        """Report input problems as they come; pass the records on."""
        for item in items:
            if isinstance(item, InputProblem):
                self.problem(item.source, item.message, item.severity)
                continue
            self.articles += 1
            self.entities += len(item.entities)
            self.statements += len(item.statements)
            self.events += len(item.events)
            yield item

    def outcome(self, outcome: ArticleOutcome) -> None:
        if outcome.status in ("new", "replaced"):
            self.written += 1
        if outcome.status == "failed":
            where = outcome.source or f"article {outcome.id}"
            self.line(f"error: {where}: article {outcome.id} not loaded: {outcome.message}")
        self.tick()

    def tick(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)
            return
        now = time.monotonic()
        if now - self.last_plain >= _PLAIN_PROGRESS_SECONDS:
            self.last_plain = now
            rate = self.articles / max(now - self.started, 1e-9)
            click.echo(f"... {self.articles} articles read ({rate:.1f}/s)", err=True)

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


def _not_loaded(
    items: Iterable[Article | InputProblem], graph: Any, report: _Report
) -> Iterator[Article | InputProblem]:
    """Drop articles the graph already holds unchanged, before the costly extraction."""
    pending: list[Article | InputProblem] = []

    def flush() -> Iterator[Article | InputProblem]:
        pairs = [(a.id, a.sha256) for a in pending if isinstance(a, Article)]
        done = loaded_articles(graph.driver, graph.database, pairs)
        for item in pending:
            if isinstance(item, Article) and item.id in done:
                report.already_loaded += 1
                report.tick()
                continue
            yield item
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= _LOOKUP_BATCH:
            yield from flush()
    yield from flush()


def _sources(
    paths: tuple[str, ...],
    records_files: tuple[str, ...],
    published: datetime | None,
    outlet: str | None,
    processes: int,
    report: _Report,
    graph: Any = None,
) -> Iterator[ArticleRecords | InputProblem]:
    for name in records_files:
        yield from iter_record_file(name)
    if paths:
        # Imported here: loading spaCy is only worth it when there is text to read.
        from claimgraph.loaders.pipeline import Extractor

        articles: Iterable[Article | InputProblem] = iter_articles(
            paths, published=published.date() if published else None, outlet=outlet
        )
        if graph is not None:
            articles = _not_loaded(articles, graph, report)
        yield from Extractor(n_process=processes).extract_many(articles)


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def _print_summary(report: _Report, summary: LoadSummary | None) -> None:
    """One count per article: inputs that could not be read count as failed, once."""
    listed = " (listed above)" if report.errors else ""
    if summary is None:
        unread = f", {report.errors} failed{listed}" if report.errors else ""
        click.echo(
            f"Dry run: {_plural(report.articles, 'article')}{unread}; "
            f"{_plural(report.entities, 'entity', 'entities')}, "
            f"{_plural(report.statements, 'statement')}, {_plural(report.events, 'event')}; "
            "nothing written."
        )
    else:
        failed = report.errors + summary.articles_failed
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
    if report.warnings:
        click.echo(f"{_plural(report.warnings, 'warning')} (listed above).")


@main.command("load")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--records",
    "records_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Load article records (extract --format json, or JSONL) without extraction; "
    "repeatable; '-' for stdin.",
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
    help="Extraction processes.",
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

    PATH is a text file (optionally starting with a ``date YYYY-MM-DD`` line),
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
        claimgraph load articles/ --replace      # after upgrading claimgraph
    """
    if not paths and not records_files:
        raise click.UsageError("give at least one PATH or --records FILE")
    report = _Report()
    summary: LoadSummary | None = None
    if dry_run:
        for _ in report.inputs(
            _sources(paths, records_files, published, outlet, processes, report)
        ):
            report.tick()
    else:
        with open_graph(uri, user, password, database, home) as graph:
            apply_schema(graph.driver, graph.database)
            items = report.inputs(
                _sources(
                    paths,
                    records_files,
                    published,
                    outlet,
                    processes,
                    report,
                    None if replace else graph,
                )
            )
            summary = _write(graph.driver, graph.database, items, batch_size, replace, report)
            summary.articles_skipped += report.already_loaded
    _print_summary(report, summary)
    if report.interrupted:
        click.echo(report.interrupted_line(), err=True)
        raise click.exceptions.Exit(EXIT_INTERRUPTED)
    failed = report.errors + (summary.articles_failed if summary else 0)
    if failed:
        raise click.exceptions.Exit(1)


def _write(
    driver: Any,
    database: str | None,
    items: Iterator[ArticleRecords],
    batch_size: int,
    replace: bool,
    report: _Report,
) -> LoadSummary:
    def on_article(outcome: ArticleOutcome) -> None:
        report.outcome(outcome)
        report.refresh_rate()

    stop = StopOnInterrupt(on_second=lambda: click.echo(report.interrupted_line(), err=True))

    def write() -> LoadSummary:
        return write_batches(
            driver,
            database,
            stop.guard(items),
            batch_size=batch_size,
            on_article=on_article,
            replace=replace,
        )

    progress = report.start_progress()
    try:
        with stop:
            if progress is None:
                summary = write()
            else:
                with progress:
                    summary = write()
        report.interrupted = stop.requested
        return summary
    except ConnectionFailed as e:
        raise click.ClickException(
            f"{e}; whole articles written so far stay in the graph, "
            "run the same load again to finish it"
        ) from e
    finally:
        close_input(items)
