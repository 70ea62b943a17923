"""What incident resolution reads of an event, written with it: sides and places as its article gives them.

The resolution pass (``incident_pass``) compares events of different
articles. What it compares must not depend on which article named a shared
node first (a place's kind, an actor's side), so the writer stores each
event's own view: the sides of its agents (``agent_sides``), its narrowest
places (``narrow_places``) and those that are regions or countries
(``broad_places``).
"""

from __future__ import annotations

from typing import Any

from claimgraph.graph.incident_rules import BROAD_KINDS, place_rank
from claimgraph.graph.sides import Side
from claimgraph.schema.records import ArticleRecords

__all__ = ["IncidentFacts"]


class IncidentFacts:
    """One article's view of its events' agents and places, by article-local id."""

    def __init__(
        self,
        records: ArticleRecords,
        labels: dict[str, tuple[str, ...]],
        keys: dict[str, str],
        sides: dict[str, Side],
    ) -> None:
        self.labels = labels
        self.keys = keys
        self.sides = sides
        self.entities = {e.id: e for e in records.entities}
        self.about = {s.id: s.about for s in records.statements}

    def sides_of(self, refs: list[str]) -> list[str]:
        """The sides of these entities, each once, in order."""
        out: list[str] = []
        for ref in refs:
            side = self.sides.get(ref)
            if side is not None and side.key not in out:
                out.append(side.key)
        return out

    def is_broad(self, ref: str) -> bool:
        """A region, a country, or a place that acts (the graph labels it a country)."""
        e = self.entities[ref]
        return "Place" in self.labels[ref] and (
            e.kind in BROAD_KINDS or "Actor" in self.labels[ref]
        )

    def places_of(self, ev: Any) -> tuple[list[str], list[str]]:
        """The event's narrowest places and its broad ones, by key.

        A district, region or country beside a town says where the town is,
        not another place of the happening: only the narrowest count. An
        event with no place of its own is where its statements point
        (``IMPLIED_AT``).
        """
        refs = [r for r in (*ev.places, *ev.targets) if "Place" in self.labels[r]]
        if not refs:
            refs = [
                r
                for sid in ev.claimed_by
                for r in self.about.get(sid, ())
                if "Place" in self.labels[r]
            ]
        if not refs:
            return [], []
        ranks = {r: 2 if self.is_broad(r) else place_rank(self.entities[r].kind) for r in refs}
        low = min(ranks.values())
        narrow = sorted({self.keys[r] for r in refs if ranks[r] == low})
        broad = sorted({self.keys[r] for r in refs if self.is_broad(r)})
        return narrow, broad
