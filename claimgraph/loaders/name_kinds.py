"""What a name is, read from its own words: a title and a name, a body's
name, an acronym; and the adjective of a country the article names only as a
noun."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.loaders.gazetteer import Gazetteer

__all__ = [
    "acronym",
    "adjective_of",
    "named_like_a_site",
    "named_like_an_organisation",
    "organisation_around",
    "titled_person",
]


_PERSON_TITLES = frozenset(
    {
        "spokeswoman",
        "spokesman",
        "spokesperson",
        "president",
        "minister",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "envoy",
        "general",
        "colonel",
        "chairman",
        "chairwoman",
        "ceo",
        "director",
        "secretary",
        "judge",
        "prosecutor",
        "commander",
        "analyst",
        "professor",
        "dr",
    }
)


def titled_person(doc: Doc, start: int, end: int) -> bool:
    toks = doc[start:end]
    if len(toks) not in {3, 4} or toks[0].lower_ not in _PERSON_TITLES:
        return False
    rest = toks[1:]
    return all(t.is_title and t.pos_ == "PROPN" for t in rest) and not any(
        t.lower_ in {"ministry", "group", "company", "agency", "office", "council"} for t in rest
    )


_BODY_HEADS = frozenset(
    """university college association brigade brigades battalion battery regiment committee
    council conference dialogue front movement party foundation institute agency company
    corporation bank network coalition alliance union league society federation commission
    directorate command""".split()
)


def acronym(text: str) -> bool:
    """A name written in capitals: "GAO", "SDF" (not "D.C.", which places write too)."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def named_like_an_organisation(text: str, gaz: Gazetteer) -> bool:
    """A "place" whose name is an acronym (SDF, ISF) or ends in a body's head noun
    ("Damascus University", "Manama Dialogue") is an organisation, unless the
    gazetteer knows a country (USA, UAE) or, for a headed name, a big place by that name."""
    words = text.split()
    headed = len(words) >= 2 and words[-1].lower() in _BODY_HEADS
    if not (acronym(text) or headed):
        return False
    if gaz.country(text) is not None:
        return False
    if acronym(text):
        # The gazetteer matches regardless of case: "GAO" would be the Gao region of Mali.
        return True
    return not any(
        p.population >= 100_000 or p.kind in {"region", "country"} for p in gaz.lookup(text)
    )


_SITE_HEADS = frozenset(
    """airfield airbase airport base barrage dam bridge mosque gate prison palace stadium
    square refinery checkpoint crossing""".split()
)
_SITE_FIRST = frozenset({"camp", "fort", "mount", "lake", "lakes"})


def named_like_a_site(text: str) -> bool:
    """A facility or a landmark, a place whatever the tagger says: "Tiyas Military
    Airfield", "Mosul Dam", "Camp Hurriya" (not the army or the ministry that runs it)."""
    words = text.split()
    if len(words) < 2 or not all(w[:1].isupper() or w.islower() for w in words):
        return False
    return words[-1].lower() in _SITE_HEADS or words[0].lower() in _SITE_FIRST


def adjective_of(country: str) -> str:
    """The adjective of a country the article names only as a noun: Kestria → Kestrian.

    Deterministic, so that "Kestria's Health Ministry" in one article and
    "the Kestrian Health Ministry" in another are one organisation.
    """
    if country.endswith("a"):
        return country + "n"
    return country


# Words that make a place's name a company's or an outlet's: "Air Canada",
# "Singapore Airlines", "Qatar Airways", "Jakarta Post", "Gulf Times".
_TRADE_WORDS = frozenset(
    """air airlines airways aviation telecom telecommunications bank times post herald tribune
    gazette daily press television tv radio broadcasting motors petroleum oil steel railways
    holdings insider""".split()
)


def organisation_around(span: Span) -> Span | None:
    """A place the tagger cut out of a company's name, as that name: "Canada" in
    "Air Canada said" is the airline, not the country.

    The span grows over the capitalised proper nouns of its compound (no other
    entity's), and it is an organisation when a word it gains is a trade word.
    """
    if span.label_ not in {"GPE", "LOC", "NORP"}:
        return None
    doc = span.doc
    start, end = span.start, span.end

    def free(i: int) -> bool:
        t = doc[i]
        return t.pos_ == "PROPN" and t.is_title and not t.ent_type_

    while start > 0 and free(start - 1) and doc[start - 1].dep_ == "compound":
        start -= 1
    while end < len(doc) and free(end) and doc[end - 1].dep_ == "compound":
        end += 1
    gained = [*doc[start : span.start], *doc[span.end : end]]
    if not any(t.lower_ in _TRADE_WORDS for t in gained):
        return None
    return Span(doc, start, end, label="ORG")
