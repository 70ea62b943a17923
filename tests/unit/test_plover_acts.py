"""Speech acts (Statement.act) and denial as polarity, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.records import Article, ArticleRecords, Statement

PUBLISHED = date(2025, 6, 14)
# The fictional republics need naming as countries for their adjectives to resolve.
FRAME = "Varossa and Kestria have disputed Oskaryn since 1994. "


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=FRAME + text, published=PUBLISHED))


def _by(records: ArticleRecords, speaker: str) -> Statement:
    found = [s for s in records.statements if s.speaker_name == speaker]
    assert found, [(s.speaker_name, s.text) for s in records.statements]
    return found[0]


def test_rejecting_a_proposal_is_a_reject_that_asserts(extractor: Extractor) -> None:
    r = _extract(
        extractor, "The Kestrian Foreign Ministry rejected the Varossan proposal for talks."
    )
    s = _by(r, "Kestrian Foreign Ministry")
    assert (s.act, s.polarity) == ("REJECT", "asserts")


def test_rejecting_an_accusation_denies(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Foreign Ministry rejected the accusation that its troops had shelled Dravik.",
    )
    s = _by(r, "Kestrian Foreign Ministry")
    assert s.polarity == "denies" and s.act is None


def test_denied_shelling_claims_the_shelling(extractor: Extractor) -> None:
    r = _extract(extractor, "The Kestrian Defence Ministry denied shelling the town of Dravik.")
    s = _by(r, "Kestrian Defense Ministry")
    assert s.polarity == "denies" and s.act is None
    (ev,) = [e for e in r.events if s.id in e.claimed_by]
    assert ev.type == "FIGHT" and ev.mode == "heavy-weapons"
    assert [r.entity(a).name for a in ev.agents] == ["Kestrian Defense Ministry"]
    assert not any(e.type in {"REJECT", "denial"} for e in r.events)


def test_negated_clause_denies(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        '"Our forces did not shell the town of Dravik," the Kestrian Defence Ministry said.',
    )
    s = _by(r, "Kestrian Defense Ministry")
    assert s.polarity == "denies"
    assert [e.type for e in r.events if s.id in e.claimed_by] == ["FIGHT"]


def test_denial_attaches_to_the_event_it_denies(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Varossan Defence Ministry said Kestrian artillery shelled Dravik on Friday. "
        "The Kestrian Defence Ministry denied that its forces had shelled Dravik.",
    )
    asserted = _by(r, "Varossan Defense Ministry")
    denied = _by(r, "Kestrian Defense Ministry")
    assert denied.polarity == "denies"
    shellings = [e for e in r.events if e.type == "FIGHT"]
    assert len(shellings) == 1, shellings
    assert {asserted.id, denied.id} <= set(shellings[0].claimed_by)
    assert shellings[0].date == date(2025, 6, 13)


def test_announced_actions_are_acts_not_events(extractor: Extractor) -> None:
    r = _extract(
        extractor, "The Varossan Defence Ministry said it will release the four prisoners."
    )
    s = _by(r, "Varossan Defense Ministry")
    assert s.act == "AGREE" and not [e for e in r.events if s.id in e.claimed_by]
    r = _extract(extractor, "The Arvel Contact Group said Varossa must withdraw its troops.")
    s = _by(r, "Arvel Contact Group")
    assert s.act == "DEMAND" and s.speaker_name == "Arvel Contact Group"


def test_ultimatum_threatens(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Foreign Ministry said Kestria will close the border unless Varossa "
        "withdraws its troops.",
    )
    assert _by(r, "Kestrian Foreign Ministry").act == "THREATEN"


def test_cue_acts(extractor: Extractor) -> None:
    r = _extract(extractor, "The Kestrian Foreign Ministry accused Varossa of shelling Dravik.")
    assert _by(r, "Kestrian Foreign Ministry").act == "DISAPPROVE"
    r = _extract(extractor, "Envoy Sofie Lindqvar urged Varossa and Kestria to respect the truce.")
    assert _by(r, "Sofie Lindqvar").act == "DEMAND"


def test_narrated_offer_is_the_offerers_statement(extractor: Extractor) -> None:
    r = _extract(extractor, "Varossa offered to hold talks with Kestria in Lisombe.")
    s = _by(r, "Varossa")
    assert s.act == "AGREE" and not s.by_outlet


def test_a_visit_is_an_event_not_a_statement(extractor: Extractor) -> None:
    r = _extract(extractor, "Governor Lena Marsh visited Halvik on Monday.")
    assert not [s for s in r.statements if s.speaker_name == "Lena Marsh"]
    assert [e.type for e in r.events] == ["CONSULT"]


def test_an_order_of_goods_or_a_price_charged_is_no_act(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Kestria Air has ordered twelve new airliners worth $900 million. "
        "Varossan airports charge an added fee for late landings.",
    )
    assert not [s for s in r.statements if s.act in {"DEMAND", "DISAPPROVE"}]


def test_an_order_to_act_is_a_demand_of_who_gave_it(extractor: Extractor) -> None:
    r = _extract(extractor, "Varossa ordered the Kestrian convoy to leave Oskaryn by Friday.")
    assert _by(r, "Varossa").act == "DEMAND"


def test_a_name_deep_inside_the_subject_does_not_act(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The new timetable, similar to that of Kestria Rail, offers faster trains to Oskaryn.",
    )
    assert not [s for s in r.statements if s.speaker_name == "Kestria Rail"]
