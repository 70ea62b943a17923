"""value_to_range and the calendar rules behind find_times."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.loaders.timex import find_times, value_to_range
from claimgraph.loaders.timex_calendar import (
    add_months,
    nearest_year,
    week_value,
    weekday_after,
    weekday_before,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-10-04", (date(2020, 10, 4), None, "day")),
        ("2020-10", (date(2020, 10, 1), date(2020, 10, 31), "month")),
        ("2020-02", (date(2020, 2, 1), date(2020, 2, 29), "month")),
        ("2020-W40", (date(2020, 9, 28), date(2020, 10, 4), "week")),
        ("2020", (date(2020, 1, 1), date(2020, 12, 31), "year")),
        ("1990s", (date(1990, 1, 1), date(1999, 12, 31), "decade")),
        ("2020-Q4", (date(2020, 10, 1), date(2020, 12, 31), "range")),
        ("2020-09-27/2020-10-04", (date(2020, 9, 27), date(2020, 10, 4), "range")),
        ("2014/2016", (date(2014, 1, 1), date(2016, 12, 31), "range")),
        ("2020-09-27/..", (date(2020, 9, 27), None, "range")),
    ],
)
def test_value_to_range(value: str, expected: tuple[date, date | None, str]) -> None:
    assert value_to_range(value) == expected


@pytest.mark.parametrize(
    "value", ["", "PAST_REF", "2020-13", "2020-02-30", "2020-W54", "2020-10-04/2020-10-01", "1990x"]
)
def test_value_to_range_rejects_what_is_not_a_value(value: str) -> None:
    assert value_to_range(value) is None


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2020, 3, 15), -3) == date(2019, 12, 15)


def test_weekday_helpers() -> None:
    sunday = date(2020, 10, 4)
    assert weekday_before(sunday, 6) == sunday
    assert weekday_before(sunday, 6, strict=True) == date(2020, 9, 27)
    assert weekday_after(sunday, 6) == date(2020, 10, 11)
    assert weekday_after(sunday, 0) == date(2020, 10, 5)


def test_nearest_year_prefers_the_recent_past() -> None:
    assert nearest_year(12, 30, date(2021, 1, 2)) == date(2020, 12, 30)
    assert nearest_year(1, 3, date(2020, 12, 30)) == date(2021, 1, 3)
    assert nearest_year(3, 1, date(2020, 9, 1)) == date(2020, 3, 1)
    assert nearest_year(3, 1, date(2020, 9, 1), future=True) == date(2021, 3, 1)
    assert nearest_year(2, 29, date(2021, 3, 1)) == date(2020, 2, 29)


@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2099, 12, 24)))
def test_every_value_find_times_produces_parses_back(published: date) -> None:
    text = (
        "On Monday and on October 3 the army said that last week, since March, "
        "two days later and in 2019 and the 1990s and this weekend things happened; "
        "the previous day it rained, and the fourth quarter was calm."
    )
    for t in find_times(text, published):
        assert t.value is not None
        parsed = value_to_range(t.value)
        assert parsed is not None, t
        start, end, _ = parsed
        assert end is None or start <= end


@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2099, 12, 24)))
def test_weekdays_in_past_reports_fall_in_the_week_up_to_publication(published: date) -> None:
    for t in find_times("Strikes hit on Monday, Wednesday and Saturday.", published):
        assert t.value is not None
        day = date.fromisoformat(t.value)
        assert published - timedelta(days=6) <= day <= published


def test_week_value_uses_iso_weeks() -> None:
    assert week_value(date(2021, 1, 3)) == "2020-W53"
