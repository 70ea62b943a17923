"""Attribution patterns, one test each, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from claimgraph.loaders.pipeline import Extractor
from tests.unit.attribution_helpers import PUBLISHED, extractor
from tests.unit.attribution_helpers import extract as _extract
from tests.unit.attribution_helpers import one as _one
from tests.unit.attribution_helpers import via as _via

__all__ = ["extractor"]  # the module-scoped fixture the tests below use


def test_said_that_clause(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Varossan Interior Ministry said that two bridges near Halvik had "
        "been damaged by artillery fire.",
    )
    s = _one(r, "Varossan Interior Ministry")
    assert s.text == "two bridges near Halvik had been damaged by artillery fire"
    assert (s.cue, s.mode, s.polarity) == ("say", "indirect", "asserts")
    assert r.article.text is not None and r.article.text[s.start : s.end] == s.text
    assert any(r.entity(a).name == "Halvik" for a in s.about)


def test_content_then_speaker(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Two bridges near Halvik were damaged by artillery fire, the Varossan "
        "Interior Ministry said.",
    )
    s = _one(r, "Varossan Interior Ministry")
    assert s.text == "Two bridges near Halvik were damaged by artillery fire"


def test_quote_then_speaker_runs_on_into_next_sentence(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        '"We will rebuild every bridge," Mayor Tomas Ebner said. "Nobody will be left behind."',
    )
    s = _one(r, "Tomas Ebner")
    assert s.mode == "direct"
    assert s.quote is not None and "rebuild every bridge" in s.quote and "left behind" in s.quote
    assert [x.speaker_name for x in r.statements] == ["Tomas Ebner"]


def test_speaker_then_quote(extractor: Extractor) -> None:
    r = _extract(extractor, 'Mayor Tomas Ebner said: "We will rebuild every bridge before winter."')
    s = _one(r, "Tomas Ebner")
    assert s.mode == "direct" and s.text.startswith("We will rebuild")


def test_mixed_quote_inside_indirect_speech(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'Governor Lena Marsh said the shelters were "full to the last bed" '
        "after the night of shelling.",
    )
    assert _one(r, "Lena Marsh").mode == "mixed"


def test_according_to(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Three soldiers were wounded near Halvik overnight, according to the "
        "Varossan Defence Ministry.",
    )
    s = _one(r, "Varossan Defence Ministry")
    assert s.text == "Three soldiers were wounded near Halvik overnight"
    assert s.cue == "according to"


def test_told_outlet_is_the_channel(extractor: Extractor) -> None:
    r = _extract(
        extractor, "Governor Lena Marsh told Radio Sentinel that the road to Halvik was closed."
    )
    s = _one(r, "Lena Marsh")
    assert s.text == "the road to Halvik was closed"
    assert _via(r, s) == ["Radio Sentinel"]


def test_was_quoted_by_as_saying(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Governor Lena Marsh was quoted by Radio Sentinel as saying that the "
        "road to Halvik was closed.",
    )
    s = _one(r, "Lena Marsh")
    assert s.text == "the road to Halvik was closed" and _via(r, s) == ["Radio Sentinel"]


def test_outlet_quoted_speaker_as_saying(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        '"The road to Halvik is closed," Radio Sentinel quoted Governor Lena Marsh as saying.',
    )
    s = _one(r, "Lena Marsh")
    assert s.mode == "direct" and _via(r, s) == ["Radio Sentinel"]


def test_wrote_on_telegram(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Colonel Ivo Brandt wrote on Telegram that his unit had pushed back an "
        "assault near Halvik.",
    )
    s = _one(r, "Ivo Brandt")
    assert s.cue == "write" and _via(r, s) == ["Telegram"]
    assert s.text == "his unit had pushed back an assault near Halvik"


def test_tweeted(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Colonel Ivo Brandt tweeted that his unit had pushed back an assault near Halvik.",
    )
    assert _one(r, "Ivo Brandt").cue == "tweet"


def test_in_an_interview_with(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "In an interview with Radio Sentinel, Governor Lena Marsh said the "
        "evacuation would take a week.",
    )
    s = _one(r, "Lena Marsh")
    assert _via(r, s) == ["Radio Sentinel"]
    assert s.text == "the evacuation would take a week"


def test_statement_posted_on_its_website(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Varossan Defence Ministry reported heavy shelling. In a statement "
        "posted on its website, the ministry said its air defences had downed "
        "two drones.",
    )
    s = [x for x in r.statements if "downed two drones" in x.text][0]
    assert s.speaker_name == "Varossan Defence Ministry"
    assert s.text == "its air defences had downed two drones"


def test_accused_of(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Foreign Ministry accused Varossa of shelling the village of Ostrel.",
    )
    s = _one(r, "Kestrian Foreign Ministry")
    assert s.cue == "accuse" and "shelling the village of Ostrel" in s.text
    assert s.act == "DISAPPROVE"  # the accusation is a speech act; the shelling is the event
    (shelling,) = [e for e in r.events if s.id in e.claimed_by]
    assert shelling.type == "FIGHT" and shelling.mode == "heavy-weapons"
    assert [r.entity(a).name for a in shelling.agents] == ["Varossa"]


def test_denied(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Foreign Ministry denied that its troops had entered the village of Ostrel.",
    )
    s = _one(r, "Kestrian Foreign Ministry")
    assert s.polarity == "denies" and s.text == "its troops had entered the village of Ostrel"


def test_rejected(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Foreign Ministry rejected the accusation that its troops "
        "had fired on the town.",
    )
    assert _one(r, "Kestrian Foreign Ministry").polarity == "denies"


def test_did_not_confirm(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "A ministry spokeswoman, Ilona Marek, did not confirm that the village "
        "of Ostrel had been captured.",
    )
    s = _one(r, "Ilona Marek")
    assert s.polarity == "unconfirmed" and s.cue == "not confirm"


def test_called_on(extractor: Extractor) -> None:
    r = _extract(
        extractor, "The Arvel Contact Group called on both sides to open a corridor for civilians."
    )
    s = _one(r, "Arvel Contact Group")
    assert s.cue == "call" and "open a corridor" in s.text
    assert s.act == "DEMAND" and not r.events  # an appeal is a speech act, not an event


def test_urged(extractor: Extractor) -> None:
    r = _extract(
        extractor, "Envoy Sofie Lindqvar urged Varossa and Kestria to respect the ceasefire."
    )
    s = _one(r, "Sofie Lindqvar")
    assert s.cue == "urge" and s.text.endswith("respect the ceasefire")


def test_nested_report_becomes_channel(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Varossan Defence Ministry opened an inquiry. Defense Minister Petra "
        "Holm said the shelling was a provocation, the ministry said.",
    )
    s = _one(r, "Petra Holm")
    assert _via(r, s) == ["Varossan Defence Ministry"]
    assert not [
        x
        for x in r.statements
        if x.speaker_name == "Varossan Defence Ministry" and "provocation" in x.text
    ]


def test_pronoun_speaker(extractor: Extractor) -> None:
    r = _extract(extractor, "Governor Lena Marsh visited Halvik. She said the town needed water.")
    assert _one(r, "Lena Marsh").text == "the town needed water"


def test_no_independent_confirmation_is_unconfirmed(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Colonel Ivo Brandt said 40 attackers had been killed, but there was no "
        "independent confirmation.",
    )
    assert _one(r, "Ivo Brandt").polarity == "unconfirmed"


def test_unattributed_event_is_the_outlets_narration(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Artillery shelled the town of Dravik on June 14, killing two civilians.",
        outlet="Tidewater News",
    )
    (s,) = r.statements
    assert s.by_outlet and s.mode == "narration" and s.speaker_name == "Tidewater News"
    assert r.entity(s.speaker or "").type == "Organization"
    assert [ev.claimed_by for ev in r.events] == [[s.id]]


def test_unattributed_background_is_no_statement(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Both armies routinely inflate the losses of the other side.",
        outlet="Tidewater News",
    )
    assert r.statements == []


def test_said_on_from_the_cue_not_the_content(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Governor Lena Marsh said in an address on June 12 that the town had "
        "been shelled on June 10.",
    )
    s = _one(r, "Lena Marsh")
    assert s.said_on == date(2025, 6, 12) and s.said_on_precision == "day"


def test_present_report_defaults_to_publication_day(extractor: Extractor) -> None:
    r = _extract(extractor, "Governor Lena Marsh said the town had been shelled on June 10.")
    s = _one(r, "Lena Marsh")
    assert (s.said_on, s.said_on_anchor) == (PUBLISHED, "published")


def test_rejected_accusation_points_at_the_claim_it_rejects(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The Kestrian Defence Ministry said its air defences had shot down a "
        "Varossan jet near Vishtar, a claim Varossa swiftly denied. The Varossan "
        "Defence Ministry rejected the accusation.",
    )
    claim = _one(r, "Kestrian Defence Ministry")
    assert claim.text == "its air defences had shot down a Varossan jet near Vishtar"
    denials = [s for s in r.statements if s.polarity == "denies"]
    assert len(denials) == 2
    # each denial points at the claim and keeps its own words, never the claim's
    assert all(s.denies == claim.id for s in denials)
    assert [s.text for s in denials] == [
        "claim Varossa swiftly denied",
        "rejected the accusation",
    ]
    assert all(claim.text not in s.text for s in denials)
    # and claims what the claim claims
    (jet,) = [ev for ev in r.events if claim.id in ev.claimed_by]
    assert all(s.id in jet.claimed_by for s in denials)


def test_dismissed_allegation_answers_the_allegation_not_the_last_quote(
    extractor: Extractor,
) -> None:
    r = _extract(
        extractor,
        "Prime Minister Lidia Vorn alleged on Tuesday that foreign mercenaries were "
        'fighting alongside Varossan troops in Oskaryn. "These are hired killers," '
        "Vorn said. Varossa's Foreign Ministry dismissed the allegation.",
    )
    alleged = next(s for s in r.statements if s.cue == "allege")
    (denial,) = [s for s in r.statements if s.polarity == "denies"]
    assert denial.denies == alleged.id
    assert denial.text == "dismissed the allegation"


def test_told_that_he_could_not_confirm(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Analyst Piers Halden told Tidewater News that he could not confirm either side's account.",
    )
    (s,) = r.statements
    assert s.speaker_name == "Piers Halden" and s.polarity == "unconfirmed"
    assert s.text == "either side's account" and _via(r, s) == ["Tidewater News"]


def test_informed_her_nested_speech(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Lidia Vorn told members of parliament that the head of the State "
        "Security Bureau, General Arkady Moss, had informed her that about 300 "
        "fighters recruited abroad were serving in Varossan units.",
    )
    s = _one(r, "Arkady Moss")
    assert _via(r, s) == ["Lidia Vorn"] and s.text.startswith("about 300 fighters")


def test_government_of_a_place_speaks_for_it(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The government of Belmora said in a statement on its website that it had "
        "no knowledge of any such company.",
    )
    s = _one(r, "Belmora")
    assert (
        r.entity(s.speaker or "").is_actor and s.text == "it had no knowledge of any such company"
    )
