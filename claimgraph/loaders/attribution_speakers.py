"""Attribution: who speaks. The subject of a cue as a speaker entity: only
people, groups, institutions and documents speak, and a place that speaks is
re-read as the person or organisation the tagger mistook."""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.loaders.attribution_core import _Finder
from claimgraph.loaders.channels import name_without_entity
from claimgraph.loaders.lexicon_cues import SPEAKING_NOUNS
from claimgraph.schema.records import Entity

__all__ = ["QUESTION_WORDS", "speaker_of"]


QUESTION_WORDS = frozenset({"whether", "if", "what", "how", "when", "why", "who", "which"})
_SPEAKING_PRONOUNS = frozenset(
    {"he", "she", "they", "we", "i", "you", "it", "who", "which", "that"}
    # "someone familiar with the situation said", "some say", "others disagree"
    | {"someone", "somebody", "some", "others", "many", "one"}
)


# Pronouns that name a source by what follows them: "someone familiar with the talks".
_INDEFINITE = frozenset({"someone", "somebody", "some", "others", "many", "one"})


def _can_speak(subj: Token) -> bool:
    """Only people, groups, institutions and documents speak: not products, dates or ideas."""
    if subj.ent_type_ in {"DATE", "TIME", "PRODUCT", "WORK_OF_ART", "MONEY", "PERCENT", "QUANTITY"}:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in _SPEAKING_PRONOUNS
    if subj.left_edge.lower_ in QUESTION_WORDS:
        return False  # "how many people want ..." is a question, not a speaker
    if subj.pos_ == "PROPN":
        return True
    if subj.lemma_.lower() in SPEAKING_NOUNS or subj.lower_ in SPEAKING_NOUNS:
        return True
    # "the head of the Bureau, General Arkady Moss,": a name inside the phrase speaks,
    # but not one inside a clause ("the strategies adopted by Boeing").
    return any(
        t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} and _nominal_path(t, subj)
        for t in subj.subtree
    )


_NAMING = frozenset({"call", "name", "know", "dub"})


def _phrase(subj: Token) -> list[Token]:
    """The subject's phrase without its clauses: "critics saying that Apple erred" is the
    critics; but "a group calling itself X" and "a militia known as X" are X."""
    inner = {
        t.i
        for c in subj.children
        if c.dep_ in {"acl", "relcl"} and c.i > subj.i and c.lemma_ not in _NAMING
        for t in c.subtree
    }
    return [t for t in subj.subtree if t.i not in inner]


def _nominal_path(tok: Token, top: Token) -> bool:
    while tok.i != top.i:
        if tok.dep_ not in {"appos", "compound", "prep", "pobj", "poss", "amod", "punct", "flat"}:
            return False
        tok = tok.head
    return True


def _speaking(f: _Finder, ent: Entity, subj: Token) -> Entity | None:
    """An entity as a speaker: a place that speaks is a misread name.

    Countries and their capitals speak for their governments; any other
    "place" heading a speech verb is a person named by surname ("..., said
    Angers", after "Sandy Angers") or an organisation the tagger took for a
    place ("Cobham said").
    """
    if ent.type != "Place" or ent.is_actor:
        return ent
    person = next(
        (
            e
            for e in f.table.entities
            if e.type == "Person" and len(e.name.split()) > 1 and e.name.split()[-1] == ent.name
        ),
        None,
    )
    if person is not None:
        f.table.mark(person, subj.i, subj.i + 1)
        return person
    if subj.text.isupper() and len(subj.text) > 1:
        # "SIA said": a speaking acronym is an organisation, whatever place shares it.
        ent.geonames_id, ent.lat, ent.lon, ent.part_of, ent.country = None, None, None, None, None
        return f.table.retype(ent, "Organization")
    if ent.geonames_id:
        return ent  # "Baghdad said": a known place speaks for its government
    if subj.ent_type_ == "PERSON" and len(ent.name.split()) >= 2:
        return f.table.retype(ent, "Person")
    return f.table.retype(ent, "Organization")


def speaker_of(f: _Finder, subj: Token | None) -> tuple[str | None, str | None]:
    if (
        subj is not None
        and subj.lower_ in {"who", "which", "that"}
        and subj.head.dep_ == "relcl"
        and subj.head.head.pos_ in {"NOUN", "PROPN"}
    ):
        rel = subj.lower_
        subj = subj.head.head  # "Charles Reilly, an expert at Stanford, who stated ...": Reilly
        up = subj
        while rel == "who" and up.ent_type_ != "PERSON" and up.dep_ in {"pobj", "prep", "appos"}:
            up = up.head  # "who" is a person: not the university the clause hangs on
        if up.ent_type_ == "PERSON":
            subj = up
        while subj.dep_ == "appos" and subj.head.pos_ == "PROPN":
            subj = subj.head
    if subj is None or not _can_speak(subj):
        return None, None
    for child in subj.children:  # "the human rights group Open Line": the name in apposition
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            named = f.table.at(child.i) or name_without_entity(f, child)
            if named is not None and named.type != "Place":
                return named.id, named.name
    ent = f.resolver.entity_of(subj)
    if ent is None:
        for t in _phrase(subj):  # "AFP reporters on the ground"
            ent = f.table.at(t.i)
            if ent is not None and ent.type != "Place":
                break
            ent = None
    if ent is not None:
        ent = _speaking(f, ent, subj)
    if ent is not None:
        return ent.id, ent.name
    if subj.pos_ == "PRON" and subj.lower_ not in _INDEFINITE:
        return None, None
    named = name_without_entity(f, subj)
    if named is not None:
        return named.id, named.name
    # "most analysts, who had forecast ...": the phrase without its relative clause
    end = subj.right_edge.i
    for c in subj.children:
        if c.dep_ in {"relcl", "acl"} and c.i > subj.i:
            end = min(end, c.left_edge.i - 1)
    while end > subj.i and f.doc[end].is_punct:
        end -= 1
    words = f.doc[subj.left_edge.i : end + 1].text
    return None, words
