"""Values of the extra kinds (clock times, seasons, durations, sets, references).

Every resolution carries its ISO-TimeML value (``timeml``) and type; the ISO
8601 calendar ``value`` claimgraph dates by is set only where the expression
covers known days (a duration or ``PRESENT_REF`` has none).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.loaders.timex_calendar import (
    NUMBERS,
    WEEKDAYS,
    add_months,
    day_value,
    range_value,
    timeml_range,
)
from claimgraph.loaders.timex_extra import POD_CODES
from claimgraph.loaders.timex_resolve import ABSOLUTE, UNRESOLVED, Context, Resolution

__all__ = ["resolve_extra", "season_span", "shift_timeml"]

_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}
_DUR_UNITS = {
    "second": ("T", "S", 1),
    "minute": ("T", "M", 1),
    "hour": ("T", "H", 1),
    "day": ("", "D", 1),
    "week": ("", "W", 1),
    "month": ("", "M", 1),
    "quarter": ("", "Q", 1),
    "year": ("", "Y", 1),
    "decade": ("", "Y", 10),
    "century": ("", "Y", 100),
    "centurie": ("", "Y", 100),
}
_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M"}
_FEW = {"several", "many", "a few", "few"}


def season_span(year: int, code: str) -> tuple[date, date]:
    """First and last day of a season; winter ``2008-WI`` runs from December 2008 into 2009."""
    days = timeml_range(f"{year:04d}-{code}")
    assert days is not None
    return days


def _calendar(timeml: str, precision: str, anchor: str | None, ttype: str = "DATE") -> Resolution:
    days = timeml_range(timeml)
    if days is None:
        return Resolution(None, None, anchor, timeml=timeml, ttype=ttype)
    first, last = days
    value = day_value(first) if first == last else range_value(first, last)
    if precision in ("year", "month") and first != last:
        value = timeml[:4] if precision == "year" else timeml[:7]
    return Resolution(value, precision, anchor, first, last, timeml=timeml, ttype=ttype)


def _base(ctx: Context) -> tuple[date, str] | None:
    """The reference time: the narrative's last absolute date, else the publication date."""
    if ctx.narrative is not None:
        day, _precision, offset = ctx.narrative
        return day, f"narrative:{day}@{offset}"
    if ctx.published is not None:
        return ctx.published, ctx.pub_anchor()
    return None


def _clock(m: re.Match[str], ctx: Context) -> Resolution:
    named = (m["named"] or "").lower()
    hour = 24 if named == "midnight" else 12 if named else int(m["h"] or m["hh"])
    minutes = m["mi"] or m["mi2"] or m["mm"] or ("00" if named else None)
    half = (m["ampm"] or m["ampm2"] or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    clock = f"T{hour:02d}:{minutes}" if minutes else f"T{hour:02d}"
    if m["zone"] in ("UTC", "Z"):
        clock += "Z"  # UTC written as in ISO 8601; other zones are left out of the value
    ref = ctx.reference()
    if ref is None:
        return Resolution(None, None, None, timeml=f"XXXX-XX-XX{clock}", ttype="TIME")
    day, anchor = ref
    return Resolution(day_value(day), "time", anchor, day, day, f"{day}{clock}", "TIME")


def with_clock(day: Resolution, clock: Resolution) -> Resolution:
    """A day expression and a clock time next to it: "12:00 UTC Monday", "Saturday at 3 p.m."."""
    if day.first is None or clock.timeml is None:
        return day
    t = clock.timeml[clock.timeml.index("T") :]
    return Resolution(day.value, "time", day.anchor, day.first, day.last, f"{day.first}{t}", "TIME")


def _season(m: re.Match[str], ctx: Context) -> Resolution:
    code = _SEASON_CODES[m["season"].lower()]
    if m["sy"]:
        year = int(m["sy"])
        first, last = season_span(year, code)
        return Resolution(
            range_value(first, last), "season", ABSOLUTE, first, last, f"{year}-{code}"
        )
    base = _base(ctx)
    if base is None:
        return Resolution(None, None, None, timeml=f"XXXX-{code}")
    day, anchor = base
    mod = " ".join((m["smod"] or "").lower().split())
    spans = [(y, *season_span(y, code)) for y in range(day.year - 2, day.year + 2)]
    if mod in ("last", "past", "this past", "the past"):
        year = max(y for y, _f, last in spans if last < day)
    elif mod in ("next", "coming", "the coming", "this coming"):
        year = min(y for y, first, _l in spans if first > day)
    else:

        def cost(item: tuple[int, date, date]) -> int:
            _y, first, last = item
            if first <= day <= last:
                return 0
            if last < day:
                return (day - last).days * (2 if ctx.future else 1)
            return (first - day).days * (1 if ctx.future else 2)

        year = min(spans, key=cost)[0]
    first, last = season_span(year, code)
    return Resolution(range_value(first, last), "season", anchor, first, last, f"{year}-{code}")


def _ref(m: re.Match[str], ctx: Context) -> Resolution:
    if m["then"]:  # "by that time": the day mentioned last
        ref = ctx.reference()
        if ref is None:
            return Resolution(None, None, None, timeml="PAST_REF")
        day, anchor = ref
        return Resolution(day_value(day), "day", anchor, day, day, day_value(day))
    kind = "PRESENT" if m["present"] else "PAST" if m["past"] else "FUTURE"
    ref_anchor = ctx.pub_anchor() if ctx.published is not None else None
    return Resolution(None, None, ref_anchor, timeml=f"{kind}_REF")


def _two_digit_year(digits: int, ctx: Context) -> int:
    now = ctx.published.year if ctx.published else 1999
    return 2000 + digits if 2000 + digits <= now + 5 else 1900 + digits


def _fiscal(m: re.Match[str], ctx: Context) -> Resolution:
    written = (m["fy"] or m["fy2"] or "").strip("'‘’")
    anchor = ABSOLUTE
    if len(written) == 4:
        year = int(written)
    elif written:
        year = _two_digit_year(int(written), ctx)
    else:
        base = _base(ctx)
        if base is None:
            return UNRESOLVED
        day, anchor = base
        step = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}
        # A fiscal year is named by the year it ends in; most end in the autumn
        # or earlier (the US federal year starts on October 1).
        year = day.year + (day.month >= 10) + step.get((m["frel"] or "").lower(), 0)
    res = _calendar(f"{year:04d}", "year", anchor)
    res.timeml = f"FY{year:04d}"
    return res


def _usdate(m: re.Match[str], ctx: Context) -> Resolution | None:
    a, b, c = int(m["a"]), int(m["b"]), m["c"]
    month, day = (a, b) if a <= 12 else (b, a)
    year = int(c) if len(c) == 4 else _two_digit_year(int(c), ctx)
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return Resolution(day_value(when), "day", ABSOLUTE, when, when, day_value(when))


def _set(m: re.Match[str]) -> Resolution:
    wd = m["swd"] or m["pwd"]
    if wd:
        return Resolution(None, None, None, timeml=f"XXXX-WXX-{WEEKDAYS[wd] + 1}", ttype="SET")
    if m["adv"]:
        return Resolution(None, None, None, timeml="P1Y", ttype="SET")
    unit = (m["su"] or m["su2"] or m["su3"] or m["su4"] or m["su5"]).lower()
    if unit in POD_CODES:
        return Resolution(None, None, None, timeml=f"XXXX-XX-XXT{POD_CODES[unit]}", ttype="SET")
    value = _SET_UNITS[unit]
    every = (m["sn"] or "").lower()
    if every:
        n = 2 if every == "other" else NUMBERS.get(every) or int(every)
        value = f"P{n}{value[-1]}" if unit != "quarter" else f"P{3 * n}M"
    return Resolution(None, None, None, timeml=value, ttype="SET")


def duration_value(amount: str | None, unit: str) -> str:
    """ISO 8601 duration: ("five", "year") -> P5Y, ("30", "minute") -> PT30M, (None, "year") -> PXY."""
    t, letter, factor = _DUR_UNITS[unit.lower().rstrip("s")]
    key = " ".join((amount or "").lower().split())
    if not key or key in _FEW:
        n = "X"
    elif key == "single":
        n = str(factor)
    else:
        number: float = NUMBERS[key] if key in NUMBERS else float(key.replace(",", ""))
        number *= factor
        n = str(int(number)) if number == int(number) else f"{number:g}"
    return f"P{t}{n}{letter}"


def _dur(m: re.Match[str]) -> Resolution:
    if m["du2"]:
        unit, amount = m["du2"], "1"
    elif m["xu"] or m["xu2"] or m["xu3"]:
        unit, amount = (m["xu"] or m["xu2"] or m["xu3"]).rstrip("s"), None
    else:
        unit, amount = m["du"], m["dn"]
    return Resolution(None, None, None, timeml=duration_value(amount, unit), ttype="DURATION")


def _century(m: re.Match[str], ctx: Context) -> Resolution:
    if m["crel"]:
        if ctx.published is None:
            return UNRESOLVED
        number = ctx.published.year // 100 + (1 if m["crel"].lower() == "this" else 0)
        anchor = ctx.pub_anchor()
    else:
        word = m["cn"].lower().replace("-", " ")
        if word[0].isdigit():
            number = int(re.sub(r"\D", "", word))
        else:
            number = 21 if word.startswith("twenty ") else _ORDINAL_WORDS[word]
        anchor = ABSOLUTE
    if not 1 <= number <= 30:
        return UNRESOLVED
    return _calendar(f"{number - 1:02d}", "century", anchor)


def _the_year(m: re.Match[str], ctx: Context) -> Resolution:
    # "the year", "the year before": the year (month, week) spoken of last.
    if ctx.last is not None and ctx.last.first is not None:
        day, anchor = ctx.last.first, f"mention:{ctx.last.value}@{ctx.last_at}"
    elif (base := _base(ctx)) is not None:
        day, anchor = base
    else:
        return UNRESOLVED
    unit = m["tyu"]
    step = -1 if m["typ"] else 0
    if unit == "year":
        return _calendar(f"{day.year + step:04d}", "year", anchor)
    if unit == "month":
        d = add_months(day, step)
        return _calendar(f"{d.year:04d}-{d.month:02d}", "month", anchor)
    if unit == "day":  # "the start of the day": the day spoken of last
        ref = ctx.reference()
        if ref is None:
            return UNRESOLVED
        d = ref[0] + timedelta(days=step)
        return _calendar(day_value(d), "day", ref[1])
    d = day + timedelta(weeks=step)
    year, week, _ = d.isocalendar()
    return _calendar(f"{year:04d}-W{week:02d}", "week", anchor)


def shift_timeml(value: str, years: int) -> str | None:
    """A calendar TimeML value moved by whole years: 2010-02 -> 2009-02."""
    m = re.fullmatch(r"(FY)?(\d{4})(.*)", value)
    if m is None or (
        m[3] and not re.fullmatch(r"-(?:\d\d(?:-\d\d)?|Q[1-4]|W\d\d|SP|SU|FA|WI)", m[3])
    ):
        return None
    shifted = f"{m[1] or ''}{int(m[2]) + years:04d}{m[3]}"
    return shifted if timeml_range(shifted) is not None else None


def _same_period(m: re.Match[str], ctx: Context) -> Resolution:
    if m["spy"]:
        return _calendar(m["spy"], "year", ABSOLUTE)
    last = ctx.last
    periods = ("month", "week", "season", "year", "range")
    if (
        last is not None
        and last.timeml
        and last.precision in periods
        and (value := shift_timeml(last.timeml, -1))
    ):
        precision = last.precision or "range"
        res = _calendar(value.removeprefix("FY"), precision, f"mention:{last.value}@{ctx.last_at}")
        res.timeml = value
        return res
    if ctx.published is None:
        return UNRESOLVED
    pub, unit = ctx.published, m["spu"]
    if unit == "month":
        value = f"{pub.year - 1:04d}-{pub.month:02d}"
    elif unit == "quarter":
        value = f"{pub.year - 1:04d}-Q{(pub.month + 2) // 3}"
    else:
        value = f"{pub.year - 1:04d}"
    return _calendar(value, "month" if unit == "month" else "year", ctx.pub_anchor())


def _half(m: re.Match[str], ctx: Context) -> Resolution:
    number = 1 if (m["hn"] or m["hd"] or "").lower() in ("first", "1st", "1") else 2
    written = " ".join((m["hy"] or m["hy2"] or "").lower().split())
    if written.isdigit():
        year, anchor = int(written), ABSOLUTE
    elif (
        not written
        and ctx.last is not None
        and re.fullmatch(r"\d{4}-[HQ]\d", ctx.last.timeml or "")
    ):
        # "the first half of 2009 ... in the second half": the same year
        year, anchor = int((ctx.last.timeml or "")[:4]), f"mention:{ctx.last.value}@{ctx.last_at}"
    else:
        base = _base(ctx)
        if base is None:
            return UNRESOLVED
        day, anchor = base
        year = day.year + {"last year": -1, "next year": 1}.get(written, 0)
        if not written and number == 2 and day.month <= 3 and not ctx.future:
            year -= 1  # "the second half" in a January report: the one just ended
    return _calendar(f"{year:04d}-H{number}", "range", anchor)


def resolve_extra(kind: str, m: re.Match[str], ctx: Context, text: str) -> Resolution | None:
    """The meaning of a match of one of the extra rules."""
    if kind == "clock":
        return _clock(m, ctx)
    if kind == "season":
        return _season(m, ctx)
    if kind == "ref":
        return _ref(m, ctx)
    if kind == "fiscal":
        return _fiscal(m, ctx)
    if kind == "usdate":
        return _usdate(m, ctx)
    if kind == "set":
        return _set(m)
    if kind == "dur":
        return _dur(m)
    if kind == "century":
        return _century(m, ctx)
    if kind == "theyear":
        return _the_year(m, ctx)
    if kind == "half":
        return _half(m, ctx)
    if kind == "sameperiod":
        return _same_period(m, ctx)
    raise ValueError(f"unknown time rule {kind!r}")
