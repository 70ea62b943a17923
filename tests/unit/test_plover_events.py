"""Event categories and modes (PLOVER), and actor codes, on sentences written for these tests."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.loaders.actor_codes import alpha3, own_code
from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.records import Article, ArticleRecords, records_from_json, records_to_json

FRAME = "Varossa and Kestria have disputed Oskaryn since 1994. "


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=FRAME + text, published=date(2025, 6, 14)))


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("Kestrian artillery shelled Dravik on Monday.", "FIGHT", "heavy-weapons"),
        ("Varossan troops captured the village of Brisa on Monday.", "FIGHT", "occupy"),
        ("Kestrian drones struck a depot in Dravik on Monday.", "FIGHT", "drone"),
        ("A car bomb killed three people in Stavenna on Monday.", "ASSAULT", "explosives"),
        ("Police arrested 12 protesters in Calderin on Monday.", "COERCE", "arrest"),
        ("Thousands of students demonstrated in Calderin on Monday.", "PROTEST", "demo"),
        ("Workers began a general strike in Calderin on Monday.", "PROTEST", "boycott"),
        ("Varossa imposed a curfew in Dravik on Monday.", "COERCE", "curfew"),
        ("Kestria withdrew its troops from Kelmar on Monday.", "RETREAT", "withdraw"),
        ("Kestria expelled two Varossan diplomats on Monday.", "SANCTION", "expel"),
    ],
)
def test_category_and_mode(extractor: Extractor, text: str, category: str, mode: str) -> None:
    r = _extract(extractor, text)
    assert [(e.type, e.mode) for e in r.events] == [(category, mode)]


def test_speech_acts_are_not_events(extractor: Extractor) -> None:
    r = _extract(extractor, "The Arvel Contact Group called on both sides to open a corridor.")
    assert not r.events
    assert [s.act for s in r.statements if s.speaker_name == "Arvel Contact Group"] == ["DEMAND"]


def test_actor_codes(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Kestrian troops shelled Dravik on Monday, the Varossan Defence Ministry said. "
        "Azerbaijan's Foreign Ministry condemned the attack.",
    )
    codes = {e.name: (e.country, e.sector) for e in r.entities}
    assert codes["Varossa"] == ("XVA", None)  # a country acting in its own name
    assert codes["Varossan Defense Ministry"] == ("XVA", "government")
    assert codes["Azerbaijan"] == ("AZE", None)
    assert codes["Azerbaijani Foreign Ministry"] == ("AZE", "government")
    (ev,) = [e for e in r.events if e.type == "FIGHT"]
    agents = [r.entity(a) for a in ev.agents]
    assert [(a.country, a.sector) for a in agents] in ([("XKE", "military")], [("XKE", None)])


def test_codes_of_countries() -> None:
    assert alpha3("AZ") == "AZE" and alpha3("Armenia") == "ARM" and alpha3("ARM") == "ARM"
    assert alpha3("Varossa") is None
    assert own_code("Varossa") == "XVA" and own_code("Kestria") == "XKE"
    assert own_code("Kosovo") == "XKX"


def test_fields_round_trip_through_json(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Foreign Ministry accused Varossa of shelling Dravik on Monday.",
    )
    (back,) = records_from_json(json.loads(json.dumps(records_to_json([r]))))
    assert [(e.type, e.mode) for e in back.events] == [(e.type, e.mode) for e in r.events]
    assert [s.act for s in back.statements] == [s.act for s in r.statements]
    assert [(e.country, e.sector) for e in back.entities] == [
        (e.country, e.sector) for e in r.entities
    ]
    assert back.events[0].to_params()["mode"] == "heavy-weapons"
    assert "DISAPPROVE" in [s.to_params()["act"] for s in back.statements]


def test_extract_json_has_the_fields(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text(
        "date 2025-06-14 " + FRAME + "Kestrian artillery shelled Dravik on Monday, "
        "the Varossan Defence Ministry said.",
        encoding="utf-8",
    )
    out = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    (article,) = json.loads(out.output)["articles"]
    assert article["events"][0]["type"] == "FIGHT" and "mode" in article["events"][0]
    assert all("act" in s for s in article["statements"])
    assert all("country" in e and "sector" in e for e in article["entities"])


@pytest.mark.parametrize(
    "text",
    [
        "The first test flight of the new airliner may take place as early as March.",
        "The former chairman of Halvard Motors died on Monday at the age of 81.",
        "The manager was fired from the company on Monday after a dispute over pay.",
        "Halvard Motors received 40 new orders for its trucks on Monday.",
        "Halvard Motors delivered the last of its old trucks to a dealer on Monday.",
        "Stocks rallied in Calderin on Monday after the central bank cut interest rates.",
        "The Calderin index closed down 100 points on Monday.",
        "Halvard Motors will close 14 plants and struck a deal with its lenders on Monday.",
        "Markets across the region were hit by fears of a recession on Monday.",
        "Investors fled to the safety of government bonds on Monday.",
        "A passenger jet crashed into the sea off Calderin on Monday, killing all 80 on board.",
    ],
)
def test_business_senses_of_event_words_are_not_events(extractor: Extractor, text: str) -> None:
    assert _extract(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Two soldiers died in the shelling of Dravik on Monday.", "FIGHT"),
        ("Kestrian troops fired on a convoy near Dravik on Monday.", "FIGHT"),
        ("The Red Crescent delivered food and medicine to Dravik on Monday.", "AID"),
        ("President Arvo Lind received a Varossan delegation in Calderin on Monday.", "CONSULT"),
        ("Kestria closed its border with Varossa on Monday.", "SANCTION"),
        ("A market in Dravik was destroyed on Monday.", "COERCE"),
        ("Thousands of students rallied in Calderin on Monday.", "PROTEST"),
        ("Varossan helicopters killed 12 soldiers in an attack on Dravik on Monday.", "FIGHT"),
    ],
)
def test_political_senses_of_the_same_words_stay_events(
    extractor: Extractor, text: str, category: str
) -> None:
    assert category in [e.type for e in _extract(extractor, text).events]


def test_senses_that_are_no_events(extractor: Extractor) -> None:
    """A month is no march, a market aimed at is no target, one person discussing is no talks."""
    x = extractor
    for text in (
        "The Kestrian minister made an appearance in March.",
        "The new Varossan airliner is targeted at smaller airports.",
        "Anna Sorel discussed the new timetable.",
    ):
        r = x.extract(Article(id="t", text=text, published=date(2025, 6, 14)))
        assert not r.events, (text, [(e.type, e.summary) for e in r.events])
    r = x.extract(
        Article(
            id="t", text="Kestria discussed the plan with Varossa.", published=date(2025, 6, 14)
        )
    )
    assert [e.type for e in r.events] == ["CONSULT"]
