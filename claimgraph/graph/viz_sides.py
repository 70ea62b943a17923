"""Sides on the pages: which country or armed group each actor speaks or acts for.

A side colours a node, so a reader sees at a glance that the two ministries
accusing each other are on opposite sides and that a spokesman is on his
ministry's. The pages do not decide sides themselves; ``graph.sides`` does,
once, for the writer and for them:

1. the side the writer stored on the node (``side_name``), which
   ``sides.entity_sides`` found in the article the actor came from;
2. otherwise ``sides.entity_sides`` over what the page holds: the actors,
   their ROLE edges and the database's countries (``graph.graph["countries"]``),
   read back as one article's records.

Places and events have no side: a town is fought over, it does not speak.
"""

from __future__ import annotations

import networkx as nx

from claimgraph.graph.sides import entity_sides
from claimgraph.schema.records import Article, ArticleRecords, Entity, Role
from claimgraph.schema.values import SECTORS

__all__ = ["ACTOR_KINDS", "SIDE_PALETTE", "NO_SIDE_COLOR", "side_of", "sides_of", "side_colors"]

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
# Page node kinds read as entities. A Source is a speaker no entity was found
# for ("a Varossan officer"): read as a person whose title is that description.
_ENTITY_KINDS = ("Person", "Organization", "Country", "Place", "Source")
_COUNTRY_PREFIX = "country:"


def _entity(node: str, d: dict[str, object]) -> Entity:
    kind = str(d.get("kind"))
    sector = d.get("sector")
    country = d.get("country")
    if kind == "Source":
        name = str(d.get("label") or node)
        return Entity(id=node, name=name, type="Person", key=node, roles=[Role(title=name)])
    return Entity(
        id=node,
        name=str(d.get("label") or node),
        type="Organization" if kind == "Organization" else kind if kind == "Person" else "Place",
        kind="country" if kind == "Country" else _str(d.get("entity_kind")),
        key=node,
        is_actor=kind == "Country",
        country=country if isinstance(country, str) and country else None,
        # an unknown sector would fail the record's own check; it tells no side anyway
        sector=sector if sector in SECTORS else None,
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _records(graph: nx.MultiDiGraph) -> list[Entity]:
    """The page's entities as one article's records, roles from its ROLE edges."""
    entities = {
        n: _entity(n, d) for n, d in graph.nodes(data=True) if d.get("kind") in _ENTITY_KINDS
    }
    for u, v, e in graph.edges(data=True):
        if e.get("kind") == "role" and u in entities and v in entities:
            title = str(e.get("label") or "")
            entities[u].roles.append(Role(title="" if title == "role" else title, of=v))
    # Countries of the whole database: a ministry's name stem finds them
    # even when the country itself is not on the page.
    keys = {e.key for e in entities.values()}
    names = {e.name for e in entities.values() if e.is_actor}
    for name, code in graph.graph.get("countries", []):
        if name and name not in names:
            cid = _COUNTRY_PREFIX + str(name)
            if cid not in keys:
                entities[cid] = Entity(
                    id=cid, name=str(name), type="Place", kind="country", is_actor=True,
                    country=_str(code), key=cid,
                )  # fmt: skip
    return list(entities.values())


def sides_of(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Every actor node that has a side, with its side's name.

    Example:

        sides_of(claims)["org:kestrian-defence-ministry"]  # 'Kestria'
    """
    found = entity_sides(ArticleRecords(article=Article(id="page"), entities=_records(graph)))
    out: dict[str, str] = {}
    for n, d in graph.nodes(data=True):
        if d.get("kind") not in ACTOR_KINDS:
            continue
        stored = d.get("side_name")
        if isinstance(stored, str) and stored:
            out[n] = stored
        elif n in found:
            out[n] = found[n].name
    return out


def side_of(graph: nx.MultiDiGraph, node: str) -> str | None:
    """The name of the side ``node`` is on, or None when nothing tells.

    Example:

        side_of(claims, "org:kestrian-defence-ministry")  # 'Kestria'
    """
    return sides_of(graph).get(node)


def side_colors(sides: dict[str, str]) -> dict[str, str]:
    """A colour per side: the most populous side first, so colours stay stable."""
    count: dict[str, int] = {}
    for s in sides.values():
        count[s] = count.get(s, 0) + 1
    order = sorted(count, key=lambda s: (-count[s], s))
    return {s: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, s in enumerate(order)}
