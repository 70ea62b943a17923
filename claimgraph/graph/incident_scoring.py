"""Coreference scores for incident resolution: MUC, B³, CEAF-e and CoNLL F1.

Both sides are clusterings of the same mentions (event ids): ``gold`` from an
annotated corpus, ``system`` from ``incident_rules.resolve``. Mentions only
one side knows count as singletons on the other, as the CoNLL-2012 scorer
does when the mention sets are the same. Pure Python (CEAF-e's best
alignment by the Hungarian method, written out here for small inputs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Scores", "muc", "b_cubed", "ceaf_e", "conll", "clusters_from_labels"]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one metric."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


Clusters = Sequence[frozenset[str]]


def clusters_from_labels(labels: dict[str, str]) -> list[frozenset[str]]:
    """Clusters from a mention -> cluster label mapping."""
    groups: dict[str, set[str]] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def _align(gold: Clusters, system: Clusters) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Both clusterings over the union of their mentions (the missing ones as singletons)."""
    in_gold = {m for c in gold for m in c}
    in_system = {m for c in system for m in c}
    g = list(gold) + [frozenset({m}) for m in sorted(in_system - in_gold)]
    s = list(system) + [frozenset({m}) for m in sorted(in_gold - in_system)]
    return g, s


def _index(clusters: Iterable[frozenset[str]]) -> dict[str, frozenset[str]]:
    return {m: c for c in clusters for m in c}


def b_cubed(gold: Clusters, system: Clusters) -> Scores:
    """B³ (Bagga and Baldwin 1998): per mention, the overlap of its two clusters."""
    g, s = _align(gold, system)
    gi, si = _index(g), _index(s)
    mentions = list(gi)
    if not mentions:
        return Scores(0.0, 0.0)
    p = sum(len(gi[m] & si[m]) / len(si[m]) for m in mentions) / len(mentions)
    r = sum(len(gi[m] & si[m]) / len(gi[m]) for m in mentions) / len(mentions)
    return Scores(p, r)


def _muc_side(key: Clusters, other: dict[str, frozenset[str]]) -> float:
    num = den = 0
    for c in key:
        parts = {other[m] for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num / den if den else 0.0


def muc(gold: Clusters, system: Clusters) -> Scores:
    """MUC (Vilain et al. 1995): links kept, over the links of each side."""
    g, s = _align(gold, system)
    return Scores(_muc_side(s, _index(g)), _muc_side(g, _index(s)))


def _hungarian(weights: list[list[float]]) -> float:
    """Largest total weight of a one-to-one assignment (rows to columns)."""
    n = max(len(weights), len(weights[0]) if weights else 0)
    if n == 0:
        return 0.0
    cost = [
        [-(weights[i][j] if i < len(weights) and j < len(weights[i]) else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def ceaf_e(gold: Clusters, system: Clusters) -> Scores:
    """Entity-based CEAF (Luo 2005) with phi4 similarity, best one-to-one alignment."""
    g, s = _align(gold, system)
    if not g or not s:
        return Scores(0.0, 0.0)
    # only clusters sharing a mention can score: align within connected blocks
    weights = [[2 * len(a & b) / (len(a) + len(b)) for b in s] for a in g]
    best = _blockwise(weights)
    return Scores(best / len(s), best / len(g))


def _blockwise(weights: list[list[float]]) -> float:
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    seen_r: set[int] = set()
    total = 0.0
    for start in range(rows):
        if start in seen_r:
            continue
        block_r, block_c, todo = {start}, set(), [("r", start)]
        while todo:
            kind, i = todo.pop()
            if kind == "r":
                for j in range(cols):
                    if weights[i][j] > 0 and j not in block_c:
                        block_c.add(j)
                        todo.append(("c", j))
            else:
                for r in range(rows):
                    if weights[r][i] > 0 and r not in block_r:
                        block_r.add(r)
                        todo.append(("r", r))
        seen_r |= block_r
        rs, cs = sorted(block_r), sorted(block_c)
        if cs:
            total += _hungarian([[weights[r][c] for c in cs] for r in rs])
    return total


def conll(gold: Clusters, system: Clusters) -> dict[str, Scores | float]:
    """MUC, B³ and CEAF-e, and the CoNLL F1: the mean of their three F1."""
    m, b, c = muc(gold, system), b_cubed(gold, system), ceaf_e(gold, system)
    return {"muc": m, "b3": b, "ceaf_e": c, "conll_f1": (m.f1 + b.f1 + c.f1) / 3}
