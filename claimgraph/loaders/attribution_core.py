"""Attribution, the shared parts: the Claim record, cue tests, and the finder
that holds one document's parse, entities and quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.loaders.attribution_grammar import (
    _FIGURE_CUES,
    _a_figure,
    _set_off,
)
from claimgraph.loaders.coref import Resolver
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.lexicon import STATE_CUES
from claimgraph.loaders.lexicon_cues import SPEAKING_NOUNS
from claimgraph.loaders.quotes import clause_between, find_quotes, span_chars, text_of

# The speaker name of words whose source the text leaves out ("it was reported that").
UNNAMED_SOURCE = "unnamed source"
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "advcl", "oprd", "dative"}
_CHANNEL_NOUNS = {
    "interview",
    "address",
    "statement",
    "briefing",
    "speech",
    "post",
    "video",
    "conference",
    "message",
}
# What an announcement makes news of, rather than a product it names.
_NEWS_NOUNS = frozenset(
    """plan plans intention decision cut cuts result results profit profits loss losses deal
    agreement order orders investment acquisition merger sale closure layoff layoffs resignation
    retirement departure recall increase decrease rise fall drop delay target forecast estimate
    strike ban ceasefire truce withdrawal deployment offensive sanction sanctions""".split()
)
_POSTED_NOUNS = frozenset(
    """statement message video photo photograph picture image tweet note letter comment
    update footage clip map list text notice announcement report post thread""".split()
)
_WEAK_CUES = {
    "add",
    "note",
    "show",
    "post",
    "publish",
    "ask",
    "think",
    "believe",
    "describe",
    "call",
    "report",
    "welcome",
    "state",
    "estimate",
    "suggest",
    "charge",
    "promise",
    "write",
    "confirm",
    "explain",
    "predict",
    "quote",
    "answer",
    "recall",
    "maintain",
    "project",
    "agree",
    "praise",
    "observe",
    "indicate",
    "hint",
    "comment",
    "remark",
    "forecast",
    "conclude",
    "feel",
}


@dataclass
class Claim:
    """A statement found in the text, before it becomes a record."""

    cue_i: int
    cue: str
    speaker: str | None
    speaker_name: str | None
    start: int  # content, character offsets
    end: int
    mode: str = "indirect"
    quote: str | None = None
    polarity: str = "asserts"
    via: list[str] = field(default_factory=list)
    channel: str | None = None  # interview, address, ... (for dating "in the interview")
    own_region: tuple[int, int] = (0, 0)  # characters outside the content owned by the cue
    sentence: tuple[int, int] = (0, 0)
    kind: str = "say"
    by_outlet: bool = False
    cue_char: int = 0
    cue_dep: str = ""
    cue_dates: list[int] = field(
        default_factory=list
    )  # date words hanging off the cue ("said on Monday")
    denies: Claim | None = None  # the claim a denial of "the accusation" answers


class _Finder:
    def __init__(self, doc: Doc, table: EntityTable, resolver: Resolver) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.table = table
        self.resolver = resolver
        self.quotes = find_quotes(text_of(doc))

    def quote_near(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        """The quote this cue introduces or closes: before it in its sentence, or right after."""
        c = cue.idx
        before = [
            q
            for q in self.quotes
            if q[1] <= c and q[1] > sent.start_char - 2 and not clause_between(self.text, q[1], c)
        ]
        if before:
            return before[-1]
        after = [
            q
            for q in self.quotes
            if q[0] > c
            and q[0] < sent.end_char + 2
            and not clause_between(self.text, c + len(cue), q[0])
        ]
        return after[0] if after else None

    def content(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        lemma = cue.lemma_
        kids = [c for c in cue.children if c.dep_ in _CONTENT_DEPS]
        raised = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        infinitive = next((c for c in kids if c.dep_ == "xcomp"), None)
        if raised is not None and infinitive is not None and raised.lower_ != "it":
            # "some studios are reported to want ...": what is reported is
            # the subject together with its infinitive.
            toks = [*raised.subtree, *infinitive.subtree]
            return span_chars(toks) if len(toks) >= 3 else None
        clause = [c for c in kids if c.dep_ == "ccomp"]
        if lemma in {"accuse", "blame", "condemn", "criticize", "criticise"}:
            clause = [c for c in kids if c.dep_ in {"dobj", "prep", "ccomp"}]
        elif lemma in {"call", "appeal", "demand"}:
            clause = [
                c
                for c in kids
                if c.dep_ in {"prep", "xcomp", "ccomp", "dobj", "advcl"}
                and c.lower_ not in {"in", "during", "after", "at"}
                and (
                    c.dep_ != "advcl"
                    or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                )
            ]
        elif lemma in {
            "urge",
            "ask",
            "tell",
            "warn",
            "threaten",
            "promise",
            "vow",
            "pledge",
            "propose",
            "inform",
        }:
            clause = [c for c in kids if c.dep_ in {"ccomp", "xcomp", "dobj"}]
            if lemma in {"tell", "inform"}:
                clause = [c for c in kids if c.dep_ == "ccomp"] or [
                    c
                    for c in kids
                    if c.dep_ == "xcomp"  # "told customers to hold the phone"
                ]
        elif lemma in {
            "deny",
            "reject",
            "dismiss",
            "refute",
            "confirm",
            "welcome",
            "admit",
            "acknowledge",
            "describe",
            "report",
            "post",
            "publish",
            "cite",
            "announce",
            "disclose",
            "reveal",
        }:
            clause = [c for c in kids if c.dep_ in {"ccomp", "dobj"}]
            if lemma in {"describe", "cite"} and clause:
                # "described the range as 'one of the wonders'": the label is the claim
                clause += [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"]
            if lemma == "report" and not clause:  # "reported losing $4.8 billion"
                clause = [c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG"]
            if lemma == "cite" and not any(c.lower_ == "as" for c in cue.children):
                # "citing people familiar with the situation": a source, not words
                sources = [c for c in clause if c.dep_ == "dobj" and self._names_source(c)]
                if sources:
                    return None
            if lemma in {"post", "publish"}:
                # "posted a video", not "posted a net profit": results are not words
                clause = [c for c in clause if c.dep_ == "ccomp" or c.lemma_ in _POSTED_NOUNS]
            if lemma in {"announce", "disclose", "reveal"}:
                # "announced 10,000 job cuts", "announced plans to ...": news, not a product name
                clause = [
                    c
                    for c in clause
                    if c.dep_ == "ccomp"
                    or c.lemma_ in _NEWS_NOUNS
                    or any(t.pos_ == "NUM" and t.ent_type_ != "DATE" for t in c.subtree)
                ]
        elif lemma in STATE_CUES or lemma in {"predict", "estimate", "forecast", "expect"}:
            # "expects to cut 4,300 jobs", "wants the cost to be shared"
            clause = [
                c
                for c in kids
                if c.dep_ == "ccomp"
                or c.dep_ == "dobj"
                and lemma in _FIGURE_CUES
                and _a_figure(c)
                or c.dep_ == "xcomp"
                and (
                    lemma not in {"want", "feel"}
                    or any(t.dep_ in {"nsubj", "nsubjpass"} for t in c.children)
                )
            ]
        lower = False
        if not clause:
            # "said in a statement posted on its website that ...": the clause hangs lower.
            for t in cue.subtree:
                if (
                    t.i > cue.i
                    and t.pos_ in {"VERB", "AUX"}
                    and t.dep_ in {"ccomp", "acl", "relcl"}
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                ):
                    clause, lower = [t], True
                    break
        after = [c for c in clause if c.i > cue.i]
        if after and len(after) < len(clause):
            clause = (
                after  # "In an interview broadcast on X, he called on ...": the content follows
            )
        if clause:
            toks = [t for c in clause for t in c.subtree]
            # The channel ("on Telegram", "in a statement") is not content.
            if not lower:
                toks = [t for t in toks if not self._in_channel(t, cue)]
            if len(toks) >= 2:
                return span_chars(toks)
        # "Since then, he says, the plane has flown ...": the cue set inside its content.
        if cue.dep_ == "parataxis" and cue.head.i > cue.i and cue.head.pos_ in {"VERB", "AUX"}:
            inner = range(cue.left_edge.i, cue.right_edge.i + 1)
            toks = [t for t in cue.head.subtree if t.i not in inner and not t.is_punct]
            if len(toks) >= 3:
                return span_chars(toks)
        # Content before the cue: "..., X said." The cue hangs off the content's verb.
        if (
            cue.dep_ in {"parataxis", "ccomp", "advcl"}
            and cue.head.i < cue.i
            and cue.head.pos_ in {"VERB", "AUX"}
            # "..., X said" is set off by punctuation; in "X said [Y would ask for ...]"
            # the cue is the content of another cue, not its owner.
            and _set_off(cue)
        ):
            head = cue.head
            toks = [t for t in head.subtree if not (cue.left_edge.i <= t.i <= cue.right_edge.i)]
            toks = [t for t in toks if t.i < cue.left_edge.i]
            if len(toks) >= 3:
                return span_chars(toks)
        return None

    def _names_source(self, tok: Token) -> bool:
        """ "people familiar with the talks", "confidential documents", "Reuters"."""
        named = self.table.at(tok.i)
        if named is not None and named.type in {"Person", "Organization"}:
            return not any(c.lower_ == "as" for c in tok.children)
        return tok.lower_ in SPEAKING_NOUNS and not any(c.lower_ == "as" for c in tok.children)

    def _in_channel(self, tok: Token, cue: Token) -> bool:
        """Tokens of "on Telegram", "in a statement posted on its website", "to reporters"."""
        t = tok
        while t.head.i != t.i and t.head.i != cue.i:
            t = t.head
        if t.head.i == cue.i and t.dep_ == "prep":
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            named = self.table.at(obj.i) if obj is not None else None
            if t.lower_ in {"in", "on", "during", "after", "at", "to"} and (
                obj is None
                or obj.lower_ in _CHANNEL_NOUNS
                or (named is not None and named.kind in {"platform", "media"})
                or obj.ent_type_ in {"DATE", "TIME"}
                or obj.lower_ in {"reporters", "journalists", "website"}
            ):
                return True
        if t.head.i == cue.i and t.dep_ in {"npadvmod"} and tok.ent_type_ in {"DATE", "TIME"}:
            return True
        return False


_ANAPHORIC = re.compile(
    r"^(?:the|these|this|that|those|such) (?:\w+ )?(?:accusations?|claims?|"
    r"allegations?|reports?|charges?|statements?|assertions?)$",
    re.I,
)
