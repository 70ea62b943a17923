"""Which incident an article's event is an account of: the resolution rules.

An ``Event`` is one article's account of a happening; an ``Incident`` is the
happening, resolved across articles. An event joins an incident when

- their categories are the same or compatible (an ASSAULT and a FIGHT; today's
  lower-case "attack", "shelling", "strike" are ASSAULT, see ``category``);
- their places are the same or one contains the other (``(Place)-[:IN]->(Place)``);
- their date windows overlap, each widened by its precision (an "overnight"
  event of June 14 may have begun on the 13th; an undated one happened in the
  fortnight before it was reported);
- their agents are not in conflict: two accounts from the same side naming
  agents of different sides are two happenings (across sides, different agents
  are what a dispute is about).

A denial's event joins the incident it denies: if it names no place, the
account it follows in the same article. Everything here is pure Python over
plain rows, so the writer, the bulk import and the MEANTIME evaluation share
it, and every merge comes with its reasons.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_WINDOW_DAYS",
    "UNDATED_DAYS",
    "Window",
    "EventFacts",
    "IncidentFacts",
    "Match",
    "BROAD_KINDS",
    "category",
    "family",
    "merge_window",
    "pick_category",
    "place_rank",
    "is_resolvable",
    "window",
    "match",
    "resolve",
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
    """What resolution knows of one event (built by the writer from its records)."""

    id: str
    article: str
    category: str
    window: Window | None
    places: list[str] = field(default_factory=list)  # keys of its places
    area: list[str] = field(default_factory=list)  # its places and every place containing them
    place_names: dict[str, str] = field(default_factory=dict)
    broad: list[str] = field(default_factory=list)  # its places of a BROAD_KINDS kind
    agent_sides: list[str] = field(default_factory=list)
    claimant_sides: list[str] = field(default_factory=list)
    denial: bool = False  # claimed only by denials (or a legacy "denial" event)
    order: int = 0  # position in its article
    version: str = ""  # of its article (a replaced article's new incidents get new keys)

    @property
    def family(self) -> str:
        return family(self.category)


@dataclass
class IncidentFacts:
    """What resolution knows of one incident: the union of its events' facts."""

    key: str
    category: str
    lo: dt.date
    hi: dt.date
    dated: bool
    places: list[str] = field(default_factory=list)
    area: list[str] = field(default_factory=list)
    broad: list[str] = field(default_factory=list)
    agent_sides_by_claimant: dict[str, list[str]] = field(default_factory=dict)
    type_counts: dict[str, int] = field(default_factory=dict)  # accounts by category
    articles: dict[str, int] = field(default_factory=dict)  # article -> latest event order
    new: bool = False

    @property
    def family(self) -> str:
        return family(self.category)

    @property
    def window(self) -> Window:
        return Window(self.lo, self.hi, self.dated)

    @classmethod
    def start(cls, key: str, ev: EventFacts) -> IncidentFacts:
        assert ev.window is not None
        inc = cls(key, ev.category, ev.window.lo, ev.window.hi, ev.window.dated, new=True)
        inc.add(ev)
        return inc

    def add(self, ev: EventFacts) -> None:
        """Fold an event in: category, places, area, dates, agents by claimant.

        Every fact is a union, a count or ``merge_window``, so the facts of
        an incident depend on which events it holds, never on their order:
        the writer's facts of an incident started in this batch are the ones
        it reads back of an incident stored by an earlier batch.
        """
        self.type_counts[ev.category] = self.type_counts.get(ev.category, 0) + 1
        self.category = pick_category(self.type_counts)
        self.places = sorted({*self.places, *ev.places})
        self.area = sorted({*self.area, *ev.area})
        self.broad = sorted({*self.broad, *ev.broad})
        w = merge_window(self.window, ev.window)
        if w is not None:
            self.lo, self.hi, self.dated = w.lo, w.hi, w.dated
        for side in ev.claimant_sides or [""]:  # "": claimed by no known side
            have = self.agent_sides_by_claimant.setdefault(side, [])
            have.extend(s for s in ev.agent_sides if s not in have)
            have.sort()
        self.articles[ev.article] = max(self.articles.get(ev.article, -1), ev.order)


@dataclass(frozen=True)
class Match:
    """An event's best incident, how sure we are, and why."""

    incident: str
    score: float
    reasons: tuple[str, ...]


def _names(keys: Iterable[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(k, k) for k in keys)


def _same_agents(ev: EventFacts, inc: IncidentFacts) -> bool:
    return bool(ev.agent_sides) and any(
        set(ev.agent_sides) & set(v) for v in inc.agent_sides_by_claimant.values()
    )


def match(ev: EventFacts, inc: IncidentFacts) -> Match | None:
    """Whether ``ev`` can be an account of ``inc``; its score and reasons if so."""
    if ev.window is None:
        return None
    reasons: list[str] = []
    score = 0.0
    denial = ev.denial or ev.category == _DENIAL
    if ev.category == inc.category:
        score += 1.0
        reasons.append(f"same category {ev.category}")
    elif ev.family == inc.family:
        score += 0.7
        reasons.append(f"compatible categories {ev.category} and {inc.category}")
    elif denial and ev.category == _DENIAL:
        score += 0.5
        reasons.append(f"a denial of a {inc.category}")
    elif inc.category == _DENIAL and is_resolvable(ev.category):
        score += 0.5
        reasons.append(f"an account of the {ev.category} denied before")
    else:
        return None
    same = [k for k in ev.places if k in inc.places]
    inside = [k for k in ev.places if k in inc.area and k not in same]
    around = [k for k in inc.places if k in ev.area and k not in same]
    follows = inc.articles.get(ev.article)
    # a region or country alone is too large to say "the same happening"
    # unless the accounts name the same agents or stand in one article
    vague = bool(same) and all(k in ev.broad or k in inc.broad for k in same)
    if same and (not vague or _same_agents(ev, inc) or follows is not None):
        score += 1.0 if not vague else 0.5
        reasons.append(f"same place {_names(same, ev.place_names)}")
    elif (inside or around) and (
        not any(k in ev.broad for k in inside)
        and not any(k in inc.broad for k in around)
        or _same_agents(ev, inc)
    ):
        score += 0.6
        reasons.append(f"contained place {_names(inside or around, ev.place_names)}")
    elif not ev.places and denial and follows is not None and follows < ev.order:
        # the nearest account before it is the one it denies
        score += 0.4 - 0.01 * min(ev.order - follows, 30)
        reasons.append("a denial following the account it denies in the same article")
    elif not ev.places and not inc.places and ev.category == inc.category and _same_agents(ev, inc):
        # neither account says where: the same category by the same agents
        score += 0.3
        reasons.append("no place on either side, same agents")
    else:
        return None
    w, iw = ev.window, inc.window
    if not w.overlaps(iw):
        return None
    if w.dated and iw.dated:
        score += 1.0 if (w.lo, w.hi) == (iw.lo, iw.hi) else 0.6
        reasons.append(f"date {w.label()} within {iw.label()}")
    else:
        score += 0.3
        reasons.append(f"undated account, reported within {UNDATED_DAYS} days of {iw.label()}")
    for side in ev.claimant_sides:
        theirs = inc.agent_sides_by_claimant.get(side)
        if theirs and ev.agent_sides and not set(theirs) & set(ev.agent_sides):
            return None  # one side telling of two happenings with two agents
    if _same_agents(ev, inc):
        score += 0.3
        reasons.append("same agents")
    return Match(inc.key, round(score, 2), tuple(reasons))


def resolve(
    events: Sequence[EventFacts],
    candidates: dict[str, list[IncidentFacts]],
    key_for: Any = None,
) -> tuple[list[tuple[EventFacts, Match]], dict[str, IncidentFacts]]:
    """Assign each event to its best incident, starting new incidents as needed.

    ``candidates`` maps an event id to the stored incidents its indexed lookup
    found; incidents started by earlier events of ``events`` are candidates
    too (two articles of one batch about one strike make one incident).
    Events are taken in order (articles in load order, events in article
    order), so the result does not depend on the batch size. Returns the
    assignments and every incident touched, by key.
    """
    key_for = key_for or (
        lambda ev: f"incident:{ev.id}:{ev.version}" if ev.version else f"incident:{ev.id}"
    )
    touched: dict[str, IncidentFacts] = {}
    # The batch's incidents indexed as the writer's lookup finds stored ones:
    # by their own places (met from the event's places and what contains
    # them), by what contains their places (met from the event's own places
    # only: a strike on a district meets the strike on its town), by article
    # (a denial follows its account) and without place. An event meets only
    # those it could match, never every incident of the batch.
    own: dict[str, dict[str, IncidentFacts]] = defaultdict(dict)
    inside: dict[str, dict[str, IncidentFacts]] = defaultdict(dict)
    assigned: list[tuple[EventFacts, Match]] = []

    def remember(inc: IncidentFacts) -> None:
        for k in inc.places:
            own[k][inc.key] = inc
        for k in inc.area:
            inside[k][inc.key] = inc
        for a in inc.articles:
            own[f"article:{a}"][inc.key] = inc
        if not inc.places:
            own[""][inc.key] = inc

    for ev in events:
        if ev.window is None or not is_resolvable(ev.category):
            continue
        pool: dict[str, IncidentFacts] = {}
        for inc in candidates.get(ev.id, ()):
            pool[inc.key] = touched.get(inc.key, inc)
        for k in {*ev.places, *ev.area, f"article:{ev.article}", *([""] if not ev.places else [])}:
            pool.update(own.get(k, {}))
        for k in ev.places:
            pool.update(inside.get(k, {}))
        best: Match | None = None
        # ties go to the smallest key: whether an incident was stored by an
        # earlier batch or started in this one must not change the choice
        for inc in sorted(pool.values(), key=lambda i: i.key):
            m = match(ev, inc)
            if m is not None and (best is None or m.score > best.score):
                best = m
        if best is None:
            inc = IncidentFacts.start(key_for(ev), ev)
            remember(inc)
            touched[inc.key] = inc
            assigned.append((ev, Match(inc.key, 1.0, ("first account",))))
            continue
        inc = pool[best.incident]
        inc.add(ev)
        touched[inc.key] = inc
        remember(inc)  # later events of the batch see its new facts
        assigned.append((ev, best))
    return assigned, touched
