"""find_times on original news-style sentences: what is found and what it means."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.loaders.timex import find_times
from claimgraph.schema.records import PRECISIONS, TimeExpression

PUB = date(2020, 10, 4)  # a Sunday
PUB_ANCHOR = "published:2020-10-04"


def times(text: str, published: date | None = PUB) -> list[TimeExpression]:
    found = find_times(text, published)
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.precision is None or t.precision in PRECISIONS
    return found


def only(text: str, published: date | None = PUB) -> TimeExpression:
    found = times(text, published)
    assert len(found) == 1, found
    return found[0]


def values(text: str, published: date | None = PUB) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in times(text, published)]


# ------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The convoy left Kelbajar on October 3.", "October 3", "2020-10-03"),
        ("Shelling resumed on Oct. 3, officials said.", "Oct. 3", "2020-10-03"),
        ("The truce was signed on 3 October 2019 in Minsk.", "3 October 2019", "2019-10-03"),
        ("The truce was signed on October 3, 2019, in Minsk.", "October 3, 2019", "2019-10-03"),
        ("The log entry is dated 2019-10-03 and unsigned.", "2019-10-03", "2019-10-03"),
        ("Talks ended on the 3rd of October without a deal.", "the 3rd of October", "2020-10-03"),
        ("Voting took place on September 30th.", "September 30th", "2020-09-30"),
    ],
)
def test_absolute_and_yearless_dates(sentence: str, span: str, value: str) -> None:
    t = only(sentence)
    assert (t.text, t.value, t.precision) == (span, value, "day")
    assert t.anchor == ("absolute" if "2019" in span else PUB_ANCHOR)


def test_year_written_is_absolute_and_needs_no_publication_date() -> None:
    t = only("The pipeline opened on 12 July 2006.", None)
    assert (t.value, t.anchor) == ("2006-07-12", "absolute")


def test_yearless_date_takes_the_nearest_sensible_year() -> None:
    # A report of January 2 speaks of last December 30, not of next December.
    assert only("The strike hit the depot on December 30.", date(2021, 1, 2)).value == "2020-12-30"
    # ... and a report of December 30 announcing talks "on January 3" means next year.
    t = only("The talks will open on January 3.", date(2020, 12, 30))
    assert t.value == "2021-01-03"
    # Half a year back beats half a year ahead: news mostly reports the past.
    assert only("The dam was finished on March 1.", date(2020, 9, 1)).value == "2020-03-01"


def test_invalid_calendar_dates_are_not_dates() -> None:
    assert times("The report cited February 30 as the deadline.") == []
    assert times("A file named 2020-13-45 was found.") == []


def test_month_and_year_precisions() -> None:
    assert values("Fighting flared in July 2014 and again in 2016.") == [
        ("July 2014", "2014-07"),
        ("2016", "2016"),
    ]
    t = only("Peace talks collapsed in March, the envoy said.")
    assert (t.value, t.precision, t.anchor) == ("2020-03", "month", PUB_ANCHOR)
    assert only("The region declared independence in 1991.").precision == "year"


def test_decades() -> None:
    t = only("The group has mediated since the early 1990s.")
    assert (t.text, t.value, t.precision) == (
        "since the early 1990s",
        "1990-01-01/2020-10-04",
        "range",
    )
    t = only("The ceasefire lines date from the 1990s.")
    assert (t.text, t.value, t.precision) == ("the 1990s", "1990s", "decade")
    assert values("Cars of the 70s and 80s were boxy.") == [("the 70s", "1970s"), ("80s", "1980s")]


# ------------------------------------------------------------- relative to publication


def test_today_yesterday_tomorrow() -> None:
    found = times(
        "Officials said today that a convoy arrived yesterday and more will come tomorrow."
    )
    assert [(t.text, t.value) for t in found] == [
        ("today", "2020-10-04"),
        ("yesterday", "2020-10-03"),
        ("tomorrow", "2020-10-05"),
    ]
    assert {t.anchor for t in found} == {PUB_ANCHOR}


def test_weekday_in_past_report_is_latest_on_or_before_publication() -> None:
    # Published Sunday 2020-10-04.
    assert only("Rockets hit the city on Saturday, the mayor said.").value == "2020-10-03"
    assert only("Rockets hit the city on Sunday, the mayor said.").value == "2020-10-04"
    assert only("Rockets hit the city on Monday, the mayor said.").value == "2020-09-28"
    assert only("Rockets hit the city last Sunday.").value == "2020-09-27"


def test_weekday_in_future_clause_looks_ahead() -> None:
    assert only("The foreign ministers will meet in Geneva on Thursday.").value == "2020-10-08"
    assert only("On Thursday, the foreign ministers will meet in Geneva.").value == "2020-10-08"
    assert only("Talks are due to resume next Monday.").value == "2020-10-05"
    # A past report of a future plan: the weekday is still read from the report's date.
    assert only("The spokesman said on Friday that it was over.").value == "2020-10-02"


def test_weeks_months_years_around_publication() -> None:
    assert values("Aid arrived last week and more comes next week; this week is calm.") == [
        ("last week", "2020-W39"),
        ("next week", "2020-W41"),
        ("this week", "2020-W40"),
    ]
    assert values("Prices rose last month and this year.") == [
        ("last month", "2020-09"),
        ("this year", "2020"),
    ]
    assert only("It was also rejected last year.").precision == "year"


def test_ago_counts_back_from_publication() -> None:
    t = only("The border closed two days ago.")
    assert (t.value, t.anchor) == ("2020-10-02", PUB_ANCHOR)


def test_since_a_date_is_a_range_up_to_publication() -> None:
    t = only("Fighting has raged since September 27.")
    assert (t.text, t.value, t.precision) == (
        "since September 27",
        "2020-09-27/2020-10-04",
        "range",
    )


def test_since_without_publication_date_is_open_ended() -> None:
    t = only("Fighting has raged since September 27, 2020.", None)
    assert t.value == "2020-09-27/.."


def test_explicit_ranges_are_two_expressions_that_share_the_range() -> None:
    # TimeML marks each end; claimgraph dates by the whole range on both.
    found = times("Talks ran from October 1 to October 3.")
    assert [(t.text, t.timeml) for t in found] == [
        ("from October 1", "2020-10-01"),
        ("October 3", "2020-10-03"),
    ]
    assert {t.value for t in found} == {"2020-10-01/2020-10-03"}
    found = times("Elections were held between 2014 and 2016.")
    assert [t.timeml for t in found] == ["2014", "2016"]
    assert {t.value for t in found} == {"2014-01-01/2016-12-31"}
    assert [t.timeml for t in times("The 2009-2010 season was the worst.")] == ["2009", "2010"]
    assert only("Strikes on 3-4 October damaged the bridge.").value == "2020-10-03/2020-10-04"


# ------------------------------------------------------------- relative to a mention


def test_previous_and_following_day_count_from_the_last_mentioned_date() -> None:
    text = (
        "The village fell on September 29. The previous day, residents fled; a day later aid came."
    )
    found = times(text)
    assert [(t.text, t.value) for t in found] == [
        ("September 29", "2020-09-29"),
        ("The previous day", "2020-09-28"),
        ("a day later", "2020-09-29"),
    ]
    mention = text.index("September 29")
    assert found[1].anchor == f"mention:2020-09-29@{mention}"
    # Each resolved day becomes the new reference: "a day later" counts from the 28th.
    assert found[2].anchor == f"mention:2020-09-28@{text.index('The previous day')}"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("the day before", "2020-09-30"),
        ("one day after", "2020-10-02"),
        ("two days later", "2020-10-03"),
        ("the same day", "2020-10-01"),
        ("three days earlier", "2020-09-28"),
    ],
)
def test_mention_relative_phrases(phrase: str, value: str) -> None:
    found = times(f"Envoys met on October 1. Shelling began {phrase}, witnesses said.")
    assert found[1].text == phrase
    assert found[1].value == value
    assert found[1].anchor.startswith("mention:2020-10-01@")


def test_mention_relative_without_a_mention_falls_back_to_publication() -> None:
    t = only("The previous day, the army said it had taken the ridge.")
    assert (t.value, t.anchor) == ("2020-10-03", PUB_ANCHOR)


def test_since_then_spans_from_the_mention_to_publication() -> None:
    found = times("The offensive began on September 27. Since then, both sides have shelled towns.")
    assert (found[1].text, found[1].value) == ("Since then", "2020-09-27/2020-10-04")


# ------------------------------------------------------------- parts of day


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Explosions shook the city early on October 4.", "early on October 4", "2020-10-04"),
        ("The bridge was hit late on Saturday.", "late on Saturday", "2020-10-03"),
        ("Sirens sounded overnight in the capital.", "overnight", "2020-10-04"),
        ("The minister spoke this morning.", "this morning", "2020-10-04"),
        ("Drones were seen on Friday night over the town.", "Friday night", "2020-10-02"),
        ("Shelling continued yesterday evening.", "yesterday evening", "2020-10-03"),
        ("Shells fell at dawn on Saturday.", "at dawn on Saturday", "2020-10-03"),
        (
            "The shots were fired on the night of October 2.",
            "on the night of October 2",
            "2020-10-02",
        ),
    ],
)
def test_parts_of_day_keep_the_date_with_part_of_day_precision(
    sentence: str, span: str, value: str
) -> None:
    t = only(sentence)
    assert (t.text, t.value, t.precision) == (span, value, "part_of_day")


def test_earlier_on_a_date_is_still_that_day() -> None:
    t = only("In an interview broadcast earlier on October 3, he urged restraint.")
    assert (t.text, t.value, t.precision) == ("earlier on October 3", "2020-10-03", "day")


# ------------------------------------------------------------- durations


def test_durations_ending_now_are_ranges() -> None:
    t = only("Clashes between the two armies raged for a week.")
    assert (t.text, t.value, t.precision) == ("for a week", "2020-09-27/2020-10-04", "range")
    t = only("Officials counted 200 deaths in a week of fighting.")
    assert (t.text, t.value) == ("a week of fighting", "2020-09-27/2020-10-04")


@pytest.mark.parametrize(
    ("sentence", "timeml"),
    [
        ("He was sentenced to prison for five years.", "P5Y"),
        ("The observers will stay for a week.", "P1W"),
        ("She had worked at the ministry for ten years.", "P10Y"),
    ],
)
def test_durations_that_do_not_end_now_have_no_days(sentence: str, timeml: str) -> None:
    t = only(sentence)
    assert (t.type, t.timeml, t.value, t.precision) == ("DURATION", timeml, None, None)


# ------------------------------------------------------------- false positives


@pytest.mark.parametrize(
    "sentence",
    [
        "May Hassan, a nurse, treated the wounded.",
        "The protesters march on the parliament.",
        "Crowds will March toward the square, organisers said.",
        "The Sunday Times reported the deal.",
        "Relatives gathered to remember Bloody Sunday.",
        "It was the second time the town was hit.",
        "The army said 2000 soldiers took part.",
        "The index, the Russell 2000, fell sharply.",
        "Residents were told that they may leave.",
        "The UN passed Resolution 1973 on Libya.",
        "An overnight curfew was imposed.",
    ],
)
def test_false_positives_are_not_times(sentence: str) -> None:
    assert times(sentence) == []


def test_bare_ambiguous_month_needs_a_cue() -> None:
    assert values("Talks resumed in May.") == [("May", "2020-05")]
    assert values("Talks resumed May 5.") == [("May 5", "2020-05-05")]


# ------------------------------------------------------------- no publication date


def test_relative_times_without_publication_date_stay_unresolved() -> None:
    found = times("Shells fell yesterday and on Sunday.", None)
    assert [(t.text, t.value, t.precision, t.anchor) for t in found] == [
        ("yesterday", None, None, None),
        ("Sunday", None, None, None),
    ]


def test_yearless_date_without_publication_borrows_the_year_of_a_mention() -> None:
    found = times("The siege began on 1 March 2014. On March 3, the airport fell.", None)
    assert found[1].value == "2014-03-03"
    # The first date, absolute and in the past, is the narrative's reference time.
    assert found[1].anchor.startswith("narrative:2014-03-01@")


def test_offsets_are_character_offsets_into_the_text() -> None:
    text = "Ünïcödé prefix — then on October 3 the shelling began."
    t = only(text)
    assert text[t.start : t.end] == "October 3"


def test_weekday_with_its_date_is_one_expression() -> None:
    t = only("The talks opened on Friday, October 2, in Moscow.")
    assert (t.text, t.value) == ("Friday, October 2", "2020-10-02")


@pytest.mark.parametrize(
    ("sentence", "published", "span", "value", "precision"),
    [
        ("Prices fell over the past week.", PUB, "the past week", "2020-09-27/2020-10-04", "range"),
        (
            "The ceasefire held over the weekend.",
            PUB,
            "the weekend",
            "2020-10-03/2020-10-04",
            "range",
        ),
        ("The deal collapsed last quarter.", PUB, "last quarter", "2020-Q3", "range"),
        (
            "Losses grew in the fourth quarter.",
            date(2021, 1, 20),
            "the fourth quarter",
            "2020-Q4",
            "range",
        ),
        (
            "Output fell in the second quarter of 2019.",
            PUB,
            "the second quarter of 2019",
            "2019-Q2",
            "range",
        ),
        ("Output recovered in mid-2011.", PUB, "mid-2011", "2011", "year"),
        ("Output recovered in early June.", PUB, "early June", "2020-06", "month"),
        ("The border closed 20 years ago.", PUB, "20 years ago", "2000", "year"),
        ("The road was cut three weeks ago.", PUB, "three weeks ago", "2020-09-13", "day"),
        ("The dam has stood since 1994.", PUB, "since 1994", "1994-01-01/2020-10-04", "range"),
        ("The town fell on Sunday, October 4.", PUB, "Sunday, October 4", "2020-10-04", "day"),
        ("Schools stay shut until December 1.", PUB, "December 1", "2020-12-01", "day"),
        (
            "It was reported in October of last year.",
            PUB,
            "October of last year",
            "2019-10",
            "month",
        ),
        ("The pact dates from the '90s.", PUB, "the '90s", "1990s", "decade"),
    ],
)
def test_documented_expressions(
    sentence: str, published: date, span: str, value: str, precision: str
) -> None:
    t = only(sentence, published)
    assert (t.text, t.value, t.precision) == (span, value, precision)


def test_following_week_counts_from_the_mention() -> None:
    found = times("Envoys met on May 1. The following week they signed a truce.")
    assert (found[1].text, found[1].value, found[1].precision) == (
        "The following week",
        "2020-W19",
        "week",
    )
    assert found[1].anchor == "mention:2020-05-01@14"


def test_a_long_article_is_read_in_one_pass() -> None:
    paragraph = "On October 3 troops advanced. The previous day, talks failed. "
    found = times(paragraph * 200)
    assert len(found) == 400
    assert {t.value for t in found} == {"2020-10-03", "2020-10-02"}
