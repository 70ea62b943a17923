"""The words around a name that tell a place from a person, for ``claimgraph_places``.

The word sets the retyping rules look for ("near X", "visited X", "X said"),
and a Matcher for the context that makes a name a place on its own: "the
(border) town/village/city of X", "X district(s)", "X, a village",
"village, #X" and "in/near/from X".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claimgraph.loaders.lexicon import PLACE_NOUNS, TITLE_WORDS

__all__ = [
    "NON_ENTITY_HEADS",
    "PLACE_PREPS",
    "PLACE_VERBS",
    "SPEAKING",
    "UNKNOWN_PLACE_PREPS",
    "cue_matcher",
    "cue_runs",
]

_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
PLACE_PREPS = {
    "in",
    "near",
    "from",
    "outside",
    "at",
    "into",
    "toward",
    "towards",
    "around",
    "against",
    "to",
    "across",
    "over",
    "of",
    "throughout",
    "inside",
    "within",
}
NON_ENTITY_HEADS = {
    "launcher",
    "launchers",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "drone",
    "drones",
    "system",
    "systems",
    "tank",
    "tanks",
    "jet",
    "jets",
    "howitzer",
}
# After these, an unknown single name is a place ("residents of Stavenna", "fled to Pellinor").
UNKNOWN_PLACE_PREPS = {
    "in",
    "near",
    "outside",
    "around",
    "into",
    "from",
    "at",
    "to",
    "toward",
    "towards",
    "of",
    "across",
}
SPEAKING = {"say", "tell", "add", "tweet", "write", "announce", "declare", "insist", "claim"}
PLACE_VERBS = {
    "visit",
    "enter",
    "capture",
    "shell",
    "strike",
    "hit",
    "attack",
    "bomb",
    "seize",
    "liberate",
    "recapture",
    "retake",
    "evacuate",
    "leave",
    "reach",
    "surround",
    "storm",
}
_SUFFIXES = ["district", "districts", "region", "province", "oblast", "village"]
_POSSESSIVES = {"'s", "’s"}


def cue_matcher(vocab: Vocab) -> Matcher:
    """The rules "OF", "SUFFIX", "APPOS", "APPOS_AFTER" and "PREP", each around a run of
    capitalised words."""
    matcher = Matcher(vocab)
    title_run = {"IS_TITLE": True, "OP": "+"}
    nouns = sorted({w for n in PLACE_NOUNS for w in n.split()})
    matcher.add("OF", [[{"LOWER": {"IN": sorted(PLACE_NOUNS)}}, {"LOWER": "of"}, title_run]])
    matcher.add("SUFFIX", [[title_run, {"LOWER": {"IN": _SUFFIXES}}]])
    matcher.add(
        "APPOS",
        [
            [
                title_run,
                {"ORTH": ","},
                {"LOWER": {"IN": ["a", "an", "another", "the"]}},
                {"POS": {"IN": ["ADJ", "NOUN"]}, "OP": "*"},
                {"LOWER": {"IN": nouns}},
            ]
        ],
    )
    matcher.add(
        "APPOS_AFTER",
        [
            [
                {"LOWER": {"IN": ["village", "town", "city", "settlement"]}},
                {"ORTH": ","},
                {"ORTH": "#", "OP": "?"},
                title_run,
            ]
        ],
    )
    matcher.add("PREP", [[{"LOWER": {"IN": sorted(PLACE_PREPS)}}, title_run]])
    return matcher


def cue_runs(doc: Doc, matcher: Matcher) -> Iterator[tuple[str, Span]]:
    """(rule, name) for each match of ``matcher`` whose name is no date and no title."""
    for match_id, start, end in matcher(doc):
        rule = doc.vocab.strings[match_id]
        run = _name_run(doc, rule, start, end)
        if run is None or any(t.lower_ in _MONTHS or t.lower_ in TITLE_WORDS for t in run):
            continue
        if rule in {"OF", "PREP"} and run.end < len(doc) and doc[run.end].is_title:
            # The Matcher also yields prefixes of a name: "in Aer" of "in Aer Lingus"
            # must not make the airline a place because a town is called Aer.
            continue
        yield rule, run


def _name_run(doc: Doc, rule: str, start: int, end: int) -> Span | None:
    """The capitalised words of a match, without the cue words around them."""
    if rule == "OF":
        return doc[start + 2 : end]
    if rule == "SUFFIX":
        return doc[start : end - 1]
    if rule == "APPOS_AFTER":
        return doc[start + 2 : end] if doc[start + 2].orth_ != "#" else doc[start + 3 : end]
    if rule == "APPOS":
        if end < len(doc) and doc[end].lower_ in _POSSESSIVES:
            return None  # "X, the region's president": X is the president
        comma = next(i for i, t in enumerate(doc[start:end]) if t.orth_ == ",")
        return doc[start : start + comma]
    return doc[start + 1 : end]
