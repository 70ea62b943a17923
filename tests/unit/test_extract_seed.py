"""The seed article end to end: the claims the product is built around."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.loaders.pipeline import Extractor
from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Statement,
    records_from_json,
    records_to_json,
)


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> ArticleRecords:
    (article,) = list(iter_articles([str(seed_path)]))
    assert isinstance(article, Article)
    return Extractor().extract(article)


def _by(records: ArticleRecords, speaker: str) -> list[Statement]:
    return [s for s in records.statements if s.speaker_name == speaker]


def _names(records: ArticleRecords, ids: list[str]) -> set[str]:
    return {records.entity(i).name for i in ids}


def test_spokesman_shelling_claim_about_stepanakert(seed: ArticleRecords) -> None:
    (s,) = [s for s in _by(seed, "Artsrun Hovhannisian") if "Stepanakert" in s.text]
    assert s.mode == "direct" and s.cue == "quote as saying"
    assert s.said_on == date(2020, 10, 4) and s.said_on_anchor == "published"
    assert "Stepanakert" in _names(seed, s.about)
    person = seed.entity(s.speaker or "")
    assert person.roles[0].title == "spokesman"
    assert seed.entity(person.roles[0].of or "").name == "Armenian Defense Ministry"
    attacks = [e for e in seed.events if s.id in e.claimed_by]
    assert (
        attacks and attacks[0].type == "FIGHT" and "Stepanakert" in _names(seed, attacks[0].places)
    )


def test_both_ministries_claim_shelling(seed: ArticleRecords) -> None:
    az = _by(seed, "Azerbaijani Defense Ministry")
    assert any("missile strike against Terter and Goradiz" in s.text for s in az)
    quoted = [s for s in az if s.via]
    assert quoted and _names(seed, quoted[0].via) == {"RFE/RL's Azerbaijani Service"}
    hy = [s for s in seed.statements if "shelling civilian targets" in s.text]
    assert hy and seed.entity(hy[0].speaker or "").name == "Artsrun Hovhannisian"


def test_minister_relayed_by_the_ministry(seed: ArticleRecords) -> None:
    (s,) = _by(seed, "Zakir Hasanov")
    assert _names(seed, s.via) == {"Azerbaijani Defense Ministry"}
    assert "open provocation" in s.text


def test_aliyev_capture_claim_and_renaming(seed: ArticleRecords) -> None:
    aliyev = _by(seed, "Ilham Aliyev")
    capture = [s for s in aliyev if "captured several villages" in s.text]
    assert capture
    events = [e for e in seed.events if capture[0].id in e.claimed_by]
    assert events[0].type == "FIGHT" and events[0].mode == "occupy"
    assert events[0].date == date(2020, 10, 3)
    madagiz = next(e for e in seed.entities if e.name == "Madagiz")
    (renaming,) = madagiz.renamed
    assert seed.entity(renaming.to).name == "Sugovushan"
    assert renaming.on == date(2020, 10, 3)
    assert seed.entity(renaming.by or "").name == "Ilham Aliyev"
    tweet = [s for s in aliyev if "#Sugovushan" in s.text]
    assert tweet and _names(seed, tweet[0].via) == {"Twitter"} and tweet[0].mode == "direct"


def test_interview_statements_dated_to_the_interview(seed: ArticleRecords) -> None:
    interview = [s for s in _by(seed, "Ilham Aliyev") if "Al Jazeera" in _names(seed, s.via)]
    assert len(interview) == 2
    assert {s.said_on for s in interview} == {date(2020, 10, 3)}


def test_spokesman_did_not_confirm(seed: ArticleRecords) -> None:
    (s,) = [s for s in _by(seed, "Artsrun Hovhannisian") if "villages had been captured" in s.text]
    assert s.polarity in {"unconfirmed", "denies"} and s.cue == "not confirm"
    lost = [s for s in _by(seed, "Artsrun Hovhannisian") if "hundreds of fighters" in s.text]
    assert lost and lost[0].polarity == "unconfirmed" and lost[0].mode == "mixed"


def test_people_named_aliyev_stay_apart(seed: ArticleRecords) -> None:
    keys = {e.key for e in seed.entities if e.name.endswith("Aliyev")}
    assert keys == {"person:ilham aliyev", "person:kamran aliyev"}
    (k,) = _by(seed, "Kamran Aliyev")
    assert "19 Azeri civilians" in k.text


def test_outlet_claims_and_json_round_trip(seed: ArticleRecords) -> None:
    outlet = [s for s in seed.statements if s.by_outlet]
    claimed = {sid for ev in seed.events for sid in ev.claimed_by}
    # The outlet's background ("Both sides ... exaggerate losses") is no statement;
    # what it narrates of events is, as narration.
    assert not any("exaggerate losses" in s.text for s in outlet)
    assert outlet and all(s.mode == "narration" and s.id in claimed for s in outlet)
    assert not any(s.text.startswith("WATCH") for s in seed.statements)
    (back,) = records_from_json(records_to_json([seed]))
    assert [s.to_json() for s in back.statements] == [s.to_json() for s in seed.statements]


def test_tweet_threat_and_call_are_three_statements(seed: ArticleRecords) -> None:
    cues = [s.cue for s in _by(seed, "Arayik Harutiunian")]
    assert cues == ["tweet", "threaten", "call"]
    tweet = _by(seed, "Arayik Harutiunian")[0]
    assert tweet.mode == "indirect" and tweet.text.endswith("rocket launchers")


def test_no_statement_is_dated_after_its_article() -> None:
    """A report cannot quote what was said after it was published."""
    examples = Path(__file__).resolve().parents[2] / "claimgraph" / "data" / "examples"
    extractor = Extractor()
    checked = 0
    for article in iter_articles([examples]):
        if not isinstance(article, Article):
            continue
        for s in extractor.extract(article).statements:
            if s.said_on is not None and article.published is not None:
                assert s.said_on <= article.published, (article.source, s.text)
                checked += 1
    assert checked > 50
