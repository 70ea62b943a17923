"""Entity types on real text: gold proper names per document against our entities.

Used by the MEANTIME and re3d suites. A gold name is *found* when one of the
document's predicted entities has that name or alias under lenient matching
(``lenient_name_match``: equal after normalising, or one a whole-word part of
the other); exact names take precedence over lenient ones. It is *right*
when the type of every entity so chosen is the gold type (``type_ok`` decides,
so a suite can accept a country acting as an organisation): an article that
yields "Airbus" both as a place and as an organisation gets it wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.evaluation.matching import lenient_name_match, name_keys
from claimgraph.schema.records import Entity

__all__ = ["GoldName", "NameScore", "score_names"]


@dataclass(frozen=True)
class GoldName:
    """A distinct proper name of one document and its gold type (the corpus's own label)."""

    name: str
    type: str


@dataclass
class NameScore:
    """Gold names, found, right type; in total and by gold type."""

    gold: int = 0
    found: int = 0
    right: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, found, right]

    @property
    def recall(self) -> float | None:
        """Gold names found (any type) / gold names."""
        return self.found / self.gold if self.gold else None

    @property
    def accuracy(self) -> float | None:
        """Right type / gold names found."""
        return self.right / self.found if self.found else None

    def count(self, kind: str, found: bool, right: bool) -> None:
        """Count one gold name."""
        self.gold += 1
        self.found += found
        self.right += right
        row = self.by_type.setdefault(kind, [0, 0, 0])
        row[0] += 1
        row[1] += found
        row[2] += right

    def add(self, other: NameScore) -> None:
        """Add another document's counts."""
        self.gold += other.gold
        self.found += other.found
        self.right += other.right
        for kind, row in other.by_type.items():
            mine = self.by_type.setdefault(kind, [0, 0, 0])
            for i in range(3):
                mine[i] += row[i]

    def to_json(self) -> dict[str, Any]:
        """Counts and ratios (``None`` where nothing was compared)."""
        return {
            "gold": self.gold,
            "found": self.found,
            "right_type": self.right,
            "recall": _r(self.recall),
            "type_accuracy": _r(self.accuracy),
            "by_type": {
                k: {
                    "gold": g,
                    "found": f,
                    "right_type": r,
                    "recall": _r(f / g if g else None),
                    "type_accuracy": _r(r / f if f else None),
                }
                for k, (g, f, r) in sorted(self.by_type.items())
            },
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _candidates(name: str, entities: list[Entity]) -> list[tuple[int, Entity]]:
    """Entities bearing the name: 2 for an exact name or alias, 1 for a lenient match."""
    key = name_keys([name])
    out = []
    for e in entities:
        names = [e.name, *e.aliases]
        if key & name_keys(names):
            out.append((2, e))
        elif any(lenient_name_match(n, name) for n in names):
            out.append((1, e))
    return out


def score_names(
    gold: Iterable[GoldName],
    entities: list[Entity],
    type_ok: Callable[[GoldName, Entity], bool],
) -> NameScore:
    """Found and right-typed gold names of one document."""
    score = NameScore()
    for g in gold:
        found = _candidates(g.name, entities)
        if not found:
            score.count(g.type, False, False)
            continue
        top = max(rank for rank, _ in found)
        # Two entities of one name with different types: right only if both are.
        score.count(g.type, True, all(type_ok(g, e) for rank, e in found if rank == top))
    return score
