"""Give statement and event dates the TimeML value of the expression they came from.

The statement and event builders date by the ISO calendar ``value`` of a time
expression (a day, or a range of days). Where that expression is finer or
coarser than a day ("Friday afternoon", "last summer", "at 15:00 GMT"), its
TimeML value and precision are kept beside the date: in Neo4j the date stays
a DATE (or a DATE range with ``date_end``) that range queries use, and
``date_value`` / ``said_on_value`` says what the text said.
"""

from __future__ import annotations

from claimgraph.loaders.timex_calendar import value_to_range
from claimgraph.schema.records import Event, Statement, TimeExpression

__all__ = ["attach_timeml"]

_DAY = ("day", None)


def _source(
    times: list[TimeExpression], spans: list[tuple[int, int]], anchor: str | None, days: tuple
) -> TimeExpression | None:
    """The expression inside ``spans`` with this anchor whose calendar value gives ``days``."""
    for t in times:
        if not t.value or t.anchor != anchor or not any(a <= t.start < b for a, b in spans):
            continue
        r = value_to_range(t.value)
        if r is not None and (r[0], r[1]) == days:
            return t
    return None


def _finer(t: TimeExpression) -> bool:
    """Whether the TimeML value says more than the ISO day or range."""
    return bool(t.timeml) and t.precision != "day" and t.timeml != t.value


def attach_timeml(
    statements: list[Statement], events: list[Event], times: list[TimeExpression]
) -> None:
    """Set ``said_on_value`` and ``date_value`` (and the finer precision) in place."""
    by_id = {s.id: s for s in statements}
    for s in statements:
        if s.said_on is None or s.said_on_anchor in (None, "published", "statement"):
            continue
        t = _source(times, [(0, 10**12)], s.said_on_anchor, (s.said_on, None))
        if t is not None and _finer(t):
            s.said_on_value = t.timeml
            if t.precision in ("time", "part_of_day"):
                s.said_on_precision = t.precision
    for ev in events:
        if ev.date is None or not ev.date_anchor or ev.date_anchor.startswith("context:"):
            continue
        spans = [(by_id[i].start, by_id[i].end) for i in ev.claimed_by if i in by_id]
        t = _source(times, spans, ev.date_anchor, (ev.date, ev.date_end))
        if t is not None and _finer(t):
            ev.date_value = t.timeml
            if t.precision in ("time", "season", "century", "decade"):
                ev.precision = t.precision
