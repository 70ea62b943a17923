"""Printing query rows as a table, JSON or CSV.

JSON and CSV carry every column, with dates as ISO strings; CSV joins lists
with "; ". Tables show the columns a person reads first and wrap long text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

import click
from rich.console import Console
from rich.table import Table

__all__ = [
    "FORMATS",
    "format_option",
    "json_alias_option",
    "jsonable",
    "render",
    "echo_rows",
    "cell",
]

FORMATS = ("table", "json", "csv")
# Keys a reader copies into another command (`claimgraph incident KEY`), and
# dates: never broken across lines.
KEY_COLUMNS = frozenset({"incident", "key", "statement", "date", "said_on", "published"})
# Columns of sentences from articles.
PROSE_COLUMNS = frozenset({"text", "claim", "claim_a", "claim_b", "summary", "quote"})

F = Callable[..., Any]


def format_option(func: F) -> F:
    """``--format table|json|csv``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format: a table to read, JSON or CSV to process.",
    )(func)


def json_alias_option(func: F) -> F:
    """``--json``, kept from before ``--format`` for scripts that use it."""
    return click.option("--json", "as_json", is_flag=True, help="The same as --format json.")(func)


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, recursively."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def cell(value: Any) -> str:
    """One value as text for a table or CSV cell."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(jsonable(value), ensure_ascii=False)
    return str(value)


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    width: int | None = None,
) -> str:
    """Rows as text in ``fmt``; ``columns`` picks and orders the table's columns."""
    if fmt == "json":
        return json.dumps([jsonable(r) for r in rows], ensure_ascii=False, indent=2)
    keys = list(rows[0].keys()) if rows else list(columns or [])
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(keys)
        for r in rows:
            writer.writerow([cell(r.get(k)) for k in keys])
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    shown = [c for c in (columns or keys) if not rows or c in rows[0]]
    table = Table(title=title, show_lines=False, expand=False, header_style="bold")
    width = width or _terminal_width()
    # What was said is what a reader reads: a table with one column of it
    # keeps a quarter of the width for it when the table must shrink.
    prose = [c for c in shown if c in PROSE_COLUMNS]
    keep = _prose_width(rows, shown, prose[0], width) if len(prose) == 1 else None
    for c in shown:
        # a fixed width: rich's shrinking takes from the other columns first;
        # keys stay on one line, to be copied into the next command
        table.add_column(
            c, overflow="fold", width=keep if c in prose else None, no_wrap=c in KEY_COLUMNS
        )
    for r in rows:
        table.add_row(*(cell(r.get(c)) for c in shown))
    console = Console(
        file=io.StringIO(),
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=False,
        color_system=None,
    )
    console.print(table)
    text = console.file.getvalue().rstrip("\n")  # type: ignore[attr-defined]
    if not rows:
        text += "\n(no rows)"
    return text


def _prose_width(rows: Sequence[dict[str, Any]], shown: list[str], prose: str, width: int) -> int:
    """A quarter of ``width`` for the prose column, less if the others' longest words need it."""
    others = 3 * len(shown) + 1  # borders and padding
    for c in shown:
        if c != prose:
            words = [c, *(w for r in rows for w in cell(r.get(c)).split())]
            others += max(len(w) for w in words)
    longest = max((len(cell(r.get(prose))) for r in rows), default=0)
    return max(10, min(width // 4, width - others, longest))


def _terminal_width() -> int:
    import shutil

    return max(100, shutil.get_terminal_size((160, 40)).columns)


def echo_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> None:
    """Print rows to stdout in ``fmt``."""
    click.echo(render(rows, fmt, columns, title))
