"""Nominal cues: nouns of saying and of inner states that govern a clause.
Sentences written for these tests."""

from __future__ import annotations

from claimgraph.loaders.attribution_core import UNNAMED_SOURCE
from claimgraph.loaders.pipeline import Extractor
from tests.unit.attribution_helpers import extract, extractor, one

__all__ = ["extractor"]  # the module-scoped fixture the tests below use

FRAME = "Varossa and Kestria have disputed Oskaryn since 1994. "


def test_a_possessor_claims(extractor: Extractor) -> None:
    r = extract(
        extractor, FRAME + "Varossa's claim that its troops never entered Dravik was false."
    )
    s = one(r, "Varossa")
    assert (s.cue, s.text) == ("claim", "its troops never entered Dravik")


def test_the_subject_of_the_verb_that_issues_it(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "The Kestrian Audit Office issued a recommendation that the ministry reopen the tender.",
    )
    s = one(r, "Kestrian Audit Office")
    assert s.cue == "recommendation" and s.text == "the ministry reopen the tender"


def test_a_complaint_nobody_is_named_for_has_an_unnamed_source(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Halvard Motors recalled the cars in response to complaints that the brakes had failed.",
    )
    s = one(r, UNNAMED_SOURCE)
    assert s.cue == "complaint" and s.text == "the brakes had failed"


def test_an_inner_state_needs_a_named_holder(extractor: Extractor) -> None:
    r = extract(
        extractor,
        "Halvard Motors has hopes that sales will double. "
        "Dorn Cars cut prices in the hope that sales would rise.",
    )
    assert one(r, "Halvard Motors").text == "sales will double"
    assert [s.cue for s in r.statements if s.cue == "hope"] == ["hope"]


def test_a_denied_claim_is_left_to_the_denial(extractor: Extractor) -> None:
    r = extract(extractor, FRAME + "Kestria rejected the claim that it had shelled Dravik.")
    assert not [s for s in r.statements if s.cue == "claim"]
    assert one(r, "Kestria").polarity == "denies"
