"""How mentions are named: one full name per person, demonyms of a country,
and the kind of place the words around a place name give it.

A surname-only mention joins the most salient full name that ends with it,
so two people who share a surname are never merged.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.loaders.lexicon import PLACE_NOUNS, TITLE_WORDS
from claimgraph.loaders.places import strip_possessive

__all__ = ["demonyms", "person_clusters", "place_kind"]

_DEMONYM_SUFFIXES = ("n", "an", "i", "ian", "ese")


def demonyms(country: str) -> set[str]:
    """Words that may name a country's people or things: "Armenia" → "Armenian", …"""
    stem = country[:-1] if country[-1:] in "aey" else country
    return {country + s for s in _DEMONYM_SUFFIXES} | {stem + s for s in _DEMONYM_SUFFIXES}


def _name_word(word: str) -> bool:
    """Letters only, or a name with an apostrophe inside ("O'Brien", "D’Souza")."""
    if word.isalpha():
        return True
    inner = word.replace("'", "").replace("’", "")
    return inner.isalpha() and word[0].isalpha() and word[-1].isalpha()


def person_clusters(doc: Doc, ents: list[Span]) -> dict[int, str]:
    """Person mention start → canonical full name; surnames join the most salient bearer."""
    out: dict[int, str] = {}
    counts: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        toks = [
            t
            for t in doc[ent.start : ent.end]
            if t.lower_ not in TITLE_WORDS and _name_word(t.text) or "-" in t.text
        ]
        name = " ".join(t.text for t in toks) or ent.text
        name = strip_possessive(name)
        if len(name.split()) >= 2:
            full = name
        else:
            bearers = [n for n in counts if n.split()[-1] == name]
            full = max(bearers, key=lambda n: (counts[n], last_seen[n])) if bearers else name
        counts[full] = counts.get(full, 0) + 1
        last_seen[full] = ent.start
        out[ent.start] = full
    return out


def place_kind(doc: Doc, ent: Span) -> str | None:
    """ "the village of X", "X district": the noun next to the name says what it is."""
    before = doc[max(0, ent.start - 3) : ent.start]
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ in PLACE_NOUNS:
        return PLACE_NOUNS[before[-2].lower_]
    after = doc[ent.end : ent.end + 1]
    if after and after[0].lower_ in PLACE_NOUNS:
        return PLACE_NOUNS[after[0].lower_]
    # "Terter, Jabrail, and Fuzuli districts": the noun closes the list.
    for t in doc[ent.end : min(len(doc), ent.end + 8)]:
        if t.lower_ in {"districts", "regions", "villages", "provinces"}:
            return PLACE_NOUNS.get(t.lower_) or PLACE_NOUNS.get(t.lower_[:-1])
        if not (t.is_title or t.orth_ in {",", "and"}):
            break
    return None
