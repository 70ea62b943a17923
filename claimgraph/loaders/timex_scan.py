"""Find the matches of the time rules quickly, by looking only near their keywords.

Every rule has a word it cannot match without (a month name, "year",
"UTC", "ago"). Python's regex engine skips in C to a pattern's first
literal characters, but a pattern that opens with optional modifiers
("the coming", "last") or a lookahead is tried at every position. So each
rule's keyword is searched first, with a plain alternation of literals, and
the rule itself runs only in a window around each keyword: the same matches,
several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Anchor", "ANCHORS", "keywords", "matches"]


@dataclass(frozen=True)
class Anchor:
    """A rule's keyword, and how far before and after it the rule's matches reach."""

    pattern: re.Pattern[str]
    back: int
    fwd: int


def _words(*words: str) -> str:
    """Each word as written and capitalised, longest first (a literal alternation)."""
    variants = {v for w in words for v in (w, w[0].upper() + w[1:])}
    return "|".join(sorted((re.escape(v) for v in variants), key=len, reverse=True))


_MONTHS = _words(
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Oct", "Nov", "Dec",
)  # fmt: skip
_WEEKDAYS = _words("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UNITS = _words("day", "week", "month", "year", "quarter", "decade", "centur", "hour", "minute",
                "second")  # fmt: skip


def _a(pattern: str, back: int, fwd: int) -> Anchor:
    return Anchor(re.compile(pattern), back, fwd)


ANCHORS: dict[str, Anchor] = {
    "iso": _a(r"\d\d\d\d-\d\d-", 0, 12),
    "md_range": _a(_MONTHS, 0, 40),
    "dm_range": _a(_MONTHS, 24, 12),
    "md": _a(_MONTHS, 0, 20),
    "dm": _a(_MONTHS, 16, 12),
    "my": _a(_MONTHS, 0, 14),
    "month": _a(_MONTHS, 20, 26),
    "weekday": _a(_WEEKDAYS, 14, 16),
    "deictic": _a(_words("today", "tonight", "yesterday", "tomorrow", "overnight", "night",
                         "morning", "afternoon", "evening", "TODAY"), 6, 14),  # fmt: skip
    "unit": _a(_words("week", "month", "year"), 18, 4),
    "relday": _a(_words("day", "morning", "afternoon", "evening", "night"), 22, 30),
    "shift": _a(_words("later", "after", "earlier", "before", "ago"), 40, 2),
    "since_then": _a(_words("then"), 10, 2),
    "duration": _a(_words("day", "week", "month", "year", "decade"), 48, 60),
    "year": _a(r"1[5-9]\d\d|20\d\d", 1, 6),
    "decade": _a(r"0s", 14, 2),
    "short_year": _a("'|‘|’", 0, 6),
    "quarter": _a(_words("quarter", "Q"), 26, 22),
    "clock": _a(r":|a\.m|p\.m|a\. m|p\. m|am|pm|AM|PM|UTC|GMT|noon|midday|midnight", 8, 14),
    "half": _a(_words("half", "H1", "H2"), 12, 24),
    "season": _a(_words("spring", "summer", "autumn", "fall", "winter"), 18, 14),
    "ref": _a(_words("now", "current", "present", "nowaday", "moment", "being", "these",
                     "recent", "lately", "past", "time", "soon", "later", "future", "term"),
              14, 14),  # fmt: skip
    "fiscal": _a(_words("fiscal", "financial", "FY"), 24, 14),
    "usdate": _a("/", 5, 6),
    "set": _a(_words("every", "each", "once", "twice", "thrice", "times", "per", "annually",
                     "yearly", "day", "week", "month", "year", "Mondays", "Tuesdays",
                     "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"), 6, 30),
    "dur": _a(_UNITS, 42, 26),
    "century": _a(_words("century"), 30, 2),
    "theyear": _a(_words("year", "month", "week", "day"), 18, 22),
    "sameperiod": _a(_words("same"), 6, 50),
}  # fmt: skip

_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z ]*")


def _keyword_index() -> tuple[re.Pattern[str], dict[str, frozenset[str]], dict[str, Anchor]]:
    """One scan for the keywords of every rule whose keyword is a list of words.

    Returns the scanning pattern, the rules each matched word belongs to (a
    word also counts for every rule whose keyword it contains: "Mondays" for
    the weekday rule, "century" for the durations' "centur"), and the rules
    whose keyword is a pattern of its own.
    """
    words: dict[str, set[str]] = {}
    own: dict[str, Anchor] = {}
    for kind, anchor in ANCHORS.items():
        alternatives = anchor.pattern.pattern.split("|")
        plain = [re.sub(r"\\(.)", r"\1", a) for a in alternatives]
        if all(_WORDLIKE.fullmatch(w) for w in plain):
            for w in plain:
                words.setdefault(w, set()).add(kind)
        else:
            own[kind] = anchor
    kinds = {w: frozenset(k for kw, ks in words.items() if kw in w for k in ks) for w in words}
    union = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(union), kinds, own


_SLACK = 30  # how far a pattern's lookaheads may read past its match
_REDO = 80  # longer than any match plus its lookahead


def keywords(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each rule's keyword occurs in ``text``: one scan for all word keywords."""
    found: dict[str, list[tuple[int, int]]] = {kind: [] for kind in ANCHORS}
    for m in _UNION.finditer(text):
        span = m.span()
        for kind in _KINDS[m.group()]:
            found[kind].append(span)
    for kind, anchor in _OWN.items():
        found[kind] = [m.span() for m in anchor.pattern.finditer(text)]
    return found


def matches(
    kind: str,
    pattern: re.Pattern[str],
    text: str,
    index: dict[str, list[tuple[int, int]]] | None = None,
) -> Iterator[re.Match[str]]:
    """The matches of one rule in ``text``, searched only around its keywords.

    ``index`` is ``keywords(text)``, computed once for all rules.
    """
    anchor = ANCHORS.get(kind)
    if anchor is None:
        yield from pattern.finditer(text)
        return
    spans = (index or keywords(text))[kind]
    n = len(text)
    seen: set[tuple[int, int]] = set()
    # Matches that start before ``scanned`` were all found: a window's last stretch is
    # tried again with the next one, because the window may have cut a match there.
    scanned = 0
    for a_start, a_end in spans:
        lo = max(scanned, a_start - anchor.back)
        hi = min(n, a_end + anchor.fwd)
        if lo >= hi:
            continue
        for m in pattern.finditer(text, lo, hi):
            if hi < n and m.end() + _SLACK > hi:
                # The window may have cut the match or its lookahead short: redo it whole.
                whole = pattern.match(text, m.start())
                if whole is None:
                    continue
                m = whole
            if m.span() not in seen:
                seen.add(m.span())
                yield m
        scanned = max(scanned, hi - _REDO)


_UNION, _KINDS, _OWN = _keyword_index()
