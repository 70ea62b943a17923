"""Is a span the tagger calls a person really a person's name?

The small English model tags many names it does not know as PERSON:
fictional and foreign places ("Stavenna", "Halt Meadow"), aircraft
("SK-27"), charities ("Meridian Relief"), countries seen without their
demonym ("Kestria's Health Ministry"). The words of the name and the words
around it say what it is, the way a reader tells.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.loaders.entity_table import EntityTable
from claimgraph.loaders.lexicon import TITLE_WORDS
from claimgraph.loaders.lexicon_titles import only_a_title

__all__ = ["what_person_span_is"]

# Last words that make a name a place or an organisation, never a person.
_PLACE_HEADS = frozenset(
    """meadow meadows field fields hill hills valley river lake bridge square street road
    avenue airport airfield airbase base camp port harbour harbor crossing pass ridge heights
    plain plains forest park station district province region village town city island
    islands mountain mountains gorge bay coast strait canal dam checkpoint junction""".split()
)
_ORG_HEADS = frozenset(
    """relief aid foundation fund trust society institute group company corporation corp inc
    ltd llc plc bank party front movement council association union league alliance network
    watch international agency service news press times post television tv radio airlines
    airways motors systems ministry army forces brigade battalion committee commission office
    bureau university college school hospital church federation coalition organisation
    organization aircraft electronics industries technologies computer computers holdings
    entertainment records energy pharmaceuticals communications media studios labs""".split()
)
# Common nouns that class the name after them as a body: "retailer X", "magazine X".
_ORG_CLASSES = frozenset(
    """company firm airline carrier manufacturer maker retailer magazine newspaper
    broadcaster network publisher daily weekly tabloid website outlet agency bank insurer
    contractor conglomerate subsidiary startup chain label band club team charity union
    studio automaker carmaker planemaker supplier""".split()
)
_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "from", "to", "across", "at", "into", "outside", "around", "toward", "towards"}
)
_COUNTRY_OWNS = frozenset(
    """ministry government army forces military president parliament troops foreign defence
    defense interior health prime embassy border""".split()
)
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "lady", "lord", "mr.", "mrs.", "ms.", "dr."}
)


def what_person_span_is(
    doc: Doc, ent: Span, text: str, table: EntityTable, surnames: set[str]
) -> str:
    """ "person", "place", "organization", "country" or "none" (equipment, fragments)."""
    words = text.split()
    if not words:
        return "none"
    low = [w.lower() for w in words]
    if any(ch.isdigit() for ch in text):
        return "none"  # "SK-27", "F-16": equipment, not people
    if only_a_title(low):
        return "none"  # "Chief Executive Officer": a title the tagger took for a name
    if low[-1] in _PLACE_HEADS:
        return "place"
    if low[-1] in _ORG_HEADS:
        return "organization"
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in _ORG_CLASSES:
        return "organization"  # "electronics retailer X", "German magazine X"
    if len(words) >= 2:
        if table.country_of(words[0]) is not None:
            return "none"  # "Varossan Defence": a fragment of an organisation's name
        return "person"
    if text in surnames:
        return "person"
    led = ent[0].lower_ == "the" or ent.start > 0 and doc[ent.start - 1].lower_ == "the"
    if text.endswith("s") and led:
        return "organization"  # "the Beatles", "the Sunnis": a group, not one person
    # A one-word name with no full name behind it: what its mentions around
    # the article say (news introduces people by full name, places bare).
    signals = [_signal(doc, i, i + 1) for i in _positions(doc).get(text, ())] or [
        _signal(doc, ent.start, ent.end)
    ]
    for kind in ("person", "country", "place"):
        if kind in signals:
            return kind
    return "person"


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Token indexes by text, built once per document (not once per name)."""
    found = doc.user_data.get("claimgraph_positions")
    if not isinstance(found, dict):
        found = {}
        for t in doc:
            found.setdefault(t.text, []).append(t.i)
        doc.user_data["claimgraph_positions"] = found
    return found


def _signal(doc: Doc, start: int, end: int) -> str | None:
    before = doc[start - 1] if start > 0 else None
    after = doc[end : end + 2]
    if before is not None and (
        before.lower_ in TITLE_WORDS and not before.is_stop or before.lower_ in _HONORIFICS
    ):
        return "person"
    if len(after) == 2 and after[0].lower_ in {"'s", "’s"} and after[1].lower_ in _COUNTRY_OWNS:
        return "country"
    if before is not None and before.lower_ in _PLACE_PREPOSITIONS:
        return "place"
    if before is not None and start > 1:
        verb = doc[start - 2] if before.lower_ == "for" else before
        if verb.lemma_ in _PLACE_VERBS:
            return "place"  # "left for X", "would keep X", "captured X"
    if before is not None and before.lower_ == "of" and start > 1 and doc[start - 2].pos_ == "NOUN":
        return "place"  # "the district of X", "the people of X"
    if after and after[0].lower_ in _PLACE_AFTER:
        return "place"
    if (
        before is not None
        and before.text == ","
        and start > 1
        and doc[start - 2].ent_type_ == "GPE"
    ):
        return "place"  # "Norland, Castavia and Belmora"
    return None


_PLACE_VERBS = frozenset(
    """leave head depart keep capture retake seize liberate shell bomb visit enter occupy
    evacuate flee rename hold""".split()
)
_PLACE_AFTER = frozenset(
    {"region", "district", "province", "border", "side", "city", "town", "village", "area"}
)
