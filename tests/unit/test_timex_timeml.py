"""ISO-TimeML values and types of find_times, on original news-style sentences."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.loaders.timex import find_times, value_to_range
from claimgraph.schema.records import PRECISIONS

FRIDAY = date(2013, 3, 22)
WEDNESDAY = date(2013, 3, 20)


def timeml(text: str, published: date | None = FRIDAY, doc: object = None) -> list[tuple]:
    found = find_times(text, published, doc)
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        assert t.precision is None or t.precision in PRECISIONS
    return [(t.text, t.type, t.timeml) for t in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sales slumped last summer.", ("last summer", "DATE", "2012-SU")),
        ("The port froze in the winter of 2010.", ("winter of 2010", "DATE", "2010-WI")),
        ("The vote is due in the spring.", ("spring", "DATE", "2013-SP")),
        ("Power failed at 8 p.m. across Dravik.", ("8 p.m.", "TIME", "2013-03-22T20")),
        ("Shelling resumed on Friday afternoon.", ("Friday afternoon", "TIME", "2013-03-22TAF")),
        ("The monitors left at 15:00 UTC.", ("15:00 UTC", "TIME", "2013-03-22T15:00Z")),
        ("The fort was built in the 19th century.", ("the 19th century", "DATE", "18")),
        ("Tensions rose through the 1990s.", ("the 1990s", "DATE", "199")),
        (
            "The treaty dates from the early twentieth century.",
            ("the early twentieth century", "DATE", "19"),
        ),
        ("The border was first closed in '98.", ("'98", "DATE", "1998")),
        ("Spending rose in fiscal 2012.", ("fiscal 2012", "DATE", "FY2012")),
        ("The budget for FY2014 was cut.", ("FY2014", "DATE", "FY2014")),
        ("The crossing was opened on 7/8/07.", ("7/8/07", "DATE", "2007-07-08")),
        ("The mission will last five years.", ("five years", "DURATION", "P5Y")),
        ("Talks took 30 minutes.", ("30 minutes", "DURATION", "PT30M")),
        ("It was the worst single-day loss.", ("single-day", "DURATION", "P1D")),
        ("The convoy is now in Kelmar.", ("now", "DATE", "PRESENT_REF")),
        ("The bridge is currently closed.", ("currently", "DATE", "PRESENT_REF")),
        ("Such raids were rare in the past.", ("the past", "DATE", "PAST_REF")),
        ("The envoy was, at the time, in Kelmar.", ("the time", "DATE", "PAST_REF")),
        ("Aid should arrive soon.", ("soon", "DATE", "FUTURE_REF")),
        (
            "Markets will stay volatile in the near future.",
            ("the near future", "DATE", "FUTURE_REF"),
        ),
        ("Convoys leave every Sunday.", ("every Sunday", "SET", "XXXX-WXX-7")),
        ("Inspections take place twice a year.", ("twice a year", "SET", "P1Y")),
        ("The ministry reports annually.", ("annually", "SET", "P1Y")),
    ],
)
def test_timeml_values_of_each_kind(sentence: str, expected: tuple) -> None:
    assert timeml(sentence) == [expected]


def test_weekday_of_publication_in_a_future_clause_is_that_day() -> None:
    # Published on a Friday: "will meet on Friday" is that Friday, not a week later.
    assert timeml("The ministers will meet on Friday.") == [("Friday", "DATE", "2013-03-22")]
    assert timeml("The ministers will meet on Monday.")[0][2] == "2013-03-25"
    assert timeml("The ministers met on Monday.")[0][2] == "2013-03-18"


def test_tense_of_the_governing_verb_decides_the_weekday() -> None:
    from claimgraph.loaders.nlp import load_nlp

    text = "The minister on Friday promised the border would reopen."
    # Without the parse, "would" anywhere in the clause reads as the future.
    assert timeml(text, WEDNESDAY)[0][2] == "2013-03-22"
    # With it, "Friday" hangs off "promised": the Friday before publication.
    assert timeml(text, WEDNESDAY, load_nlp()(text))[0][2] == "2013-03-15"
    plan = "The minister said the border would reopen on Friday."
    assert timeml(plan, WEDNESDAY, load_nlp()(plan))[0][2] == "2013-03-22"


def test_the_narratives_last_absolute_date_is_the_reference_time() -> None:
    text = "In 2008, the plant closed. In March, workers protested, and on July 30 they left."
    assert [v for _t, _k, v in timeml(text)] == ["2008", "2008-03", "2008-07-30"]
    # A date relative to the reporter's present ends the narrative.
    text = "On 3 May 2010 the talks failed. Yesterday the envoy said that in March he had tried."
    assert [v for _t, _k, v in timeml(text)] == ["2010-05-03", "2013-03-21", "2013-03"]
    # A planned date does not move the story's time.
    text = "The jet will enter service in November 2014. It is due in Kelmar on November 11."
    assert [v for _t, _k, v in timeml(text)] == ["2014-11", "2013-11-11"]


def test_the_same_period_last_year_takes_the_period_just_spoken_of() -> None:
    found = timeml("Sales rose 9% in February compared to the same period last year.")
    assert [v for _t, _k, v in found] == ["2013-02", "2012-02"]
    assert timeml("The loss for the quarter of 2011 and for the entire year grew.")[-1][2] == "2011"


def test_year_spans_are_split_into_their_years() -> None:
    found = find_times("The 2009-2010 season was the worst.", FRIDAY)
    assert [(t.text, t.timeml) for t in found] == [("2009", "2009"), ("2010", "2010")]
    assert {t.value for t in found} == {"2009-01-01/2010-12-31"}


def test_a_clock_time_next_to_a_written_date_stays_two_expressions() -> None:
    found = timeml("The plan was presented at 16:15 UTC March 1st.")
    assert found == [
        ("16:15 UTC", "TIME", "2013-03-01T16:15Z"),
        ("March 1st", "DATE", "2013-03-01"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012-SU", (date(2012, 6, 1), date(2012, 8, 31), "range")),
        ("2008-WI", (date(2008, 12, 1), date(2009, 2, 28), "range")),
        ("2013-03-22TAF", (date(2013, 3, 22), None, "day")),
        ("199", (date(1990, 1, 1), date(1999, 12, 31), "range")),
        ("18", (date(1800, 1, 1), date(1899, 12, 31), "range")),
        ("FY2009", (date(2009, 1, 1), date(2009, 12, 31), "range")),
        ("2010-W04-WE", (date(2010, 1, 30), date(2010, 1, 31), "range")),
        ("P5Y", None),
        ("PRESENT_REF", None),
        ("XXXX-WXX-7", None),
    ],
)
def test_value_to_range_reads_timeml_values(value: str, expected: object) -> None:
    assert value_to_range(value) == expected
