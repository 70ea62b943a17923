"""When two articles' events are accounts of one happening: the resolution rule.

An ``Event`` is one article's account of a happening; an ``Incident`` is the
happening, resolved across articles. Two events are linked (``link``) when

- their categories are the same or compatible (an ASSAULT and a FIGHT; today's
  lower-case "attack", "shelling", "strike" are ASSAULT, see ``category``);
- their places are the same or one contains the other (``(Place)-[:IN]->(Place)``);
- their date windows overlap, each widened by its precision (an "overnight"
  event of June 14 may have begun on the 13th; an undated one happened in the
  fortnight before it was reported);
- their agents are not in conflict: two accounts from the same side naming
  agents of different sides are two happenings (across sides, different agents
  are what a dispute is about).

A denial's event that names no place is linked to the account it follows in
the same article (``antecedents``). The rule is symmetric and looks at the
two events only, so the incidents, the connected components of the links
(``incident_clusters``), are a function of the set of events, whatever the
order or batching of the load. Pure Python over plain rows: the resolution
pass and the MEANTIME evaluation share it, and every link has its reasons.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "MAX_WINDOW_DAYS",
    "UNDATED_DAYS",
    "Window",
    "EventFacts",
    "Link",
    "BROAD_KINDS",
    "category",
    "family",
    "merge_window",
    "pick_category",
    "place_rank",
    "is_resolvable",
    "window",
    "link",
    "antecedents",
]

# Events whose date is vaguer than this (a year, "since 1996") join no incident.
MAX_WINDOW_DAYS = 31
# An undated account happened at most this many days before it was reported.
UNDATED_DAYS = 14

# Places so large that two happenings in them on one day are rarely one:
# containment in these merges accounts only when they name the same agents.
BROAD_KINDS = frozenset({"country", "region", "province", "state", "oblast"})


def place_rank(kind: str | None) -> int:
    """How large a kind of place is: 0 town or unknown, 1 district, 2 region or country."""
    if kind in BROAD_KINDS:
        return 2
    return 1 if kind == "district" else 0


# Today's event types, and the words of other tools, as PLOVER categories.
_LEGACY: dict[str, str] = {
    **dict.fromkeys(
        [
            "attack",
            "strike",
            "shelling",
            "missile strike",
            "airstrike",
            "air strike",
            "bombing",
            "rocket attack",
            "artillery",
            "assault",
            "fire",
            "shootdown",
            "casualties",
        ],
        "ASSAULT",
    ),
    "clash": "FIGHT",
    "fighting": "FIGHT",
    "capture": "FIGHT",
    "evacuation": "RETREAT",
    "talks": "CONSULT",
    "protest": "PROTEST",
    "arrest": "COERCE",
    "detention": "COERCE",
    "accusation": "ACCUSE",
    "threat": "THREATEN",
    "appeal": "DEMAND",
    "denial": "REJECT",
}
# Categories that may be one happening told two ways.
_FAMILIES: dict[str, str] = {"ASSAULT": "VIOLENCE", "FIGHT": "VIOLENCE"}
# Speech acts are not happenings: "X accused Y" is a statement, not an incident.
_SPEECH_ACTS = frozenset(
    {"ACCUSE", "THREATEN", "DEMAND", "REQUEST", "INVESTIGATE", "SUPPORT", "CONCEDE", "AGREE"}
)
# "X denied that ...": today a "denial" event, later a statement's polarity.
_DENIAL = "REJECT"


def category(event_type: str | None) -> str:
    """The PLOVER category of an event type, case-insensitively ("shelling" -> ASSAULT)."""
    text = (event_type or "").strip()
    return _LEGACY.get(text.lower(), text.upper())


def family(cat: str) -> str:
    """Categories that can be accounts of one happening share a family."""
    return _FAMILIES.get(cat, cat)


def is_resolvable(cat: str) -> bool:
    """Whether events of this category are happenings that incidents gather."""
    return bool(cat) and cat not in _SPEECH_ACTS


@dataclass(frozen=True)
class Window:
    """A closed date interval and whether it comes from the event's own date."""

    lo: dt.date
    hi: dt.date
    dated: bool

    def overlaps(self, other: Window) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def label(self) -> str:
        if self.lo == self.hi:
            return self.lo.isoformat()
        return f"{self.lo.isoformat()}..{self.hi.isoformat()}"


def window(
    date: dt.date | None,
    date_end: dt.date | None,
    precision: str | None,
    reported: dt.date | None,
) -> Window | None:
    """The dates an event may have happened on, or None if too vague to resolve.

    ``reported`` (the statement's or the article's date) bounds undated events.
    """
    if date is None:
        if reported is None:
            return None
        return Window(reported - dt.timedelta(days=UNDATED_DAYS), reported, False)
    end = date_end or date
    if precision == "part_of_day":
        lo = date - dt.timedelta(days=1)  # "overnight" started the evening before
    else:
        lo = date
    if precision == "week":
        end = max(end, date + dt.timedelta(days=6))
    elif precision == "month":
        nxt = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        end = max(end, nxt - dt.timedelta(days=1))
    elif precision in ("year", "decade"):
        return None
    if (end - lo).days > MAX_WINDOW_DAYS or (precision == "range" and (end - lo).days > 3):
        return None  # "since June 10" is a period, not the date of a happening
    return Window(lo, end, True)


def merge_window(current: Window | None, w: Window | None) -> Window | None:
    """An incident's window after one more account: the most precise accounts decide.

    Dated accounts outrank undated ones; accounts of the same rank narrow the
    window to what they share (an account joins only when it overlaps, so
    that is never empty). The result depends on the accounts, not on the
    order they came in, so a load cut into other batches gives the same
    incidents; and it is never wider than one account, so at most
    ``MAX_WINDOW_DAYS`` (the writer's lookup relies on it).
    """
    if w is None:
        return current
    if current is None or (w.dated and not current.dated):
        return w
    if current.dated and not w.dated:
        return current
    lo, hi = max(current.lo, w.lo), min(current.hi, w.hi)
    if lo > hi:  # only when called on accounts that do not overlap
        return current if (current.lo, current.hi) <= (w.lo, w.hi) else w
    return Window(lo, hi, current.dated)


def pick_category(counts: dict[str, int]) -> str:
    """The category most accounts give (ties: the first by name); REJECT if none."""
    best = sorted(((-n, c) for c, n in counts.items() if c != _DENIAL and n > 0))
    return best[0][1] if best else _DENIAL


@dataclass
class EventFacts:
    """What resolution knows of one event (read back from the graph by the pass)."""

    id: str
    article: str
    category: str
    window: Window | None
    places: list[str] = field(default_factory=list)  # keys of its narrowest places
    area: list[str] = field(default_factory=list)  # its places and every place containing them
    place_names: dict[str, str] = field(default_factory=dict)
    broad: list[str] = field(default_factory=list)  # its places of a BROAD_KINDS kind
    agent_sides: list[str] = field(default_factory=list)
    claimant_sides: list[str] = field(default_factory=list)
    denial: bool = False  # claimed only by denials (or a legacy "denial" event)
    order: int = 0  # position in its article (its first statement's offset)

    # cached: the pairing looks at them for every pair it tries
    @cached_property
    def family(self) -> str:
        return family(self.category)

    @cached_property
    def is_denial(self) -> bool:
        return self.denial or self.category == _DENIAL

    @cached_property
    def resolvable(self) -> bool:
        return self.window is not None and is_resolvable(self.category)


@dataclass(frozen=True)
class Link:
    """Two events told of one happening: how sure we are, and why."""

    score: float
    reasons: tuple[str, ...]


def _names(keys: Iterable[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(k, k) for k in sorted(keys))


def _categories(a: EventFacts, b: EventFacts) -> tuple[float, str] | None:
    if a.category == b.category:
        return 1.0, f"same category {a.category}"
    if a.family == b.family:
        return 0.7, f"compatible categories {a.category} and {b.category}"
    if (a.category == _DENIAL) != (b.category == _DENIAL):
        other = b.category if a.category == _DENIAL else a.category
        return 0.5, f"a denial of a {other}"
    return None


def _contained(a: EventFacts, b: EventFacts) -> list[tuple[str, str]]:
    """(inner, outer) place pairs: a place of one event inside a place of the other."""
    pairs = [(x, y) for x in a.places for y in b.places if x != y and y in a.area]
    pairs += [(y, x) for y in b.places for x in a.places if x != y and x in b.area]
    return sorted(set(pairs))


def link(a: EventFacts, b: EventFacts, follows: bool = False) -> Link | None:
    """Whether ``a`` and ``b`` are accounts of one happening; ``link(a, b) == link(b, a)``.

    ``follows``: one of them is a denial naming no place that follows the
    other in their article (``antecedents``).
    """
    if a.id == b.id or not a.resolvable or not b.resolvable:
        return None
    if b.id < a.id:  # one order of the pair: the reasons read the same both ways
        a, b = b, a
    cat = _categories(a, b)
    if cat is None:
        return None
    score, reasons = cat[0], [cat[1]]
    names = {**b.place_names, **a.place_names}
    agents = bool(set(a.agent_sides) & set(b.agent_sides))
    one_article = a.article == b.article
    same = sorted(set(a.places) & set(b.places))
    broad = {*a.broad, *b.broad}
    # a region or country alone is too large to say "the same happening"
    # unless the accounts name the same agents or stand in one article
    vague = bool(same) and all(k in broad for k in same)
    inside = _contained(a, b)
    if same and (not vague or agents or one_article):
        score += 0.5 if vague else 1.0
        reasons.append(f"same place {_names(same, names)}")
    elif inside and (agents or not any(outer in broad for _, outer in inside)):
        score += 0.6
        reasons.append(f"contained place {_names({i for i, _ in inside}, names)}")
    elif follows and one_article:
        score += 0.4
        reasons.append("a denial following the account it denies in the same article")
    elif not a.places and not b.places and a.category == b.category and agents:
        score += 0.3
        reasons.append("no place on either side, same agents")
    else:
        return None
    wa, wb = a.window, b.window
    assert wa is not None and wb is not None
    if not wa.overlaps(wb):
        return None
    if wa.dated and wb.dated:
        score += 1.0 if (wa.lo, wa.hi) == (wb.lo, wb.hi) else 0.6
        reasons.append(f"dates {wa.label()} and {wb.label()}")
    else:
        score += 0.3
        reasons.append(f"undated account, reported within {UNDATED_DAYS} days")
    if a.agent_sides and b.agent_sides and not agents:
        for side in set(a.claimant_sides) & set(b.claimant_sides):
            if side:
                return None  # one side telling of two happenings with two agents
    if agents:
        score += 0.3
        reasons.append("same agents")
    return Link(round(score, 2), tuple(reasons))


def antecedents(events: Iterable[EventFacts]) -> dict[str, str]:
    """For each denial that names no place, the account just before it in its article.

    "The ministry denied it": the denial's event carries no place, and what
    it denies is the nearest account of a compatible category before it (by
    position in the article) that is not such a denial itself. Depends on the article's own events only.
    """
    by_article: dict[str, list[EventFacts]] = defaultdict(list)
    for ev in events:
        if ev.resolvable:
            by_article[ev.article].append(ev)
    out: dict[str, str] = {}
    for evs in by_article.values():
        evs.sort(key=lambda e: (e.order, e.id))
        for i, ev in enumerate(evs):
            if ev.places or not ev.is_denial:
                continue
            before = [
                e
                for e in evs[:i]
                if e.order < ev.order
                and (e.places or not e.is_denial)
                and _categories(e, ev) is not None
            ]
            if before:
                out[ev.id] = before[-1].id
    return out
