"""Speech acts: the PLOVER category of what a statement does (``Statement.act``).

A statement's act comes from its cue ("accused" is DISAPPROVE, "urged"
DEMAND, "threatened" THREATEN) or, when the cue only reports ("said",
"announced", or the article's own narration), from the main verb of what was
said: "it will provide aid" announces cooperation (AGREE), "it would
blockade the capital" threatens (THREATEN), "it will not accept refugees" and
"refused to deploy" reject (REJECT), "Y must withdraw" demands (DEMAND),
"agreed", "visited", "praised", "lifted the curfew" are acts of their own.

Denial is a polarity, not an act. "X denied shelling Dravik" and "our forces
did not shell the town" are statements with polarity ``denies`` that claim
the shelling; "X rejected the proposal" is a REJECT that asserts.

A speech act the article narrates ("Syria offered troops to Lebanon") or a
source passes on ("Jordan and Britain agreed ..., an official said") is the
doer's statement: the doer becomes the speaker and the narrator its channel,
as with a quote that is passed on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.loaders.actor_codes import group_actor
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.lexicon import SPEECH_VERBS
from claimgraph.loaders.plover_typing import (
    announced_act,
    category_of,
    conditional,
    hedged,
    is_deed,
    modality,
    subject_of,
)
from claimgraph.loaders.plover_vocab import ACTS, EVENTS, HOSTILE
from claimgraph.schema.records import Entity, Statement

__all__ = ["CUE_ACTS", "classify_acts", "act_of"]

# Cue lemma → the act the cue itself performs.
CUE_ACTS: dict[str, str] = {
    "threaten": "THREATEN",
    "warn": "THREATEN",
    "accuse": "DISAPPROVE",
    "allege": "DISAPPROVE",
    "blame": "DISAPPROVE",
    "charge": "DISAPPROVE",
    "condemn": "DISAPPROVE",
    "criticize": "DISAPPROVE",
    "criticise": "DISAPPROVE",
    "call": "DEMAND",
    "urge": "DEMAND",
    "appeal": "DEMAND",
    "demand": "DEMAND",
    "ask": "DEMAND",
    "propose": "AGREE",
    "promise": "AGREE",
    "pledge": "AGREE",
    "vow": "AGREE",
    "welcome": "SUPPORT",
}
# What is rejected when a rejection is a REJECT and not a denial.
_PROPOSALS = {
    "proposal",
    "plan",
    "offer",
    "request",
    "demand",
    "call",
    "appeal",
    "invitation",
    "ultimatum",
    "idea",
    "initiative",
    "resolution",
    "deal",
    "agreement",
    "peace",
    "settlement",
    "mediation",
    "talk",
    "talks",
    "condition",
    "terms",
    "bid",
    "suggestion",
    "change",
}
_REPORTING = {"say", "quote"}
# What a denial denies when it names it: "denied the reports", "denied any involvement".
_CLAIMS = {
    "report",
    "claim",
    "accusation",
    "allegation",
    "charge",
    "involvement",
    "responsibility",
    "role",
}


def _cue_lemma(st: Statement) -> str:
    cue = (st.cue or "").split()
    return cue[-1] if cue else ""


def _reports(st: Statement) -> bool:
    """The cue only reports what was said: the act is in the words."""
    if st.by_outlet or st.cue is None:
        return True
    if st.cue in {"according to", "quote as saying"}:
        return True
    return SPEECH_VERBS.get(_cue_lemma(st)) in _REPORTING


def _main(doc: Doc, st: Statement) -> Token | None:
    span = doc.char_span(st.start, st.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    # "Jordan and Britain have agreed ..." : the clause's verb, not an auxiliary.
    if root.dep_ in {"aux", "auxpass"}:
        root = root.head
    # "he is prepared to lift the ban", "concluded that the US must allocate ...",
    # "issued a declaration demanding that ...": the verb completed.
    node = root
    for _ in range(3):
        if category_of(node) is not None or modality(node) == "demand":
            return node
        nxt = next((c for c in node.children if c.dep_ in {"xcomp", "ccomp", "acomp"}), None)
        if nxt is None:  # "have sworn to fight"
            nxt = next(
                (
                    c
                    for c in node.children
                    if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)
                ),
                None,
            )
        if nxt is None:
            obj = next((c for c in node.children if c.dep_ == "dobj"), None)
            nxt = next((c for c in obj.children if c.dep_ == "acl"), None) if obj else None
        if nxt is None:
            break
        node = nxt
    return root


def act_of(tok: Token) -> tuple[str | None, bool]:
    """The act a clause's main word performs, and whether it is an event denied."""
    entry = category_of(tok)
    how = modality(tok)
    if hedged(tok):
        return None, False
    if entry is None and how == "demand":
        return "DEMAND", False  # "the US must allocate greater resources"
    if how == "intent" and conditional(tok):
        how = "threat"  # an action promised unless the other side yields
    if entry is None:
        # "refused to X", "agreed to X", "threatened to X": the head verb is the act.
        return None, False
    category = entry[0]
    act = announced_act(category, how)
    if act is None and category in ACTS and not is_deed(tok, category):
        act = category
    denied = (
        act is None
        and category in EVENTS
        and any(c.dep_ == "neg" for c in tok.children)
        and how is None
    )
    return act, denied


# How a word inside a subject can name who acts: "Air Canada", "the government
# of Belmora", "Jordan and Britain", "the group's envoys".
_NAMING_DEPS = {"compound", "flat", "poss", "appos", "conj", "cc", "det", "pobj", "case", "punct"}


def _names_the_subject(t: Token, subj: Token) -> bool:
    first = True  # the name itself may be a modifier: "an Argentine judge", "the UNITA wing"
    while t.i != subj.i:
        if not (
            t.dep_ in _NAMING_DEPS
            or (t.dep_ == "prep" and t.lower_ == "of")
            or (first and t.dep_ in {"amod", "nmod", "npadvmod"})
        ):
            return False
        t, first = t.head, False
    return True


def _doer(tok: Token, table: EntityTable) -> Entity | None:
    subj = subject_of(tok)
    if subj is None or subj.pos_ == "PRON":
        return None
    for t in [subj, *subj.subtree]:
        if not _names_the_subject(t, subj):
            continue  # "the screen layout, similar to that of the iPhone, offers ..."
        ent = table.at(t.i)
        if ent is not None and (ent.type != "Place" or ent.is_actor or ent.kind == "country"):
            return ent
        if ent is not None and t.i == subj.i and ent.kind in {None, "place"}:
            # "Varossa offered talks": a place of unknown kind that acts is a country
            ent.is_actor, ent.kind = True, "country"
            return ent
    return group_actor(subj, table)


def _denies(main: Token) -> bool:
    """ "X denied shelling Dravik", "refuted reports of an attack": a denial of an event."""
    if main.lemma_.lower() not in {"deny", "refute"}:
        return False
    for c in main.children:
        if c.dep_ not in {"xcomp", "ccomp", "dobj", "pcomp"}:
            continue
        if c.lower_ in _CLAIMS or c.lemma_.lower() in _CLAIMS:
            return True
        entry = category_of(c)
        if entry is not None and is_deed(c, entry[0]):
            return True
    return False


def _reattribute(st: Statement, doer: Entity, cue: str) -> None:
    """The doer of a narrated or passed-on speech act is its speaker."""
    if st.speaker and st.speaker not in st.via and st.speaker != doer.id:
        st.via.append(st.speaker)
    if st.by_outlet:
        # The outlet narrates that the doer acted ("Boeing agreed to lease 100
        # tankers"): the act is the doer's, the words are the outlet's.
        st.mode = "narration"
    st.speaker, st.speaker_name = doer.id, doer.name
    st.cue = cue
    st.by_outlet = False
    st.about = [a for a in st.about if a != doer.id]


def classify_acts(doc: Doc, table: EntityTable, statements: list[Statement]) -> None:
    """Set ``act`` (and the polarity of rejections and negated events) on each statement."""
    for st in statements:
        lemma = _cue_lemma(st)
        main = _main(doc, st)
        if st.cue and lemma in {"reject", "dismiss"} and st.polarity == "denies":
            # "rejected the proposal" refuses; "rejected the accusation" denies.
            if main is not None and (
                main.lemma_.lower() in _PROPOSALS or main.lower_ in _PROPOSALS
            ):
                st.act, st.polarity = "REJECT", "asserts"
            continue
        if st.cue and (lemma in CUE_ACTS or not _reports(st)):
            act = CUE_ACTS.get(lemma)
            if act == "AGREE" and main is not None:
                entry = category_of(main)
                if entry is not None and entry[0] in HOSTILE:
                    act = "THREATEN"  # "vowed to retake the villages"
            st.act = act
            continue
        if main is None:
            continue
        if _reports(st) and _denies(main):
            st.polarity, st.act = "denies", None  # denial is a polarity, not an act
            doer = _doer(main, table)
            if doer is not None and doer.id != st.speaker:
                _reattribute(st, doer, main.lemma_.lower())
            continue
        act, denied = act_of(main)
        if denied and st.polarity == "asserts":
            st.polarity = "denies"  # "our forces did not shell the town"
        if act is None:
            continue
        st.act = act
        # A narrated act ("Syria offered troops") or one passed on ("X agreed, an
        # official said") is its doer's; "Y must withdraw" or "Y will withdraw",
        # X said, stays X's.
        doer = _doer(main, table) if st.by_outlet or modality(main) is None else None
        if doer is not None and doer.id != st.speaker:
            _reattribute(st, doer, main.lemma_.lower())
