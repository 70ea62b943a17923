"""Sides on the graph page: which country or armed group each actor speaks or acts for.

A side colours a node, so a reader sees at a glance that the two ministries
accusing each other are on opposite sides and that a spokesman is on his
ministry's. ``side_of`` is deliberately small, in order of trust:

1. a side stored on the node (``side_name``/``side``, when the writer sets one);
2. a country is its own side;
3. a ``country`` code (ISO 3166 alpha-3), named after the graph's country with
   that code, else pycountry's name, else the code itself;
4. a person's ROLE edges: the side of what they hold a role in;
5. the name's stem: "Kestrian Defence Ministry" is on Kestria's side.

Places and events have no side: a town is fought over, it does not speak.
"""

from __future__ import annotations

import re

import networkx as nx
import pycountry

__all__ = ["SIDE_PALETTE", "NO_SIDE_COLOR", "side_of", "sides_of", "side_colors"]

# Colour-blind-safe hues (Tableau 10 without the grey), one per side in order.
SIDE_PALETTE = (
    "#4e79a7",
    "#e15759",
    "#59a14f",
    "#f28e2b",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
)
NO_SIDE_COLOR = "#d9d9d9"
ACTOR_KINDS = ("Person", "Organization", "Country", "Source")
_WORD = re.compile(r"[^\W\d_]+")
# Words of country names that say nothing about which country.
_NOT_NAMES = frozenset({"republic", "federation", "kingdom", "united", "states", "people"})
# Sectors and name words of an armed group, which no country's name claims.
_ARMED = frozenset({"military", "rebel", "rebels", "militia", "insurgents", "armed group"})
_ARMED_WORDS = frozenset({"militia", "rebels", "brigade", "brigades", "insurgents", "guerrillas"})
_ARMED_WORDS |= {"force", "forces", "front", "army", "battalion"}


def _words(name: str) -> list[str]:
    return [w for w in _WORD.findall(name.lower()) if len(w) >= 4 and w not in _NOT_NAMES]


def _names_country(word: str, country_word: str) -> bool:
    # A demonym drops or changes the last letters: "Kestrian" names "Kestria".
    n = 0
    for a, b in zip(word, country_word, strict=False):
        if a != b:
            break
        n += 1
    return n >= max(4, len(country_word) - 2)


def _countries(graph: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """(name, code) of the countries in ``graph``, then of those listed in
    ``graph.graph["countries"]`` (the whole database's, when the caller read them)."""
    out = [
        (str(d.get("label") or n), str(d.get("country") or ""))
        for n, d in graph.nodes(data=True)
        if d.get("kind") == "Country"
    ]
    out += [(str(name), str(code or "")) for name, code in graph.graph.get("countries", [])]
    return out


def _code_name(graph: nx.MultiDiGraph, code: str) -> str:
    for name, c in _countries(graph):
        if c.upper() == code.upper():
            return name
    found = pycountry.countries.get(alpha_3=code.upper())
    return str(getattr(found, "name", code.upper()))


def side_of(graph: nx.MultiDiGraph, node: str, _depth: int = 0) -> str | None:
    """The name of the side ``node`` is on, or None when nothing tells.

    Example:

        side_of(claims, "org:kestrian-defence-ministry")  # 'Kestria'
    """
    d = graph.nodes[node]
    kind = d.get("kind")
    if kind not in ACTOR_KINDS:
        return None
    # The writer stores the side's key in ``side`` and its name in ``side_name``.
    stored = d.get("side_name") or d.get("side")
    if isinstance(stored, str) and stored and (d.get("side_name") or ":" not in stored):
        return stored
    if kind == "Country":
        return str(d.get("label") or node)
    code = d.get("country")
    if isinstance(code, str) and code:
        return _code_name(graph, code)
    if kind == "Person" and _depth < 3:
        for _, target, e in graph.out_edges(node, data=True):
            if e.get("kind") == "role":
                side = side_of(graph, target, _depth + 1)
                if side:
                    return side
    words = _words(str(d.get("label") or ""))
    for name, _ in _countries(graph):
        for cw in _words(name):
            if any(_names_country(w, cw) for w in words):
                return name
    if kind == "Organization" and (
        str(d.get("sector") or "").lower() in _ARMED or _ARMED_WORDS & set(words)
    ):
        return str(d.get("label") or node)  # an armed group is a side of its own
    return None


def sides_of(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Every actor node that has a side, with its side's name."""
    out = {}
    for n in graph.nodes:
        side = side_of(graph, n)
        if side:
            out[n] = side
    return out


def side_colors(sides: dict[str, str]) -> dict[str, str]:
    """A colour per side: the most populous side first, so colours stay stable."""
    count: dict[str, int] = {}
    for s in sides.values():
        count[s] = count.get(s, 0) + 1
    order = sorted(count, key=lambda s: (-count[s], s))
    return {s: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, s in enumerate(order)}
