"""Attribution grammar: which words are cues, and whose words they introduce.

The cue tests (``_is_cue``), the subject a cue's speaker is found from
(``_subject``: the agent of a passive, the speaker above a participle, none
for the writer's own asides), and the small tests the content finder shares.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.loaders.lexicon import SPEECH_VERBS
from claimgraph.loaders.lexicon_cues import EVIDENCE_NOUNS, SPEAKING_NOUNS

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
    if tok.dep_ == "csubj" and tok.tag_ == "VBG":
        # "'…,' he adds, noting flights are possible" parsed with "noting" as a subject
        for anc in tok.ancestors:
            if anc.lemma_ in SPEECH_VERBS and anc.pos_ == "VERB":
                return _subject(anc)
        return None
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
        head = tok.head
        if tok.dep_ == "acl" and _a_speaker(head) and not _in_document(head):
            return head  # "critics saying that ...", "residents claiming ..."
        # "released a statement saying ...", "in a letter stating ...": the
        # writer of the statement is the subject of the clause it hangs in.
        for n, anc in enumerate(tok.ancestors):
            if n >= 4:
                break
            subj = next((c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and anc.pos_ in {"VERB", "AUX"}:
                if (
                    _a_speaker(subj)
                    or subj.text[:1].isupper()  # a name the tagger took for a noun ("Jobs")
                    or tok.dep_ != "acl"
                    or not _a_speaker(head)
                ):
                    return subj
                break
        if tok.dep_ == "acl" and _a_speaker(head):
            return head  # "because of reports stating that ...": no author, the reports speak
    return None


# Nouns for what is written or said, whose author (if the clause names one) speaks.
_DOCUMENTS = EVIDENCE_NOUNS | frozenset(
    """statement release message note speech interview announcement communique post tweet
    notice letter document email memo report""".split()
)


def _in_document(tok: Token) -> bool:
    """A document noun, or a phrase inside one: "a letter to the board stating ..."."""
    while True:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _DOCUMENTS:
            return True
        if tok.dep_ not in {"pobj", "prep"} or tok.head.i == tok.i:
            return False
        tok = tok.head


def _a_speaker(tok: Token) -> bool:
    """A noun phrase that can be a source: a name, a pronoun, or a speaking noun."""
    return (
        tok.pos_ in {"PROPN", "PRON"}
        or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or tok.pos_ == "NOUN"
        and (tok.lemma_.lower() in SPEAKING_NOUNS or tok.lemma_.lower() in _DOCUMENTS)
    )


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
