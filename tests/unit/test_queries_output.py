"""Table, JSON and CSV rendering, and --param parsing."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from claimgraph.cli.output import render
from claimgraph.cli.query_cmd import parse_params
from claimgraph.errors import QueryError

ROWS = [
    {
        "speaker": "Artsrun Hovhannisian",
        "said_on": date(2020, 10, 4),
        "via": ["RFE/RL", "Twitter"],
        "text": "[bold]not markup[/bold]",
        "quote": None,
    },
]


def test_json_has_iso_dates_and_lists() -> None:
    data = json.loads(render(ROWS, "json"))
    assert data == [
        {
            "speaker": "Artsrun Hovhannisian",
            "said_on": "2020-10-04",
            "via": ["RFE/RL", "Twitter"],
            "text": "[bold]not markup[/bold]",
            "quote": None,
        }
    ]


def test_csv_joins_lists_and_keeps_every_column() -> None:
    rows = list(csv.reader(io.StringIO(render(ROWS, "csv"))))
    assert rows[0] == ["speaker", "said_on", "via", "text", "quote"]
    assert rows[1] == [
        "Artsrun Hovhannisian",
        "2020-10-04",
        "RFE/RL; Twitter",
        "[bold]not markup[/bold]",
        "",
    ]


def test_table_shows_chosen_columns_and_text_literally() -> None:
    text = render(ROWS, "table", ("speaker", "text"), width=120)
    assert "Artsrun Hovhannisian" in text
    assert "[bold]not markup[/bold]" in text
    assert "said_on" not in text


def test_empty_table_says_so() -> None:
    assert "(no rows)" in render([], "table", ("speaker",))


def test_parse_params() -> None:
    assert parse_params(("about=Stepanakert", "date=2020-10-04", "q=a=b")) == {
        "about": "Stepanakert",
        "date": "2020-10-04",
        "q": "a=b",
    }
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_params(("oops",))


_TIMELINE_ROW = {
    "incident": "incident:a1",
    "type": "ASSAULT",
    "mode": "shelling/artillery",
    "place": "Dravik",
    "date": "2025-06-14",
    "claimed_by": "Kestrian Foreign Ministry; Nadia Petrash; Dravik City Hospital",
    "denied_by": "Varossan Defence Ministry",
    "counts": "killed: 2 per Kestria; 3 per the hospital",
    "reports": 3,
    "articles": "01_dravik-shelling.txt, 02_kestria-denies.txt",
}


@pytest.mark.parametrize("width", [80, 100, 110, 120, 160])
def test_a_table_never_runs_past_the_width(width: int) -> None:
    text = render([_TIMELINE_ROW], "table", width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_headers_stay_whole_when_the_table_has_room() -> None:
    header = render([_TIMELINE_ROW], "table", width=120).splitlines()[1]
    assert [h.strip() for h in header.strip("┃").split("┃")] == list(_TIMELINE_ROW)
