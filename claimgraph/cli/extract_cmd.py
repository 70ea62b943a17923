"""``claimgraph extract``: run the extractor on files and print records, no database."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimgraph import ingest
from claimgraph.cli import main
from claimgraph.cli._common import handle_errors
from claimgraph.ingest_dask import DEFAULT_PARTITION_SIZE, DaskSummary
from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import ArticleRecords, records_to_json

__all__ = ["extract"]


def _short(text: str | None, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _print_table(console: Console, rec: ArticleRecords) -> None:
    a = rec.article
    title = f"{a.source or a.id} — {a.published or 'undated'}"
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, show_lines=False)
    for name in ("speaker", "cue", "mode", "said_on", "polarity", "via"):
        table.add_column(name, no_wrap=name in {"mode", "said_on", "polarity"})
    table.add_column("text", overflow="fold", ratio=3, min_width=30)
    names = {e.id: e.name for e in rec.entities}
    for s in rec.statements:
        speaker = s.speaker_name or ("(outlet)" if s.by_outlet else "(unnamed)")
        table.add_row(
            escape(speaker),
            escape(s.cue or ""),
            s.mode,
            str(s.said_on or ""),
            s.polarity,
            escape(", ".join(names.get(v, v) for v in s.via)),
            escape(_short(s.text)),
        )
    console.print(table)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table", "timeml"]),
    default="json",
    show_default=True,
    help="JSON records (the load --records format), a table per article, or TimeML "
    "(TIMEX3 tags; with --out, a folder of .tml files).",
)
@click.option(
    "--date",
    "published",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date for articles without a date header.",
)
@click.option(
    "--processes",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Extract (parse and build records) in this many processes.",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(writable=True),
    default=None,
    help="Write to this file instead of standard output (a folder for --format timeml and --dask).",
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Extract on a Dask cluster: tcp://host:8786 (a running scheduler) or local:N "
    "(N local worker processes). Writes --out DIR/part-NNNNN.jsonl; a rerun skips "
    "complete partitions.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=DEFAULT_PARTITION_SIZE,
    show_default=True,
    help="Articles per Dask task (and per part file).",
)
@handle_errors
def extract(
    files: tuple[str, ...],
    fmt: str,
    published: str | None,
    processes: int,
    out_path: str | None,
    dask_address: str | None,
    partition_size: int,
) -> None:
    """Extract who said what, when from article files, without a database.

    FILES are text files with a `date YYYY-MM-DD` header, JSONL/CSV files,
    saved web pages (.html, .htm) or folders ("-" reads standard input). Unreadable inputs are reported on
    standard error and skipped; the exit status is then 1.

    Example:

    \b
        claimgraph extract article.txt --format table
        claimgraph extract articles/ --processes 2 --out records.json
        cat story.txt | claimgraph extract - --date 2025-06-14
        claimgraph extract articles/ --format timeml --out tml/
        claimgraph extract articles/ --dask local:2 --out records/
        claimgraph extract articles/ --dask tcp://scheduler:8786 --out records/
        claimgraph load --records records/
    """
    day: date | None = None
    if published:
        try:
            day = date.fromisoformat(published)
        except ValueError as e:
            raise click.BadParameter(f"{published!r} is not YYYY-MM-DD", param_hint="--date") from e
    if dask_address is not None:
        if fmt != "json" or not out_path:
            raise click.UsageError("--dask writes JSON Lines partitions: give --out DIR")
        _extract_dask(files, day, dask_address, out_path, partition_size)
        return
    if fmt == "timeml":
        _extract_timeml(files, day, processes, out_path)
        return
    if out_path and Path(out_path).is_dir():
        raise click.BadParameter(f"{out_path} is a folder", param_hint="--out")
    out: TextIO = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout  # noqa: SIM115
    failed = 0
    records: list[ArticleRecords] = []
    # A pipe or file gets a wide table rather than a guessed 80 columns.
    console = Console(file=out, soft_wrap=False, width=None if out.isatty() else 160)
    try:
        for item in ingest.extract(iter_articles(list(files), published=day), processes=processes):
            if isinstance(item, InputProblem):
                click.echo(f"claimgraph extract: {item}", err=True)
                if getattr(item, "severity", "error") == "error":
                    failed += 1
                continue
            if fmt == "table":
                _print_table(console, item)
            else:
                records.append(item)
        if fmt == "json":
            doc: dict[str, Any] = records_to_json(records)
            json.dump(doc, out, ensure_ascii=False, indent=2)
            out.write("\n")
    finally:
        if out_path:
            out.close()
    if failed:
        raise SystemExit(1)


def _extract_timeml(
    files: tuple[str, ...], day: date | None, processes: int, out_path: str | None
) -> None:
    """TimeML per article: to standard output, or one ``.tml`` file each in the ``--out`` folder."""
    from claimgraph.loaders.readers import iter_articles
    from claimgraph.loaders.timex_export import timeml_name, to_timeml
    from claimgraph.schema.problems import InputProblem

    folder = Path(out_path) if out_path else None
    if folder is not None:
        if folder.exists() and not folder.is_dir():
            raise click.BadParameter(f"{folder} is not a folder", param_hint="--out")
        folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    for item in ingest.extract(iter_articles(list(files), published=day), processes=processes):
        if isinstance(item, InputProblem):
            click.echo(f"claimgraph extract: {item}", err=True)
            failed += getattr(item, "severity", "error") == "error"
            continue
        name = timeml_name(item)
        document = to_timeml(item, Path(name).stem)
        if folder is None:
            sys.stdout.write(document)
        else:
            (folder / name).write_text(document, encoding="utf-8")
    if failed:
        raise SystemExit(1)


def _extract_dask(
    files: tuple[str, ...], day: date | None, address: str, out: str, partition_size: int
) -> None:
    """``--dask``: partitions extracted on the cluster, a progress bar following them."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from claimgraph.ingest_dask import extract_partitions, open_client

    if Path(out).exists() and not Path(out).is_dir():
        raise click.BadParameter(f"{out} is not a folder", param_hint="--out")
    console = Console(stderr=True)
    progress = Progress(
        "partitions",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    )
    task = progress.add_task("extract", total=None)

    def problem(item: InputProblem) -> None:
        progress.console.print(f"claimgraph extract: {item}", markup=False, highlight=False)

    def advanced(summary: DaskSummary) -> None:
        progress.update(task, completed=summary.extracted + summary.already)

    with open_client(address) as client, progress:
        summary = extract_partitions(
            client,
            iter_articles(list(files), published=day),
            out,
            partition_size=partition_size,
            on_problem=problem,
            on_partition=advanced,
        )
        progress.update(task, total=summary.partitions)
    click.echo(
        f"{summary.partitions} partitions in {out}: {summary.extracted} extracted now "
        f"({summary.articles} articles), {summary.already} already complete.",
        err=True,
    )
    if summary.problems:
        raise SystemExit(1)
