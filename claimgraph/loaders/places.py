"""``claimgraph_places``: fix the entity types the small model gets wrong.

The statistical NER calls towns persons ("Goradiz"), regions organisations
and surnames nationalities. One pass over the document's entities, with the
gazetteer (a dictionary hit per entity) and a Matcher for context cues:

* "the (border) town/village/city of X", "X district(s)", "X, a village"
  make X a place even when no gazetteer knows it;
* "in/near/from X" with X in the gazetteer makes X a place;
* a surname already seen in a full name stays a person ("Aliyev");
* a place in a coordination with another place is a place too
  ("Terter, Jabrail, and Fuzuli districts");
* proper nouns that only modify a common noun ("Smerch rocket launchers")
  are not entities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.loaders.gazetteer import Gazetteer, get_gazetteer
from claimgraph.loaders.lexicon import DEMONYMS, PLACE_NOUNS, TITLE_WORDS

__all__ = ["PlaceFixer", "strip_possessive"]

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
_PLACE_PREPS = {
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
}
_NON_ENTITY_HEADS = {
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
_KNOWN = {"GPE", "LOC", "FAC"}
# After these, an unknown single name is a place ("residents of Stavenna", "fled to Pellinor").
_UNKNOWN_PLACE_PREPS = {
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
_SPEAKING = {"say", "tell", "add", "tweet", "write", "announce", "declare", "insist", "claim"}
_PLACE_VERBS = {
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


def strip_possessive(text: str) -> str:
    """ "Azerbaijan's" → "Azerbaijan"."""
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _name_tokens(span: Span) -> Span:
    """The span without a trailing possessive and a leading "the"."""
    start, end = span.start, span.end
    if end > start + 1 and span.doc[end - 1].lower_ in {"'s", "’s"}:
        end -= 1
    if end > start + 1 and span.doc[start].lower_ == "the":
        start += 1
    return span.doc[start:end]


class PlaceFixer:
    """The ``claimgraph_places`` pipeline component."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or get_gazetteer()
        self.matcher = Matcher(nlp.vocab)
        title_run = {"IS_TITLE": True, "OP": "+"}
        nouns = sorted({w for n in PLACE_NOUNS for w in n.split()})
        self.matcher.add(
            "OF", [[{"LOWER": {"IN": sorted(PLACE_NOUNS)}}, {"LOWER": "of"}, title_run]]
        )
        self.matcher.add(
            "SUFFIX",
            [
                [
                    title_run,
                    {
                        "LOWER": {
                            "IN": [
                                "district",
                                "districts",
                                "region",
                                "province",
                                "oblast",
                                "village",
                            ]
                        }
                    },
                ]
            ],
        )
        self.matcher.add(
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
        self.matcher.add(
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
        self.matcher.add("PREP", [[{"LOWER": {"IN": sorted(_PLACE_PREPS)}}, title_run]])

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gaz
        ents = list(doc.ents)
        surnames = {
            e[-1].text
            for e in ents
            if e.label_ == "PERSON" and len(_name_tokens(e)) >= 2 and not gaz.lookup(e.text)
        }
        # A bare name that speaks is a person ("Aliyev said"), wherever else it appears.
        surnames |= {
            e.text
            for e in ents
            if e.label_ == "PERSON"
            and len(e) == 1
            and e.root.dep_ == "nsubj"
            and e.root.head.lemma_ in _SPEAKING
        }
        label_of: dict[int, str] = {}  # ent start → new label ("" drops it)
        extra: list[Span] = []
        context_place: set[int] = set()
        for match_id, start, end in self.matcher(doc):
            rule = doc.vocab.strings[match_id]
            if rule == "OF":
                run = doc[start + 2 : end]
            elif rule == "SUFFIX":
                run = doc[start : end - 1]
            elif rule == "APPOS_AFTER":
                run = doc[start + 2 : end] if doc[start + 2].orth_ != "#" else doc[start + 3 : end]
            elif rule == "APPOS" and end < len(doc) and doc[end].lower_ in {"'s", "’s"}:
                continue  # "X, the region's president": X is the president
            elif rule == "APPOS":
                run = doc[
                    start : start + next(i for i, t in enumerate(doc[start:end]) if t.orth_ == ",")
                ]
            else:
                run = doc[start + 1 : end]
            if any(t.lower_ in _MONTHS or t.lower_ in TITLE_WORDS for t in run):
                continue
            if rule == "PREP" and not gaz.lookup(strip_possessive(run.text)):
                continue
            context_place.update(range(run.start, run.end))
            if not any(t.ent_type_ for t in run) and rule != "PREP":
                extra.append(Span(doc, run.start, run.end, label="GPE"))

        place_names = {strip_possessive(e.text) for e in ents if e.label_ in _KNOWN}
        for ent in ents:
            label = ent.label_
            if label == "ORG" and all(t.lower_ in TITLE_WORDS or not t.is_alpha for t in ent):
                label_of[ent.start] = ""  # "Prosecutor-General" alone is a title, not a body
                continue
            if (
                label == "ORG"
                and len(ent) == 1
                and ent.end < len(doc)
                and doc[ent.end].lower_ == "minister"
            ):
                label_of[ent.start] = ""  # "Defense" of "Defense Minister X"
                continue
            if ent.ent_id_ or label not in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}:
                continue  # the ruler knows; or not a name
            name = _name_tokens(ent)
            text = strip_possessive(name.text)
            head = name.root
            if label == "NORP" and text in DEMONYMS:
                continue
            if len(name) == 1 and text in surnames:
                label_of[ent.start] = "PERSON"
            elif (
                label in {"PERSON", "ORG"}
                and len(name) == 1
                and text not in surnames
                and (
                    head.dep_ == "dobj"
                    and head.head.lemma_ in _PLACE_VERBS
                    or head.dep_ == "pobj"
                    and head.head.lower_ in _UNKNOWN_PLACE_PREPS
                )
            ):
                label_of[ent.start] = "GPE"  # "visited Halvik", "near Halvik"
            elif (
                label == "PERSON"
                and head.dep_ == "compound"
                and head.head.lower_ in _NON_ENTITY_HEADS
            ):
                label_of[ent.start] = ""
            elif any(i in context_place for i in range(name.start, name.end)):
                label_of[ent.start] = "GPE"
            elif (
                label in _KNOWN
                and not gaz.lookup(text)
                and (
                    self._titled(name)
                    or len(name) >= 2
                    and (
                        head.dep_ == "nsubj"
                        and head.head.lemma_ in _SPEAKING
                        or any(
                            c.dep_ == "appos" and any(t.lower_ in TITLE_WORDS for t in c.subtree)
                            for c in head.children
                        )
                    )
                )
            ):
                label_of[ent.start] = "PERSON"  # "Marenia's Prosecutor-General, Elmira Aghazade"
            elif label in _KNOWN:
                continue
            elif gaz.lookup(text) and not self._looks_like_person(name, label):
                label_of[ent.start] = "GPE"
            elif label == "NORP" and len(name) == 1 and name[0].pos_ == "PROPN":
                label_of[ent.start] = "PERSON"

        # A name once placed stays a place ("Madagiz, another village" ... "#Madagiz").
        place_names |= {
            strip_possessive(_name_tokens(e).text) for e in ents if label_of.get(e.start) == "GPE"
        }
        place_names |= {x.text for x in extra}
        for ent in ents:
            text = strip_possessive(_name_tokens(ent).text)
            if (
                ent.label_ in {"PERSON", "ORG", "NORP"}
                and not ent.ent_id_
                and text in place_names
                and text not in surnames
            ):
                label_of[ent.start] = "GPE"
        # "Danel Rusk": a place-like surname after an untagged first name is a person.
        for ent in ents:
            if (
                label_of.get(ent.start, ent.label_) in _KNOWN | {"PERSON"}
                and not ent.ent_id_
                and len(ent) == 1
                and ent.start > 0
                and ent.start not in context_place
            ):
                prev = doc[ent.start - 1]
                if (
                    prev.pos_ == "PROPN"
                    and prev.is_title
                    and not prev.ent_type_
                    and prev.dep_ == "compound"
                    and prev.lower_ not in TITLE_WORDS
                ):
                    label_of[ent.start] = ""
                    extra.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
        if label_of or extra:
            fixed = []
            for ent in ents:
                new = label_of.get(ent.start, ent.label_)
                if new:
                    fixed.append(
                        ent if new == ent.label_ else Span(doc, ent.start, ent.end, label=new)
                    )
            doc.ents = filter_spans(fixed + extra)
        self._split_lists(doc)
        self._coordinations(doc)
        return doc

    def _titled(self, name: Span) -> bool:
        """A title right before the name, maybe across a comma: "Prosecutor-General, Elmira Aghazade"."""
        doc = name.doc
        i = name.start - 1
        if i >= 0 and doc[i].orth_ == ",":
            i -= 1
        return i >= 0 and doc[i].lower_ in TITLE_WORDS

    def _looks_like_person(self, name: Span, label: str) -> bool:
        doc = name.doc
        before = doc[name.start - 1] if name.start > 0 else None
        if before is not None and before.lower_ in TITLE_WORDS:
            return True
        if (
            before is not None
            and before.orth_ == ","
            and name.start > 1
            and doc[name.start - 2].lower_ in TITLE_WORDS
        ):
            return True  # "Prosecutor-General, Elmira Aghazade,"
        if label in _KNOWN:
            return False
        if before is not None and before.lower_ in _PLACE_PREPS:
            return False
        if label == "PERSON" and len(name) >= 2:
            return True  # "Kamran Aliyev": two-part names are people unless placed
        place = self.gaz.best(name.text)
        if place is None:
            return True
        # A bare single name known only as a small foreign village is more likely a person.
        return label == "PERSON" and place.kind == "city" and place.population < 1000

    def _split_lists(self, doc: Doc) -> None:
        """ "Ganja, Terter" tagged as one place becomes two."""
        ents = list(doc.ents)
        if not any(e.label_ in _KNOWN and "," in e.text for e in ents):
            return
        out: list[Span] = []
        for ent in ents:
            if ent.label_ not in _KNOWN or "," not in ent.text:
                out.append(ent)
                continue
            start = ent.start
            for t in ent:
                if t.orth_ in {",", "and"}:
                    if t.i > start:
                        out.append(Span(doc, start, t.i, label=ent.label_))
                    start = t.i + 1
            if ent.end > start:
                out.append(Span(doc, start, ent.end, label=ent.label_))
        doc.ents = out

    def _coordinations(self, doc: Doc) -> None:
        """Spread the place type along "X, Y, and Z" lists."""
        ents = list(doc.ents)
        by_token = {t: e for e in ents for t in range(e.start, e.end)}
        changed = False
        out = []
        for ent in ents:
            if ent.label_ in {"PERSON", "ORG", "NORP"} and not ent.ent_id_ and len(ent) == 1:
                tok = ent.root
                linked = [tok.head] if tok.dep_ == "conj" else []
                linked += [c for c in tok.children if c.dep_ == "conj"]
                if any(
                    by_token.get(t.i) is not None and by_token[t.i].label_ in _KNOWN for t in linked
                ):
                    out.append(Span(doc, ent.start, ent.end, label="GPE"))
                    changed = True
                    continue
            out.append(ent)
        if changed:
            doc.ents = out


@Language.factory("claimgraph_places")
def make_place_fixer(nlp: Language, name: str) -> PlaceFixer:
    """Factory for the ``claimgraph_places`` component."""
    return PlaceFixer(nlp)
