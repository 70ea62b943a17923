"""Turn one matched time expression into a value, a precision and an anchor.

Anchors name what a relative expression was resolved against:
``absolute`` (the text gave the full date), ``published:2020-10-04`` (the
article's publication date) or ``mention:2020-10-03@812`` (the day-exact date
mentioned last before it, starting at character 812).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.loaders.timex_calendar import (
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    add_months,
    day_value,
    month_value,
    nearest_year,
    range_value,
    week_value,
    weekday_after,
    weekday_before,
)
from claimgraph.loaders.timex_context import ABSOLUTE, UNRESOLVED, Context, Resolution
from claimgraph.loaders.timex_quarter import quarter

__all__ = ["Context", "Resolution", "resolve", "ABSOLUTE", "UNRESOLVED"]

_PAST_PERFECT = re.compile(r"(?i:\bhad\b(?!\s+(?:been\s+)?(?:said|reported)))")
_LEGAL = re.compile(
    r"(?i:\b(?:sentenced|jailed|prison|term|ban|banned|suspended|contract|lease|visa)\b)"
)


def _day(d: date, anchor: str, precision: str = "day") -> Resolution:
    return Resolution(day_value(d), precision, anchor, d, d)


def _month(d: date, anchor: str) -> Resolution:
    first = date(d.year, d.month, 1)
    return Resolution(
        month_value(d), "month", anchor, first, add_months(first, 1) - timedelta(days=1)
    )


def _year(year: int, anchor: str) -> Resolution:
    return Resolution(f"{year:04d}", "year", anchor, date(year, 1, 1), date(year, 12, 31))


def _week(d: date, anchor: str) -> Resolution:
    monday = d - timedelta(days=d.weekday())
    return Resolution(week_value(d), "week", anchor, monday, monday + timedelta(days=6))


def _range(first: date, last: date | None, anchor: str) -> Resolution:
    return Resolution(range_value(first, last), "range", anchor, first, last)


def _number(text: str) -> int:
    key = " ".join(text.lower().split())
    return NUMBERS[key] if key in NUMBERS else int(key)


def _shift(d: date, n: int, unit: str) -> date:
    unit = unit.lower()
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "decade":
        return add_months(d, 120 * n)
    return add_months(d, 12 * n)


def _in_unit(d: date, unit: str, anchor: str) -> Resolution:
    unit = unit.lower()
    if unit == "day":
        return _day(d, anchor)
    if unit == "week":
        return _week(d, anchor)
    if unit == "month":
        return _month(d, anchor)
    return _year(d.year, anchor)


def _past_year(month: int, day: int, base: date) -> date | None:
    """In a past-tense clause, the latest ``month``/``day`` not after ``base`` (two days' grace)."""
    for year in (base.year, base.year - 1):
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when <= base + timedelta(days=2):
            return when
    return None


def _calendar_day(m: re.Match[str], ctx: Context, day_group: str = "day") -> Resolution | None:
    """A month and day, with the year written, borrowed from context, or unknown."""
    month = MONTHS[m["mon"].rstrip(".")]
    day = int(m[day_group])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        try:
            return _day(date(int(m["year"]), month, day), ABSOLUTE)
        except ValueError:
            return None
    narrative = _narrative_year(ctx)
    if ctx.year_hint is not None:
        base, anchor = ctx.year_hint, ABSOLUTE
    elif narrative is not None:
        base, anchor, whole_year = narrative
        if whole_year:  # "In 2008 ... on July 30": that year's
            try:
                return _day(date(base.year, month, day), anchor)
            except ValueError:
                return None
    elif ctx.published is not None:
        base, anchor = ctx.published, ctx.pub_anchor()
    elif ctx.mention is not None:
        base, anchor = ctx.mention[0], f"mention:{ctx.mention[0]}@{ctx.mention[1]}"
    else:
        try:
            date(2000, month, day)  # still reject "February 31"
        except ValueError:
            return None
        return UNRESOLVED
    when = _past_year(month, day, base) if ctx.past else None
    when = when or nearest_year(month, day, base, future=ctx.future)
    return _day(when, anchor) if when else None


def _narrative_year(ctx: Context) -> tuple[date, str, bool] | None:
    """The narrative's reference time when it lies in another year than the publication.

    Returns its day, its anchor and whether only the year is known.
    """
    if ctx.narrative is None:
        return None
    day, precision, offset = ctx.narrative
    if ctx.published is not None and day.year == ctx.published.year:
        return None
    return day, f"narrative:{day}@{offset}", precision == "year"


def _weekday_base(ctx: Context) -> tuple[date, str] | None:
    """The day a weekday counts from: a narrated day far from publication, else publication."""
    if ctx.narrative is not None and ctx.narrative[1] in ("day", "time"):
        day, _precision, offset = ctx.narrative
        if ctx.published is None or abs((day - ctx.published).days) > 7:
            return day, f"narrative:{day}@{offset}"
    if ctx.published is None:
        return None
    return ctx.published, ctx.pub_anchor()


def _weekday(m: re.Match[str], ctx: Context) -> Resolution:
    base = _weekday_base(ctx)
    if base is None:
        return UNRESOLVED
    day, anchor = base
    weekday = WEEKDAYS[m["wd"]]
    mod = " ".join((m["wmod"] or "").lower().split())
    if mod in ("last", "past", "this past"):
        when = weekday_before(day, weekday, strict=True)
    elif mod in ("next", "coming", "this coming"):
        when = weekday_after(day, weekday)
    elif ctx.future:
        # "will meet on Friday" in a Friday report: that day, not a week later.
        when = day if day.weekday() == weekday else weekday_after(day, weekday)
    else:
        when = weekday_before(day, weekday)
    return _day(when, anchor, "part_of_day" if m["pod"] else "day")


def _deictic(m: re.Match[str], ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    word = " ".join(m["deixis"].lower().split())
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    part = m["pod"] or word in ("tonight", "overnight", "last night") or word.startswith("this")
    return _day(
        ctx.published + timedelta(days=offset), ctx.pub_anchor(), "part_of_day" if part else "day"
    )


def _weekend(saturday: date, anchor: str) -> Resolution:
    return _range(saturday, saturday + timedelta(days=1), anchor)


def _unit(m: re.Match[str], ctx: Context, text: str) -> Resolution:
    if m["wkend"] or m["wkend2"]:
        mod, unit = "this", "weekend"  # "over the weekend"
    else:
        mod, unit = " ".join(m["umod"].lower().split()), m["unit"].lower()
    if mod in ("the previous", "the prior", "the following", "the next", "the same", "that"):
        ref = ctx.reference()
        if ref is None:
            return UNRESOLVED
        base, anchor = ref
        step = {"the previous": -1, "the prior": -1, "the following": 1, "the next": 1}.get(mod, 0)
    else:
        if ctx.published is None:
            return UNRESOLVED
        base, anchor = ctx.published, ctx.pub_anchor()
        step = {"last": -1, "next": 1, "the coming": 1}.get(mod, 0)
        if mod == "the past" and unit != "weekend":
            return _range(_shift(base, -1, unit), base, anchor)
    if unit == "weekend":
        if step < 0 or (step == 0 and not ctx.future):
            saturday = weekday_before(base, 5, strict=step < 0 and base.weekday() >= 5)
        else:
            saturday = (
                weekday_after(base, 5)
                if base.weekday() < 5 or step > 0
                else weekday_before(base, 5)
            )
        return _weekend(saturday, anchor)
    return _in_unit(_shift(base, step, unit), unit, anchor)


def _relday(m: re.Match[str], ctx: Context) -> Resolution:
    ref = ctx.reference()
    if ref is None:
        return UNRESOLVED
    base, anchor = ref
    word = (m["rd"] or m["ba"] or "").lower()
    step = {"previous": -1, "prior": -1, "before": -1, "next": 1, "following": 1, "after": 1}.get(
        word, 0
    )
    unit = (m["rdu"] or m["that"] or "day").lower()
    return _day(base + timedelta(days=step), anchor, "day" if unit == "day" else "part_of_day")


_THAN_PLANNED = re.compile(
    r"(?i:\s+than\s+(?:originally\s+|initially\s+|first\s+)?(?:planned|scheduled|expected|"
    r"anticipated|announced|forecast))"
)


def _shifted(m: re.Match[str], ctx: Context, text: str = "") -> Resolution:
    n = _number(m["n"])
    direction = m["dir"].lower()
    if direction in ("later", "earlier") and ctx.mention and _THAN_PLANNED.match(text, m.end()):
        # "arrives on November 11, three days later than planned": November 11 itself.
        day, offset = ctx.mention
        return _day(day, f"mention:{day}@{offset}")
    if direction == "ago":
        if ctx.published is None:
            return UNRESOLVED
        base, anchor = ctx.published, ctx.pub_anchor()
    else:
        ref = ctx.reference()
        if ref is None:
            return UNRESOLVED
        base, anchor = ref
    sign = 1 if direction in ("later", "after") else -1
    unit = m["unit"].lower()
    when = _shift(base, sign * n, unit)
    return _day(when, anchor) if unit in ("day", "week") else _in_unit(when, unit, anchor)


def _duration(m: re.Match[str], ctx: Context, text: str) -> Resolution | None:
    # A stretch of time ending now: "raged for a week", "nine days of fighting".
    if ctx.future or _LEGAL.search(text, max(0, m.start() - 60), m.start()):
        return None
    if _PAST_PERFECT.search(text, max(0, m.start() - 60), m.start()):
        return None  # "had worked there for 25 years": a stretch that ended before
    if ctx.published is None:
        return UNRESOLVED
    n = _number(m["n"] or m["n2"])
    unit = (m["unit"] or m["unit2"]).lower()
    start = _shift(ctx.published, -n, unit)
    return _range(start, ctx.published, ctx.pub_anchor())


def _decade(m: re.Match[str], ctx: Context) -> Resolution:
    if m["cen"]:
        first, anchor = int(m["cen"]) * 100 + int(m["dec"]) * 10, ABSOLUTE
    else:
        digit = int(m["sdec"] or m["bdec"])
        year = ctx.published.year if ctx.published else 1999
        first = 2000 + digit * 10 if 2000 + digit * 10 <= year else 1900 + digit * 10
        anchor = ctx.pub_anchor() if ctx.published else ABSOLUTE
    return Resolution(f"{first}s", "decade", anchor, date(first, 1, 1), date(first + 9, 12, 31))


def _month_only(m: re.Match[str], ctx: Context) -> Resolution:
    month = MONTHS[m["mon"]]
    mod = " ".join((m["mmod"] or "").lower().split())
    narrative = None if ctx.year_hint else _narrative_year(ctx)
    base = ctx.year_hint or (narrative[0] if narrative else ctx.published)
    if base is None:
        return UNRESOLVED
    anchor = ABSOLUTE if ctx.year_hint else narrative[1] if narrative else ctx.pub_anchor()
    if narrative is not None and narrative[2] and not mod and not m["myear"]:
        return _month(date(base.year, month, 1), anchor)  # "In 2008 ... in March"
    if m["myear"]:
        year = base.year + {"last": -1, "next": 1}.get(m["myear"].lower(), 0)
    elif mod in ("last", "the past", "the previous"):
        year = base.year if month < base.month else base.year - 1
    elif mod in ("next", "the coming", "the following"):
        year = base.year if month > base.month else base.year + 1
    elif mod == "this":
        year = base.year
    else:
        when = _past_year(month, 1, base) if ctx.past else None
        when = when or nearest_year(month, 15, base, future=ctx.future)
        year = when.year  # type: ignore[union-attr]
    return _month(date(year, month, 1), anchor)


def resolve(kind: str, m: re.Match[str], ctx: Context, text: str) -> Resolution | None:
    """The meaning of a match of rule ``kind``; ``None`` when it is no date after all."""
    if kind == "iso":
        try:
            return _day(date(int(m["year"]), int(m["month"]), int(m["day"])), ABSOLUTE)
        except ValueError:
            return None
    if kind in ("md", "dm"):
        return _calendar_day(m, ctx)
    if kind in ("md_range", "dm_range"):
        first, last = _calendar_day(m, ctx), _calendar_day(m, ctx, "day2")
        if first is None or last is None:
            return None
        if first.first is None or last.first is None:
            return UNRESOLVED
        if last.first < first.first:
            return None
        return _range(first.first, last.first, first.anchor or ABSOLUTE)
    if kind == "my":
        return _month(date(int(m["year"]), MONTHS[m["mon"].rstrip(".")], 1), ABSOLUTE)
    if kind == "month":
        return _month_only(m, ctx)
    if kind == "weekday":
        return _weekday(m, ctx)
    if kind == "deictic":
        return _deictic(m, ctx)
    if kind == "unit":
        return _unit(m, ctx, text)
    if kind == "relday":
        return _relday(m, ctx)
    if kind == "shift":
        return _shifted(m, ctx, text)
    if kind == "since_then":
        if ctx.mention is None:
            return UNRESOLVED
        day, offset = ctx.mention
        return _range(day, ctx.published, f"mention:{day}@{offset}")
    if kind == "duration":
        return _duration(m, ctx, text)
    if kind == "year":
        return _year(int(m["year"]), ABSOLUTE)
    if kind == "short_year":
        digits = int(m["yy"])
        now = ctx.published.year if ctx.published else 1999
        year = 2000 + digits if 2000 + digits <= now else 1900 + digits
        return _year(year, ctx.pub_anchor() if ctx.published else ABSOLUTE)
    if kind == "decade":
        return _decade(m, ctx)
    if kind == "quarter":
        return quarter(m, ctx)
    raise ValueError(f"unknown time rule {kind!r}")
