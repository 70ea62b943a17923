"""What an incident holds, and its disputes, from the claims of its reports.

Given every claim about one incident (one row per statement and event,
read back by the resolution pass), ``summarise`` gives the incident's
properties (category, place, date window, who asserts and who denies,
counts by claimant) and ``disputes`` its disputes: one per pair of sides,
when one side asserts what the other denies or does not confirm, or the two
give different counts or different agents. Never within a side, never
across two incidents. Pure Python, so unit tests check it without Neo4j.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimgraph.graph.incident_rules import (
    BROAD_KINDS,
    EventFacts,
    Window,
    category,
    family,
    merge_window,
    pick_category,
    place_rank,
    window,
)

__all__ = ["Claim", "claim_from_row", "event_facts", "summarise", "disputes"]

_DENYING = ("denies", "unconfirmed")


@dataclass
class Claim:
    """One statement about one event of the incident."""

    event: str
    type: str
    statement: str
    polarity: str
    speaker: str | None
    side: str | None  # the speaker's side, from its article or else the graph
    side_name: str | None
    said_on: dt.date | None
    published: dt.date | None
    article: str
    outlet: str | None
    summary: str = ""
    mode: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    precision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    agent_sides: list[str] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # key -> name
    broad: list[str] = field(default_factory=list)  # keys of its places of a broad kind
    area: list[str] = field(default_factory=list)
    start: int = 0
    unclaimed: bool = False  # no statement claims the event: the article's own account
    # the side the claim's own article gives (resolution compares these only:
    # the graph's may be filled in later, and resolution must not move then)
    own_side: str | None = None

    @property
    def reported(self) -> dt.date | None:
        return self.said_on or self.published


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    to_native = getattr(value, "to_native", None)  # neo4j.time.Date
    return to_native() if to_native else dt.date.fromisoformat(str(value))


def claim_from_row(row: dict[str, Any]) -> Claim:
    """A claim from one row of the pass's read-back query (``CLAIMS_OF_EVENTS``)."""
    props = row["event_props"]
    counts = {
        k[len("count_") :]: int(v)
        for k, v in props.items()
        if k.startswith("count_") and isinstance(v, int)
    }
    names = dict(zip(row["place_keys"], row["place_names"], strict=False))
    if "narrow_places" in props or "broad_places" in props:
        # the event's own article said which places are the narrowest and
        # which are broad (writer_rows): the shared nodes' kinds may come from
        # another article, so they would make incidents depend on load order
        narrow = sorted(k for k in props.get("narrow_places") or [] if k in names)
        broad = sorted(k for k in props.get("broad_places") or [] if k in names)
    else:  # records of an older writer: the nodes' kinds
        ranks = [place_rank(k) for k in row["place_kinds"]]
        narrow = sorted(
            k for k, r in zip(row["place_keys"], ranks, strict=False) if r == min(ranks)
        )
        broad = sorted(
            k
            for k, kind in zip(row["place_keys"], row["place_kinds"], strict=False)
            if kind in BROAD_KINDS
        )
    narrowest = {k: names[k] for k in narrow}
    return Claim(
        event=props["id"],
        type=props.get("type") or "",
        statement=row["statement"],
        polarity=row["polarity"] or "asserts",
        speaker=row["speaker"],
        side=row.get("side"),
        side_name=row.get("side_name"),
        own_side=row.get("own_side"),
        said_on=_date(row.get("said_on")),
        published=_date(row["published"]),
        article=row["article"],
        outlet=row["outlet"],
        summary=props.get("summary") or "",
        mode=props.get("mode"),
        date=_date(props.get("date")),
        date_end=_date(props.get("date_end")),
        precision=props.get("precision"),
        counts=counts,
        agent_sides=sorted(props.get("agent_sides") or []),
        places=narrowest,
        broad=broad,
        # the narrowest places and what contains them (IN edges)
        area=sorted({q for p, q in row["area"] if p in narrowest}),
        start=int(row.get("start") or 0),
        unclaimed=bool(row.get("unclaimed")),
    )


def event_facts(claims: list[Claim]) -> list[EventFacts]:
    """Each event's resolution facts, from its claims (rows of the pass's read-back)."""
    by_event: dict[str, list[Claim]] = {}
    for c in claims:
        by_event.setdefault(c.event, []).append(c)
    out = []
    for eid, cs in sorted(by_event.items()):
        first = cs[0]
        stated = [c for c in cs if not c.unclaimed]
        said = [c.said_on for c in stated if c.said_on is not None]
        reported = min(said) if said else first.published
        asserting_sides = sorted(
            {c.own_side for c in stated if c.polarity == "asserts" and c.own_side}
        )
        out.append(
            EventFacts(
                id=eid,
                article=first.article,
                category=category(first.type),
                window=window(first.date, first.date_end, first.precision, reported),
                places=sorted(first.places),
                area=list(first.area),
                place_names=dict(first.places),
                broad=list(first.broad),
                agent_sides=list(first.agent_sides),
                claimant_sides=asserting_sides,
                denial=bool(stated) and all(c.polarity != "asserts" for c in stated),
                # its position in the article: where its first statement starts
                order=min((c.start for c in stated), default=0),
            )
        )
    return out


@dataclass
class _Folded:
    """The incident's events folded together: category, window, places."""

    category: str
    window: Window | None
    places: list[str]
    area: list[str]
    broad: list[str]
    span: tuple[dt.date, dt.date] | None  # every account's window: what lookups compare


def _fold(claims: list[Claim]) -> _Folded:
    facts = [ev for ev in event_facts(claims) if ev.window is not None]
    counts = Counter(ev.category for ev in facts)
    w: Window | None = None
    # by id: the window of accounts that do not all overlap depends on the fold's order
    for ev in sorted(facts, key=lambda e: e.id):
        w = merge_window(w, ev.window)
    windows = [ev.window for ev in facts if ev.window is not None]
    return _Folded(
        category=pick_category(dict(counts)) if facts else "REJECT",
        window=w,
        places=sorted({k for ev in facts for k in ev.places}),
        area=sorted({k for ev in facts for k in (*ev.places, *ev.area)}),
        broad=sorted({k for ev in facts for k in ev.broad}),
        span=(min(x.lo for x in windows), max(x.hi for x in windows)) if windows else None,
    )


def _distinct(items: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for x in items:
        if x is not None and x not in seen:
            seen.append(x)
    return seen


def _order(c: Claim) -> tuple[Any, ...]:
    return (c.published or dt.date.min, c.article, c.start, c.statement, c.event)


def summarise(key: str, claims: list[Claim]) -> dict[str, Any]:
    """The properties of the incident ``key`` from its claims (which must not be empty)."""
    claims = sorted(claims, key=_order)
    facts = _fold(claims)
    cat = facts.category
    dated = facts.window is not None and facts.window.dated
    lo, hi = (facts.window.lo, facts.window.hi) if facts.window else (None, None)
    days = [
        c.date
        for c in claims
        if c.date is not None
        and c.precision in (None, "day", "part_of_day")
        and lo
        and hi
        and lo <= c.date <= hi
    ]
    # the day most accounts give (ties: the earliest)
    when = min(Counter(days).items(), key=lambda kv: (-kv[1], kv[0]))[0] if days else None
    when = when or (lo if dated else None)
    place_reports: Counter[str] = Counter()
    names: dict[str, str] = {}
    area: list[str] = []
    for c in claims:
        names.update(c.places)
        place_reports.update(list(c.places))
        area.extend(k for k in c.area if k not in area)
    # the most specific place most reported: one that contains none of the others
    inner = [k for k in names if not any(k != o and k in _area_of(o, claims) for o in names)]
    place = max(inner or list(names), key=lambda k: (place_reports[k], k), default=None)
    asserting = [c for c in claims if c.polarity == "asserts"]
    first = asserting[0] if asserting else claims[0]
    return {
        "key": key,
        "type": cat,
        "types": _distinct([c.type for c in claims]),
        "family": family(cat),
        "mode": next((c.mode for c in claims if c.mode), None),
        "summary": first.summary,
        "date": when,
        "date_lo": lo,
        "date_hi": hi,
        "dated": dated,
        "place": names.get(place) if place else None,
        "place_key": place,
        "places": [names[k] for k in names],
        "place_keys": facts.places,
        "area": facts.area,
        "broad_keys": facts.broad,
        # what the pass's lookups compare: every family and account window
        "families": sorted({family(category(c.type)) for c in claims}),
        "span_lo": facts.span[0] if facts.span else None,
        "span_hi": facts.span[1] if facts.span else None,
        "asserted_by": _distinct([c.speaker for c in asserting]),
        "denied_by": _distinct([c.speaker for c in claims if c.polarity == "denies"]),
        "unconfirmed_by": _distinct([c.speaker for c in claims if c.polarity == "unconfirmed"]),
        "sides_asserting": _distinct([c.side_name for c in asserting]),
        "sides_denying": _distinct(
            [c.side_name for c in claims if c.polarity in _DENYING and c.side]
        ),
        "counts": _counts(claims),
        "reports": len({c.event for c in claims}),
        "articles": len({c.article for c in claims}),
        "outlets": len({c.outlet or c.article for c in claims}),
    }


def _area_of(key: str, claims: list[Claim]) -> set[str]:
    # The area of a place is what contains it: the area lists of events there.
    out: set[str] = set()
    for c in claims:
        if key in c.places:
            out.update(c.area)
    out.discard(key)
    return out


def _counts(claims: list[Claim]) -> list[str]:
    """ "killed: 2 per Varossan Defence Ministry": each event's counts, by who asserts them."""
    out: list[str] = []
    seen: set[str] = set()
    for c in claims:
        if c.polarity != "asserts" or c.event in seen or not c.counts:
            continue
        seen.add(c.event)  # an event's counts are its first asserting speaker's
        who = c.speaker or c.outlet or c.article
        for kind, n in sorted(c.counts.items()):
            line = f"{kind}: {n} per {who}"
            if line not in out:
                out.append(line)
    return out


def _first_counts(claims: list[Claim]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    seen: set[str] = set()
    for c in claims:
        if c.polarity == "asserts" and c.event not in seen and c.counts:
            seen.add(c.event)
            for kind, n in c.counts.items():
                out.setdefault(kind, set()).add(n)
    return out


def disputes(key: str, claims: list[Claim], summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per pair of sides in dispute over the incident ``key``.

    ``side_a`` asserts; ``side_b`` denies or does not confirm (kinds ``denied``,
    ``unconfirmed``), or asserts other counts (``counts``) or other agents
    (``agents``). Claims whose speaker has no known side take no part.
    """
    claims = sorted(claims, key=_order)
    by_side: dict[str, list[Claim]] = {}
    names: dict[str, str] = {}
    for c in claims:
        if c.side:
            by_side.setdefault(c.side, []).append(c)
            names[c.side] = c.side_name or c.side
    rows = []
    sides = list(by_side)  # in the order they first spoke: the first is side_a when both assert
    for i, x in enumerate(sides):
        for y in sides[i + 1 :]:
            row = _pair(key, by_side, x, y) or _pair(key, by_side, y, x, reverse_only=True)
            if row is None:
                continue
            row.update(
                side_a_name=names[row["side_a"]],
                side_b_name=names[row["side_b"]],
                type=summary["type"],
                mode=summary["mode"],
                place=summary["place"],
                date=summary["date"],
                date_lo=summary["date_lo"],
                date_hi=summary["date_hi"],
            )
            rows.append(row)
    return rows


def _pair(
    key: str, by_side: dict[str, list[Claim]], a: str, b: str, reverse_only: bool = False
) -> dict[str, Any] | None:
    ca, cb = by_side[a], by_side[b]
    a_asserts = [c for c in ca if c.polarity == "asserts"]
    if not a_asserts:
        return None
    kinds: list[str] = []
    b_side: list[Claim] = []
    b_denies = [c for c in cb if c.polarity == "denies"]
    b_unconfirmed = [c for c in cb if c.polarity == "unconfirmed"]
    if b_denies:
        kinds.append("denied")
        b_side = b_denies
    elif b_unconfirmed:
        kinds.append("unconfirmed")
        b_side = b_unconfirmed
    if not reverse_only or kinds:
        b_asserts = [c for c in cb if c.polarity == "asserts"]
        counts_a, counts_b = _first_counts(a_asserts), _first_counts(b_asserts)
        if any(k in counts_b and not counts_a[k] & counts_b[k] for k in counts_a):
            kinds.append("counts")
        agents_a = {s for c in a_asserts for s in c.agent_sides}
        agents_b = {s for c in b_asserts for s in c.agent_sides}
        if agents_a and agents_b and not agents_a & agents_b:
            kinds.append("agents")
        if not b_side and ("counts" in kinds or "agents" in kinds):
            b_side = b_asserts
    if not kinds:
        return None
    if not b_denies and not b_unconfirmed:
        # both assert: show the claims that differ (the counts, or the agents)
        wanted = (
            (lambda c: bool(c.counts)) if "counts" in kinds else (lambda c: bool(c.agent_sides))
        )
        a_asserts = [c for c in a_asserts if wanted(c)] or a_asserts
        b_side = [c for c in b_side if wanted(c)] or b_side
    return {
        "key": f"{key}|{a}|{b}",
        "incident": key,
        "kinds": kinds,
        "side_a": a,
        "side_b": b,
        "statements_a": _distinct([c.statement for c in a_asserts]),
        "statements_b": _distinct([c.statement for c in b_side]),
    }
