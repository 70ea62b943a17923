"""Nominal cues: "X's claim that ...", "a recommendation by the GAO that ...",
"Airbus has hopes that ...", "complaints that ...", "X's proposal to ...".

The noun names a claim, a proposal or an inner state, and the clause it
governs is the content. The source is the noun's possessor, its "by" agent,
or the subject of the verb that makes, issues or holds it ("the GAO issued a
recommendation that ..."). A communicative noun with no source named
("despite complaints that ...") comes from an unnamed source; an inner state
with none ("in the hope that ...") is left alone, since it belongs to whoever
the sentence is about. A noun a denial governs ("rejected the claim that
...") is the denial's business, and is left to it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.loaders.attribution_core import UNNAMED_SOURCE, Claim, _Finder
from claimgraph.loaders.attribution_grammar import _subject
from claimgraph.loaders.attribution_speakers import speaker_of
from claimgraph.loaders.quotes import span_chars, trim

__all__ = ["nominal_claims"]

# Nouns of saying and their verbs (the verb gives the cue class).
_SAYING = {
    "claim": "claim",
    "allegation": "allege",
    "accusation": "accuse",
    "assertion": "assert",
    "complaint": "complain",
    "criticism": "criticize",
    "recommendation": "recommend",
    "defence": "defend",
    "defense": "defend",
    "warning": "warn",
    "suggestion": "suggest",
    "argument": "argue",
    "insistence": "insist",
    "announcement": "announce",
    "statement": "state",
    "report": "report",
    "assurance": "assure",
    "promise": "promise",
    "pledge": "pledge",
    "proposal": "propose",
    "demand": "demand",
    "call": "call",
    "request": "request",
    "threat": "threaten",
    "admission": "admit",
    "denial": "deny",
    "prediction": "predict",
    "estimate": "estimate",
    "rumour": "rumor",
    "rumor": "rumor",
}
# Nouns of inner states: attributed only to a source the text names.
_STATES = {
    "hope": "hope",
    "fear": "fear",
    "belief": "believe",
    "view": "believe",
    "expectation": "expect",
    "concern": "fear",
    "conviction": "believe",
    "intention": "intend",
}
# Nouns whose content may be an infinitive: "a proposal to cut tariffs".
_TO_NOUNS = {"proposal", "promise", "pledge", "demand", "call", "request", "threat"}
# Verbs that make, issue or hold the noun, whose subject is its source.
_HOLDERS = frozenset(
    """issue make have express voice raise file lodge release publish give repeat reiterate
    renew share hold send deliver put submit present table offer air""".split()
)
# Verbs whose object claim is someone else's, denied or examined.
_OTHERS = frozenset(
    """deny reject dismiss refute rebut counter dispute address investigate examine answer
    respond challenge contest question doubt""".split()
)


def _content(noun: Token) -> list[Token] | None:
    """The clause the noun governs: "that ..." (or "to ..." for proposals)."""
    for c in noun.children:
        if c.dep_ in {"acl", "ccomp", "relcl"} and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return [t for t in c.subtree if not (t.dep_ == "mark" and t.head.i == c.i)]
        if (
            noun.lemma_.lower() in _TO_NOUNS
            and c.dep_ == "acl"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            return list(c.subtree)
    return None


def _source(noun: Token) -> Token | None:
    """The possessor, the "by" agent, or the subject of the verb that holds the noun."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = noun.head
    if noun.dep_ in {"dobj", "attr"} and verb.lemma_.lower() in _HOLDERS:
        return _subject(verb)
    return None


def _governed_by_other(noun: Token) -> bool:
    """ "rejected the claim that ...", "in response to complaints that ..." is not."""
    head = noun.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return head.lemma_.lower() in _OTHERS


def nominal_claims(f: _Finder, sent: Span) -> list[Claim]:
    """The claims one sentence makes through nouns of saying and of inner states."""
    out: list[Claim] = []
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        lemma = noun.lemma_.lower()
        verb = _SAYING.get(lemma) or _STATES.get(lemma)
        if verb is None or _governed_by_other(noun):
            continue
        toks = _content(noun)
        if not toks or len(toks) < 3:
            continue
        src = _source(noun)
        speaker, name = speaker_of(f, src) if src is not None else (None, None)
        if speaker is None and name is None:
            if lemma not in _SAYING:
                continue
            name = UNNAMED_SOURCE
        start, end = trim(f.text, *span_chars(toks))
        if end - start < 8:
            continue
        out.append(
            Claim(
                noun.i,
                lemma,
                speaker,
                name,
                start,
                end,
                sentence=(sent.start_char, sent.end_char),
                own_region=(sent.start_char, sent.end_char),
                cue_char=noun.idx,
                cue_dep="nominal",
            )
        )
    return out
