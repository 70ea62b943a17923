"""Counts in an event's sentence: how many were killed, wounded, detained."""

from __future__ import annotations

import re

from spacy.tokens import Token

__all__ = ["counts_in"]

_COUNT_WORDS = {
    "killed": "killed",
    "kill": "killed",
    "dead": "killed",
    "death": "killed",
    "deaths": "killed",
    "die": "killed",
    "wounded": "wounded",
    "wound": "wounded",
    "injured": "wounded",
    "injure": "wounded",
    "fighters": "killed",
    "destroyed": "destroyed",
    "destroy": "destroyed",
    "down": "destroyed",
    "rocket": "rockets",
    "rockets": "rockets",
    "missile": "rockets",
    "villages": "captured",
    "village": "captured",
    "captured": "captured",
}
_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "hundreds": 200,
    "dozens": 24,
}


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    return _NUM_WORDS.get(tok.lower_)


def counts_in(span: object) -> dict[str, int]:
    """The counts a span gives by kind: "two civilians", "12 soldiers" -> killed/wounded keys."""
    out: dict[str, int] = {}
    for tok in span:  # type: ignore[attr-defined]
        n = _number(tok)
        if n is None:
            continue
        head = tok.head
        for cand in (head, head.head):
            key = _COUNT_WORDS.get(cand.lower_) or _COUNT_WORDS.get(cand.lemma_)
            if key:
                out.setdefault(key, n)
                break
    return out
