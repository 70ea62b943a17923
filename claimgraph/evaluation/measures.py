"""The measures ``claimgraph eval`` reports: precision/recall/F1 and accuracies."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["PRF", "Accuracy", "ArticleScore"]


@dataclass
class PRF:
    """True positives against the number predicted and the number in gold."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Correct out of total; ``value`` is ``None`` when nothing was compared."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def count(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_json(self) -> dict[str, Any]:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "value": None if value is None else round(value, 4),
        }


_ACCURACIES = ("entity_type", "said_on", "polarity", "mode", "via", "event_date")


@dataclass
class ArticleScore:
    """Scores for one article (or, added up, for a whole gold set)."""

    name: str
    entities: PRF = field(default_factory=PRF)
    statements: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    accuracy: dict[str, Accuracy] = field(
        default_factory=lambda: {k: Accuracy() for k in _ACCURACIES}
    )
    details: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {
            "missed": [],
            "spurious": [],
            "mismatched": [],
            "missed_entities": [],
            "spurious_entities": [],
            "missed_events": [],
            "spurious_events": [],
        }
    )
    skipped: str | None = None

    def add(self, other: ArticleScore) -> None:
        """Add another article's counts (micro-averaging)."""
        self.entities.add(other.entities)
        self.statements.add(other.statements)
        self.events.add(other.events)
        for k, acc in other.accuracy.items():
            self.accuracy[k].add(acc)

    def to_json(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "entities": self.entities.to_json(),
            "statements": self.statements.to_json(),
            "events": self.events.to_json(),
            "accuracy": {k: a.to_json() for k, a in self.accuracy.items()},
        }
        if self.skipped:
            out["skipped"] = self.skipped
        if details:
            out["details"] = self.details
        return out
