"""Text-level helpers for attribution: quoted passages, spans, and the
sentences that say a claim could not be confirmed."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

__all__ = ["text_of", "find_quotes", "span_chars", "trim", "clause_between", "unconfirmed_clauses"]

_MARKS = re.compile(r"``|''|[“”\"«»\n]")
_OPENING = {"“", "«", "``"}
_CLOSING = {"”", "»", "''"}
_LINES_A_QUOTE_MAY_CROSS = 4
# Impersonal notes only: "he could not confirm" is a speaker's statement, not the outlet's caveat.
_UNCONFIRMED = re.compile(
    r"no independent (?:confirmation|verification)|could not be (?:independently )?"
    r"(?:verified|confirmed)|not (?:been )?independently (?:verified|confirmed)|"
    r"\bunconfirmed\b|cannot be (?:independently )?(?:verified|confirmed)",
    re.I,
)
_CLAUSE_START = re.compile(r"(?:,\s*(?:but|and|although|though)\s+|;\s*)", re.I)


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("claimgraph_text")
    if not isinstance(text, str):
        text = doc.text
        doc.user_data["claimgraph_text"] = text
    return text


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quote marks included.

    Curly, guillemet and typewriter (``…'') marks say which way they face, so
    such a quote may run over a few line breaks (a quote of several sentences
    in text laid out one sentence per line); straight quotes never cross a
    line break. A straight quote opens when it follows a space or a bracket
    and precedes a word; otherwise it closes. One with a space on both sides
    (tokenised text) opens when no quote is open and closes one otherwise. Stray closing marks (a common
    typo in wire copy) are skipped instead of flipping every later pair. For
    a two-character mark the span starts and ends on its inner character, so
    that ``start + 1 .. end - 1`` is always the quoted text.
    """
    out: list[tuple[int, int]] = []
    opened: int | None = None
    facing = False  # the open quote's mark says which way it faces
    breaks = 0
    n = len(text)
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            breaks += 1
            if not facing or breaks > _LINES_A_QUOTE_MAY_CROSS:
                opened = None
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[m.end()] if m.end() < n else " "
        if ch in _OPENING:
            is_open, directional = True, True
        elif ch in _CLOSING:
            is_open, directional = False, True
        else:
            is_open = (before.isspace() or before in "([—-:") and not after.isspace()
            if before.isspace() and after.isspace():
                is_open = opened is None  # ' " Stop me ... this. " ': spaced marks pair in turn
            directional = False
        if is_open:
            opened, facing, breaks = m.end() - 1, directional, 0
        elif opened is not None:
            if i - opened > 2:
                out.append((opened, i + 1))
            opened = None
    return out


def span_chars(toks: list[Token]) -> tuple[int, int]:
    """First and last character of some tokens."""
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, punctuation, a trailing "and" and a leading "that"."""
    while start < end and (text[start].isspace() or text[start] in ",;:—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—-."):
        end -= 1
    for tail in (" and", " but", ", adding", " adding"):
        if text[start:end].endswith(tail):
            return trim(text, start, end - len(tail))
    if text[start:end].lower().startswith("that "):
        start += 5
    return start, end


def clause_between(text: str, a: int, b: int) -> bool:
    """True if a full stop separates two offsets (the quote belongs elsewhere)."""
    gap = text[a:b]
    return bool(re.search(r"[.!?]\s+[A-Z“\"]", gap)) or len(gap) > 120


def unconfirmed_clauses(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Caveats that a claim could not be confirmed: (clause start, clause end,
    sentence start, sentence end). The clause is the part after ", but" when
    the caveat closes a reported sentence, else the whole sentence."""
    out = []
    for sent in doc.sents:
        m = _UNCONFIRMED.search(sent.text)
        if m is None:
            continue
        body = sent.text.rstrip()
        starts = [c.end() for c in _CLAUSE_START.finditer(body) if c.end() <= m.start()]
        a = sent.start_char + (starts[-1] if starts else len(body) - len(body.lstrip()))
        b = sent.start_char + len(body.rstrip(".!?"))
        out.append((a, b, sent.start_char, sent.end_char))
    return out
