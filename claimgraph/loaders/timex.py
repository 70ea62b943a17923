"""Find and normalise time expressions in news text.

``find_times(text, published)`` returns every date-like expression with its
character offsets, an ISO 8601 value, a precision and the anchor it was
resolved against; ``value_to_range`` turns a value back into days. Pure
Python and regular expressions: fast enough to run on every article. The
rules are described for users in ``docs/time.md``.

Relative expressions are resolved in reading order: "the previous day" and
"two days later" count from the day-exact date mentioned last before them
(falling back to the publication date), everything deictic ("yesterday", "on
Sunday", "last week") from the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from claimgraph.loaders.timex_calendar import range_value, value_to_range
from claimgraph.loaders.timex_resolve import ABSOLUTE, Context, Resolution, resolve
from claimgraph.loaders.timex_rules import PREFIX, RULES, accept, is_future
from claimgraph.schema.records import TimeExpression

__all__ = ["find_times", "value_to_range"]

_PREFIX_WINDOW = 50
_RANGE_JOIN = re.compile(r"[ \t]*(?:-|–|—|to|until|till|through|and)[ \t]*")
_DATED_JOIN = re.compile(r",?[ \t]*\(?[ \t]*")
_DAY_KINDS = ("md", "dm", "iso")


@dataclass
class _Hit:
    kind: str
    match: re.Match[str]
    order: int

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()


@dataclass
class _Group:
    """One expression: a single hit, a range of two, or a weekday with its date."""

    hits: list[_Hit]
    how: str = "single"  # single, range, dated
    prefix: re.Match[str] | None = None
    span: tuple[int, int] = (0, 0)
    notes: dict[str, str] = field(default_factory=dict)


def _candidates(text: str) -> list[_Hit]:
    hits = [
        _Hit(rule.kind, m, order)
        for order, rule in enumerate(RULES)
        for m in rule.pattern.finditer(text)
        if m.end() > m.start() and accept(rule.kind, m, text)
    ]
    # Leftmost first, then longest, then the rule listed first.
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.order))
    chosen: list[_Hit] = []
    for hit in hits:
        if chosen and hit.start < chosen[-1].end:
            continue
        chosen.append(hit)
    return chosen


def _prefix(text: str, start: int) -> re.Match[str] | None:
    return PREFIX.search(text, max(0, start - _PREFIX_WINDOW), start)


def _groups(text: str, hits: list[_Hit]) -> list[_Group]:
    groups: list[_Group] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        group = _Group([hit], prefix=_prefix(text, hit.start))
        if nxt is not None:
            between = text[hit.end : nxt.start]
            joiner = _RANGE_JOIN.fullmatch(between)
            after_between = bool(group.prefix is not None and group.prefix["between"])
            if hit.kind == "weekday" and nxt.kind in _DAY_KINDS and _DATED_JOIN.fullmatch(between):
                group = _Group([hit, nxt], "dated", group.prefix)
            elif (
                joiner
                and hit.kind
                not in ("weekday", "deictic", "relday", "shift", "duration", "since_then")
                and nxt.kind not in ("relday", "shift", "duration", "since_then", "unit")
                and ("and" not in between or after_between)
            ):
                group = _Group([hit, nxt], "range", group.prefix)
        end = group.hits[-1].end
        if group.how == "dated" and text.startswith(")", end) and "(" in text[hit.end : end]:
            end += 1
        keep_prefix = group.prefix is not None and (
            group.how == "range" or not (group.prefix["from"] or group.prefix["between"])
        )
        if not keep_prefix:
            group.prefix = None
        start = group.prefix.start() if group.prefix is not None else hit.start
        group.span = (start, end)
        groups.append(group)
        i += len(group.hits)
    return groups


def _pub_or(ctx: Context, anchor: str | None) -> str:
    return ctx.pub_anchor() if ctx.published is not None else (anchor or ABSOLUTE)


def _apply_prefix(res: Resolution, prefix: re.Match[str], ctx: Context) -> Resolution:
    if prefix["since"]:
        if res.first is None:
            return res
        if ctx.published is not None and res.first > ctx.published:
            return res
        anchor = _pub_or(ctx, res.anchor) if res.anchor == ABSOLUTE else res.anchor
        return Resolution(
            range_value(res.first, ctx.published), "range", anchor, res.first, ctx.published
        )
    part_of_day = (
        prefix["pod"]
        or prefix["podn"]
        or prefix["overnight"]
        or prefix["coarse"]
        or prefix["daypart"]
    )
    if part_of_day and res.precision == "day":
        return Resolution(res.value, "part_of_day", res.anchor, res.first, res.last)
    return res


def _resolve_group(group: _Group, ctx: Context, text: str) -> Resolution | None:
    first = group.hits[0]
    if group.how == "dated":
        res = resolve(group.hits[1].kind, group.hits[1].match, ctx, text)
    elif group.how == "range":
        last = resolve(group.hits[1].kind, group.hits[1].match, ctx, text)
        if last is not None and last.first is not None and last.anchor == ABSOLUTE:
            ctx.year_hint = last.first  # "September 27 to October 4, 2020"
        head = resolve(first.kind, first.match, ctx, text)
        ctx.year_hint = None
        if head is None or last is None:
            return None
        if head.first is None or last.first is None:
            res = Resolution(None, None, None)
        else:
            end = last.last or last.first
            if end < head.first:
                return None
            anchor = head.anchor if head.anchor != ABSOLUTE else last.anchor
            res = Resolution(range_value(head.first, end), "range", anchor, head.first, end)
        return res
    else:
        res = resolve(first.kind, first.match, ctx, text)
    if res is None:
        return None
    if group.prefix is not None:
        res = _apply_prefix(res, group.prefix, ctx)
    return res


def find_times(text: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, normalised against ``published``.

    Expressions that cannot be resolved (a weekday in an undated article)
    are still returned, with ``value``, ``precision`` and ``anchor`` set to
    ``None``. Expressions that look like dates but are not (an invalid day,
    "May" as a name) are left out.
    """
    ctx = Context(published)
    found: list[TimeExpression] = []
    for group in _groups(text, _candidates(text)):
        start, end = group.span
        ctx.future = is_future(text, start, end)
        res = _resolve_group(group, ctx, text)
        if res is None:
            continue
        found.append(
            TimeExpression(text[start:end], start, end, res.value, res.precision, res.anchor)
        )
        if res.precision in ("day", "part_of_day") and res.first is not None:
            ctx.mention = (res.first, start)
    return found
