"""Calendar arithmetic and the ISO 8601 value strings of time expressions.

Values are ISO 8601 where ISO has a form: ``2020-10-04`` (day), ``2020-10``
(month), ``2020-W40`` (ISO week), ``2020`` (year), ``2020-Q4`` (quarter) and
``2020-09-27/2020-10-04`` (a range of days, ``..`` for an open end). A decade
is written ``1990s``. A part of day keeps the plain date as its value; the
precision ``part_of_day`` says the rest.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "NUMBERS",
    "add_months",
    "day_value",
    "month_value",
    "week_value",
    "range_value",
    "value_to_range",
    "nearest_year",
    "weekday_before",
    "weekday_after",
    "month_before",
    "month_after",
    "timeml_range",
]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    )
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a few": 3, "few": 3, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "one hundred": 100, "a dozen": 12, "two dozen": 24,
}  # fmt: skip


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def range_value(start: date, end: date | None) -> str:
    return f"{start.isoformat()}/{end.isoformat() if end else '..'}"


def nearest_year(month: int, day: int, anchor: date, *, future: bool = False) -> date | None:
    """The ``month``/``day`` a news report dated ``anchor`` most likely means.

    News mostly looks back, so a date in the past costs its distance and one
    in the future twice its distance: "December 30" in a report of January 2
    is last year's, "January 3" in a report of December 30 is next year's,
    "March 1" in a report of September 1 is this year's. In a clause about
    the future (``future``) the weights swap.
    """
    best: tuple[int, date] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # February 29 outside a leap year
        distance = (candidate - anchor).days
        if future:
            cost = distance if distance >= 0 else -2 * distance
        else:
            cost = -distance if distance <= 0 else 2 * distance
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def weekday_before(anchor: date, weekday: int, *, strict: bool = False) -> date:
    """The latest ``weekday`` on (or, with ``strict``, before) ``anchor``."""
    back = (anchor.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def weekday_after(anchor: date, weekday: int) -> date:
    """The first ``weekday`` after ``anchor``."""
    ahead = (weekday - anchor.weekday()) % 7 or 7
    return anchor + timedelta(days=ahead)


def month_before(anchor: date, month: int, *, strict: bool) -> date:
    """The first day of the latest ``month`` on (or strictly before) ``anchor``'s month."""
    year = (
        anchor.year
        if (month < anchor.month or (month == anchor.month and not strict))
        else anchor.year - 1
    )
    return date(year, month, 1)


def month_after(anchor: date, month: int) -> date:
    """The first day of the first ``month`` after ``anchor``'s month."""
    year = anchor.year if month > anchor.month else anchor.year + 1
    return date(year, month, 1)


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"(\d{3})0s")


def _single(value: str) -> tuple[date, date | None, str] | None:
    try:
        if m := _DAY.fullmatch(value):
            return date(int(m[1]), int(m[2]), int(m[3])), None, "day"
        if m := _MONTH.fullmatch(value):
            start = date(int(m[1]), int(m[2]), 1)
            return start, add_months(start, 1) - timedelta(days=1), "month"
        if m := _WEEK.fullmatch(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6), "week"
        if m := _QUARTER.fullmatch(value):
            start = date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return start, add_months(start, 3) - timedelta(days=1), "range"
        if _YEAR.fullmatch(value):
            return date(int(value), 1, 1), date(int(value), 12, 31), "year"
        if m := _DECADE.fullmatch(value):
            first = int(m[1]) * 10
            return date(first, 1, 1), date(first + 9, 12, 31), "decade"
    except ValueError:
        return None
    return None


def value_to_range(value: str) -> tuple[date, date | None, str] | None:
    """``(start, end, precision)`` of a time value; ``end`` is ``None`` for one day.

    ``2020-10`` gives the whole of October 2020 with precision ``month``;
    ``2020-09-27/2020-10-04`` gives both days with precision ``range``
    (``..`` as the end leaves it open, ``None``). ``None`` for a value that is
    not one of the forms in the module docstring.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if "/" in value:
        first, _, last = value.partition("/")
        start = _single(first)
        if start is None:
            return None
        if last == "..":
            return start[0], None, "range"
        end = _single(last)
        if end is None:
            return None
        stop = end[1] or end[0]
        if stop < start[0]:
            return None
        return start[0], stop, "range"
    single = _single(value)
    if single is not None or "/" in value:
        return single
    days = timeml_range(value)  # a TimeML value: 2012-SU, 2013-03-22TAF, 199, FY2009
    if days is None:
        return None
    if days[0] == days[1]:
        return days[0], None, "day"
    return days[0], days[1], "range"


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_TIMEML = re.compile(
    r"(?:FY)?(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T[\d:A-Z]*)?)?|W(?P<w>\d\d)(?P<we>-WE)?|"
    r"Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?|(?P<dec>\d{3})|(?P<cen>\d{2})"
)


def timeml_range(value: str) -> tuple[date, date] | None:
    """First and last day of a calendar TimeML value; ``None`` for durations, refs, sets.

    ``2012-SU`` is June to August 2012, ``2008-WI`` December 2008 to February
    2009, ``199`` the 1990s, ``18`` the years 1800-1899, ``2013-03-22TAF``
    that day, ``2010-W04-WE`` that week's Saturday and Sunday, ``FY2009``
    the calendar year 2009 (fiscal years differ between organisations).
    """
    m = _TIMEML.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return None
    try:
        if m["dec"]:
            first = int(m["dec"]) * 10
            return date(first, 1, 1), date(first + 9, 12, 31)
        if m["cen"]:
            first = int(m["cen"]) * 100
            return date(max(first, 1), 1, 1), date(first + 99, 12, 31)
        year = int(m["y"])
        if m["d"]:
            day = date(year, int(m["m"]), int(m["d"]))
            return day, day
        if m["m"]:
            start = date(year, int(m["m"]), 1)
            return start, add_months(start, 1) - timedelta(days=1)
        if m["w"]:
            monday = date.fromisocalendar(year, int(m["w"]), 1)
            if m["we"]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m["q"]:
            start = date(year, 3 * int(m["q"]) - 2, 1)
            return start, add_months(start, 3) - timedelta(days=1)
        if m["h"]:
            start = date(year, 6 * int(m["h"]) - 5, 1)
            return start, add_months(start, 6) - timedelta(days=1)
        if m["s"]:
            start = date(year, _SEASON_START[m["s"]], 1)
            return start, add_months(start, 3) - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
