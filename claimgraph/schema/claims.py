"""Record types for what articles claim: Statement, Event, TimeExpression."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from claimgraph.schema.model import MODEL
from claimgraph.schema.values import (
    ACTS,
    MODES,
    POLARITIES,
    choice,
    ints,
    parse_date,
    precision,
    record_json,
    require,
    strs,
)

__all__ = ["Event", "Statement", "TimeExpression"]

# The node properties taken from each record as they are (the data model's).
_STATEMENT_FIELDS = MODEL.node("Statement").record_fields
_STATEMENT_VALUES = attrgetter(*_STATEMENT_FIELDS)
_EVENT_FIELDS = MODEL.node("Event").record_fields
_EVENT_VALUES = attrgetter(*_EVENT_FIELDS)


def _offset(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        from claimgraph.errors import RecordError

        raise RecordError(f"{what}: expected a character offset, got {value!r}")
    return value


def _upper_choice(value: Any, allowed: tuple[str, ...], what: str) -> str | None:
    """An optional enumerated value, case-insensitive (``"demand"`` reads as DEMAND)."""
    if value is None or value == "":
        return None
    return choice(str(value).upper(), allowed, what)


@dataclass
class Statement:
    """One attributed claim in one article: who said what, when, through whom."""

    id: str
    speaker: str | None  # entity id, or None when the speaker is unnamed
    speaker_name: str | None
    cue: str | None
    mode: str
    text: str
    quote: str | None = None
    said_on: dt.date | None = None
    said_on_precision: str | None = None
    said_on_anchor: str | None = None
    # The TimeML value when said_on is finer or coarser than a day ("2013-03-22TAF").
    said_on_value: str | None = None
    via: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    polarity: str = "asserts"
    sentence: str = ""
    start: int = 0
    end: int = 0
    by_outlet: bool = False  # the article's own claim, attributed to the outlet
    cue_start: int | None = None  # the cue's characters ("said", "according to"), for audit
    cue_end: int | None = None
    act: str | None = None  # PLOVER speech act: DEMAND, DISAPPROVE, REJECT, THREATEN, AGREE, ...
    # the statement a denial answers when its own words only point at it ("rejected the accusation")
    denies: str | None = None

    def __post_init__(self) -> None:
        choice(self.mode, MODES, f"statement {self.id} mode")
        choice(self.polarity, POLARITIES, f"statement {self.id} polarity")
        if self.act is not None:
            choice(self.act, ACTS, f"statement {self.id} act")

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statement:
        sid = str(require(data, "id", "statement"))
        what = f"statement {sid}"
        return cls(
            id=sid,
            speaker=data.get("speaker"),
            speaker_name=data.get("speaker_name"),
            cue=data.get("cue"),
            mode=choice(data.get("mode"), MODES, f"{what} mode"),
            text=str(require(data, "text", what)),
            quote=data.get("quote"),
            said_on=parse_date(data.get("said_on"), f"{what} said_on"),
            said_on_precision=precision(data.get("said_on_precision"), f"{what} said_on_precision"),
            said_on_anchor=data.get("said_on_anchor"),
            said_on_value=data.get("said_on_value"),
            via=strs(data.get("via"), f"{what} via"),
            about=strs(data.get("about"), f"{what} about"),
            polarity=choice(data.get("polarity", "asserts"), POLARITIES, f"{what} polarity"),
            sentence=data.get("sentence") or "",
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
            by_outlet=bool(data.get("by_outlet", False)),
            cue_start=_offset(data.get("cue_start"), f"{what} cue_start"),
            cue_end=_offset(data.get("cue_end"), f"{what} cue_end"),
            act=_upper_choice(data.get("act"), ACTS, f"{what} act"),
            denies=data.get("denies"),
        )

    def to_params(self) -> dict[str, Any]:
        """The statement node's properties that come from the record (``schema.model``)."""
        return dict(zip(_STATEMENT_FIELDS, _STATEMENT_VALUES(self), strict=True))


@dataclass
class Event:
    """A dated action, as claimed by one or more statements of one article."""

    id: str
    type: str  # PLOVER category, upper case: FIGHT, ASSAULT, COERCE, PROTEST, ...
    summary: str
    date: dt.date | None = None  # ``dt.``: the field name shadows the type
    date_end: dt.date | None = None
    precision: str | None = None
    date_anchor: str | None = None
    # The TimeML value when the date is not one day ("2012-SU", "2013-03-22T15:00");
    # ``date``..``date_end`` is then the range of days it covers.
    date_value: str | None = None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    claimed_by: list[str] = field(default_factory=list)
    mode: str | None = None  # PLOVER mode: heavy-weapons, aerial, drone, firearms, arrest, ...

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        eid = str(require(data, "id", "event"))
        what = f"event {eid}"
        return cls(
            id=eid,
            type=str(require(data, "type", what)),
            summary=data.get("summary") or "",
            date=parse_date(data.get("date"), f"{what} date"),
            date_end=parse_date(data.get("date_end"), f"{what} date_end"),
            precision=precision(data.get("precision"), f"{what} precision"),
            date_anchor=data.get("date_anchor"),
            date_value=data.get("date_value"),
            agents=strs(data.get("agents"), f"{what} agents"),
            targets=strs(data.get("targets"), f"{what} targets"),
            places=strs(data.get("places"), f"{what} places"),
            counts=ints(data.get("counts"), what),
            claimed_by=strs(data.get("claimed_by"), f"{what} claimed_by"),
            mode=data.get("mode") or None,
        )

    def to_params(self) -> dict[str, Any]:
        """The event node's properties that come from the record, and its counts."""
        params = dict(zip(_EVENT_FIELDS, _EVENT_VALUES(self), strict=True))
        # Neo4j properties cannot hold maps: each count becomes its own
        # property (``count_killed``), set with ``SET e += row.counts``.
        params["counts"] = {
            f"count_{re.sub(r'[^a-z0-9_]', '_', k.lower())}": v for k, v in self.counts.items()
        }
        return params


@dataclass
class TimeExpression:
    """A date or time expression found in the text, normalised against an anchor."""

    text: str
    start: int
    end: int
    value: str | None  # ISO 8601: 2020-10-04, 2020-10, 2020-W40, 1990s, 2020-09-27/2020-10-04
    precision: str | None
    anchor: str | None  # "published:2020-10-04", "mention:2020-10-03@812", ...
    type: str | None = None  # TimeML type: DATE, TIME, DURATION, SET
    timeml: str | None = None  # ISO-TimeML value: 2012-SU, 2013-03-22TAF, P5Y, PRESENT_REF

    def to_json(self) -> dict[str, Any]:
        return record_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TimeExpression:
        return cls(
            text=str(require(data, "text", "time")),
            start=int(data.get("start") or 0),
            end=int(data.get("end") or 0),
            value=data.get("value"),
            precision=data.get("precision"),
            anchor=data.get("anchor"),
            type=data.get("type"),
            timeml=data.get("timeml"),
        )
