"""The tense of the clause a time expression belongs to, read from the spaCy parse.

"Friday" in "said on Friday that it would close" hangs off "said" (past),
not off "close": the governing verb, not any future word in the sentence,
decides whether a weekday or a year-less month lies before or after the
reference time.
"""

from __future__ import annotations

from typing import Any

__all__ = ["clause_tense"]

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
_FUTURE_HEADS = {
    "plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "agree",
    "prepare", "promise", "threaten", "vow", "pledge", "decide", "ask", "seek", "try",
}  # fmt: skip
_MAX_STEPS = 8


# A date inside a noun phrase ("a June 3 hearing has been scheduled") dates the
# noun, not the verb: the verb's tense says nothing about it.
_NOMINAL = {"nsubj", "nsubjpass", "dobj", "attr", "appos", "compound", "poss", "nmod", "amod"}


def _verb(token: Any) -> Any:
    """The nearest verb governing ``token`` adverbially (itself if it is one), else None."""
    for _ in range(_MAX_STEPS):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head is token or token.dep_ in _NOMINAL:
            return None
        token = token.head
    return None


def clause_tense(doc: Any, start: int, end: int) -> str | None:
    """``"past"``, ``"future"``, ``"present"`` or ``None`` for the verb governing ``doc[start:end]``.

    Future: an auxiliary "will", "shall", "would" ("said it would close on
    Friday"), or an infinitive after "plan", "expect", "agree", "due" ...
    ("agreed to meet on Monday"). Past: a past-tense verb or the past perfect
    ("had met"). Present: anything else with a verb. ``None`` when the
    expression sits in a noun phrase ("a June 3 hearing") or has no verb.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or verb.tag_ == "MD":
        return "future"
    if "to" in words and verb.tag_ == "VB":
        head = verb.head
        if head is not verb and (head.lemma_.lower() in _FUTURE_HEADS or head.lower_ == "going"):
            return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        # "would be infused when they opened on Friday": a past form under a future
        # main clause (sequence of tenses) still speaks of what is ahead.
        head = verb.head
        if verb.dep_ == "advcl" and head is not verb:
            if {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")} & _FUTURE_AUX:
                return "future"
        return "past"
    if verb.tag_ == "VBN" and any(a.lower_ in ("had", "'d") for a in auxes):
        return "past"  # the past perfect; "has been scheduled" may still lie ahead
    return "present"
