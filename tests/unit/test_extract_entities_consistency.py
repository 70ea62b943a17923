"""Entities on real-news shapes: one name one entity per article, short forms,
capitals that are never towns, demonyms, whole names after place cues."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from claimgraph.loaders.entity_consistency import one_entity_per_name
from claimgraph.loaders.entity_table import EntityTable, Mention
from claimgraph.loaders.gazetteer import get_gazetteer
from claimgraph.loaders.name_kinds import acronym, named_like_a_site, named_like_an_organisation
from claimgraph.loaders.person_names import what_person_span_is
from claimgraph.loaders.pipeline import Extractor
from claimgraph.loaders.places_cues import cue_matcher, cue_runs
from claimgraph.schema.records import Article, ArticleRecords, Entity


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=text, published=date(2021, 3, 2)))


def _mentioned(table: EntityTable, e: Entity, times: int) -> None:
    for i in range(times):
        at = 100 * len(table.mentions) + i
        table.mark(e, at, at + 1)
        table.mentions.append(Mention(at, at + 1, e.name, "X", e.id))


def test_one_name_takes_the_type_of_most_of_its_mentions() -> None:
    table = EntityTable()
    org = table.add("Organization", "Veltra Avionics")
    person = table.add("Person", "Veltra Avionics")
    _mentioned(table, org, 3)
    _mentioned(table, person, 1)
    one_entity_per_name(table)
    assert [(e.name, e.type) for e in table.entities] == [("Veltra Avionics", "Organization")]
    assert table.get(person.id) is org  # ids handed out before still resolve
    assert all(m.entity == org.id for m in table.mentions)


def test_a_country_wins_over_a_person_of_its_name() -> None:
    table = EntityTable()
    person = table.add("Person", "Kestria")
    country = table.add("Place", "Kestria", "country", is_actor=True)
    _mentioned(table, person, 2)
    _mentioned(table, country, 1)
    one_entity_per_name(table)
    assert [(e.name, e.type, e.kind) for e in table.entities] == [("Kestria", "Place", "country")]


def test_ids_stay_unique_after_a_merge() -> None:
    table = EntityTable()
    a = table.add("Organization", "Orvane Group")
    b = table.add("Place", "Orvane Group")
    _mentioned(table, a, 2)
    one_entity_per_name(table)
    c = table.add("Person", "Mira Tolvek")
    assert c.id not in {a.id, b.id}
    assert len({e.id for e in table.entities}) == len(table.entities)


def test_short_forms_join_their_organisation() -> None:
    table = EntityTable()
    airline = table.add("Organization", "Selvar Airways")
    office = table.add("Organization", "Federal Audit Office")
    table.add("Place", "Selvar", "place")  # the tagger's guess, no gazetteer behind it
    table.add("Person", "FAO")
    one_entity_per_name(table)
    assert {e.name for e in table.entities} == {"Selvar Airways", "Federal Audit Office"}
    assert "Selvar" in airline.aliases and "FAO" in office.aliases


def test_a_town_or_a_surname_is_no_short_form() -> None:
    table = EntityTable()
    table.add("Organization", "Dravik Mosque")
    table.add("Place", "Dravik", "place")  # the town the mosque is named after
    table.add("Organization", "Halloran Motors")
    table.add("Person", "Pia Halloran")
    table.add("Person", "Halloran")  # her surname, not the company
    one_entity_per_name(table)
    assert {e.name for e in table.entities} == {
        "Dravik Mosque",
        "Dravik",
        "Halloran Motors",
        "Pia Halloran",
        "Halloran",
    }


def test_capitals_are_never_towns() -> None:
    gaz = get_gazetteer()
    # Airport codes among geonames' alternate names are not names of the city.
    assert not any(p.name == "Sacramento" for p in gaz.lookup("SAC"))
    assert any(p.name == "Sacramento" for p in gaz.lookup("Sacramento"))
    assert acronym("GAO") and not acronym("Gao") and not acronym("D.C.")
    assert named_like_an_organisation("GAO", gaz)  # not the Gao region of Mali
    assert not named_like_an_organisation("USA", gaz)


def test_cue_runs_are_whole_names(extractor: Extractor) -> None:
    doc = extractor.nlp("Investors bought a large share in Halden Fosk last year.")
    runs = [r.text for rule, r in cue_runs(doc, cue_matcher(extractor.nlp.vocab))]
    assert "Halden" not in runs  # a town in Norway, but here the start of a company's name


def test_a_plural_name_after_the_is_a_group(extractor: Extractor) -> None:
    doc = extractor.nlp("The lawyers of the Harrowgates sued the label.")
    band = Span(doc, 4, 5, label="PERSON")
    assert what_person_span_is(doc, band, "Harrowgates", EntityTable(), set()) == "organization"
    person = Span(doc, 4, 5, label="PERSON")
    assert what_person_span_is(doc, person, "Harrowgates", EntityTable(), {"Harrowgates"}) == (
        "person"
    )


def test_demonyms_name_their_country(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Indonesian officials met Irish diplomats in Jakarta on Monday. "
        "Indonesia and Ireland agreed to talk again.",
    )
    indonesia = next(e for e in r.entities if e.name == "Indonesia")
    assert indonesia.type == "Place" and indonesia.is_actor
    assert "Indonesian" in indonesia.aliases
    assert not any(e.type == "Person" for e in r.entities)


def test_a_leading_preposition_is_not_part_of_a_place(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Near Bir Hasna, two strikes destroyed a fighting position.\n"
        "Troops advanced in East Mosul, the ministry said.",
    )
    names = {e.name: e.type for e in r.entities}
    assert names.get("Bir Hasna") == "Place"  # the tagger reads "Near Bir Hasna" as a person
    assert names.get("East Mosul") == "Place"


def test_facilities_and_landmarks_are_places() -> None:
    assert named_like_a_site("Tarvel Military Airfield")
    assert named_like_a_site("Orsk Barrage") and named_like_a_site("Camp Verrin")
    assert not named_like_a_site("Tarvel Military Command")
    assert not named_like_a_site("Airfield")


def test_a_site_named_after_the_army_is_still_a_site(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Coalition jets struck the Tarvel Military Airfield near Homs. "
        "Engineers inspected the Orsk Barrage.",
    )
    names = {e.name: (e.type, e.kind) for e in r.entities}
    assert names.get("Tarvel Military Airfield") == ("Place", "site")
    assert names.get("Orsk Barrage") == ("Place", "site")


def test_a_class_noun_before_a_name_makes_it_a_body(extractor: Extractor) -> None:
    doc = extractor.nlp("Sales rose at electronics retailer Vorn Halbeck last year.")
    shop = Span(doc, 5, 7, label="PERSON")
    assert what_person_span_is(doc, shop, "Vorn Halbeck", EntityTable(), set()) == "organization"
    doc = extractor.nlp("Sales rose, said spokesman Vorn Halbeck last year.")
    man = Span(doc, 5, 7, label="PERSON")
    assert what_person_span_is(doc, man, "Vorn Halbeck", EntityTable(), set()) == "person"


def test_a_titled_surname_is_never_placed(extractor: Extractor) -> None:
    r = _extract(extractor, "The letter of President Halvorsen reached the council on Monday.")
    assert [e.type for e in r.entities if e.name.endswith("Halvorsen")] == ["Person"]


def test_a_place_without_its_designator_is_that_place() -> None:
    table = EntityTable()
    river = table.add("Place", "Varne River", "place")
    table.add("Organization", "Varne")  # "water to the Varne", as the tagger reads it
    table.add("Person", "Ilse Ostra")
    table.add("Person", "Ostra")
    table.add("Place", "Ostra Lake", "place")
    one_entity_per_name(table)
    assert {e.name for e in table.entities} == {"Varne River", "Ilse Ostra", "Ostra", "Ostra Lake"}
    assert "Varne" in river.aliases


def test_a_weapon_named_in_a_list_is_no_entity(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Officials said the city was being targeted by Polonez and Smerch multiple rocket "
        "launchers.",
    )
    assert not any(e.name in {"Polonez", "Smerch"} for e in r.entities)


def test_an_acronym_joins_the_body_it_abbreviates() -> None:
    table = EntityTable()
    office = table.add("Organization", "Federal Audit Office", "agency")
    table.add("Organization", "FAO")
    table.add("Organization", "UN", "international body")  # the ruler's own body: left alone
    one_entity_per_name(table)
    assert {e.name for e in table.entities} == {"Federal Audit Office", "UN"}
    assert "FAO" in office.aliases


def test_an_air_force_is_named_as_a_service(extractor: Extractor) -> None:
    r = _extract(extractor, "The U.S. Air Force said the tanker deal was fair.")
    force = next(e for e in r.entities if "U.S. Air Force" in e.aliases)
    assert force.name == "American Air Force" and force.kind == "armed forces"
