"""Incidents as connected components of the pairwise link rule.

``incident_rules.link`` says whether two events are accounts of one
happening. An incident is a connected component of those links: a set of
events, whatever order they were loaded in, so a load cut into other batches,
interrupted and rerun, or imported in bulk gives the same incidents. Its key
is its smallest event id, and each event's ``PART_OF`` score and reasons are
those of its best link inside the component.

Pairs are found through buckets, never by comparing every event with every
other: by place (an event meets those at its places and at the places that
contain them, and those inside its own places), by date (windows are at most
``MAX_WINDOW_DAYS`` wide, so only starts within that reach can overlap), by
article (a denial and the account it follows) and, for events without a
place, by category.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from claimgraph.graph.incident_rules import MAX_WINDOW_DAYS, EventFacts, Link, antecedents, link

__all__ = [
    "Assignment",
    "PRECISE_DAYS",
    "incident_key",
    "is_precise",
    "links_among",
    "components",
    "cluster",
]

# A denial of an unknown kind (its family too): it may be linked to any other.
_DENIAL = "REJECT"
# The PART_OF of an event alone in its incident.
ALONE = Link(1.0, ("the only account",))


@dataclass(frozen=True)
class Assignment:
    """An event's incident, and the score and reasons of its best link there."""

    incident: str
    score: float
    reasons: tuple[str, ...]


def incident_key(members: Iterable[str]) -> str:
    """The key of the incident made of these events: its smallest event id."""
    return f"incident:{min(members)}"


class _Bucket:
    """Events sorted by the start of their window, to find those that can overlap one."""

    def __init__(self) -> None:
        self.items: list[tuple[dt.date, str, EventFacts]] = []
        self.sorted = True

    def add(self, ev: EventFacts) -> None:
        assert ev.window is not None
        self.items.append((ev.window.lo, ev.id, ev))
        self.sorted = False

    def near(self, ev: EventFacts) -> Iterator[EventFacts]:
        assert ev.window is not None
        if not self.sorted:
            self.items.sort(key=lambda t: (t[0], t[1]))
            self.sorted = True
        reach = ev.window.lo - dt.timedelta(days=MAX_WINDOW_DAYS)
        lo = bisect.bisect_left(self.items, reach, key=lambda t: t[0])
        hi = bisect.bisect_right(self.items, ev.window.hi, key=lambda t: t[0])
        for _, _, other in self.items[lo:hi]:
            yield other


def links_among(
    events: Sequence[EventFacts], wanted: set[str] | None = None
) -> dict[tuple[str, str], Link]:
    """Every link between two of ``events``, by (smaller id, larger id).

    ``wanted``: only pairs with at least one event of this set (None: all).
    """
    usable = [ev for ev in events if ev.resolvable]
    # By place and family (only a denial of an unknown kind meets other
    # families). A broad place (a region, a country) links two accounts only
    # when they name the same agents or stand in one article, so an event
    # meets the others at its broad places through buckets by agent and
    # article: a country's bucket would hold every event in it.
    at: dict[tuple[str, ...], _Bucket] = defaultdict(_Bucket)  # events at a place
    within: dict[tuple[str, ...], _Bucket] = defaultdict(_Bucket)  # at a place or inside it
    loose: dict[str, _Bucket] = defaultdict(_Bucket)  # events without place, by category
    families = sorted({ev.family for ev in usable})
    for ev in usable:
        tags = _tags(ev)
        for k in ev.places:
            at[(k, ev.family)].add(ev)
            for t in tags:
                at[(k, ev.family, t)].add(ev)
        for k in {*ev.places, *ev.area}:
            within[(k, ev.family)].add(ev)
            for t in tags:
                within[(k, ev.family, t)].add(ev)
        if not ev.places:
            loose[ev.category].add(ev)
    by_id = {ev.id: ev for ev in usable}
    follows = {
        tuple(sorted((d, a))) for d, a in antecedents(usable).items() if d in by_id and a in by_id
    }
    partners: dict[str, list[str]] = defaultdict(list)
    for a, b in follows:
        partners[a].append(b)
        partners[b].append(a)
    out: dict[tuple[str, str], Link] = {}
    for ev in usable:
        if wanted is not None and ev.id not in wanted:
            continue
        seen: set[str] = set()
        fams = families if ev.family == _DENIAL else sorted({ev.family, _DENIAL})
        pools = []
        for k in {*ev.places, *ev.area}:
            for key in _keys(ev, k, fams):
                if key in at:
                    pools.append(at[key])
        for k in ev.places:
            for key in _keys(ev, k, fams):
                if key in within:
                    pools.append(within[key])
        if not ev.places and ev.category in loose:
            pools.append(loose[ev.category])
        others = [o for pool in pools for o in pool.near(ev)]
        others += [by_id[o] for o in partners.get(ev.id, ())]
        assert ev.window is not None
        start = ev.window.lo
        for other in others:
            pair = (ev.id, other.id) if ev.id < other.id else (other.id, ev.id)
            if other.id == ev.id or other.id in seen or pair in out:
                continue
            seen.add(other.id)
            assert other.window is not None
            if other.window.hi < start:  # ended before: no link (``link`` says so too)
                continue
            found = link(ev, other, follows=pair in follows)
            if found is not None:
                out[pair] = found
    return out


def _tags(ev: EventFacts) -> list[str]:
    return [f"side:{s}" for s in ev.agent_sides] + [f"article:{ev.article}"]


def _keys(ev: EventFacts, place: str, fams: Sequence[str]) -> list[tuple[str, ...]]:
    """The buckets an event looks in at one place: by agent and article if the place is broad."""
    if place in ev.broad:
        return [(place, f, t) for f in fams for t in _tags(ev)]
    return [(place, f) for f in fams]


def components(ids: Iterable[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of the link graph, each sorted, in order of their smallest id."""
    parent: dict[str, str] = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            # the smaller id roots the union: the same tree whatever the order
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in parent:
        groups[root(i)].append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


# Accounts dated to within this many days make the incidents; vaguer ones
# (undated, a week, a month) join the one they fit best, and never bridge two.
PRECISE_DAYS = 3


def is_precise(ev: EventFacts) -> bool:
    """Whether an account's window is narrow enough to start or bridge incidents."""
    w = ev.window
    return w is not None and w.dated and (w.hi - w.lo).days <= PRECISE_DAYS


class _Groups:
    """Union-find that refuses a union joining two accounts of one side with two agents,
    or two families of event.

    "Kestria says Varossa shelled the town" and "Kestria says the militia
    shelled the town" are two happenings; neither may join an incident that
    holds the other, even through a third account linked to both. Likewise a
    denial of unknown kind ("it did not happen") links to a shelling and to a
    protest at its place and date, but joins only one of them.
    """

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        # root -> claimant side -> the agent sides its accounts name
        self.agents: dict[str, dict[str, set[frozenset[str]]]] = {}
        # root -> the family of its accounts, None while it holds only denials of unknown kind
        self.family: dict[str, str | None] = {}

    def add(self, ev: EventFacts) -> None:
        self.parent[ev.id] = ev.id
        self.family[ev.id] = None if ev.family == _DENIAL else ev.family
        agents = frozenset(ev.agent_sides)
        self.agents[ev.id] = (
            {side: {agents} for side in ev.claimant_sides if side} if agents else {}
        )

    def root(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def conflict(self, ra: str, rb: str) -> bool:
        fa, fb = self.family[ra], self.family[rb]
        if fa is not None and fb is not None and fa != fb:
            return True
        a, b = self.agents[ra], self.agents[rb]
        return any(not x & y for side in a.keys() & b.keys() for x in a[side] for y in b[side])

    def union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra == rb or self.conflict(ra, rb):
            return
        # the smaller id roots the union: the incident's key
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        gone_family = self.family.pop(gone)
        self.family[keep] = self.family[keep] or gone_family
        for side, sets in self.agents.pop(gone).items():
            self.agents[keep].setdefault(side, set()).update(sets)


def _by_strength(links: dict[tuple[str, str], Link]) -> list[tuple[str, str]]:
    # strongest links first, ties by ids: the unions, and so the refusals,
    # come in an order that depends on the links only
    return [p for p, _ in sorted(links.items(), key=lambda kv: (-kv[1].score, kv[0]))]


def cluster(
    events: Sequence[EventFacts], links: dict[tuple[str, str], Link] | None = None
) -> dict[str, Assignment]:
    """Each resolvable event's incident (key, score and reasons of its best link).

    Precisely dated accounts make the incidents: the components of their
    links, joined strongest link first, never joining two accounts that one
    side gives two different agents, nor two families of event through a
    denial of unknown kind (``_Groups``). A vaguer account
    ("undated, reported on June 20"; "in June") overlaps several days, so it
    could chain two happenings days apart: it joins the incident it has the
    best link to (ties: the smallest key) that no account of its side blames
    on other agents, and only vague accounts linked to no such incident make
    incidents among themselves. Every choice depends on the set of events,
    never on their order. The key is ``incident:`` and the smallest id of the
    accounts that made it. ``links`` defaults to ``links_among(events)``.
    Events that cannot be resolved (speech acts, dates too vague) get none.
    """
    links = links_among(events) if links is None else links
    usable = [ev for ev in events if ev.resolvable]
    core = {ev.id for ev in usable if is_precise(ev)}
    by_event: dict[str, list[tuple[str, Link]]] = defaultdict(list)
    for (a, b), found in sorted(links.items()):
        by_event[a].append((b, found))
        by_event[b].append((a, found))
    groups = _Groups()
    for ev in usable:
        groups.add(ev)
    for a, b in _by_strength({p: lk for p, lk in links.items() if p[0] in core and p[1] in core}):
        groups.union(a, b)
    group_of = {eid: groups.root(eid) for eid in core}
    loose: list[str] = []
    for ev in usable:
        if ev.id in core:
            continue
        options = sorted(
            {
                (-found.score, group_of[other])
                for other, found in by_event.get(ev.id, ())
                if other in core
            }
        )
        # checked against the incident's precise accounts only, so that two
        # vague accounts never decide for each other
        fits = [root for _, root in options if not groups.conflict(ev.id, root)]
        if fits:
            group_of[ev.id] = fits[0]
        else:
            loose.append(ev.id)
    alone = set(loose)
    for a, b in _by_strength({p: lk for p, lk in links.items() if p[0] in alone and p[1] in alone}):
        groups.union(a, b)
    for eid in loose:
        group_of[eid] = groups.root(eid)
    out: dict[str, Assignment] = {}
    for ev in usable:
        root = group_of[ev.id]
        chosen: Link | None = None
        for other, found in by_event.get(ev.id, ()):
            # the highest score, ties to the first pair by ids: no order matters
            if group_of.get(other) == root and (chosen is None or found.score > chosen.score):
                chosen = found
        chosen = chosen or ALONE
        out[ev.id] = Assignment(incident_key([root]), chosen.score, chosen.reasons)
    return out
