"""Passive cues: the agent speaks, an agentless report has an unnamed source,
and the passive subject is never the speaker. Sentences written for these tests."""

from __future__ import annotations

from claimgraph.loaders.attribution_core import UNNAMED_SOURCE
from claimgraph.loaders.pipeline import Extractor
from tests.unit.attribution_helpers import extract, extractor, one

__all__ = ["extractor"]  # the module-scoped fixture the tests below use


def test_agentless_report_has_an_unnamed_source(extractor: Extractor) -> None:
    r = extract(extractor, "It has been reported that the Kestrian airline will order twelve jets.")
    s = one(r, UNNAMED_SOURCE)
    assert s.cue == "report" and s.speaker is None
    assert s.text.startswith("the Kestrian airline will order twelve jets")


def test_passive_subject_is_not_the_speaker(extractor: Extractor) -> None:
    text = "The Varossan tanker is claimed to be the fastest in its class, but rivals disagree."
    r = extract(extractor, text)
    assert not [s for s in r.statements if s.speaker_name and "tanker" in s.speaker_name]
    s = one(r, UNNAMED_SOURCE)
    assert "the fastest in its class" in s.text


def test_raised_subject_is_part_of_what_is_reported(extractor: Extractor) -> None:
    r = extract(extractor, "Some studios are reported to want a higher price for their films.")
    s = one(r, UNNAMED_SOURCE)
    assert s.text.startswith("Some studios") and s.text.endswith("higher price for their films")


def test_passive_agent_is_the_speaker(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Anna Sorel was recommended by Tomas Reller to lead the Kestrian rail board next year.",
    )
    s = one(r, "Tomas Reller")
    assert s.cue == "recommend" and "to lead the Kestrian rail board" in s.text


def test_expected_to_is_no_attribution(extractor: Extractor) -> None:
    r = extract(extractor, "The Kestrian frigate is expected to reach the port on Friday.")
    assert not [s for s in r.statements if s.cue == "expect"]


def test_point_out_is_a_cue_and_point_to_is_not(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Critics point out that the new line will cost twice as much. "
        "The minister pointed to the map on the wall.",
    )
    s = one(r, "Critics")
    assert s.cue == "point" and "cost twice as much" in s.text
    assert not [x for x in r.statements if "map" in x.text]


def test_citing_a_source_is_no_claim_citing_a_reason_is(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "The Kestrian Herald, citing people familiar with the talks, reported that the deal "
        "had collapsed. The president postponed the visit, citing the ban as his reason.",
    )
    cites = [s for s in r.statements if s.cue == "cite"]
    assert [s.text for s in cites] == ["the ban as his reason"]


def test_described_as_keeps_the_label(extractor: Extractor) -> None:
    r = extract(extractor, 'Anna Sorel described the new bridge as "a gift to the whole valley".')
    s = one(r, "Anna Sorel")
    assert s.cue == "describe" and "a gift to the whole valley" in s.text


def test_an_aside_of_the_writer_has_no_speaker(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Halvard Motors said sales rose, though it is interesting to note that its rival "
        "Dorn Cars has cut prices.",
    )
    assert not [s for s in r.statements if s.cue == "note"]


def test_a_reduced_passive_label_needs_its_agent(extractor: Extractor) -> None:
    r = extract(
        extractor,
        'The ministry\'s plan, dubbed "Open Road" by the press, was approved. '
        'The new tanker, dubbed "the Whale", left the port on Monday.',
    )
    dubbed = [s for s in r.statements if s.cue == "dub"]
    assert [(s.speaker_name, s.text) for s in dubbed] == [("the press", "Open Road")]


def test_hopes_and_intentions_are_their_holders(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Halvard Motors had hoped to open the plant in 2026. Dorn Cars intends to close two "
        "depots. Kestria Rail opened a depot in Oskaryn intended to serve the new line.",
    )
    assert one(r, "Halvard Motors").cue == "hope"  # the lemmatizer's "hop" repaired
    assert one(r, "Dorn Cars").cue == "intend"
    assert not [s for s in r.statements if s.speaker_name in {"Kestria Rail", "Oskaryn"}]


def test_findings_of_documents_and_studies(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "A study by the Kestrian Health Ministry found that two thirds of clinics lack power. "
        "Divers found the wreck on Monday. Halvard Motors showed the new car in Geneva.",
    )
    s = one(r, "Kestrian Health Ministry")
    assert s.cue == "find" and s.text == "two thirds of clinics lack power"
    assert len(r.statements) == 1


def test_a_figure_estimated_is_a_claim_a_date_expected_is_not(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Halvard Motors has estimated a 30% fuel saving over its old trucks. "
        "Analysts expect a decision in May. "
        "The Kestrian Herald reported that someone familiar with the talks said the minister "
        "would resign.",
    )
    assert one(r, "Halvard Motors").text == "a 30% fuel saving over its old trucks"
    assert not [s for s in r.statements if s.cue == "expect"]
    assert one(r, "someone familiar with the talks").text == "the minister would resign"


def test_a_fact_suggesting_is_the_writers_inference(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "A new film from Dorn Studios is already on sale in Oskaryn, suggesting that the "
        "shops have reopened. Kestria released a statement, saying the border was closed.",
    )
    assert not [s for s in r.statements if s.cue == "suggest"]
    assert one(r, "Kestria").text == "the border was closed"
