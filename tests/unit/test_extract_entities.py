"""Entities: typing, gazetteer spellings, stable keys, roles, renamings."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.loaders.gazetteer import get_gazetteer
from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.records import Article, ArticleRecords, Entity


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(extractor: Extractor, text: str) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=text, published=date(2020, 10, 5)))


def _named(records: ArticleRecords, name: str) -> Entity:
    found = [e for e in records.entities if e.name == name] or [
        e for e in records.entities if name in e.aliases
    ]
    assert found, f"{name!r} not among {[e.name for e in records.entities]}"
    return found[0]


def test_gazetteer_knows_alternate_spellings() -> None:
    gaz = get_gazetteer()
    assert gaz.best("Terter", {"AZ"}) == gaz.best("Tartar", {"AZ"})
    assert gaz.best("Fizuli", {"AZ"}).country == "AZ"  # type: ignore[union-attr]
    assert gaz.country("Azerbaijani").name == "Azerbaijan"  # type: ignore[union-attr]


def test_towns_are_places_not_people(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Shells fell on Goradiz and Terter overnight, the Azerbaijani Defense "
        "Ministry said. Residents of Goradiz fled to Ganja.",
    )
    for town in ("Goradiz", "Terter", "Ganja"):
        e = _named(r, town)
        assert e.type == "Place", town
        assert e.geonames_id, town
    assert _named(r, "Azerbaijan").is_actor


def test_places_known_only_from_context(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Artillery hit the border town of Vessa, and troops entered the village "
        "of Orlik in the Dremsk district.",
    )
    assert _named(r, "Vessa").type == "Place"
    assert _named(r, "Orlik").kind == "village"
    assert _named(r, "Dremsk").type == "Place"


def test_people_sharing_a_surname_stay_apart(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "President Ilham Aliyev spoke first. Aliyev said the offensive would go "
        "on. Prosecutor-General Kamran Aliyev said 19 civilians had died. Later, "
        "Aliyev said talks were possible.",
    )
    ilham, kamran = _named(r, "Ilham Aliyev"), _named(r, "Kamran Aliyev")
    assert ilham.key != kamran.key
    assert ilham.key == "person:ilham aliyev"
    speakers = [s.speaker for s in r.statements]
    assert speakers.count(ilham.id) == 2 and speakers.count(kamran.id) == 1


def test_keys_are_stable_across_articles(extractor: Extractor) -> None:
    a = _extract(extractor, "Azerbaijan's Defense Ministry said Fizuli was shelled.")
    b = _extract(extractor, "The Azerbaijani Defense Ministry said Fuzuli was shelled again.")
    assert (
        _named(a, "Azerbaijani Defense Ministry").key
        == _named(b, "Azerbaijani Defense Ministry").key
    )
    assert _named(a, "Fizuli").key == _named(b, "Fuzuli").key


def test_demonyms_and_forces_resolve_to_countries(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Armenian forces and Armenia's armed forces are the same army. The "
        "Armenian Defense Ministry said so.",
    )
    forces = _named(r, "Armenian Armed Forces")
    assert forces.type == "Organization" and "Armenia's armed forces" in forces.aliases
    assert _named(r, "Armenia").is_actor


def test_invented_countries_from_their_demonyms(extractor: Extractor) -> None:
    r = _extract(extractor, "Marenia's Defense Ministry said Marenian troops held the line.")
    assert _named(r, "Marenia").is_actor
    assert _named(r, "Marenian Defense Ministry").kind == "ministry"


def test_roles_from_titles(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "Armenian Defense Ministry spokesman Artsrun Hovhannisian said the front "
        "held. Defense Minister Zakir Hasanov said it did not.",
    )
    role = _named(r, "Artsrun Hovhannisian").roles[0]
    assert role.title == "spokesman" and r.entity(role.of or "").name == "Armenian Defense Ministry"
    assert _named(r, "Zakir Hasanov").roles[0].title == "Defense Minister"


def test_a_country_adjective_before_a_title_says_whose_title(extractor: Extractor) -> None:
    # (the adjective is no entity of its own here: the title's walk meets it)
    r = _extract(
        extractor,
        "Kestrian Prime Minister Lidia Vorn alleged on Tuesday that foreign fighters were "
        "in the valley, citing intelligence gathered by Kestria's security service. "
        "Spokesman Olek Varn declined to comment.",
    )
    role = _named(r, "Lidia Vorn").roles[0]
    assert role.title == "Prime Minister" and r.entity(role.of or "").name == "Kestria"
    assert _named(r, "Olek Varn").roles[0].of is None  # nothing names his country


def test_renamed_village_keeps_both_names(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        'Aliyev said another village, Madagiz, had been captured. "From October 3, '
        "2020, I am restoring the historical name #Madagiz. From now on it will "
        'be called #Sugovushan," Aliyev said.',
    )
    old, new = _named(r, "Madagiz"), _named(r, "Sugovushan")
    assert old.type == new.type == "Place"
    assert old.renamed and old.renamed[0].to == new.id and old.renamed[0].on == date(2020, 10, 3)
    assert "Sugovushan" in old.aliases and "Madagiz" in new.aliases


def test_part_of_from_district(extractor: Extractor) -> None:
    r = _extract(extractor, "Rockets hit Goradiz, in the Fizuli district, the ministry said.")
    assert _named(r, "Goradiz").part_of == _named(r, "Fizuli").id


def test_names_with_an_apostrophe_stay_whole(extractor: Extractor) -> None:
    r = _extract(
        extractor,
        "The United Nations envoy Conor O'Brien said on Friday that both sides had agreed "
        'to a truce. "We expect it to hold," O\'Brien told reporters.',
    )
    person = _named(r, "Conor O'Brien")
    assert person.type == "Person"
    assert "Conor" not in [e.name for e in r.entities]
    speakers = {s.speaker for s in r.statements}
    assert speakers == {person.id}
