"""Who the source is, in shapes of real reporting, on sentences written for these
tests: sources that name no entity ("according to the company website"), speakers
of participles and relative clauses, requests for anonymity, and company names
the tagger cuts ("Air Canada", "Apple" of "Apple Inc.").
"""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.evaluation.attribution import is_attribution
from claimgraph.loaders.lexicon_titles import only_a_title
from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.records import Article, ArticleRecords, Statement


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=text, published=date(2025, 6, 14)))


def _claims(r: ArticleRecords) -> list[Statement]:
    return [s for s in r.statements if is_attribution(s)]


def _speaker(r: ArticleRecords, s: Statement) -> str | None:
    return r.entity(s.speaker).name if s.speaker else s.speaker_name


def test_according_to_a_company_channel_is_the_company(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Halden Motors Corp. opened a plant in Ostra last year. The founder of the firm "
        "has retired at the age of 71, according to the company website.",
    )
    [s] = _claims(r)
    assert s.cue == "according to"
    assert s.text == "The founder of the firm has retired at the age of 71"
    assert _speaker(r, s) == "Halden Motors Corp."


def test_according_to_evidence_without_a_name(extractor: Extractor) -> None:
    r = _extract(extractor, "According to police records, nine cars were stolen in May.")
    [s] = _claims(r)
    assert (s.speaker, s.speaker_name) == (None, "police records")
    assert s.text == "nine cars were stolen in May"


def test_according_to_a_plan_is_no_source(extractor: Extractor) -> None:
    r = _extract(extractor, "The trains to Ostra ran according to the timetable on Sunday.")
    assert _claims(r) == []


def test_the_noun_a_participle_hangs_on_speaks(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "In reply to critics saying that Halden had ignored the fault, the chairman "
        "spoke for an hour.",
    )
    [s] = _claims(r)
    assert s.speaker_name == "critics"
    assert s.text == "Halden had ignored the fault"


def test_the_author_of_a_letter_speaks_not_its_addressee(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'Mara Osk resigned in a letter to the board stating, "I have done what I came to do."',
    )
    [s] = _claims(r)
    assert _speaker(r, s) == "Mara Osk"


def test_who_is_the_person_not_the_place_the_clause_hangs_on(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The view is shared by Tomas Riel, a historian at Ostra University, who said, "
        '"Empires rarely fall in a day."',
    )
    [s] = _claims(r)
    assert _speaker(r, s) == "Tomas Riel"
    assert s.text == "Empires rarely fall in a day"


def test_asking_not_to_be_named_is_no_claim(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "A driver, who asked not to be named, said the depot had closed on Friday.",
    )
    [s] = _claims(r)
    assert s.text == "the depot had closed on Friday"


def test_a_place_inside_a_company_name_is_the_company(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Air Canada said it would cut flights. Qatar Airways said nothing. Canada said it "
        "would help the airline.",
    )
    speakers = [_speaker(r, s) for s in _claims(r)]
    assert speakers[:1] == ["Air Canada"]
    assert "Canada" in speakers
    air = next(e for e in r.entities if e.name == "Air Canada")
    assert air.type == "Organization"


def test_a_company_named_without_its_designator_is_one_entity(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Halden Motors Co. posted a profit on Monday. Halden said sales rose, and "
        "Halden Motors said it would hire staff.",
    )
    orgs = [e for e in r.entities if e.type == "Organization"]
    assert [e.name for e in orgs] == ["Halden Motors Co."]
    assert {_speaker(r, s) for s in _claims(r)} == {"Halden Motors Co."}


def test_a_promise_to_act_is_what_the_speaker_said(extractor: Extractor) -> None:
    r = _extract(extractor, "Halden Motors has promised to recall every affected car by June.")
    [s] = _claims(r)
    assert (s.cue, s.mode) == ("promise", "indirect")
    assert s.text == "to recall every affected car by June"


def test_a_stance_adjective_gives_the_view_of_its_subject(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Mara Osk is concerned that the dam at Ostra could fail. It is certain that "
        "prices will rise. Analysts are not sure the plan will work.",
    )
    [s] = _claims(r)
    assert (_speaker(r, s), s.cue) == ("Mara Osk", "concerned")
    assert s.text == "the dam at Ostra could fail"


def test_an_agentless_accusation_has_an_unnamed_source(extractor: Extractor) -> None:
    r = _extract(extractor, "The depot in Ostra has been accused of hoarding fuel since May.")
    [s] = _claims(r)
    assert (s.cue, s.speaker, s.speaker_name) == ("accuse", None, "unnamed source")


def test_a_title_alone_is_no_name() -> None:
    assert only_a_title(["Chief", "Executive", "Officer"])
    assert only_a_title(["Deputy", "Foreign", "Minister"])
    assert not only_a_title(["Mara", "Osk"])
    assert not only_a_title(["Chief", "Justice", "Mara", "Osk"])
    assert not only_a_title([])


def test_the_company_is_the_firm_not_the_maker_of_its_product(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Ostra Air said it had ordered twenty Airbus A320 passenger jets. The company "
        "said that the jets would serve its domestic routes.",
    )
    assert [_speaker(r, s) for s in _claims(r)] == ["Ostra Air", "Ostra Air"]


def test_a_name_inside_the_cues_own_words_is_no_speaker(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'Tom Reed spoke on Monday. "We plan to grow our routes," he adds, noting flights '
        "to Europe are possible.",
    )
    [s] = _claims(r)
    assert (_speaker(r, s), s.text) == ("Tom Reed", "We plan to grow our routes")
    assert next(e for e in r.entities if e.name == "Europe").type == "Place"
