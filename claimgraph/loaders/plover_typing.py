"""The PLOVER category and mode of one word in context.

``category_of(tok)`` reads the word's lemma (``plover_vocab``), its object
for verbs whose meaning rests on it ("lifted the curfew" is CONCEDE, "lifted
the blockade" RETREAT), the object of light verbs ("staged a hunger strike"),
and the words around generic violence ("killed in a car bombing" is ASSAULT,
"aircraft killed 46" is FIGHT). ``modality(tok)`` says whether the action is
announced ("will provide", "ready to send"), refused ("refused to deploy",
"will not accept") or required ("must hand over"), which makes a speech act
of it.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.loaders.plover_arguments import (
    NOT_ACTIONS,
    OBJ_DEPS,
    arguments_fit,
    lemma_of,
    objects_of,
)
from claimgraph.loaders.plover_context import (
    ASSAULT_WORDS,
    FIGHT_WORDS,
    INTENT_WORDS,
    MODE_WORDS,
    REFUSAL_WORDS,
)
from claimgraph.loaders.plover_vocab import (
    COOPERATIVE,
    DEED_CATEGORIES,
    DEED_LEMMAS,
    EVENTS,
    HOSTILE,
    LIGHT_VERBS,
    NOUNS,
    OBJECT_VERBS,
    VERBS,
)

__all__ = [
    "category_of",
    "is_deed",
    "modality",
    "announced_act",
    "subject_of",
    "conditional",
    "hedged",
]

Entry = tuple[str, str | None]
_GENERIC_VIOLENCE = {"attack", "strike", "hit", "target", "raid", "kill", "wound", "injure"}
_KILLING = {"kill", "wound", "injure", "die"}
# Words that make a strike a labour strike.
_LABOUR = {"general", "labor", "labour", "worker", "teacher", "union", "employee", "nationwide"}


_lemma = lemma_of
_objects = objects_of


def _noun_entry(noun: Token) -> Entry | None:
    lemma = _lemma(noun)
    mods = {_lemma(c) for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    if lemma == "strike":
        if "hunger" in mods:
            return ("PROTEST", "hunger")
        if "air" in mods:
            return ("FIGHT", "aerial")
        near = {_lemma(t) for t in noun.sent}
        if mods & _LABOUR or near & _LABOUR:
            return ("PROTEST", "boycott")
    if lemma in {"tie", "relation"} and _lemma(noun.head) in {"establish", "upgrade", "restore"}:
        return ("SUPPORT", None)  # "established diplomatic ties"
    if lemma == "law" and "martial" in mods:
        return ("COERCE", "martial-law")
    if lemma == "game" and "war" in mods:
        return ("COOPERATE", "military")
    if lemma in {"relation", "tie", "link"}:
        return None
    return NOUNS.get(lemma)


def _object_entry(tok: Token) -> Entry | None:
    lemma = _lemma(tok)
    table = OBJECT_VERBS[lemma]
    for obj in _objects(tok):
        words = {_lemma(obj), obj.lower_} | {
            _lemma(c) for c in obj.children if c.dep_ in {"compound", "amod"}
        }
        # "a mission of observers"; a named person ("released Prime Minister X")
        words |= {_lemma(g) for c in obj.children if c.lower_ == "of" for g in c.children}
        if obj.ent_type_ in {"PERSON", "NORP"}:
            words.add("person")
        for w in words:
            if w in table and w:
                return table[w]
    return table.get("")


def _light_entry(tok: Token) -> Entry | None:
    for obj in _objects(tok):
        if _lemma(obj) == "fire" and _lemma(tok) == "open":
            return ("FIGHT", "firearms")
        if _lemma(obj) in {"protest", "complaint"} and _lemma(tok) in {"lodge", "issue", "make"}:
            return ("DISAPPROVE", None)  # "lodged an official protest": said, not marched
        # "a mediation effort", "ten days of war games": the noun or what it is made of
        nouns = [obj] + [c for c in obj.children if c.dep_ in {"compound", "nmod"}]
        nouns += [g for c in obj.children if c.lower_ == "of" for g in c.children]
        for noun in nouns:
            if noun.ent_type_ in NOT_ACTIONS:
                continue  # "made an appearance in March": a month, not a march
            entry = _noun_entry(noun)
            if entry is not None:
                return entry
    return None


def _violence(tok: Token, entry: Entry) -> Entry:
    """FIGHT or ASSAULT for generic violence, and the weapon used."""
    sent = tok.sent
    lo, hi = max(sent.start, tok.i - 10), min(sent.end, tok.i + 10)
    words = [_lemma(t) for t in tok.doc[lo:hi]] + [t.lower_ for t in tok.doc[lo:hi]]
    mode = entry[1]
    if mode is None:
        near = sorted(
            (abs(t.i - tok.i), MODE_WORDS[w])
            for t in tok.doc[lo:hi]
            for w in (_lemma(t), t.lower_)
            if w in MODE_WORDS
        )
        mode = near[0][1] if near else None
    lemma = _lemma(tok)
    if entry[0] != "FIGHT" or (
        lemma not in _GENERIC_VIOLENCE | {"die", "bomb", "fire", "assault"}
        and lemma not in {"attack", "strike", "raid"}
    ):
        return entry[0], mode
    assault = sum(w in ASSAULT_WORDS for w in words)
    fight = sum(w in FIGHT_WORDS for w in words)
    if assault > fight:
        return "ASSAULT", mode
    return "FIGHT", mode


def _noun_stands(tok: Token) -> bool:
    """A noun names an action of its own, not a modifier ("a treaty of cooperation")
    nor the object of a verb that says what happens to it ("lifted the ban")."""
    node = tok
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ in {"compound", "amod", "poss"}:
        return False
    if node.dep_ == "pobj" and node.head.head.pos_ in {"NOUN", "PROPN"}:
        return False
    head = node.head
    if node.dep_ in OBJ_DEPS and head.pos_ == "VERB" and _lemma(head) not in LIGHT_VERBS:
        return not (_lemma(head) in VERBS or _lemma(head) in OBJECT_VERBS)
    return True


def is_deed(tok: Token, category: str) -> bool:
    """Whether this word names something done (an event) rather than said (a speech act)."""
    if category in EVENTS or category in DEED_CATEGORIES:
        return True
    if _lemma(tok) in DEED_LEMMAS:
        return True
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
        return True  # "called off the strike"
    if _lemma(tok) in LIGHT_VERBS:  # "signed a treaty": the noun says
        return any(_lemma(o) in DEED_LEMMAS for o in _objects(tok))
    return False


# What can be fought without combat, and what a sanction cuts.
_NOT_FOUGHT = frozenset(
    """cancer disease illness fire fires blaze charge charges lawsuit case ruling bill
    corruption inflation poverty crime addiction virus infection""".split()
)
_SEVERED = frozenset(
    """aid ties relation relations funding fund assistance supply supplies import imports
    export exports trade cooperation contact contacts link links support subsidy subsidies
    loan loans""".split()
)


def category_of(tok: Token) -> Entry | None:
    """The PLOVER (category, mode) this word names here, or None."""
    lemma = _lemma(tok)
    if tok.ent_type_ in NOT_ACTIONS:
        return None  # "as early as March" is a month, not a march
    if tok.pos_ in {"VERB", "AUX"}:
        if not arguments_fit(tok, lemma):
            return None
        if lemma in {"push", "press"} and not any(
            c.dep_ in {"xcomp", "ccomp"}
            or any(t.lower_ == "for" and t.dep_ in {"prep", "mark"} for t in (c, *c.children))
            for c in tok.children
        ):
            return None  # "push the value higher" demands nothing; "pushed for talks" does
        if lemma == "take" and not any(c.lower_ == "control" for c in tok.subtree):
            return None
        if lemma == "shoot":
            if any(c.lower_ == "down" for c in tok.children):
                return _violence(tok, ("FIGHT", None))  # air defences, or a drone
            return ("FIGHT", "firearms") if _objects(tok) else None
        if lemma == "call" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"so", "-", "so-"}:
            return None  # "so-called"
        if lemma in {"talk", "meet"} and not any(
            c.lower_ in {"with", "between"} for c in tok.children
        ):
            if not any(c.dep_ in {"dobj", "nsubj"} for c in tok.children):
                return None  # "we will not talk about positions" is no negotiation
            if lemma == "talk" and any(c.lower_ == "about" for c in tok.children):
                return None  # "he talked about porting the apps": a topic, not a partner
        if lemma in {"demonstrate", "march"} and any(c.dep_ == "dobj" for c in tok.children):
            return None  # "demonstrated the new system": showing, not protesting
        if lemma == "fight" and (
            any(o.lemma_.lower() in _NOT_FOUGHT for o in _objects(tok))
            or any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
        ):
            return None  # "fighting cancer", "a contract fought for": no combat
        if lemma in {"cut", "reduce", "lower", "slash"} and not any(
            o.lemma_.lower() in _SEVERED for o in _objects(tok)
        ):
            return None  # "the price was cut": only ties, aid or trade cut are a sanction
        if lemma in {"lose"} and not any(c.dep_ == "dobj" for c in tok.children):
            return None
        if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
            return ("CONCEDE", None)  # "called off the strike"
        if lemma in {"order", "force"}:
            # "ordered the newspaper to suspend publication": an order enforced is coercion
            for c in tok.children:
                if c.dep_ == "xcomp":
                    done = category_of(c)
                    if done is not None and done[0] in HOSTILE:
                        return done
        if lemma == "abuse" and any(c.lower_ == "sexually" for c in tok.children):
            return ("ASSAULT", "sexual")
        entry: Entry | None = None
        if lemma in OBJECT_VERBS:
            entry = _object_entry(tok)
        if entry is None and lemma in LIGHT_VERBS:
            entry = _light_entry(tok)
        if entry is None:
            entry = VERBS.get(lemma)
        if entry is None:
            return None
        if entry[0] in {"FIGHT", "ASSAULT"}:
            return _violence(tok, entry)
        return entry
    if tok.pos_ in {"NOUN", "PROPN"}:
        if not _noun_stands(tok):
            return None
        entry = _noun_entry(tok)
        if entry is None:
            return None
        if entry[0] in {"FIGHT", "ASSAULT"}:
            return _violence(tok, entry)
        return entry
    return None


def modality(tok: Token) -> str | None:
    """``intent``, ``refusal`` or ``demand`` when the action is announced, refused or required."""
    aux = {_lemma(c) for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    aux |= {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    negated = any(c.dep_ == "neg" for c in tok.children)
    infinitive = tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)
    head = tok.head if tok.dep_ in {"xcomp", "acomp"} or infinitive else None
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":  # "is ready to contribute"
        head = tok.head
    if tok.dep_ == "pobj" and tok.head.head is not tok:
        head = None
    if head is not None and _lemma(head) in REFUSAL_WORDS:
        return "refusal"
    if aux & {"must", "should"}:
        return "demand"
    if (
        tok.tag_ == "VB"
        and not aux
        and any(c.dep_ == "nsubj" for c in tok.children)
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    ):
        return "demand"  # "demanded that the US cancel its plans": a subjunctive
    if aux & {"will", "would", "shall", "'ll", "wo"}:
        return "refusal" if negated else "intent"
    if negated and aux & {"can", "could", "ca"}:  # "we cannot negotiate while ..."
        return "refusal"
    if head is not None and (_lemma(head) in INTENT_WORDS or head.lower_ in INTENT_WORDS):
        if any(c.dep_ == "neg" for c in head.children):
            return "refusal"
        return "intent"
    return None


def conditional(tok: Token) -> bool:
    """ "will withdraw its force unless ...": an ultimatum ("if" is an offer's condition)."""
    for node in (tok, tok.head):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children):
                return True
            if c.lower_ == "unless":
                return True
        if node.dep_ not in {"xcomp", "acomp"}:
            break
    return False


def hedged(tok: Token) -> bool:
    """ "whether Varossa would withdraw": a question, not an announcement."""
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in tok.children)


def announced_act(category: str, how: str | None) -> str | None:
    """The speech act an announced, refused or required action makes."""
    if how == "refusal":
        return "REJECT"
    if how == "demand":
        return "DEMAND"
    if how == "threat":
        return "THREATEN"
    if how == "intent":
        if category in COOPERATIVE:
            return "AGREE"
        if category in HOSTILE:
            return "THREATEN"
    return None


def subject_of(tok: Token) -> Token | None:
    """The doer of a verb: its subject, the agent of a passive, or that of the verb it completes."""
    for c in tok.children:
        if c.dep_ == "nsubj":
            return c
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if tok.dep_ in {"xcomp", "conj"} and tok.head is not tok:
        return subject_of(tok.head)
    if tok.head.dep_ == "acomp" and tok.head.head is not tok.head:  # "is ready to X"
        return subject_of(tok.head.head)
    return None
