"""Network measures on the claim network: who is central, which groups form,
who talks about whom.

Everything works on the ``claim_graph`` of a selection. For centrality and
communities, event nodes are folded away: a claimed event links whoever
claims it with its agents, targets and places, so the measures are about
actors and places only.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

__all__ = [
    "actor_graph",
    "pagerank_of",
    "central_actors",
    "communities",
    "who_talks_about_whom",
    "analyze",
]

_ENTITY_EDGES = ("claims", "mentions")


def actor_graph(claims: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, weighted graph of actors and places; events folded into links."""
    g = nx.Graph()
    for n, d in claims.nodes(data=True):
        if d.get("kind") != "Event":
            g.add_node(n, **d)

    def link(a: str, b: str) -> None:
        if a == b:
            return
        if g.has_edge(a, b):
            g[a][b]["weight"] += 1
        else:
            g.add_edge(a, b, weight=1)

    for n, d in claims.nodes(data=True):
        if d.get("kind") != "Event":
            continue
        around = {v for _, v in claims.out_edges(n)} | {u for u, _ in claims.in_edges(n)}
        around.discard(n)
        ordered = sorted(around)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                link(a, b)
    for u, v in claims.edges():
        if claims.nodes[u].get("kind") != "Event" and claims.nodes[v].get("kind") != "Event":
            link(u, v)
    return g


def pagerank_of(
    g: nx.Graph, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 200
) -> dict[Any, float]:
    """Weighted PageRank by power iteration.

    networkx's own ``pagerank`` needs SciPy, which claimgraph does not ship.
    """
    n = g.number_of_nodes()
    if n == 0:
        return {}
    rank = dict.fromkeys(g, 1.0 / n)
    strength = {u: sum(d.get("weight", 1) for _, _, d in g.edges(u, data=True)) for u in g}
    for _ in range(max_iter):
        dangling = damping * sum(rank[u] for u in g if strength[u] == 0) / n
        new = dict.fromkeys(g, (1.0 - damping) / n + dangling)
        for u in g:
            if strength[u]:
                share = damping * rank[u] / strength[u]
                for _, v, d in g.edges(u, data=True):
                    new[v] += share * d.get("weight", 1)
        delta = sum(abs(new[u] - rank[u]) for u in g)
        rank = new
        if delta < n * tol:
            break
    return rank


def central_actors(claims: nx.MultiDiGraph, top: int = 15) -> list[dict[str, Any]]:
    """Actors and places by PageRank, with degree and betweenness centrality."""
    g = actor_graph(claims)
    if g.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(g)
    betweenness = nx.betweenness_centrality(g, weight=None)
    pagerank = pagerank_of(g)
    rows = [
        {
            "name": g.nodes[n].get("label", n),
            "kind": g.nodes[n].get("kind"),
            "key": n,
            "links": g.degree(n),
            "degree": round(degree[n], 4),
            "betweenness": round(betweenness[n], 4),
            "pagerank": round(pagerank[n], 4),
        }
        for n in g
    ]
    rows.sort(key=lambda r: (-r["pagerank"], -r["links"], r["name"]))
    return rows[:top]


def communities(claims: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Groups of actors and places that claims tie together (greedy modularity)."""
    g = actor_graph(claims)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    if g.number_of_edges() == 0:
        return []
    groups = nx.community.greedy_modularity_communities(g, weight="weight")
    rows = []
    for i, members in enumerate(sorted(groups, key=lambda c: (-len(c), sorted(c))), start=1):
        names = sorted(str(g.nodes[n].get("label", n)) for n in members)
        rows.append({"community": i, "size": len(members), "members": names})
    return rows


def who_talks_about_whom(claims: nx.MultiDiGraph, top: int = 30) -> list[dict[str, Any]]:
    """Speaker -> entity they talk about (directly or as an event's party), by statements."""
    counts: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, str, str]] = set()
    for u, v, d in claims.edges(data=True):
        if d.get("kind") not in _ENTITY_EDGES:
            continue
        targets = [v]
        if claims.nodes[v].get("kind") == "Event":
            targets = [t for _, t in claims.out_edges(v)]
        for t in targets:
            if t == u:
                continue
            mark = (u, t, str(d.get("statement")))
            if mark not in seen:
                seen.add(mark)
                counts[(u, t)] += 1
    rows = [
        {
            "speaker": claims.nodes[u].get("label", u),
            "about": claims.nodes[t].get("label", t),
            "about_kind": claims.nodes[t].get("kind"),
            "statements": n,
        }
        for (u, t), n in counts.items()
    ]
    rows.sort(key=lambda r: (-r["statements"], r["speaker"], r["about"]))
    return rows[:top]


def analyze(claims: nx.MultiDiGraph, top: int = 15) -> dict[str, list[dict[str, Any]]]:
    """All three measures, by section name."""
    return {
        "central": central_actors(claims, top),
        "communities": communities(claims),
        "talks_about": who_talks_about_whom(claims, top * 2),
    }
