"""Find and normalise time expressions in news text.

``find_times(text, published, doc=None)`` returns every time expression with
its character offsets, its ISO-TimeML value and type (DATE, TIME, DURATION,
SET), the ISO 8601 calendar value claimgraph dates by, a precision and the
anchor it was resolved against; ``value_to_range`` turns a value back into
days. Regular expressions (``timex_rules``, ``timex_extra``), searched near
their keywords (``timex_scan``): fast enough to run on every article. The
rules are described for users in ``docs/time.md``.

Relative expressions are resolved in reading order: "the previous day" and
"two days later" count from the day-exact date mentioned last before them,
year-less dates from the narrative's last absolute date when the story is set
in another year, everything deictic ("yesterday", "on Sunday", "last week")
from the publication date. The spaCy ``doc``, when given, supplies the tense
of the verb each expression modifies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from claimgraph.loaders.timex_calendar import range_value, value_to_range
from claimgraph.loaders.timex_extra import EXTRA_KINDS, EXTRA_RULES, accept_extra
from claimgraph.loaders.timex_extra_resolve import duration_value, resolve_extra, with_clock
from claimgraph.loaders.timex_resolve import ABSOLUTE, Context, Resolution, resolve
from claimgraph.loaders.timex_rules import PREFIX, RULES, accept, is_future
from claimgraph.loaders.timex_scan import keywords, matches
from claimgraph.loaders.timex_tense import clause_tense
from claimgraph.loaders.timex_timeml import timeml_of, with_part_of_day
from claimgraph.schema.records import TimeExpression

__all__ = ["find_times", "value_to_range"]

_PREFIX_WINDOW = 50
_RANGE_JOIN = re.compile(r"[ \t]*(?:-|–|—|to|until|till|through|and)[ \t]*")
_DATED_JOIN = re.compile(r",?[ \t]*\(?[ \t]*")
_DAY_KINDS = ("md", "dm", "iso")
_CLOCK_DAYS = ("weekday", "deictic", "md", "dm", "iso", "usdate", "relday")
_CLOCK_THEN_DAY = re.compile(r"[ \t]*(?:,[ \t]*)?(?:on[ \t]+)?")
_DAY_THEN_CLOCK = re.compile(r"[ \t]*,?[ \t]*(?:at[ \t]+|around[ \t]+)?")
_NO_RANGE_FIRST = frozenset(
    ("weekday", "deictic", "relday", "shift", "duration", "since_then", "clock", "ref", "set", "dur",
     "sameperiod", "theyear")
)  # fmt: skip
_NO_RANGE_LAST = frozenset(
    ("relday", "shift", "duration", "since_then", "unit", "clock", "ref", "set", "dur",
     "sameperiod", "theyear")
)  # fmt: skip
_ALL_RULES = RULES + EXTRA_RULES
# A year that opens a sentence sets the narrative's time: "In 2008, sales fell."
_CLAUSE_LEAD = re.compile(
    r"(?:\A|[.!?]\s+|\n\s*)(?:(?:In|By|During|Throughout|Early\s+in|Late\s+in|Back\s+in)\s+)?\Z"
)
_DEICTIC_KINDS = ("deictic", "weekday", "unit", "shift")
_UNTIL = re.compile(r"(?i:\b(?:until|till)\s+)\Z")


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
    index = keywords(text)
    hits = [
        _Hit(rule.kind, m, order)
        for order, rule in enumerate(_ALL_RULES)
        for m in matches(rule.kind, rule.pattern, text, index)
        if m.end() > m.start()
        and (
            accept_extra(rule.kind, m, text)
            if rule.kind in EXTRA_KINDS
            else accept(rule.kind, m, text)
        )
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
                hit.kind == "clock"
                and nxt.kind in _CLOCK_DAYS
                and _CLOCK_THEN_DAY.fullmatch(between)
            ) or (
                nxt.kind == "clock"
                and hit.kind in _CLOCK_DAYS
                and _DAY_THEN_CLOCK.fullmatch(between)
            ):
                group = _Group([hit, nxt], "timed", group.prefix)
            elif (
                joiner
                and hit.kind not in _NO_RANGE_FIRST
                and nxt.kind not in _NO_RANGE_LAST
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
    """ "since X" becomes a range to publication; "early on", "the morning of" a part of day.

    The TimeML value stays the one of X itself: TimeML marks "since" as a signal.
    """
    if prefix["since"]:
        if res.first is None:
            return res
        if ctx.published is not None and res.first > ctx.published:
            return res
        anchor = _pub_or(ctx, res.anchor) if res.anchor == ABSOLUTE else res.anchor
        return Resolution(
            range_value(res.first, ctx.published),
            "range",
            anchor,
            res.first,
            ctx.published,
            res.timeml,
            res.ttype,
        )
    part_of_day = (
        prefix["pod"]
        or prefix["podn"]
        or prefix["overnight"]
        or prefix["coarse"]
        or prefix["daypart"]
    )
    if part_of_day and res.precision == "day":
        timeml, ttype = res.timeml, res.ttype
        if prefix["podn"]:  # "on the morning of October 4"
            timeml, ttype = with_part_of_day(res, prefix["podn"])
        return Resolution(res.value, "part_of_day", res.anchor, res.first, res.last, timeml, ttype)
    return res


def _one(hit: _Hit, ctx: Context, text: str) -> Resolution | None:
    """One hit resolved, with its TimeML value and type."""
    if hit.kind in EXTRA_KINDS:
        return resolve_extra(hit.kind, hit.match, ctx, text)
    res = resolve(hit.kind, hit.match, ctx, text)
    if res is None and hit.kind == "duration":
        # A stretch that does not end at publication ("will last five years") has no
        # days, but it is still a duration.
        m = hit.match
        return Resolution(
            None,
            None,
            None,
            timeml=duration_value(m["n"] or m["n2"], m["unit"] or m["unit2"]),
            ttype="DURATION",
        )
    if res is None:
        return None
    res.timeml, res.ttype = timeml_of(hit.kind, hit.match, res)
    return res


_Piece = tuple[int, int, Resolution]


def _resolve_group(group: _Group, ctx: Context, text: str) -> list[_Piece]:
    """The expressions of one group: one, or the two ends of a range, each with its span."""
    first = group.hits[0]
    start, end = group.span
    if group.how == "dated":
        res = _one(group.hits[1], ctx, text)
    elif group.how == "timed":
        day_hit, clock_hit = group.hits if group.hits[1].kind == "clock" else group.hits[::-1]
        day, clock = _one(day_hit, ctx, text), _one(clock_hit, ctx, text)
        if day is None or clock is None:
            return []
        res = with_clock(day, clock)
        if day_hit.kind in _DAY_KINDS or day_hit.kind == "usdate":
            # "16:15 UTC June 1st": a written date is its own expression; the clock takes its day.
            pieces = [(clock_hit.start, clock_hit.end, res), (day_hit.start, day_hit.end, day)]
            return sorted(pieces, key=lambda p: p[0])
    elif group.how == "range":
        second = group.hits[1]
        last = _one(second, ctx, text)
        if last is not None and last.first is not None and last.anchor == ABSOLUTE:
            ctx.year_hint = last.first  # "September 27 to October 4, 2020"
        head = _one(first, ctx, text)
        ctx.year_hint = None
        if head is None or last is None:
            return []
        if head.first is not None and last.first is not None:
            stop = last.last or last.first
            if stop < head.first:
                return []
            anchor = head.anchor if head.anchor != ABSOLUTE else last.anchor
            value = range_value(head.first, stop)
            # TimeML marks each end: "2009-2010" is 2009 and 2010. Both keep the whole range.
            head = Resolution(value, "range", anchor, head.first, stop, head.timeml, head.ttype)
            last = Resolution(value, "range", anchor, head.first, stop, last.timeml, last.ttype)
        return [(start, first.end, head), (second.start, end, last)]
    else:
        res = _one(first, ctx, text)
    if res is None:
        return []
    if group.prefix is not None:
        res = _apply_prefix(res, group.prefix, ctx)
    return [(start, end, res)]


def _tense(doc: Any, text: str, start: int, end: int) -> tuple[bool, bool]:
    """(future, past) of the clause: from the governing verb in ``doc``, else from cue words."""
    if doc is not None:
        tense = clause_tense(doc, start, end)
        if tense == "past" and _UNTIL.search(text, max(0, start - 12), start):
            return True, False  # "has kept the markets closed until Friday": an end still ahead
        if tense in ("future", "past"):
            return tense == "future", tense == "past"
    return is_future(text, start, end), False


def _track(ctx: Context, group: _Group, res: Resolution, start: int, text: str) -> None:
    """Move the reference times on after one expression."""
    if res.precision in ("day", "part_of_day", "time") and res.first is not None:
        ctx.mention = (res.first, start)
    if res.first is not None and res.timeml and res.ttype in ("DATE", "TIME"):
        ctx.last, ctx.last_at = res, start
    kind = group.hits[-1].kind if group.how == "dated" else group.hits[0].kind
    prefixed = group.prefix is not None and (group.prefix["since"] or group.prefix["from"])
    # Only a date before publication starts a narrative: plans ("to launch in November
    # 2006") do not move the story's time.
    before = res.last is not None and (ctx.published is None or res.last < ctx.published)
    absolute = res.anchor == ABSOLUTE and res.first is not None
    if absolute and res.first is not None and before and group.how != "range" and not prefixed:
        if res.precision in ("day", "part_of_day", "time", "month", "season"):
            ctx.narrative = (res.first, res.precision or "day", start)
        elif res.precision == "year" and _CLAUSE_LEAD.search(text, max(0, start - 40), start):
            ctx.narrative = (res.first, "year", start)
    elif kind in _DEICTIC_KINDS and (res.anchor or "").startswith("published"):
        ctx.narrative = None  # back in the reporter's present


def find_times(text: str, published: date | None, doc: Any = None) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, normalised against ``published``.

    Each carries an ISO-TimeML ``timeml`` value and ``type`` (DATE, TIME,
    DURATION, SET) beside the ISO 8601 calendar ``value`` claimgraph dates
    by. ``doc``, the spaCy parse of ``text``, lets the tense of the governing
    verb decide between the past and the next weekday or month; without it a
    list of future cue words does. Expressions that cannot be resolved (a
    weekday in an undated article) are still returned, with ``value``,
    ``precision`` and ``anchor`` set to ``None``. Expressions that look like
    dates but are not (an invalid day, "May" as a name) are left out.

    Example:

        >>> [t.timeml for t in find_times("It opened last summer.", date(2013, 3, 22))]
        ['2012-SU']
    """
    ctx = Context(published)
    found: list[TimeExpression] = []
    for group in _groups(text, _candidates(text)):
        start, end = group.span
        ctx.future, ctx.past = _tense(doc, text, start, end)
        for a, b, res in _resolve_group(group, ctx, text):
            found.append(
                TimeExpression(
                    text[a:b], a, b, res.value, res.precision, res.anchor, res.ttype, res.timeml
                )
            )
            _track(ctx, group, res, a, text)
    return found
