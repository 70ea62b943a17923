"""Attribution, the shared parts: the Claim record, cue tests, and the finder
that holds one document's parse, entities and quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.loaders.coref import Resolver
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.lexicon import SPEECH_VERBS, STATE_CUES
from claimgraph.loaders.lexicon_cues import EVIDENCE_NOUNS, SPEAKING_NOUNS
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


# What a fact, not a speaker, does in ", suggesting that ...".
_INFERRING = frozenset({"suggest", "indicate", "show", "mean", "imply", "signal"})
# Cues whose object can be a figure of their own: "estimated a 30% saving".
_FIGURE_CUES = frozenset({"estimate", "predict", "forecast", "expect", "project"})


def _a_figure(obj: Token) -> bool:
    """ "a 30% fuel saving", "losses of $2 billion", not "a date in May"."""
    return any(
        t.ent_type_ in {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
        or t.like_num
        and not t.ent_type_
        for t in obj.subtree
    ) and not all(t.ent_type_ in {"DATE", "TIME"} for t in obj.subtree if t.like_num)


def _passive(tok: Token) -> bool:
    """ "were announced", "is expected", "the version announced last year"."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children) or (
        # a reduced passive: "a screen, dubbed a 'retina display'", "a data
        # center intended to ..." (which the tagger may call a past tense)
        tok.tag_ in {"VBN", "VBD"}
        and tok.dep_ in {"acl", "advcl"}
        and not any(c.dep_ in {"aux", "nsubj"} for c in tok.children)
    )


def _agent(tok: Token) -> Token | None:
    """The source of a passive cue: "announced by Apple" (none for "it is expected")."""
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _subject(tok: Token) -> Token | None:
    if _passive(tok) and tok.lemma_ != "quote":
        # The subject of a passive cue is what was said ("Improvements were
        # announced"), never who said it.
        return _agent(tok)
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        # "As well as new routes to the US, Mannion stated ...": of two subjects
        # the tagger hung on one verb, the one nearest it.
        return min(subjects, key=lambda c: abs(tok.i - c.i))
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
        return None  # "it is interesting to note that ...": the writer's aside
    if tok.dep_ in {"conj", "advcl", "xcomp", "pcomp"} and tok.head.i != tok.i:
        head = tok.head
        if (
            tok.tag_ == "VBG" or tok.dep_ == "conj"
        ):  # "..., adding"; "told X that ... and accused": the speaker above
            for anc in tok.ancestors:
                if anc.lemma_ in SPEECH_VERBS and anc.pos_ == "VERB":
                    return _subject(anc)
            if tok.tag_ == "VBG" and tok.lemma_ in _INFERRING:
                return None  # "the film is on sale, suggesting that ...": the writer infers
        if head.dep_ == "prep":  # "quoted ... as saying"
            head = head.head
        return _subject(head)
    if tok.tag_ == "VBG" and tok.dep_ in {"acl", "pcomp"}:
        # "released a statement saying ...", "in a letter stating ...": the
        # writer of the statement is the subject of the clause it hangs in.
        for n, anc in enumerate(tok.ancestors):
            if n >= 4:
                break
            subj = next((c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and anc.pos_ in {"VERB", "AUX"}:
                return subj
    return None


_CLOSERS = {"''", "”", '"', ","}


def _is_cue(tok: Token) -> bool:
    if tok.lemma_ == "continue" and tok.pos_ == "VERB" and tok.i > 1:
        # "'…,' he continued.": a continuation of speech only right after a quote
        return tok.doc[tok.i - 1].pos_ in {"PRON", "PROPN"} and tok.doc[tok.i - 2].text in _CLOSERS
    if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_ not in SPEECH_VERBS:
        # "'…,' claims writer X": after a closing quote the tagger often takes
        # the verb for a plural noun.
        return bool(
            tok.i > 0
            and tok.doc[tok.i - 1].text in _CLOSERS
            and tok.tag_ == "NNS"
            and tok.lower_.endswith("s")
            and tok.lower_[:-1] in SPEECH_VERBS
        )
    if tok.lemma_ == "say" and tok.dep_ == "pcomp" and tok.head.lower_ == "as":
        return False  # part of "quoted ... as saying"
    if tok.lemma_ == "show":  # "the memo showed the company passed ...", not "showed the phone"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return (
            subj is not None
            and subj.lemma_.lower() in EVIDENCE_NOUNS
            and any(c.dep_ == "ccomp" for c in tok.children)
        )
    if tok.lemma_ == "find":  # "a study found that ...", not "found the wreck"
        return any(
            c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in tok.children
        )
    if tok.lemma_ == "point":  # "they point out, ...", never "pointed to the map"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return True


def _set_off(cue: Token) -> bool:
    """Whether punctuation opens the cue's clause: ``…, X said`` or ``…" X said``."""
    first = cue.left_edge
    return first.is_punct or (first.i > 0 and cue.doc[first.i - 1].is_punct)


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
