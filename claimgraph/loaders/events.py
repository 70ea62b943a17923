"""Events: the dated actions statements claim. See docs/extraction.md for the taxonomy.

Each statement's content is scanned for trigger words (one lemma lookup per
token, ``plover_typing``); a trigger gives the event's PLOVER category and
mode, its syntactic neighbours the agents, targets and places, nearby numbers
the counts, and the time expressions inside the content the date. Events of
one category at the same place and date claimed by several statements are one
event with several ``claimed_by``; a denial joins the event it denies (same
category and place or target), whatever its date.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from claimgraph.loaders.actor_codes import group_actor
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.events_counts import counts_in
from claimgraph.loaders.plover_typing import category_of, is_deed, modality
from claimgraph.loaders.plover_vocab import EVENTS
from claimgraph.loaders.renamings import record_renaming
from claimgraph.schema.records import (
    Article,
    Entity,
    Event,
    Statement,
    TimeExpression,
)

__all__ = ["EVENT_TYPES", "build_events", "trigger_of"]

# The categories an Event can have: the material ones, and deeds of the others
# (talks held, an inquiry opened, a curfew lifted). Said things are Statement.act.
EVENT_TYPES = EVENTS + ("CONSULT", "INVESTIGATE", "CONCEDE", "SUPPORT", "REJECT")
# An act that announces, asks for or refuses an action claims no event of it.
_NO_EVENT_ACTS = {"AGREE", "DEMAND", "REJECT", "THREATEN", "CONCEDE", "CONSULT", "SUPPORT"}


def trigger_of(tok: Token) -> tuple[str, str | None] | None:
    """The (category, mode) of an event this word triggers: something done, not said."""
    if tok.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"}:
        return None
    entry = category_of(tok)
    if entry is None or not is_deed(tok, entry[0]):
        return None
    if modality(tok) is not None:
        return None  # "will withdraw", "refused to deploy": announced, not done
    return entry


def _chosen(span: object, denial: bool = False) -> list[tuple[Token, str, str | None]]:
    """The trigger highest in the parse, and triggers of other categories coordinated with it."""
    found = []
    for t in span:  # type: ignore[attr-defined]
        if denial and t.lemma_ in {"deny", "refute"}:
            continue  # "denied shelling Dravik": the shelling is the event
        entry = trigger_of(t)
        if entry is not None:
            found.append((len(list(t.ancestors)), t.i, t, entry))
    if not found:
        return []
    found.sort(key=lambda x: (x[0], x[1]))
    top = found[0][2]
    out = [(top, *found[0][3])]
    for _d, _i, t, (cat, mode) in found[1:]:
        if t.dep_ == "conj" and t.head is top and all(c != cat for _t, c, _m in out):
            out.append((t, cat, mode))
    return out


def build_events(
    doc: Doc,
    article: Article,
    table: EntityTable,
    statements: list[Statement],
    times: list[TimeExpression],
    renamings: list[tuple[str, str, int]] | None = None,
) -> list[Event]:
    """Events claimed by the statements of one article."""
    renamings = renamings or []
    from claimgraph.loaders.timex import value_to_range

    events: list[Event] = []
    for st in statements:
        span = doc.char_span(st.start, st.end, alignment_mode="expand")
        if span is None:
            continue
        renamed = any(st.start <= at <= st.end for _o, _n, at in renamings)
        chosen: list[tuple[Token, str, str | None]]
        if renamed:
            # A renaming is an administrative act of the power holding the place.
            chosen = [(span.root, "COERCE", "rename")]
        elif st.act in _NO_EVENT_ACTS:
            chosen = []
        else:
            chosen = _chosen(span, st.polarity == "denies")
        # Background the outlet gives without a date is context, not an event,
        # unless it narrates what a named actor did ("Zambia extradited ...").
        background = st.by_outlet and not any(st.start <= t.start < st.end for t in times)
        denied = st.polarity == "denies"
        for tok, etype, mode in chosen:
            agents, targets, places = _roles(tok, table, span.start, span.end)
            told = agents or (
                tok.dep_ == "ROOT" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
            )
            if background and not (told and _past(tok)):
                continue
            if not agents and st.act == "DISAPPROVE":
                agents = _accused(span, tok, table, st.speaker)
            if not agents and denied and st.speaker and tok.head.lemma_ in {"deny", "refute"}:
                agents = [st.speaker]  # "X denied shelling Dravik": X is the one accused
            when = [t for t in times if st.start <= t.start < st.end and t.value]
            ev_date = ev_end = None
            precision = anchor = None
            if when:
                r = value_to_range(when[0].value or "")
                if r is not None:
                    ev_date, ev_end, precision = r
                    if when[0].precision == "part_of_day":  # "early on October 4"
                        precision = "part_of_day"
                    anchor = when[0].anchor
            elif tok.tag_ in {"VBG", "VBZ", "VBP"} and st.said_on is not None:
                # "are shelling", "is taking": happening when it was said
                ev_date, precision, anchor = st.said_on, "day", "statement"
            if ev_date is None and not denied:
                # An undated past action takes the day the report last named before it.
                ev_date, precision, anchor = _context_day(times, st.start, st.said_on)
            counts = counts_in(span)
            ev = _merge(events, etype, ev_date, places, targets, denied, mode)
            if ev is None:
                ev = Event(
                    id=f"{article.id}:ev{len(events) + 1}",
                    type=etype,
                    mode=mode,
                    summary=_summary(tok, span),
                    date=ev_date,
                    date_end=ev_end,
                    precision=precision,
                    date_anchor=anchor,
                    agents=agents,
                    targets=targets,
                    places=places,
                    counts=counts,
                )
                events.append(ev)
            else:
                ev.mode = ev.mode or mode
                for a in agents:
                    if a not in ev.agents:
                        ev.agents.append(a)
                if ev.date is not None and ev.precision is None:
                    ev.precision, ev.date_anchor = precision, anchor
            if st.id not in ev.claimed_by:
                ev.claimed_by.append(st.id)
            for k, v in counts.items():
                ev.counts.setdefault(k, v)
            if renamed:
                record_renaming(doc, span, table, st, ev_date or st.said_on, renamings)
    _claim_what_denials_follow(events, statements)
    return events


# How far back (characters) a denial that names nothing looks for what it denies.
_DENIAL_REACH = 1200


def _claim_what_denials_follow(events: list[Event], statements: list[Statement]) -> None:
    """A denial that names no event denies the account just before it.

    "The militia said it had captured four soldiers near Brisa. Varossa's
    Defence Ministry denied that any of its soldiers had been taken
    prisoner": the denial's own words carry no trigger the event had
    ("dismissed the allegation", "denied it"), so it claims the nearest
    event before it, within ``_DENIAL_REACH`` characters, that another
    speaker asserts. Discourse order, not a lexicon: the same rule serves
    "rejected the report" and "called the claim a lie".
    """
    by_id = {st.id: st for st in statements}
    claimed = {sid for ev in events for sid in ev.claimed_by}
    for st in statements:
        if st.polarity != "denies" or st.id in claimed:
            continue
        # "rejected the accusation": the events of the claim it answers
        answered = [ev for ev in events if st.denies and st.denies in ev.claimed_by]
        for ev in answered:
            ev.claimed_by.append(st.id)
        if answered:
            continue
        best: tuple[int, Event] | None = None
        for ev in events:
            starts = [
                by_id[sid].start
                for sid in ev.claimed_by
                if sid in by_id
                and by_id[sid].polarity == "asserts"
                and by_id[sid].speaker != st.speaker
                and by_id[sid].start < st.start
            ]
            if starts and st.start - max(starts) <= _DENIAL_REACH:
                if best is None or max(starts) > best[0]:
                    best = (max(starts), ev)
        if best is not None:
            best[1].claimed_by.append(st.id)


def _past(tok: Token) -> bool:
    """Narrated as done: "expelled", "has deported", "began collecting signatures"."""
    for node in (tok, tok.head):
        if node.tag_ in {"VBD", "VBN"}:
            return True
        if node.tag_ == "VBG" and any(c.lemma_ == "be" for c in node.children):
            return True  # "are continuing a hunger strike": news, not background
        if node.dep_ not in {"xcomp", "dobj", "pobj", "prep"}:
            break
    return False


def _accused(span: object, tok: Token, table: EntityTable, speaker: str | None) -> list[str]:
    """ "accused Varossan forces of shelling": the accused is the doer of what is claimed."""
    for t in span:  # type: ignore[attr-defined]
        if t.i >= tok.i:
            break
        ent = table.at(t.i)
        if ent is not None and ent.id != speaker and (ent.type != "Place" or ent.is_actor):
            return [ent.id]
    return []


def _context_day(
    times: list[TimeExpression], at: int, said_on: date | None
) -> tuple[date | None, str | None, str | None]:
    from claimgraph.loaders.timex import value_to_range

    for t in reversed(times):
        if t.end > at or at - t.start > 1500 or not t.value or t.precision != "day":
            continue
        r = value_to_range(t.value)
        if r is not None and r[1] is None and (said_on is None or r[0] <= said_on):
            return r[0], "day", f"context:{t.start}"
        break
    return None, None, None


def _merge(
    events: list[Event],
    etype: str,
    day: date | None,
    places: list[str],
    targets: list[str],
    denied: bool = False,
    mode: str | None = None,
) -> Event | None:
    """The same kind of event on the same day (or undated) at the same place (or unplaced).

    An undated account (a denial most often) joins a dated one of the same
    category only when they share a place or a target: "Kestrian forces did not
    fire on Dravik" is about the shelling of Dravik the ministry reported.
    """
    where = set(places) | set(targets)
    for ev in events:
        if ev.type != etype or (ev.mode and mode and ev.mode != mode):
            continue
        shared = bool(where & (set(ev.places) | set(ev.targets)))
        if denied or ev.date is None or day is None:
            both_open = ev.date is None and day is None and not (where and ev.places)
            if not (shared or both_open or (denied and not where)):
                continue
        else:
            # PLOVER categories are broad: "clashes" somewhere is not the shelling
            # of Ganja, so an unplaced account joins only an unplaced event.
            same_place = bool(set(ev.places) & set(places)) or (not ev.places and not places)
            if ev.date != day or not same_place:
                continue
        if ev.date is None and day is not None:
            ev.date = day
        for p in places:
            if p not in ev.places:
                ev.places.append(p)
        for t in targets:
            if t not in ev.targets:
                ev.targets.append(t)
        return ev
    return None


def _roles(
    tok: Token, table: EntityTable, lo: int, hi: int
) -> tuple[list[str], list[str], list[str]]:
    agents: list[str] = []
    targets: list[str] = []
    places: list[str] = []
    # The doer's phrase: "a group of Moroccan diplomats held ...", or the
    # subject of the first of two coordinated verbs ("kidnapped ... and exploded").
    verb = tok if tok.pos_ == "VERB" else tok.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    doers = {t.i for s in subjects for t in s.subtree}
    scope = list(verb.subtree) + [t for s in subjects for t in s.subtree if t not in verb.subtree]
    for t in scope:
        if not (lo <= t.i < hi):
            continue
        ent = table.at(t.i)
        if ent is None:
            continue
        path = {t.dep_, t.head.dep_}
        if t.i in doers and (ent.type != "Place" or ent.is_actor):
            if ent.id not in agents:
                agents.append(ent.id)
        elif ent.type == "Place" and not ent.is_actor:
            if ent.id not in places:
                places.append(ent.id)
            if path & {"dobj", "nsubjpass"} or t.head.lower_ in {"against", "on", "at"}:
                if ent.id not in targets:
                    targets.append(ent.id)
        elif "nsubj" in path or t.head.lower_ == "by":
            if ent.id not in agents:
                agents.append(ent.id)
        elif path & {"dobj", "nsubjpass", "pobj"} and ent.id not in targets:
            targets.append(ent.id)
    if not agents:  # "Burmese troops captured ...": the group the phrase names
        for s in subjects:
            group = group_actor(s, table) if s.dep_ == "nsubj" else None
            if group is not None:
                agents.append(group.id)
                break
    if not places:
        place = _described_place(tok, table, lo, hi)
        if place is not None:
            places.append(place.id)
            targets.append(place.id)
    return agents, targets, places


def _described_place(tok: Token, table: EntityTable, lo: int, hi: int) -> Entity | None:
    """The place a clause describes: "Madagiz, another village (Aliyev said) had been captured"."""
    node = tok
    for _ in range(4):
        if node.dep_ not in {"ccomp", "relcl", "acl", "appos", "xcomp"} or node.head is node:
            return None
        node = node.head
        if not (lo <= node.i < hi):
            return None
        ent = table.at(node.i)
        if ent is not None:
            return ent if ent.type == "Place" and not ent.is_actor else None
    return None


def _summary(tok: Token, span: object) -> str:
    clause = tok if tok.pos_ == "VERB" else tok.head
    words = [t.text_with_ws for t in clause.subtree]
    text = "".join(words).strip()
    return text if len(text) <= 160 else text[:157] + "..."
