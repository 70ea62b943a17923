"""Whether a word with a common non-political sense takes its political one here.

"Received orders", "stocks rallied", "struck a deal", "died at 81": the
arguments of a verb, not the verb, say whether it names a PLOVER event.
``plover_typing.category_of`` asks ``arguments_fit`` before it types a verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.loaders.plover_context import MODE_WORDS
from claimgraph.loaders.plover_vocab import NOUNS

__all__ = ["NOT_ACTIONS", "OBJ_DEPS", "arguments_fit", "lemma_of", "objects_of"]

OBJ_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
# Words of time and quantity ("in early March") never name an action.
NOT_ACTIONS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


def lemma_of(tok: Token) -> str:
    """The lower-cased lemma."""
    return tok.lemma_.lower()


def objects_of(tok: Token) -> list[Token]:
    """What a verb acts on: its object, or the object of its preposition or particle."""
    out = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    for c in tok.children:
        if c.dep_ in {"prep", "prt"}:
            out += [g for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "xcomp" and not out:  # "threatened to impose" → the object of "impose"
        out = [c for c in tok.children if c.dep_ == "dobj"]
    return out


# What a host receives (a delegation, an envoy), not money, orders or criticism.
_RECEIVED_GUESTS = frozenset(
    """delegation envoy minister president premier leader ambassador delegate visitor
    guest counterpart official officials mission emissary king queen prince""".split()
)
# What is delivered as aid, not as a sale ("delivered the final jet to the airline").
_AID_GOODS = frozenset(
    """aid food supplies supply medicine medicines water fuel assistance relief shelter tent
    tents blanket blankets vaccine vaccines arms weapons ammunition grain flour""".split()
)
_FIRED_AT = frozenset({"on", "at", "into", "toward", "towards", "upon"})


# Markets move ("stocks rallied", "investors fled to bonds", "the index closed down"):
# subjects that make a verb of protest, flight or combat a market report.
_MARKETS = frozenset(
    """stock stocks share shares markets index indices indexes price prices dollar
    currency currencies euro yen pound bond bonds oil gold investor investors trader traders
    capital sale sales earnings profit profits revenue demand trading economy""".split()
)
# Forces that hit without anyone fighting ("hit by fears of a recession", "by a storm").
_BLIND_FORCES = frozenset(
    """fear fears worry worries concern concerns crisis recession downturn slump turmoil
    uncertainty loss losses decline inflation slowdown storm hurricane typhoon cyclone flood
    floods earthquake quake tsunami drought wildfire fire fires heatwave virus pandemic""".split()
)
# What is struck, hit or killed without violence ("struck a deal", "hit a record high").
_NOT_STRUCK = frozenset(
    """deal deals agreement accord bargain compromise record high highs low lows note tone
    chord balance target targets brand product plan plans bill proposal idea project
    jackpot mark level peak bottom""".split()
)
# What a government closes ("closed the border"), not a plant or an index.
_CLOSED = frozenset(
    """border borders crossing crossings embassy embassies consulate airspace road roads
    highway port ports airport airports checkpoint checkpoints corridor school schools
    mosque mosques church churches newspaper newspapers channel station office offices
    bank banks market markets university universities parliament""".split()
)
_GENERIC_HITS = {"attack", "strike", "hit", "target", "kill", "battle", "fight", "combat"}
# Accidents kill without an attacker ("the jetliner crashed, killing all 228 on board").
_ACCIDENTS = frozenset("crash collide derail capsize sink plunge accident collision".split())


def _accident(tok: Token) -> bool:
    """Whether a killing or hit is told of a crash, not of an attacker."""
    doers = [tok] + ([tok.head] if tok.dep_ in {"advcl", "conj"} else [])
    for verb in doers:
        if lemma_of(verb) in _ACCIDENTS and verb is not tok:
            return True
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and lemma_of(subj) in _ACCIDENTS:
            return True
    return False


def _market_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and lemma_of(c) in _MARKETS for c in tok.children)


def arguments_fit(tok: Token, lemma: str) -> bool:
    """Whether a verb with a common non-political sense takes a political one here."""
    if _market_subject(tok):
        return False
    if lemma == "target" and any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children):
        return False  # "the jet is targeted at smaller airports": a market, not a strike
    objects = objects_of(tok)
    if lemma == "close":
        return any(lemma_of(o) in _CLOSED for o in objects)
    if lemma in _GENERIC_HITS:
        struck = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        if any(
            o.ent_type_ in NOT_ACTIONS
            or lemma_of(o) in _NOT_STRUCK
            or lemma_of(o) in _MARKETS
            or lemma_of(o) in _BLIND_FORCES
            for o in struck
        ):
            return False  # "hitting 100 dollars", "struck a deal", "battling falling demand"
        if _accident(tok):
            return False
        return not any(
            c.dep_ == "agent" and any(lemma_of(p) in _BLIND_FORCES for p in c.children)
            for c in tok.children
        )  # "hit by fears of a recession"
    if lemma == "receive":
        return any(
            o.ent_type_ in {"PERSON", "NORP", "GPE"} or o.lemma_.lower() in _RECEIVED_GUESTS
            for o in objects
        )
    if lemma == "deliver":
        return any(t.lemma_.lower() in _AID_GOODS for o in objects for t in o.subtree)
    if lemma == "fire":  # "fired on the convoy", "fired rockets", not "fired the manager"
        return any(
            c.dep_ == "prep"
            and c.lower_ in _FIRED_AT
            and any(p.dep_ == "pobj" and p.ent_type_ not in NOT_ACTIONS for p in c.children)
            for c in tok.children
        ) or any(lemma_of(o) in MODE_WORDS or o.lower_ in MODE_WORDS for o in objects)
    if lemma == "die":  # "died in the shelling", "as a result of torture", not "at 56"
        return any(
            c.dep_ == "prep"
            and c.lower_ in {"in", "from", "after", "during", "under", "as", "of"}
            and any(
                (e := NOUNS.get(lemma_of(p))) is not None
                and e[0] in {"FIGHT", "ASSAULT"}
                or lemma_of(p) in {"wound", "injury", "wounds", "injuries"}
                or lemma_of(p) in MODE_WORDS
                for p in c.subtree
            )
            for c in tok.children
        )
    if lemma == "discuss":  # talks need two sides: "discussed X with Y", "the two ministers"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children) or (
            subj is not None
            and (subj.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subj.children))
        )
    if lemma == "order":  # "ordered the troops to withdraw", not "ordered 20 jets"
        return any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children) or any(
            c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children) for c in tok.children
        )
    if lemma == "charge":  # "charged him with fraud", not "charge an added cost"
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
            o.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for o in objects
        )
    return True
