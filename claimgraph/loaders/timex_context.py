"""What a time expression resolves to, and the reading state relative ones depend on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["ABSOLUTE", "Context", "Resolution", "UNRESOLVED"]

ABSOLUTE = "absolute"


@dataclass
class Resolution:
    """What an expression means: ``first``..``last`` are the days it covers."""

    value: str | None
    precision: str | None
    anchor: str | None
    first: date | None = None
    last: date | None = None
    timeml: str | None = None  # the ISO-TimeML value, when it differs from what ``value`` says
    ttype: str = "DATE"  # TimeML type: DATE, TIME, DURATION, SET


UNRESOLVED = Resolution(None, None, None)


@dataclass
class Context:
    """What relative expressions resolve against, updated as the text is read."""

    published: date | None
    mention: tuple[date, int] | None = None  # last day-exact date and its offset
    year_hint: date | None = None  # a date whose year a year-less date may borrow
    future: bool = False  # the clause speaks of the future
    past: bool = False  # the clause's verb is in a past tense
    # The narrative's reference time: its last absolute date (day, precision, offset).
    narrative: tuple[date, str, int] | None = None
    last: Resolution | None = None  # the last calendar expression, for "the same period last year"
    last_at: int = 0  # ... and its offset

    def pub_anchor(self) -> str:
        return f"published:{self.published}"

    def reference(self) -> tuple[date, str] | None:
        """The date mentioned just before, else the publication date."""
        if self.mention is not None:
            day, offset = self.mention
            return day, f"mention:{day}@{offset}"
        if self.published is not None:
            return self.published, self.pub_anchor()
        return None
