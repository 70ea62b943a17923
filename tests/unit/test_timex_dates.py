"""Statement and event dates keep the TimeML value of a finer or coarser expression."""

from __future__ import annotations

from datetime import date

from claimgraph.graph.bulk_import_columns import EVENT_COLUMNS, STATEMENT_COLUMNS, encode_row
from claimgraph.loaders.timex import find_times
from claimgraph.loaders.timex_dates import attach_timeml
from claimgraph.schema.records import Event, Statement

PUB = date(2013, 3, 22)
TEXT = "On Friday afternoon the envoy said the talks had stalled last summer in Kelmar."


def _records() -> tuple[list[Statement], list[Event]]:
    times = find_times(TEXT, PUB)
    by_text = {t.text: t for t in times}
    afternoon, summer = by_text["Friday afternoon"], by_text["last summer"]
    statement = Statement(
        id="a:s1",
        speaker=None,
        speaker_name="the envoy",
        cue="said",
        mode="indirect",
        text=TEXT[TEXT.index("the talks") :],
        said_on=PUB,
        said_on_precision="part_of_day",
        said_on_anchor=afternoon.anchor,
        start=TEXT.index("the talks"),
        end=len(TEXT),
    )
    event = Event(
        id="a:ev1",
        type="halt",
        summary="talks had stalled",
        date=date(2012, 6, 1),
        date_end=date(2012, 8, 31),
        precision="range",
        date_anchor=summer.anchor,
        claimed_by=["a:s1"],
    )
    attach_timeml([statement], [event], times)
    return [statement], [event]


def test_finer_and_coarser_dates_keep_their_timeml_value_beside_the_days() -> None:
    [statement], [event] = _records()
    assert (statement.said_on, statement.said_on_value) == (PUB, "2013-03-22TAF")
    assert statement.said_on_precision == "part_of_day"
    assert (event.date, event.date_end, event.date_value) == (
        date(2012, 6, 1),
        date(2012, 8, 31),
        "2012-SU",
    )
    assert event.precision == "season"


def test_a_day_stays_a_plain_date() -> None:
    times = find_times("The envoy said on March 20 that talks failed.", PUB)
    statement = Statement(
        id="a:s1", speaker=None, speaker_name="x", cue="said", mode="indirect", text="talks failed",
        said_on=date(2013, 3, 20), said_on_precision="day", said_on_anchor=times[0].anchor,
    )  # fmt: skip
    attach_timeml([statement], [], times)
    assert statement.said_on_value is None and statement.said_on_precision == "day"


def test_the_values_reach_the_graph_rows_and_the_bulk_import() -> None:
    [statement], [event] = _records()
    row = statement.to_params()
    assert row["said_on"] == PUB and row["said_on_value"] == "2013-03-22TAF"
    params = event.to_params()
    params.pop("counts")
    assert params["date"] == date(2012, 6, 1) and params["date_value"] == "2012-SU"
    # The bulk import has a column for each: no value is dropped or refused.
    assert "2013-03-22TAF" in encode_row(list(STATEMENT_COLUMNS), {**row, "article": "a"})
    assert "2012-SU" in encode_row(list(EVENT_COLUMNS), {**params, "article": "a"})
    again = Event.from_json(event.to_json())
    assert (again.date_value, again.precision) == ("2012-SU", "season")
