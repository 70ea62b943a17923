"""Measure ``find_times`` against TIMEX3 gold annotations in MEANTIME files.

MEANTIME (NewsReader, CC BY 4.0) annotates news articles token by token, with
TIMEX3 markables (``type``, ``value``) and the document creation time (DCT).
We rebuild each document's text from its tokens, run ``find_times`` with the
DCT as the publication date, align our expressions to gold DATE timexes by
character overlap, and count:

- recall: gold DATE timexes overlapped by one of ours;
- value accuracy: matched ones whose value equals the gold value, after
  mapping notations that differ only in form (gold ``198`` is our ``1980s``,
  gold ``2008-01-09TMO`` is our part-of-day ``2008-01-09``);
- precision: our expressions that overlap any gold TIMEX3 (the creation
  time included), counted only where MEANTIME annotates times at all: its
  first six sentences (title, date line and four more).

Gold values that are not calendar values (``PAST_REF``, ``P1D``,
``XXXX-XX-XX``) are counted separately as "calendar" or not.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from claimgraph.loaders.timex import find_times, value_to_range

__all__ = ["GoldTimex", "MeantimeDocument", "MeantimeScore", "read_meantime", "score_meantime"]

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_ANNOTATED_SENTENCES = 6
_CALENDAR = re.compile(r"^(?:\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]))?|\d{3})$")


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class MeantimeDocument:
    name: str
    text: str
    dct: date | None
    timexes: list[GoldTimex]  # the creation time has type "DCT"
    annotated_until: int  # times are annotated only before this offset


@dataclass
class MeantimeScore:
    documents: int = 0
    gold: int = 0  # DATE timexes other than the creation time
    found: int = 0
    correct: int = 0
    calendar_gold: int = 0  # those with a calendar value (2009-05, 1991, 2009-W11 ...)
    calendar_found: int = 0
    calendar_correct: int = 0
    ours: int = 0  # expressions we produced where times are annotated
    ours_matching_any: int = 0  # ... overlapping any gold TIMEX3 of any type
    errors: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def calendar_recall(self) -> float:
        return self.calendar_found / self.calendar_gold if self.calendar_gold else 0.0

    @property
    def calendar_accuracy(self) -> float:
        return self.calendar_correct / self.calendar_found if self.calendar_found else 0.0

    @property
    def precision(self) -> float:
        return self.ours_matching_any / self.ours if self.ours else 0.0


def _dct(value: str) -> date | None:
    """The creation time: ``2009-02-03``, or ``03-02-2009`` as one file writes it (day first)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _document(path: Path) -> MeantimeDocument:
    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, previous_sentence, previous_token = 0, None, ""
    annotated_until: int | None = None
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if parts:
            if sentence != previous_sentence:
                sep = "\n"
            elif _NO_SPACE_BEFORE.match(word) or previous_token in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        if annotated_until is None and int(sentence or 0) >= _ANNOTATED_SENTENCES:
            annotated_until = length
        offsets[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        previous_sentence, previous_token = sentence, word
    dct: date | None = None
    timexes: list[GoldTimex] = []
    for timex in root.iter("TIMEX3"):
        spans = [
            offsets[a.get("t_id", "")]
            for a in timex.iter("token_anchor")
            if a.get("t_id") in offsets
        ]
        value = timex.get("value") or ""
        kind = timex.get("type", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            kind = "DCT"
            dct = _dct(value)
        if spans:
            timexes.append(
                GoldTimex(min(s for s, _ in spans), max(e for _, e in spans), kind, value)
            )
    text = "".join(parts)
    if dct is None:
        dct = _dateline(text)
    return MeantimeDocument(path.stem, text, dct, timexes, annotated_until or len(text))


def _dateline(text: str) -> date | None:
    """The date printed under the title ("April 27, 2005"), for a file without a creation time."""
    lines = text.split("\n", 2)
    if len(lines) < 2:
        return None
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", lines[1].strip())
    months = "January February March April May June July August September October November December"
    if m is None or m[1] not in months.split():
        return None
    try:
        return date(int(m[3]), months.split().index(m[1]) + 1, int(m[2]))
    except ValueError:
        return None


def read_meantime(folder: str | Path) -> Iterator[MeantimeDocument]:
    """Every MEANTIME document under ``folder`` (its ``*.xml`` files, sorted)."""
    for path in sorted(Path(folder).rglob("*.xml")):
        yield _document(path)


def _same_value(ours: str | None, gold: str) -> bool:
    """Equal values; our range also matches a gold value that is one of its ends.

    MEANTIME marks "from 2009 to 2011" as two timexes and "since 1992" as
    the year alone; our one range expression stands for both ends.
    """
    if ours is None:
        return False
    gold = re.sub(r"T(?:MO|AF|EV|NI|DT)$", "", gold)
    if re.fullmatch(r"\d{3}", gold):
        gold += "0s"
    if ours == gold:
        return True
    if weekend := re.fullmatch(r"(\d{4})-W(\d{2})-WE", gold):
        saturday = date.fromisocalendar(int(weekend[1]), int(weekend[2]), 6)
        return ours == f"{saturday}/{saturday + timedelta(days=1)}"
    ours_range, gold_range = value_to_range(ours), value_to_range(gold)
    if "/" not in ours or ours_range is None or gold_range is None:
        return False
    gold_end = gold_range[1] or gold_range[0]
    return ours_range[0] == gold_range[0] or (ours_range[1] == gold_end and "/.." not in ours)


def score_meantime(documents: Iterable[MeantimeDocument]) -> MeantimeScore:
    """Recall and value accuracy of ``find_times`` on gold DATE timexes."""
    score = MeantimeScore()
    for doc in documents:
        score.documents += 1
        found = find_times(doc.text, doc.dct)
        annotated = [t for t in found if t.end <= doc.annotated_until]
        score.ours += len(annotated)
        score.ours_matching_any += sum(
            any(t.start < g.end and g.start < t.end for g in doc.timexes) for t in annotated
        )
        for gold in doc.timexes:
            if gold.type != "DATE":
                continue
            calendar = bool(_CALENDAR.match(gold.value))
            score.gold += 1
            score.calendar_gold += calendar
            match = next((t for t in found if t.start < gold.end and gold.start < t.end), None)
            if match is None:
                score.errors.append((doc.name, doc.text[gold.start : gold.end], None, gold.value))
                continue
            score.found += 1
            score.calendar_found += calendar
            if _same_value(match.value, gold.value) or match.timeml == gold.value:
                score.correct += 1
                score.calendar_correct += calendar
            else:
                score.errors.append((doc.name, match.text, match.value, gold.value))
    return score
