"""Scoring event categories and source actors against the PLOVER gold records.

The PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``, CC BY-SA 4.0,
kept outside the project) are single news-style sentences, each coded with
one PLOVER category (AGREE, DEMAND, ASSAULT, ...) and its source actors as
POLECAT codes them: a text span, a ``code`` (ISO-3166 alpha-3, or IGO, NGO,
...) and a ``sector`` (GOV, MIL, REB, ...).

Each sentence is extracted as an article of its own. A sentence is right on
**category** when one of its events (``Event.type``) or speech acts
(``Statement.act``) carries the gold category, and right **with source**
when, in addition, the source of that event or act matches a gold source
actor: an agent of the event, or the speaker of the statement, whose name
overlaps the gold actor's text or whose country code equals the gold code.

Precision is counted on distinct (sentence, category) predictions: the share
that are the gold category. A sentence holds more than one happening ("said
... killed ..."), so precision is a lower bound.

Records are split by the parity of their number (``...-AGREE-0007`` is odd,
``dev``; even numbers are ``test``): rules are tuned on dev and reported on
both.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.schema.records import Article, ArticleRecords, Entity, normalise_name

__all__ = [
    "GoldActor",
    "PloverSentence",
    "PloverSplit",
    "PloverResult",
    "read_gsr",
    "predictions",
    "actor_matches",
    "score_plover",
]

log = logging.getLogger(__name__)

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
# Codes in the GSR that are not states: international and non-governmental
# bodies, militant groups, "unidentified armed forces".
_NON_STATE = {"IGO", "NGO", "IMG", "UAF", "ISM", "MNC"}
_STOP = {"the", "of", "and", "in", "s", "a", "an", "from", "to", "for", "based", "on"}


@dataclass
class GoldActor:
    """A source or target actor as the GSR codes it."""

    text: str
    code: str | None
    sector: str | None


@dataclass
class PloverSentence:
    """One gold record: the sentence, its PLOVER category and source actors."""

    id: str
    text: str
    category: str
    mode: str | None
    sources: list[GoldActor]

    @property
    def split(self) -> str:
        """``dev`` for odd record numbers, ``test`` for even ones."""
        m = re.search(r"(\d+)$", self.id)
        return "dev" if m and int(m.group(1)) % 2 else "test"


@dataclass
class PloverSplit:
    """Figures over one split (or all records)."""

    sentences: int = 0
    category: int = 0  # gold category among the predictions
    with_source: int = 0  # ... with a matching source actor
    predicted: int = 0  # distinct (sentence, category) predictions
    crashed: int = 0

    @property
    def category_rate(self) -> float:
        return self.category / self.sentences if self.sentences else 0.0

    @property
    def source_rate(self) -> float:
        return self.with_source / self.sentences if self.sentences else 0.0

    @property
    def precision(self) -> float:
        return self.category / self.predicted if self.predicted else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "category": round(self.category_rate, 3),
            "with_source": round(self.source_rate, 3),
            "precision": round(self.precision, 3),
            "crashed": self.crashed,
        }


@dataclass
class PloverResult:
    """Scores on the GSR: overall, per split, per gold category, and failures."""

    total: PloverSplit = field(default_factory=PloverSplit)
    splits: dict[str, PloverSplit] = field(default_factory=dict)
    by_category: dict[str, PloverSplit] = field(default_factory=dict)
    produced: Counter[str] = field(default_factory=Counter)
    crashes: list[tuple[str, str]] = field(default_factory=list)  # record id, error
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)  # id, gold, predicted

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total.to_json(),
            "splits": {k: v.to_json() for k, v in sorted(self.splits.items())},
            "by_category": {k: v.to_json() for k, v in sorted(self.by_category.items())},
            "produced": dict(sorted(self.produced.items())),
            "crashes": [list(c) for c in self.crashes],
        }


def read_gsr(path: str | Path) -> list[PloverSentence]:
    """The coded sentences of a PLOVER GSR file (or of the directory holding it)."""
    p = Path(path)
    if p.is_dir():
        p = p / "PLOVER_GSR_CAMEO.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{p}: cannot read the PLOVER gold records: {e}") from e
    if not isinstance(data, list):
        raise InputError(f"{p}: expected a JSON array of PLOVER records")
    out = []
    for r in data:
        if not isinstance(r, dict) or r.get("event") in {None, "DOCUMENT"} or not r.get("text"):
            continue
        sources = [
            GoldActor(str(s.get("actorText") or ""), s.get("code") or None, s.get("sector") or None)
            for s in (r.get("source") or [])
            if isinstance(s, dict)
        ]
        out.append(
            PloverSentence(
                id=str(r.get("id")),
                text=str(r["text"]),
                category=str(r["event"]).upper(),
                mode=r.get("mode") or None,
                sources=sources,
            )
        )
    return out


def _words(text: str) -> set[str]:
    return {w for w in normalise_name(text).split() if w not in _STOP and len(w) > 1}


def actor_matches(entity: Entity | None, name: str | None, gold: GoldActor) -> bool:
    """Whether a predicted actor is the gold actor: by name, or by country code."""
    if entity is not None and entity.country and gold.code and _COUNTRY_CODE.match(gold.code):
        if gold.code not in _NON_STATE and entity.country == gold.code:
            return True
    names = [name] if name else []
    if entity is not None:
        names += [entity.name, *entity.aliases]
    gold_words = _words(gold.text)
    for n in names:
        words = _words(n)
        if words and gold_words and (words <= gold_words or gold_words <= words):
            return True
    return False


def predictions(
    records: ArticleRecords,
) -> list[tuple[str, list[tuple[Entity | None, str | None]]]]:
    """(category, source actors) for each event and speech act of one article."""
    ents = {e.id: e for e in records.entities}
    out: list[tuple[str, list[tuple[Entity | None, str | None]]]] = []
    for ev in records.events:
        out.append((ev.type.upper(), [(ents.get(a), None) for a in ev.agents]))
    for st in records.statements:
        act = getattr(st, "act", None)
        if act:
            out.append((act.upper(), [(ents.get(st.speaker or ""), st.speaker_name)]))
    return out


def score_plover(path: str | Path, extractor: Any = None) -> PloverResult:
    """Category and source-actor accuracy of the extractor on the PLOVER GSR.

    ``path`` is the GSR file or its directory. A sentence whose extraction
    fails is counted wrong and listed in ``crashes``.

    Example:
        >>> result = score_plover("../shared/data/plover-gsr")  # doctest: +SKIP
        >>> round(result.total.category_rate, 2)  # doctest: +SKIP
    """
    if extractor is None:
        from claimgraph.loaders.pipeline import Extractor

        extractor = Extractor()
    result = PloverResult()
    for s in read_gsr(path):
        buckets = [
            result.total,
            result.splits.setdefault(s.split, PloverSplit()),
            result.by_category.setdefault(s.category, PloverSplit()),
        ]
        for b in buckets:
            b.sentences += 1
        try:
            records = extractor.extract(Article(id=s.id, text=s.text, published=date(2000, 1, 1)))
            preds = predictions(records)
        except Exception as e:  # one bad sentence must not stop the run
            log.warning("%s: extraction failed: %r", s.id, e)
            result.crashes.append((s.id, repr(e)))
            for b in buckets:
                b.crashed += 1
            continue
        cats = {c for c, _ in preds}
        result.produced.update(cats)
        hit = s.category in cats
        sourced = any(
            c == s.category and any(actor_matches(e, n, g) for e, n in actors for g in s.sources)
            for c, actors in preds
        )
        for b in buckets:
            b.predicted += len(cats)
            b.category += hit
            b.with_source += sourced
        if not hit:
            result.misses.append((s.id, s.category, sorted(cats)))
    return result
