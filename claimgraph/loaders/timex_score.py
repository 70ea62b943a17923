"""Score ``find_times`` against MEANTIME as issue #14 defines it: TimeML values.

The measure is **value accuracy over all gold values**: the gold DATE and
TIME timexes (the creation time left out) whose value our overlapping
expression gives exactly, in ISO-TimeML (``2009-SP``, ``2010-03-02TMO``,
``PRESENT_REF``, ``P6Y``), divided by the number of gold timexes. Nothing is
mapped: ``2011`` for a gold ``2011-06`` is wrong. The type (DATE, TIME,
DURATION, SET) is counted beside it, and DURATION and SET gold, which the
headline figure leaves out, are scored the same way on their own.

``score_timeml(..., value=lambda t: t.value, lenient=True)`` gives the older
reading (ISO values, ``_same_value`` mapping), kept so that a figure measured
before TimeML values existed can be compared.

Example:

    .venv/bin/python -m claimgraph.loaders.timex_score ../shared/data/meantime-en
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.loaders.timex_eval import MeantimeDocument, _same_value, read_meantime

__all__ = ["TimemlScore", "gold_kind", "score_timeml"]

_HEADLINE_TYPES = ("DATE", "TIME")


def gold_kind(value: str) -> str:
    """A coarse kind of a gold value, to say what fails: ``day``, ``time``, ``season`` ..."""
    rules = (
        (r"\d{4}-\d\d-\d\d", "day"),
        (r"\d{4}-\d\d-\d\dT.*", "time"),
        (r"\d{4}-\d\d", "month"),
        (r"\d{4}", "year"),
        (r"\d{4}-W\d\d(-WE)?", "week"),
        (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"),
        (r"\d{2,3}", "decade/century"),
        (r"FY\d{4}", "fiscal"),
        (r"(PAST|PRESENT|FUTURE)_REF", "ref"),
        (r"P.*", "duration"),
    )
    for pattern, kind in rules:
        if re.fullmatch(pattern, value):
            return kind
    return "other"


@dataclass
class TimemlScore:
    """Counts per gold type group: the headline group is DATE and TIME."""

    gold: int = 0
    found: int = 0  # overlapped by one of ours
    right: int = 0  # ... with exactly the gold value
    type_right: int = 0  # ... with the gold type
    by_kind: Counter[str] = field(default_factory=Counter)
    right_by_kind: Counter[str] = field(default_factory=Counter)
    other_gold: Counter[str] = field(default_factory=Counter)  # DURATION, SET
    other_right: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Right values over all gold values."""
        return self.right / self.gold if self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def type_accuracy(self) -> float:
        """Right types over the gold timexes we found."""
        return self.type_right / self.found if self.found else 0.0


def _timeml(t: Any) -> str | None:
    return getattr(t, "timeml", None)


def score_timeml(
    documents: Iterable[MeantimeDocument],
    find: Callable[[MeantimeDocument], list[Any]] | None = None,
    value: Callable[[Any], str | None] = _timeml,
    lenient: bool = False,
) -> TimemlScore:
    """Value accuracy of our times on MEANTIME's DATE and TIME gold (see the module doc)."""
    if find is None:
        from claimgraph.loaders.timex import find_times

        def find(doc: MeantimeDocument) -> list[Any]:
            return find_times(doc.text, doc.dct)

    score = TimemlScore()
    for doc in documents:
        ours = find(doc)
        for gold in doc.timexes:
            if gold.type == "DCT":
                continue
            match = next((t for t in ours if t.start < gold.end and gold.start < t.end), None)
            got = value(match) if match is not None else None
            ok = got is not None and (
                _same_value(got, gold.value) if lenient else got == gold.value
            )
            if gold.type not in _HEADLINE_TYPES:
                score.other_gold[gold.type] += 1
                score.other_right[gold.type] += ok
                continue
            kind = gold_kind(gold.value)
            score.gold += 1
            score.by_kind[kind] += 1
            if match is not None:
                score.found += 1
                score.type_right += getattr(match, "type", None) == gold.type
            if ok:
                score.right += 1
                score.right_by_kind[kind] += 1
            else:
                text = doc.text[gold.start : gold.end]
                score.errors.append((doc.name, text, got, gold.value))
    return score


def report(score: TimemlScore) -> str:
    """The figures as plain text lines."""
    lines = [
        f"DATE+TIME gold {score.gold}: found {score.found} (recall {score.recall:.3f}), "
        f"right values {score.right} (accuracy {score.accuracy:.3f}), "
        f"type right {score.type_right} of found ({score.type_accuracy:.3f})",
    ]
    for kind, n in score.by_kind.most_common():
        lines.append(f"  {kind:15} {score.right_by_kind[kind]:4d} / {n:4d}")
    for kind, n in score.other_gold.most_common():
        lines.append(f"{kind} gold {n}: right values {score.other_right[kind]}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a measuring command
    folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/meantime-en"
    documents = list(read_meantime(folder))
    sys.stdout.write(report(score_timeml(documents)) + "\n")
    if "--errors" in sys.argv:
        for name, text, got, want in score_timeml(documents).errors:
            sys.stdout.write(f"{name[:14]:14} {text!r:40} ours={got} gold={want}\n")
