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

The cue words and the Matcher are in :mod:`claimgraph.loaders.places_cues`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph.loaders.gazetteer import Gazetteer, get_gazetteer
from claimgraph.loaders.lexicon import DEMONYMS, TITLE_WORDS
from claimgraph.loaders.name_kinds import acronym
from claimgraph.loaders.places_cues import (
    NON_ENTITY_HEADS,
    PLACE_PREPS,
    PLACE_VERBS,
    SPEAKING,
    UNKNOWN_PLACE_PREPS,
    cue_matcher,
    cue_runs,
)

__all__ = ["PlaceFixer", "strip_possessive"]

_KNOWN = {"GPE", "LOC", "FAC"}
_CANDIDATES = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


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
        self.matcher = cue_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        ents = _without_leading_prepositions(doc)
        surnames = self._surnames(ents)
        context_place, extra = self._context_places(doc)
        label_of: dict[int, str] = {}  # ent start → new label ("" drops it)
        for ent in ents:
            label = self._retyped(ent, surnames, context_place)
            if label is not None:
                label_of[ent.start] = label
        label_of.update(_once_placed(ents, label_of, extra, surnames))
        for ent in _surnames_after_first_names(ents, label_of, context_place):
            label_of[ent.start] = ""
            extra.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
        if label_of or extra:
            doc.ents = filter_spans(_relabelled(ents, label_of) + extra)
        self._split_lists(doc)
        self._coordinations(doc)
        return doc

    def _surnames(self, ents: list[Span]) -> set[str]:
        """Names that are people wherever they appear: a surname already seen in a full
        name, and a bare name that speaks ("Aliyev said")."""
        in_full_names = {
            e[-1].text
            for e in ents
            if e.label_ == "PERSON" and len(_name_tokens(e)) >= 2 and not self.gaz.lookup(e.text)
        }
        speaking = {
            e.text
            for e in ents
            if e.label_ == "PERSON"
            and len(e) == 1
            and e.root.dep_ == "nsubj"
            and e.root.head.lemma_ in SPEAKING
        }
        return in_full_names | speaking

    def _context_places(self, doc: Doc) -> tuple[set[int], list[Span]]:
        """The tokens the words around them make a place, and a new place for each such
        run that no entity covers ("the village of Dravik")."""
        tokens: set[int] = set()
        extra: list[Span] = []
        for rule, run in cue_runs(doc, self.matcher):
            if rule == "PREP" and not self.gaz.lookup(strip_possessive(run.text)):
                continue  # "in X" places only what the gazetteer knows
            if rule == "PREP" and run.end < len(doc) and doc[run.end].lower_ in {"'s", "’s"}:
                continue  # "in Smith's view": the preposition governs the view, not Smith
            if (
                rule == "PREP"
                and any(t.ent_type_ == "ORG" for t in run)
                and not self._known_place(strip_possessive(run.text), "ORG")
            ):
                continue  # "at Chrysler": a hamlet of that name does not make the company a place
            tokens.update(range(run.start, run.end))
            if rule != "PREP" and not any(t.ent_type_ for t in run):
                extra.append(Span(doc, run.start, run.end, label="GPE"))
        return tokens, extra

    def _retyped(self, ent: Span, surnames: set[str], context_place: set[int]) -> str | None:
        """The entity's new label ("" drops it), or None to keep the one it has."""
        if _is_a_title(ent):
            return ""
        label = ent.label_
        if ent.ent_id_ or label not in _CANDIDATES:
            return None  # the ruler knows; or not a name
        name = _name_tokens(ent)
        text = strip_possessive(name.text)
        if label == "NORP" and text in DEMONYMS:
            return None
        if len(name) == 1 and text in surnames:
            return "PERSON"
        if label == "PERSON" and self._titled(name):
            return None  # "of President Obama", "to Ambassador Saperstein"
        if (
            len(name) >= 2
            and name[0].lower_ in _COMPASS
            and self._known_place(name[1:].text, "GPE")
        ):
            return "GPE"  # "East Mosul", "Northern Anbar": a part of a known place
        if (
            label in {"PERSON", "ORG"}
            and len(name) == 1
            and _placed_by_its_governor(name.root)
            and (label == "PERSON" or name.root.dep_ == "dobj" or _locative(name.root.head))
        ):
            return "GPE"  # "visited Halvik", "near Halvik" (but "orders from Boeing")
        if label == "PERSON" and _modifies_a_thing(name.root):
            return ""  # "Smerch rocket launchers"
        if any(i in context_place for i in range(name.start, name.end)):
            return "GPE"
        if label in _KNOWN:
            return "PERSON" if self._unknown_place_is_a_person(name, text) else None
        if self._known_place(text, label) and not self._looks_like_person(name, label):
            return "GPE"
        if label == "NORP" and len(name) == 1 and name[0].pos_ == "PROPN":
            return "PERSON"
        return None

    def _known_place(self, text: str, label: str) -> bool:
        """The gazetteer knows the name; for an organisation, as a place big enough
        to outweigh the tagger (a hamlet called Ford does not make the carmaker a place).
        A name in capitals is known only as a country ("USA"), never as the town whose
        name it matches regardless of case ("GAO", Gao)."""
        if acronym(text):
            return self.gaz.country(text) is not None
        found = self.gaz.lookup(text)
        if label != "ORG":
            return bool(found)
        return any(p.kind in {"country", "region"} or p.population >= 100_000 for p in found)

    def _unknown_place_is_a_person(self, name: Span, text: str) -> bool:
        """A place no gazetteer knows, titled, speaking or with a title in apposition:
        "Marenia's Prosecutor-General, Elmira Aghazade"."""
        if self.gaz.lookup(text):
            return False
        if self._titled(name):
            return True
        head = name.root
        return len(name) >= 2 and (
            (head.dep_ == "nsubj" and head.head.lemma_ in SPEAKING)
            or any(
                c.dep_ == "appos" and any(t.lower_ in TITLE_WORDS for t in c.subtree)
                for c in head.children
            )
        )

    def _titled(self, name: Span) -> bool:
        """A title right before the name, maybe across a comma: "Prosecutor-General, Elmira Aghazade"."""
        doc = name.doc
        i = name.start - 1
        if i >= 0 and doc[i].orth_ == ",":
            i -= 1
        # "of" and "de" belong to titles ("Minister of Defence") but title nobody alone.
        return i >= 0 and doc[i].lower_ in TITLE_WORDS and not doc[i].is_stop

    def _looks_like_person(self, name: Span, label: str) -> bool:
        # (called for names spaCy did not tag as places)
        if self._titled(name):
            return True  # "Prosecutor-General, Elmira Aghazade,"
        before = name.doc[name.start - 1] if name.start > 0 else None
        owner = name.end < len(name.doc) and name.doc[name.end].lower_ in {"'s", "’s"}
        if before is not None and before.lower_ in PLACE_PREPS and not owner:
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


_LOCATIVE = frozenset({"in", "near", "outside", "around", "into"})
_LEADING_PREPOSITIONS = frozenset(
    {"in", "near", "outside", "around", "into", "from", "at", "across", "inside", "for"}
)
_COMPASS = frozenset(
    """north south east west northern southern eastern western northeast northwest southeast
    southwest""".split()
)


def _without_leading_prepositions(doc: Doc) -> list[Span]:
    """The entities without a capitalised preposition the tagger took in at the start of a
    sentence ("Near Ayn Isa, …"); one that places ("near", "outside") makes the rest a place."""
    ents = list(doc.ents)
    out = []
    changed = False
    for ent in ents:
        first = ent[0]
        if len(ent) >= 2 and first.is_title and first.lower_ in _LEADING_PREPOSITIONS:
            label = "GPE" if first.lower_ in _LOCATIVE - {"in", "into"} else ent.label_
            out.append(Span(doc, ent.start + 1, ent.end, label=label))
            changed = True
        else:
            out.append(ent)
    if changed:
        doc.ents = out
    return list(doc.ents)


_PART_OF_A_PLACE = frozenset(
    """outskirts outskirt centre center edge south north east west part streets street
    residents resident mayor town city village district region province suburbs suburb heart
    area border people governor inhabitants""".split()
)


def _locative(prep: Token) -> bool:
    """A preposition that places what follows: "in", "near"; "the outskirts of";
    "fired at" (a place verb)."""
    if prep.lower_ in _LOCATIVE:
        return True
    if prep.lower_ == "of":
        return prep.head.lower_ in _PART_OF_A_PLACE or prep.head.lemma_.lower() in _PART_OF_A_PLACE
    if prep.lower_ in {"at", "on", "towards", "toward"}:
        return prep.head.lemma_ in PLACE_VERBS or prep.head.lemma_ in {"fire", "aim", "target"}
    return False


def _is_a_title(ent: Span) -> bool:
    """ "Prosecutor-General" alone, or "Defense" of "Defense Minister X": a title, not a body."""
    if ent.label_ != "ORG":
        return False
    if all(t.lower_ in TITLE_WORDS or not t.is_alpha for t in ent):
        return True
    doc = ent.doc
    return len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ == "minister"


def _placed_by_its_governor(head: Token) -> bool:
    """The object of a place verb or of a place preposition: "visited X", "near X"."""
    return (head.dep_ == "dobj" and head.head.lemma_ in PLACE_VERBS) or (
        head.dep_ == "pobj" and head.head.lower_ in UNKNOWN_PLACE_PREPS
    )


def _modifies_a_thing(head: Token) -> bool:
    """A name that only modifies a weapon or a vehicle: "Smerch rocket launchers"."""
    return head.dep_ in {"compound", "nmod"} and head.head.lower_ in NON_ENTITY_HEADS


def _once_placed(
    ents: list[Span], label_of: dict[int, str], extra: list[Span], surnames: set[str]
) -> dict[int, str]:
    """A name once placed stays a place ("Madagiz, another village" ... "#Madagiz")."""
    place_names = {strip_possessive(e.text) for e in ents if e.label_ in _KNOWN}
    place_names |= {
        strip_possessive(_name_tokens(e).text) for e in ents if label_of.get(e.start) == "GPE"
    }
    place_names |= {x.text for x in extra}
    placed: dict[int, str] = {}
    for ent in ents:
        text = strip_possessive(_name_tokens(ent).text)
        if (
            ent.label_ in {"PERSON", "ORG", "NORP"}
            and not ent.ent_id_
            and text in place_names
            and text not in surnames
        ):
            placed[ent.start] = "GPE"
    return placed


def _surnames_after_first_names(
    ents: list[Span], label_of: dict[int, str], context_place: set[int]
) -> list[Span]:
    """ "Danel Rusk": a place-like surname after an untagged first name is a person."""
    found = []
    for ent in ents:
        if (
            label_of.get(ent.start, ent.label_) in _KNOWN | {"PERSON"}
            and not ent.ent_id_
            and len(ent) == 1
            and ent.start > 0
            and ent.start not in context_place
        ):
            prev = ent.doc[ent.start - 1]
            if (
                prev.pos_ == "PROPN"
                and prev.is_title
                and not prev.ent_type_
                and prev.dep_ == "compound"
                and prev.lower_ not in TITLE_WORDS
            ):
                found.append(ent)
    return found


def _relabelled(ents: list[Span], label_of: dict[int, str]) -> list[Span]:
    """The entities with their new labels, without the dropped ones."""
    out = []
    for ent in ents:
        new = label_of.get(ent.start, ent.label_)
        if new:
            out.append(ent if new == ent.label_ else Span(ent.doc, ent.start, ent.end, label=new))
    return out


@Language.factory("claimgraph_places")
def make_place_fixer(nlp: Language, name: str) -> PlaceFixer:
    """Factory for the ``claimgraph_places`` component."""
    return PlaceFixer(nlp)
