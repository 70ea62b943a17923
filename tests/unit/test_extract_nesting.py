"""Nested and doubled attributions, speakers of reports, on sentences written for these tests."""

from __future__ import annotations

from claimgraph.loaders.pipeline import Extractor
from tests.unit.attribution_helpers import extract as _extract
from tests.unit.attribution_helpers import extractor
from tests.unit.attribution_helpers import one as _one

__all__ = ["extractor"]  # the module-scoped fixture the tests below use


def test_a_statement_holding_someone_elses_expectation_is_kept_beside_it(
    extractor: Extractor,
) -> None:
    r = _extract(
        extractor,
        "Tomas Reller, the chief executive of Halvard Motors, said the company expects "
        "to cut about 2,000 jobs in Kestria next year.",
    )
    said = _one(r, "Tomas Reller")
    assert said.cue == "say"
    assert said.text.startswith("the company expects to cut about 2,000 jobs")
    expects = [s for s in r.statements if s.cue == "expect"]
    assert len(expects) == 1 and expects[0].speaker != said.speaker


def test_stated_that_he_expected_gives_the_statement_and_the_state(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Finance Minister Aurel Danek stated that he expected exports to recover by the spring.",
    )
    cues = sorted(s.cue for s in r.statements if s.speaker_name == "Aurel Danek")
    assert cues == ["expect", "state"]


def test_a_cue_inside_reported_words_does_not_claim_the_reporter(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Prime Minister Levon Barsen said Kestria would ask for an emergency meeting "
        "of the contact group next week.",
    )
    texts = [s.text for s in r.statements]
    assert not any("Barsen said" in t for t in texts), texts
    assert _one(r, "Levon Barsen").text.startswith("Kestria would ask for an emergency meeting")


def test_a_quote_belongs_to_the_speaker_beside_it_not_the_report_before(
    extractor: Extractor,
) -> None:
    r = _extract(
        extractor,
        "Danek said exports had recovered, the Meridian Wire agency reported.\n\n"
        '"We will open the northern ports on Monday," Danek said on television.',
    )
    quoted = [s for s in r.statements if s.text.startswith("We will open the northern ports")]
    assert [s.speaker_name for s in quoted] == ["Danek"], [
        (s.speaker_name, s.text) for s in r.statements
    ]


def test_an_inner_claim_ending_with_the_outer_does_not_drop_the_reporter(
    extractor: Extractor,
) -> None:
    # The inner verb ("push") is no demand here, and the analyst said it.
    r = _extract(
        extractor,
        "Analyst Pia Nordqvist said that maintenance work could push the value of the "
        "contract as high as $100 billion.",
    )
    said = _one(r, "Pia Nordqvist")
    assert said.text.startswith("maintenance work could push the value")
    assert all(s.speaker_name == "Pia Nordqvist" for s in r.statements)


def test_of_two_subjects_on_one_cue_the_nearest_speaks(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "As well as new routes to the north, Marek Halloran stated that there was a "
        "possibility of routes to the south.",
    )
    assert _one(r, "Marek Halloran").text.startswith("there was a possibility of routes")


def test_a_statement_given_by_a_spokesman_is_his(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Varossan Air Force won the contest. A statement by Halvard Motors given by "
        'Halvard spokesman Tobias Renn said "We are very disappointed by the decision."',
    )
    s = _one(r, "Tobias Renn")
    assert s.text == "We are very disappointed by the decision"


def test_a_report_which_said_speaks_for_its_author(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Shares fell despite a report released by the Kestrian Labour Ministry, which said "
        "that the economy lost 60,000 jobs in May.",
    )
    s = _one(r, "Kestrian Labour Ministry")
    assert s.text.startswith("the economy lost 60,000 jobs")


def test_an_unnamed_speaker_is_named_without_its_relative_clause(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Most analysts, who had expected a loss, said that the carmaker would return to profit.",
    )
    assert [s.speaker_name for s in r.statements if s.cue == "say"] == ["Most analysts"]
