"""``claimgraph eval``: score extraction against gold annotations."""

from __future__ import annotations

import json
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimgraph.cli import main
from claimgraph.cli._common import handle_errors
from claimgraph.cli.output import render
from claimgraph.evaluation import ArticleScore, evaluate, load_gold
from claimgraph.evaluation.gold import shipped_gold_files
from claimgraph.evaluation.suites import SUITES, SuiteResult, Systems, run_suite

_METRICS = ("statements", "entities", "events")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}"


def _row(score: ArticleScore) -> list[str]:
    if score.skipped:
        return [escape(score.name), f"[dim]skipped: {escape(score.skipped)}[/dim]"] + [""] * 11
    s, e, v, a = score.statements, score.entities, score.events, score.accuracy
    return [
        escape(score.name.removesuffix(".txt")),
        _pct(e.f1),
        _pct(a["entity_type"].value),
        _pct(s.precision),
        _pct(s.recall),
        _pct(s.f1),
        _pct(a["said_on"].value),
        _pct(a["polarity"].value),
        _pct(a["mode"].value),
        _pct(a["via"].value),
        _pct(v.precision),
        _pct(v.recall),
        _pct(a["event_date"].value),
    ]


def _table(scores: list[ArticleScore], total: ArticleScore, verbose: bool = False) -> Table:
    table = Table(
        title="claimgraph eval: percent, micro-averaged total", box=box.SIMPLE_HEAD, padding=(0, 1)
    )
    columns = [
        "article",
        "ent\nF1",
        "ent\ntype",
        "stmt\nP",
        "stmt\nR",
        "stmt\nF1",
        "said\non",
        "pol",
        "mode",
        "via",
        "evt\nP",
        "evt\nR",
        "evt\ndate",
    ]
    for i, name in enumerate(columns):
        if i == 0:
            table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=28)
        else:
            table.add_column(name, justify="right", no_wrap=True, min_width=4)
    for score in scores:
        if verbose or not score.skipped:
            table.add_row(*_row(score))
    table.add_section()
    table.add_row(*[f"[bold]{c}[/bold]" for c in _row(total)])
    return table


def _print_details(console: Console, scores: list[ArticleScore]) -> None:
    for score in scores:
        if score.skipped:
            continue
        d = score.details
        console.print(f"\n[bold]{escape(score.name)}[/bold]", highlight=False)
        for m in d["missed"]:
            console.print(
                f"  missed   {m['gold']} ({m['speaker'] or 'outlet'}): {m['note']}",
                markup=False,
                highlight=False,
            )
        for m in d["spurious"]:
            console.print(
                f"  spurious {m['predicted_id']} ({m['speaker'] or 'outlet'}): {m['text']}",
                markup=False,
                highlight=False,
            )
        for kind, label in (("missed_entities", "missed  "), ("spurious_entities", "spurious")):
            if d[kind]:
                names = ", ".join(f"{e['name']} ({e['type']})" for e in d[kind])
                console.print(f"  {label} entities: {names}", markup=False, highlight=False)
        for m in d["missed_events"]:
            console.print(
                f"  missed   event {m['gold']} {m['type']} {m['date']} "
                f"(got {m['predicted_date']}): {m['note']}",
                markup=False,
                highlight=False,
            )
        for m in d["mismatched"]:
            console.print(
                f"  wrong    {m['gold']} {m['field']}: gold {m['gold_value']}, "
                f"got {m['predicted']}",
                markup=False,
                highlight=False,
            )


def _suite_table(result: SuiteResult) -> Table:
    table = Table(
        title=f"{result.name}: percent, ours and the spaCy baseline",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
    )
    table.add_column("measure", no_wrap=True)
    for name in ("ours", "baseline", "n"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in result.rows:
        n = "" if row.n is None else str(row.n)
        table.add_row(escape(row.measure), _pct(row.ours), _pct(row.baseline), n)
    return table


def _articles_table(result: SuiteResult) -> Table:
    """Per-article attribution figures of the realnews suite (``--details``)."""
    table = Table(title="realnews: per article, percent", box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("article", no_wrap=True, overflow="ellipsis", max_width=40)
    for name in ("split", "gold", "P", "R", "spk", "base P", "base R", "base spk"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in result.detail.get("articles", []):
        o, b = row["ours"], row["baseline"]
        table.add_row(
            escape(row["article"]),
            row["split"],
            str(o["gold"]),
            _pct(o["precision"]),
            _pct(o["recall"]),
            _pct(o["speaker_right"]),
            _pct(b["precision"]),
            _pct(b["recall"]),
            _pct(b["speaker_right"]),
        )
    return table


CSV_COLUMNS = ("suite", "name", "measure", "ours", "baseline", "n")


def csv_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON report in long form, one figure a row: suite, name, measure, ours, baseline, n.

    Shipped gold gives each article's (and the TOTAL's) precision, recall and
    F1 per kind and its accuracies, with ``n`` the gold count; a suite gives
    its rows, ours beside the baseline.
    """
    rows: list[dict[str, Any]] = []
    for article in [*doc.get("articles", []), *([doc["total"]] if "total" in doc else [])]:
        for kind in ("entities", "statements", "events"):
            score = article.get(kind) or {}
            for measure in ("precision", "recall", "f1"):
                rows.append(
                    {"suite": "shipped", "name": article["name"], "measure": f"{kind} {measure}",
                     "ours": score.get(measure), "baseline": None, "n": score.get("gold")}
                )  # fmt: skip
        for name, acc in (article.get("accuracy") or {}).items():
            rows.append(
                {"suite": "shipped", "name": article["name"], "measure": f"{name} accuracy",
                 "ours": acc.get("value"), "baseline": None, "n": acc.get("total")}
            )  # fmt: skip
    for suite in doc.get("suites", []):
        for r in suite.get("rows", []):
            rows.append({"suite": suite["suite"], "name": "TOTAL", **r})
    return rows


def _run_suites(
    names: list[str], split: str | None, verbose: bool, systems: Systems
) -> list[SuiteResult]:
    from rich.progress import Progress

    results = []
    err = Console(stderr=True)
    with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
        for name in names:
            task = bar.add_task(f"{name}", total=None)

            def step(done: int, total: int, task: Any = task) -> None:
                bar.update(task, completed=done, total=total)

            result = run_suite(name, systems, progress=step, split=split)
            bar.remove_task(task)
            if result.missing and not verbose:
                continue
            results.append(result)
    return results


@main.command("eval")
@click.argument("gold", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--suite",
    "suite",
    type=click.Choice(["shipped", *SUITES, "all"]),
    default="shipped",
    show_default=True,
    help="shipped: the gold files given (default: the shipped set); realnews, meantime, "
    "re3d: real text, ours beside the spaCy baseline; all: every suite.",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default=None,
    help="Only this half of the real-news gold (default: both, reported apart).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format: tables to read; JSON, or CSV with one figure a row, to process.",
)
@click.option(
    "--details", is_flag=True, help="Also list missed, spurious and mismatched statements."
)
@click.option(
    "--min-f1",
    type=click.FloatRange(0, 1),
    default=None,
    help="Exit with status 1 when the total F1 (see --metric) is below this.",
)
@click.option(
    "--metric",
    type=click.Choice(_METRICS),
    default="statements",
    show_default=True,
    help="Which total F1 --min-f1 checks.",
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Also show suites and articles whose data is absent."
)
@handle_errors
def eval_cmd(
    gold: tuple[str, ...],
    suite: str,
    split: str | None,
    fmt: str,
    details: bool,
    min_f1: float | None,
    metric: str,
    verbose: bool,
) -> None:
    """Extract the articles of gold annotations and score the result.

    GOLD are gold files or folders of them (default: the gold set shipped
    with claimgraph). Entities, statements and events get precision, recall
    and F1; matched statements also get said_on, polarity, mode and channel
    accuracy. --suite realnews, meantime or re3d scores real reporting
    instead (read from ../shared/data beside a source checkout), our
    extractor and a bare spaCy baseline side by side; suites whose data is
    absent are left out unless -v. See docs/evaluation.md.

    Example:

    \b
        claimgraph eval
        claimgraph eval claimgraph/data/gold --format json --details
        claimgraph eval my-gold/ --min-f1 0.6
        claimgraph eval --suite meantime
        claimgraph eval --suite realnews --split dev --format json
        claimgraph eval --suite all -v
        claimgraph eval --format csv
    """
    doc: dict[str, Any] = {}
    scores: list[ArticleScore] = []
    total: ArticleScore | None = None
    console = Console(width=max(Console().width, 110))
    systems = Systems()  # one extractor for the shipped gold and the suites
    if suite in ("shipped", "all"):
        golds = load_gold(gold or shipped_gold_files())
        if not golds:
            raise click.ClickException("no gold files found")
        scores, total = evaluate(golds, extract=systems.ours if suite == "all" else None)
        doc = {"articles": [s.to_json(details) for s in scores], "total": total.to_json()}
        if fmt == "table":
            # Wide enough for the table when piped; real terminals report their own width.
            console.print(_table(scores, total, verbose))
            if details:
                _print_details(console, scores)
        if verbose:
            for s in scores:
                if s.skipped:
                    click.echo(f"warning: {s.name} {s.skipped}", err=True)
    if suite != "shipped":
        names = list(SUITES) if suite == "all" else [suite]
        results = _run_suites(names, split, verbose, systems)
        if suite != "all" and not results:
            raise click.ClickException(
                f"suite {suite}: its data is absent (run with -v to see where it was looked for)"
            )
        for result in results:
            for problem in result.problems:
                click.echo(f"error: {problem}", err=True)
            if verbose:
                for line in result.skipped:
                    click.echo(f"skipped: {line}", err=True)
            if fmt == "table":
                if result.missing:
                    console.print(
                        f"[dim]{escape(result.name)}: skipped, {escape(result.missing)}[/dim]"
                    )
                else:
                    console.print(_suite_table(result))
                    if details and result.name == "realnews":
                        console.print(_articles_table(result))
        doc["suites"] = [r.to_json() for r in results]
    if fmt == "json":
        click.echo(json.dumps(doc, indent=2))
    if fmt == "csv":
        click.echo(render(csv_rows(doc), "csv", CSV_COLUMNS))
    if min_f1 is not None and total is not None:
        achieved = getattr(total, metric).f1
        if achieved < min_f1:
            click.echo(f"{metric} F1 {achieved:.3f} is below --min-f1 {min_f1}", err=True)
            raise SystemExit(1)
