"""What a load did: one outcome per article and the totals the server counted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["COUNTERS", "ArticleOutcome", "LoadSummary"]

COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
)


@dataclass
class ArticleOutcome:
    """What happened to one article: ``new``, ``replaced``, ``skipped`` or ``failed``."""

    id: str
    status: str
    source: str | None = None
    message: str | None = None
    statements: int = 0
    events: int = 0


@dataclass
class LoadSummary:
    """Totals of one load; counters come from the server's result summaries."""

    articles_new: int = 0
    articles_replaced: int = 0
    articles_skipped: int = 0
    articles_failed: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    seconds: float = 0.0  # the whole load, the resolution pass included
    incident_seconds: float = 0.0  # the resolution pass alone
    incidents: int = 0  # incidents the pass wrote
    failures: list[ArticleOutcome] = field(default_factory=list)

    @property
    def articles_written(self) -> int:
        return self.articles_new + self.articles_replaced

    @property
    def articles_seen(self) -> int:
        return self.articles_written + self.articles_skipped + self.articles_failed

    @property
    def elements_created(self) -> int:
        """Nodes plus relationships created: the benchmark's unit of work."""
        return self.nodes_created + self.relationships_created

    def add_counters(self, counters: dict[str, int]) -> None:
        for name in COUNTERS:
            setattr(self, name, getattr(self, name) + counters.get(name, 0))

    def record(self, outcome: ArticleOutcome) -> None:
        if outcome.status == "failed":
            self.articles_failed += 1
            self.failures.append(outcome)
        else:
            attr = f"articles_{outcome.status}"
            setattr(self, attr, getattr(self, attr) + 1)

    def as_dict(self) -> dict[str, Any]:
        """Plain numbers, for ``--json`` output and logs."""
        data: dict[str, Any] = {
            "articles_new": self.articles_new,
            "articles_replaced": self.articles_replaced,
            "articles_skipped": self.articles_skipped,
            "articles_failed": self.articles_failed,
        }
        data.update({name: getattr(self, name) for name in COUNTERS})
        data["seconds"] = round(self.seconds, 3)
        data["incident_seconds"] = round(self.incident_seconds, 3)
        return data
