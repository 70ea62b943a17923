"""Attribution patterns of real reporting, one test each, on sentences written
for these tests (wire-service and business-news styles, typewriter quotes).

The real-text figures behind them are in docs/evaluation.md; these tests keep
each mechanism working on its own.
"""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.loaders.pipeline import Extractor
from claimgraph.loaders.quotes import find_quotes
from claimgraph.schema.records import Article, ArticleRecords, Statement

PUBLISHED = date(2025, 6, 14)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str, outlet: str | None = None) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=text, published=PUBLISHED, outlet=outlet))


def _by(records: ArticleRecords, speaker: str) -> list[Statement]:
    return [s for s in records.statements if s.speaker_name == speaker]


def _one(records: ArticleRecords, speaker: str) -> Statement:
    found = _by(records, speaker)
    assert found, (
        f"no statement by {speaker!r}: {[(s.speaker_name, s.text) for s in records.statements]}"
    )
    return found[0]


def test_typewriter_quotes_are_quotes() -> None:
    text = "He said ``we are ready.\nWe will open in May.'' Then he left."
    [(a, b)] = find_quotes(text)
    assert text[a + 1 : b - 1] == "we are ready.\nWe will open in May."


def test_a_straight_quote_never_crosses_a_line() -> None:
    assert find_quotes('He said "we are\nready" and left.') == []


def test_inverted_cue_after_a_quote_with_a_surname(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Spokeswoman Marta Quell said the line would reopen in July.\n"
        "``We have cut our design work and are focusing on engines,'' said Quell.",
    )
    (later,) = [s for s in _by(r, "Marta Quell") if s.mode == "direct"]
    assert later.text.startswith("We have cut our design work")
    assert not any(e.type == "Place" and e.name == "Quell" for e in r.entities)


def test_cue_tagged_as_a_noun_after_a_quote(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "``Nobody has built a freighter at this rate before,'' claims writer Tom Halvey.",
    )
    s = _one(r, "Tom Halvey")
    assert s.mode == "direct" and s.text.startswith("Nobody has built")


def test_name_beside_a_cue_the_parser_left_without_subject(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "When asked whether the order was a step towards better relations between the two "
        "countries, Orvia Executive Vice President Dana Kell replied, ``It is a business "
        "relationship and I am proud of it.''",
    )
    s = next(s for s in _by(r, "Dana Kell") if s.mode == "direct")
    assert s.text.startswith("It is a business relationship")


def test_present_tense_says(extractor: Extractor) -> None:
    r = _extract(extractor, "Orvia says it has 800 orders for the new freighter.")
    assert _one(r, "Orvia").text == "it has 800 orders for the new freighter"


def test_inner_states_are_attributions(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Chief executive Lena Brandt said the group expects to cut 4,000 jobs in Norland. "
        "Brandt believes the cuts can be made without layoffs.",
    )
    texts = [s.text for s in _by(r, "Lena Brandt")]
    assert any("cut 4,000 jobs" in t for t in texts)
    assert any(t.startswith("the cuts can be made") for t in texts)


def test_a_short_wish_is_no_statement(extractor: Extractor) -> None:
    r = _extract(extractor, "Orvia wants to do this.")
    assert r.statements == []


def test_announcing_news_but_not_a_product(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Orvia announced 35 new orders for its freighter on Saturday. "
        "Orvia also announced the Skylark X, a new business jet.",
    )
    (s,) = _by(r, "Orvia")
    assert "35 new orders" in s.text


def test_participle_of_saying_hangs_on_the_clause_subject(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'Senator Ada Rusk released a statement saying "This decision is troubling for our state."',
    )
    s = _one(r, "Ada Rusk")
    assert s.mode == "direct" and s.text == "This decision is troubling for our state."[:-1]


def test_saying_takes_the_quote_that_follows(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'At the launch, Piet Jansen began by hinting at the leak, saying, "Stop me if you '
        'have seen this before."',
    )
    s = _one(r, "Piet Jansen")
    assert s.mode == "direct" and s.text.startswith("Stop me if you have seen this")


def test_calling_something_by_a_quoted_name(extractor: Extractor) -> None:
    r = _extract(extractor, 'Ilona Marek called the Kestrian report "pure invention".')
    s = _one(r, "Ilona Marek")
    assert s.cue == "call" and s.mode == "mixed"
    assert "pure invention" in s.text and s.text.startswith("the Kestrian report")


def test_naming_is_not_calling(extractor: Extractor) -> None:
    r = _extract(extractor, "The village will be called Tessarin from June 14.")
    assert not [s for s in r.statements if s.cue == "call"]


def test_cue_set_inside_its_content(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Test pilot Anna Berg said on Monday the plane was ready. Since then, she says, the "
        "plane has flown for nearly ten hours without trouble.",
    )
    s = _by(r, "Anna Berg")[-1]
    assert s.text.startswith("Since then") and s.text.endswith("without trouble")


def test_name_and_colon_open_the_words(extractor: Extractor) -> None:
    r = _extract(extractor, "Secretary of the Navy Ella Ford: ``No, save it for the hearing.''")
    s = _one(r, "Ella Ford")
    assert s.mode == "direct" and s.cue == "colon"
    assert s.text.startswith("No, save it for the hearing")


def test_he_continued_after_a_quote(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'Minister Jusra Dal spoke in Calderin. "The ban must go, because our planes are '
        'banned from Europe," he continued.',
    )
    s = _one(r, "Jusra Dal")
    assert s.cue == "continue" and s.mode == "direct"


def test_the_company_resolves_to_the_organisation(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Orvia Aircraft reported a loss on Monday. In a statement, the company said that "
        "deliveries would resume in the autumn.",
    )
    s = _one(r, "Orvia Aircraft")
    assert s.text == "deliveries would resume in the autumn"


def test_negated_cue_over_a_question_is_no_claim(extractor: Extractor) -> None:
    r = _extract(extractor, "Orvia did not disclose whether the engines were part of the deal.")
    assert r.statements == []


def test_products_and_questions_do_not_speak(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "It is not yet clear how many people want the new service to be free. "
        "The update suggests the system is already in place.",
    )
    assert [s.speaker_name for s in r.statements] == []


def test_a_later_speaker_does_not_swallow_the_first_claim(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Navy officials said that the contract had been awarded on merit and price, with "
        'analyst Karl Dunn saying "The key was the fuel the bigger plane could carry."',
    )
    (officials,) = [s for s in r.statements if s.text.startswith("the contract had been")]
    assert officials.text.endswith("on merit and price") and officials.mode == "indirect"
    assert _one(r, "Karl Dunn").mode == "direct"


def test_spaced_straight_quotes_of_tokenised_text_pair_in_turn() -> None:
    text = 'He began by saying, " Stop me if you have heard this. " Then he left.'
    [(a, b)] = find_quotes(text)
    assert text[a + 1 : b - 1].strip() == "Stop me if you have heard this."


def test_a_participle_cue_takes_the_spaced_quote_after_it(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Opening the fair, Mayor Ilse Varga began by thanking the volunteers, saying, "
        '" Nobody here was paid for this work. " The fair runs until Sunday.',
    )
    (s,) = _by(r, "Ilse Varga")
    assert s.mode == "direct" and s.text.strip().startswith("Nobody here was paid")


def test_a_speaking_acronym_is_an_organisation(extractor: Extractor) -> None:
    r = _extract(extractor, "SIA said that the delays were disappointing for its customers.")
    s = _one(r, "SIA")
    assert r.entity(s.speaker or "").type == "Organization"


def test_citing_names_what_is_cited(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The audit office ordered a new tender for the bridge, citing serious flaws in the bidding.",
    )
    cited = [s for s in r.statements if s.cue == "cite"]
    assert len(cited) == 1 and cited[0].text.startswith("serious flaws")
    assert cited[0].speaker_name == "The audit office"


def test_posting_a_profit_is_not_a_statement(extractor: Extractor) -> None:
    r = _extract(extractor, "Halvard Motors posted a net profit of $997 million in the quarter.")
    assert not [s for s in r.statements if s.cue == "post"]
