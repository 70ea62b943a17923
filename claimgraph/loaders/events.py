"""Events: the dated actions statements claim. See docs/extraction.md for the taxonomy.

Each statement's content is scanned for trigger words (one lemma lookup per
token); a trigger gives the event type, its syntactic neighbours the agents,
targets and places, nearby numbers the counts, and the time expressions inside
the content the date. Events of one type at the same place and date claimed
by several statements are one event with several ``claimed_by``.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.renamings import record_renaming
from claimgraph.schema.records import (
    Article,
    Entity,
    Event,
    Statement,
    TimeExpression,
)

__all__ = ["EVENT_TYPES", "build_events"]

# lemma → event type (the taxonomy; docs/extraction.md).
EVENT_TYPES: dict[str, str] = {
    **dict.fromkeys(
        [
            "attack",
            "strike",
            "shell",
            "shelling",
            "bomb",
            "bombard",
            "fire",
            "hit",
            "target",
            "assault",
            "raid",
            "launch",
            "struck",
            "rocket",
            "missile",
        ],
        "attack",
    ),
    **dict.fromkeys(
        ["capture", "seize", "take", "liberate", "occupy", "overrun", "retake"], "capture"
    ),
    **dict.fromkeys(["down", "shoot", "destroy", "destruction"], "shootdown"),
    **dict.fromkeys(
        ["kill", "die", "death", "casualty", "wound", "injure", "lose", "loss", "dead", "killed"],
        "casualties",
    ),
    **dict.fromkeys(["rename"], "renaming"),
    **dict.fromkeys(["call", "urge", "appeal", "demand"], "appeal"),
    **dict.fromkeys(["threaten", "warn", "retaliate", "retaliation"], "threat"),
    **dict.fromkeys(["accuse", "allege", "blame"], "accusation"),
    **dict.fromkeys(["deny", "reject", "refute"], "denial"),
    **dict.fromkeys(
        [
            "talk",
            "negotiate",
            "negotiation",
            "mediate",
            "mediation",
            "meet",
            "ceasefire",
            "cease-fire",
            "truce",
        ],
        "talks",
    ),
    **dict.fromkeys(
        ["evacuate", "evacuation", "flee", "displace", "leave", "refuge"], "evacuation"
    ),
    **dict.fromkeys(["fight", "fighting", "clash", "battle"], "clash"),
    **dict.fromkeys(["repel", "repulse"], "clash"),
}
# Speech acts are events only when the statement itself is one ("X accused Y of ...").
_SPEECH_ACTS = {
    "accuse": "accusation",
    "allege": "accusation",
    "deny": "denial",
    "reject": "denial",
    "threaten": "threat",
    "warn": "threat",
    "call": "appeal",
    "urge": "appeal",
    "appeal": "appeal",
    "demand": "appeal",
}
_COUNT_WORDS = {
    "killed": "killed",
    "kill": "killed",
    "dead": "killed",
    "death": "killed",
    "deaths": "killed",
    "die": "killed",
    "wounded": "wounded",
    "wound": "wounded",
    "injured": "wounded",
    "injure": "wounded",
    "fighters": "killed",
    "destroyed": "destroyed",
    "destroy": "destroyed",
    "down": "destroyed",
    "rocket": "rockets",
    "rockets": "rockets",
    "missile": "rockets",
    "villages": "captured",
    "village": "captured",
    "captured": "captured",
}
_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "hundreds": 200,
    "dozens": 24,
}


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    return _NUM_WORDS.get(tok.lower_)


def _trigger_type(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma == "take" and not any(c.lower_ == "control" for c in tok.subtree):
        return None
    if lemma == "down" and tok.head.lemma_ != "shoot":
        return None
    if lemma == "shoot" and not any(c.lower_ == "down" for c in tok.children):
        return None
    if (
        lemma in {"lose", "loss"}
        and tok.pos_ == "VERB"
        and not any(c.dep_ == "dobj" for c in tok.children)
    ):
        return None
    if tok.pos_ not in {"VERB", "NOUN", "ADJ", "ADP", "PART"}:
        return None
    if lemma == "call" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"so", "-", "so-"}:
        return None  # "so-called"
    if (
        lemma in {"talk", "meet"}
        and tok.pos_ == "VERB"
        and not any(c.lower_ in {"with", "between"} for c in tok.children)
    ):
        return None  # "we will not talk about positions" is no negotiation
    return EVENT_TYPES.get(lemma)


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
        # One event per statement: the trigger highest in the parse (the main clause).
        triggers = [(len(list(t.ancestors)), t.i, t, _trigger_type(t)) for t in span]
        triggers = [
            x
            for x in triggers
            if x[3] is not None and x[3] not in {"accusation", "denial", "threat"}
        ]
        speech = _SPEECH_ACTS.get(st.cue or "")
        if any(st.start <= at <= st.end for _o, _n, at in renamings):
            triggers = [(0, span.start, span.root, "renaming")]
        elif speech in {"accusation", "denial", "threat"} or speech and not triggers:
            triggers = [(0, span.start, span.root, speech), *triggers[:1]]
        chosen = (
            triggers[:2]
            if triggers and triggers[0][0] == 0 and triggers[0][3] == speech
            else sorted(triggers, key=lambda x: (x[0], x[1]))[:1]
        )
        if st.by_outlet and not any(st.start <= t.start < st.end for t in times):
            chosen = []  # background the outlet gives without a date is context, not an event
        for _depth, _i, tok, etype in chosen:
            assert etype is not None
            agents, targets, places = _roles(tok, table, span.start, span.end)
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
            if ev_date is None and etype not in {"appeal", "threat", "accusation", "denial"}:
                # An undated past action takes the day the report last named before it.
                ev_date, precision, anchor = _context_day(times, st.start, st.said_on)
            counts = _counts(span, etype)
            ev = _merge(events, etype, ev_date, places, targets)
            if ev is None:
                ev = Event(
                    id=f"{article.id}:ev{len(events) + 1}",
                    type=etype,
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
            ev.claimed_by.append(st.id)
            for k, v in counts.items():
                ev.counts.setdefault(k, v)
            if etype == "renaming":
                record_renaming(doc, span, table, st, ev_date or st.said_on, renamings)
    return events


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
    events: list[Event], etype: str, day: date | None, places: list[str], targets: list[str]
) -> Event | None:
    """The same kind of event on the same day (or undated) at the same place (or unplaced)."""
    for ev in events:
        if ev.type != etype:
            continue
        same_day = ev.date == day
        same_place = bool(set(ev.places) & set(places)) or not ev.places or not places
        if same_day and same_place:
            if ev.date is None and day is not None:
                ev.date = day
            for p in places:
                if p not in ev.places:
                    ev.places.append(p)
            return ev
    return None


def _roles(
    tok: Token, table: EntityTable, lo: int, hi: int
) -> tuple[list[str], list[str], list[str]]:
    agents: list[str] = []
    targets: list[str] = []
    places: list[str] = []
    for t in tok.subtree if tok.pos_ == "VERB" else tok.head.subtree:
        if not (lo <= t.i < hi):
            continue
        ent = table.at(t.i)
        if ent is None:
            continue
        path = {t.dep_, t.head.dep_}
        if ent.type == "Place" and not ent.is_actor:
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


def _counts(span: object, etype: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for tok in span:  # type: ignore[attr-defined]
        n = _number(tok)
        if n is None:
            continue
        head = tok.head
        for cand in (head, head.head):
            key = _COUNT_WORDS.get(cand.lower_) or _COUNT_WORDS.get(cand.lemma_)
            if key:
                if cand.lower_ in {"fighters", "civilians", "soldiers", "people"} or key:
                    out.setdefault(key, n)
                break
    return out


def _summary(tok: Token, span: object) -> str:
    clause = tok if tok.pos_ == "VERB" else tok.head
    words = [t.text_with_ws for t in clause.subtree]
    text = "".join(words).strip()
    return text if len(text) <= 160 else text[:157] + "..."
