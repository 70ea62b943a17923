"""ISO-TimeML values and types for the calendar rules of ``timex_rules``.

The calendar rules resolve to an ISO 8601 ``value`` (what claimgraph dates
by); TimeML writes some of them differently: a part of day is a suffix
(``2020-10-04TAF``, type TIME), a weekend a week (``2020-W40-WE``), a decade
three digits (``199``), and "for a week" or "the past nine days" a DURATION
(``P1W``, ``P9D``) even where claimgraph also keeps the days it covers.
"""

from __future__ import annotations

import re

from claimgraph.loaders.timex_extra import POD_CODES
from claimgraph.loaders.timex_extra_resolve import duration_value
from claimgraph.loaders.timex_resolve import Resolution

__all__ = ["timeml_of", "with_part_of_day"]

_DEICTIC_POD = {
    "tonight": "NI",
    "last night": "NI",
    "this morning": "MO",
    "this afternoon": "AF",
    "this evening": "EV",
}


def with_part_of_day(res: Resolution, word: str | None) -> tuple[str | None, str]:
    """The day with a part-of-day suffix ("Friday afternoon" -> 2013-03-22TAF), type TIME."""
    code = POD_CODES.get((word or "").lower())
    if res.first is None or code is None:
        return _plain(res), "DATE"
    return f"{res.first.isoformat()}T{code}", "TIME"


def _plain(res: Resolution) -> str | None:
    if res.timeml is not None:
        return res.timeml
    value = res.value
    if value is None:
        return None
    if res.precision == "decade" and re.fullmatch(r"\d{3}0s", value):
        return value[:3]
    if "/" in value and res.first is not None:
        return res.first.isoformat()
    return value


def timeml_of(kind: str, m: re.Match[str], res: Resolution) -> tuple[str | None, str]:
    """(TimeML value, type) of a calendar rule's resolution."""
    if res.timeml is not None:
        return res.timeml, res.ttype
    if res.value is None:
        return None, "DATE"
    if kind in ("weekday", "deictic") and m["pod"]:
        return with_part_of_day(res, m["pod"])
    if kind == "deictic":
        code = _DEICTIC_POD.get(" ".join(m["deixis"].lower().split()))
        if code is not None and res.first is not None:
            return f"{res.first.isoformat()}T{code}", "TIME"
    if kind == "relday" and (m["rdu"] or m["that"]):
        return with_part_of_day(res, m["rdu"] or m["that"])
    if kind == "unit":
        if (m["wkend"] or m["wkend2"] or (m["unit"] or "").lower() == "weekend") and res.first:
            year, week, _ = res.first.isocalendar()
            return f"{year:04d}-W{week:02d}-WE", "DATE"
        if res.precision == "range" and m["umod"] and "past" in m["umod"].lower():
            return duration_value("1", m["unit"]), "DURATION"  # "the past week"
    if kind == "duration":
        return duration_value(m["n"] or m["n2"], m["unit"] or m["unit2"]), "DURATION"
    if kind == "quarter":
        return res.value, "DATE"
    return _plain(res), "DATE"
