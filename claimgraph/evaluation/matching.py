"""How a predicted record is matched to a gold one: names, spans, event types.

Matching is deliberately forgiving about surface form (case, accents,
apostrophes, a person's surname alone, a listed alias) and strict about
substance (who spoke, which stretch of text, which kind of event).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from claimgraph.schema.records import normalise_name

__all__ = [
    "EVENT_TYPE_SYNONYMS",
    "canonical_event_type",
    "name_keys",
    "surname",
    "span_overlap",
    "spans_match",
    "token_jaccard",
    "greedy_match",
    "lenient_name_match",
    "names_agree",
]

# Extractors and the gold files name event types differently; these collapse
# common names onto PLOVER categories (the extractor's ``Event.type``). The
# gold vocabulary (docs/gold-format.md) does not tell conventional from
# unconventional violence, so FIGHT and ASSAULT count as one. Unknown names
# pass through normalised, so an exact match always counts.
_PLOVER_NAMES: dict[str, list[str]] = {
    "FIGHT": (
        "attack shelling strike airstrike shooting cyberattack fight fighting battle clash "
        "clashes shootdown downing seize seizure occupy capture casualties kill killing "
        "killed deaths death casualty losses assault bombardment"
    ).split()
    + [
        "air strike",
        "missile strike",
        "rocket attack",
        "cyber attack",
        "shoot down",
        "shot down",
        "shoot_down",
        "take control",
    ],
    "COERCE": ["renaming", "rename", "renamed", "arrest", "detain", "detention"],
    "AID": ["evacuation", "evacuate", "flight", "displacement"],
    "CONSULT": ["talks", "talk", "negotiation", "negotiations", "meeting", "mediation", "meet"],
    "DEMAND": ["appeal", "call", "urge", "ceasefire call"],
    "RETREAT": ["ceasefire", "truce", "cease fire", "cessation of hostilities"],
}
EVENT_TYPE_SYNONYMS: dict[str, str] = {
    name: category for category, names in _PLOVER_NAMES.items() for name in names
}
EVENT_TYPE_SYNONYMS["taken prisoner"] = "COERCE"
EVENT_TYPE_SYNONYMS["prisoner"] = "COERCE"


def canonical_event_type(name: str) -> str:
    """The PLOVER category an event type name stands for (``"Shelling"`` -> ``"FIGHT"``)."""
    key = normalise_name(name)
    if key.upper() in {"FIGHT", "ASSAULT"}:
        return "FIGHT"
    return EVENT_TYPE_SYNONYMS.get(key, key.upper())


def surname(name: str) -> str | None:
    """The last word of a multi-word personal name, normalised (``None`` for one word)."""
    words = normalise_name(name).split()
    return words[-1] if len(words) > 1 else None


# British and American spellings of the words institutions' names are made of.
_SPELLINGS = {
    "defence": "defense",
    "organisation": "organization",
    "programme": "program",
    "centre": "center",
    "labour": "labor",
}


def name_keys(names: Iterable[str | None]) -> set[str]:
    """Normalised forms of names: a leading "the" dropped, one spelling per word."""
    keys = set()
    for name in names:
        if not name:
            continue
        key = normalise_name(name)
        key = re.sub(r"^the ", "", key)
        key = " ".join(_SPELLINGS.get(w, w) for w in key.split())
        if key:
            keys.add(key)
    return keys


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(a: tuple[int, int], b: tuple[int, int], share: float = 0.5) -> float:
    """Character Jaccard of two spans when they overlap by ``share`` of the shorter, else 0."""
    inter = span_overlap(a, b)
    shorter = min(a[1] - a[0], b[1] - b[0])
    if shorter <= 0 or inter < share * shorter:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    # Never 0 for a match: the score only orders candidates.
    return max(inter / union, 1e-6)


_TOKEN = re.compile(r"\w+")


def token_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the lower-cased word sets of two texts."""
    ta = set(_TOKEN.findall(a.lower()))
    tb = set(_TOKEN.findall(b.lower()))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


G = TypeVar("G")
P = TypeVar("P")


def greedy_match(
    gold: Sequence[G], predicted: Sequence[P], score: Callable[[G, P], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``, best-scoring pairs first.

    Pairs scoring 0 never match; ties keep document order, so the result is
    deterministic.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            s = score(g, p)
            if s > 0:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def names_agree(predicted: Iterable[str | None], gold: Iterable[str | None], person: bool) -> bool:
    """Whether predicted names denote the gold ones: a shared normalised name or alias;
    for a person also the surname alone or the full name with a title before it."""
    keys = name_keys(gold)
    found = name_keys(predicted)
    if found & keys:
        return True
    if not person:
        return False
    surnames = {s for s in (surname(k) for k in keys) if s}
    return any(k in surnames or any(k.endswith(" " + full) for full in keys) for k in found)


def lenient_name_match(predicted: str, gold: str) -> bool:
    """Names equal, or one a whole-word part of the other ("Obama", "President Obama")."""
    p, g = name_keys([predicted]), name_keys([gold])
    if not p or not g:
        return False
    a, b = next(iter(p)), next(iter(g))
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 3 and f" {short} " in f" {long} "
