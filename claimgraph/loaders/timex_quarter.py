"""Quarters: "the fourth quarter", "Q3 2009", "last quarter"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.loaders.timex_calendar import add_months
from claimgraph.loaders.timex_context import ABSOLUTE, UNRESOLVED, Context, Resolution

__all__ = ["quarter"]


def _quarter_cost(first: date, anchor: date, future: bool) -> int:
    last = add_months(first, 3) - timedelta(days=1)
    if first <= anchor <= last:
        return 0
    if last < anchor:
        return (anchor - last).days * (2 if future else 1)
    return (first - anchor).days * (1 if future else 2)


def _relative_quarter(m: re.Match[str], ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["qrel"].lower(), 0)
    first = add_months(
        date(ctx.published.year, 3 * ((ctx.published.month - 1) // 3) + 1, 1), 3 * step
    )
    last = add_months(first, 3) - timedelta(days=1)
    return Resolution(
        f"{first.year:04d}-Q{(first.month + 2) // 3}", "range", ctx.pub_anchor(), first, last
    )


def quarter(m: re.Match[str], ctx: Context) -> Resolution:
    """The quarter a match of the ``quarter`` rule names."""
    if m["qrel"]:
        return _relative_quarter(m, ctx)
    word = (m["qn"] or m["qd"] or "").lower()
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(word, 4)
    if word.isdigit():
        number = int(word)
    written = " ".join((m["qy"] or m["qy2"] or "").lower().split())
    anchor = ABSOLUTE
    if written.isdigit():
        year = int(written)
    elif ctx.published is None:
        return UNRESOLVED
    else:
        anchor = ctx.pub_anchor()
        year = ctx.published.year + {"last year": -1, "next year": 1}.get(written, 0)
        if not written:
            # The nearest such quarter, the past preferred: "the fourth quarter"
            # in a January report is the one just ended, in August the coming one.
            year = min(
                (year - 1, year, year + 1),
                key=lambda y: _quarter_cost(date(y, 3 * number - 2, 1), ctx.published, ctx.future),  # type: ignore[arg-type]
            )
    first = date(year, 3 * number - 2, 1)
    last = add_months(first, 3) - timedelta(days=1)
    return Resolution(f"{year:04d}-Q{number}", "range", anchor, first, last)
