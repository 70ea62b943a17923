"""The patterns that find time expressions, and the checks that reject false hits.

Month and weekday names match only when capitalised, so "march" the verb and
"may" the modal never match; bare "May", "March", "June", "August" and
"April" also need a cue before them ("in May", "since March"), because they
are common names. A weekday that starts a title ("Sunday Times") or is part
of a named day ("Bloody Sunday") is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.loaders.timex_calendar import NUMBERS

__all__ = ["RULES", "Rule", "PREFIX", "accept", "is_future"]

_FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MON = rf"(?:(?:{_FULL_MONTHS})\b|(?:{_ABBR})(?:\.|\b))"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:1[5-9]|20)\d\d"
POD = r"(?i:morning|afternoon|evening|night)"
_NUM = "|".join(
    sorted((re.escape(n).replace(r"\ ", r"\s+") for n in NUMBERS), key=len, reverse=True)
)
NUM = rf"(?i:{_NUM}|\d{{1,3}})"
UNIT = r"(?i:day|week|month|year|decade)"
ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]


# The characters each rule's match can start with. A lookahead on them lets
# the regex engine skip most positions at once: several times faster.
_FIRST = {
    "iso": r"\d",
    "year": r"\d",
    "md_range": "[JFMASOND]",
    "md": "[JFMASOND]",
    "my": "[JFMASOND]",
    "dm_range": r"\d",
    "dm": r"[\dTt]",
    "month": "[JFMASONDLlNnTt]",
    "weekday": "[MTWFSLlNnTtCcPp]",
    "deictic": "[TtYyOoLl]",
    "unit": "[TtLlNn]",
    "relday": "[Tt]",
    "shift": r"[\dAaOoTtFfSsEeNn]",
    "since_then": "[Ss]",
    "duration": r"[\dFfOoDdIiTtAaSsEeNn]",
    "decade": r"[Tt\d'‘’]",
    "short_year": "['‘’]",
    "quarter": "[TtFfSsLlNnPpCcQ1-4]",
}


def _rule(kind: str, pattern: str) -> Rule:
    return Rule(kind, re.compile(f"(?={_FIRST[kind]})(?:{pattern})"))


# "to end the day", "for the day": the day of the report, in market news.
_DAY_VERBS = "|".join(
    rf"(?<=\b{verb}\s)"
    for verb in ("end", "for", "ended", "ending", "finish", "finished", "close", "closed", "in")
)

# Order matters only for ties (same start, same length): earlier wins.
RULES: tuple[Rule, ...] = (
    _rule("iso", r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    _rule(
        "md_range",
        rf"\b(?P<mon>{MON})\s*(?P<day>\d{{1,2}}){ORD}\s*(?:-|–|to|and)\s*(?P<day2>\d{{1,2}}){ORD}\b"
        rf"(?:\s*,?\s*(?P<year>{YEAR})\b)?",
    ),
    _rule(
        "dm_range",
        rf"\b(?P<day>\d{{1,2}}){ORD}\s*(?:-|–|to|and)\s*(?P<day2>\d{{1,2}}){ORD}\s+(?:of\s+)?(?P<mon>{MON})"
        rf"(?:\s*,?\s*(?P<year>{YEAR})\b)?",
    ),
    _rule("md", rf"\b(?P<mon>{MON})\s*(?P<day>\d{{1,2}}){ORD}\b(?:\s*,?\s*(?P<year>{YEAR})\b)?"),
    _rule(
        "dm",
        rf"\b(?:the\s+)?(?P<day>\d{{1,2}}){ORD}\s+(?:of\s+)?(?P<mon>{MON})(?:\s*,?\s*(?P<year>{YEAR})\b)?",
    ),
    _rule("my", rf"\b(?P<mon>{MON})\s*,?\s+(?:of\s+)?(?P<year>{YEAR})\b"),
    _rule(
        "month",
        rf"(?:\b(?P<mmod>(?i:last|next|this|the\s+coming|the\s+past|the\s+previous|the\s+following))\s+)?"
        rf"\b(?P<mon>{_FULL_MONTHS})\b(?:\s+of\s+(?P<myear>(?i:this|next|last))\s+year\b)?",
    ),
    _rule(
        "weekday",
        rf"(?:\b(?P<wmod>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?"
        rf"\b(?P<wd>{WD})\b(?:\s+(?P<pod>{POD})\b)?",
    ),
    _rule(
        "deictic",
        rf"(?i:\b(?P<deixis>today|tonight|yesterday|tomorrow|overnight|last\s+night|"
        rf"this\s+(?:morning|afternoon|evening))\b)(?:\s+(?P<pod>{POD})\b)?",
    ),
    _rule(
        "unit",
        r"(?i:\b(?P<umod>this|last|next|the\s+past|the\s+previous|the\s+following|the\s+next|"
        r"the\s+coming|the\s+current|the\s+same|the\s+prior|that)\s+(?P<unit>week|weekend|month|year)\b|"
        r"(?<=over\s)the\s+(?P<wkend>weekend)\b|(?<=during\s)the\s+(?P<wkend2>weekend)\b)",
    ),
    _rule(
        "relday",
        rf"(?i:\b(?:the\s+(?P<rd>previous|next|following|same|prior)\s+(?P<rdu>day|morning|"
        rf"afternoon|evening|night)|the\s+day\s+(?P<ba>before|after)(?!\s+\w+ing\b)|that\s+(?:same\s+)?(?P<that>day|night|morning|evening)|"
        rf"(?:{_DAY_VERBS})the\s+day)\b)",
    ),
    _rule(
        "shift",
        rf"\b(?P<n>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<dir>(?i:later|after|earlier|before|ago))\b",
    ),
    _rule("since_then", r"(?i:\bsince\s+then\b)"),
    _rule(
        "duration",
        rf"(?i:\b(?:(?:for|over|during|in)\s+the\s+(?:past|last)|for|the\s+(?:past|last))\s+(?P<n>{NUM})\s+"
        rf"(?P<unit>{UNIT})s?\b|\b(?P<n2>{NUM})\s+(?P<unit2>{UNIT})s?\s+of\s+(?:heavy\s+|intense\s+|fierce\s+)?"
        rf"(?:fighting|clashes|hostilities|war|shelling|combat|violence|protests?|talks|negotiations|unrest)\b)",
    ),
    _rule("year", rf"(?<![\d$£€.,/])\b(?P<year>{YEAR})\b(?![.,]\d|%|s\b|-\d\d-)"),
    _rule(
        "decade",
        r"(?:\b(?P<the>[Tt]he)\s+(?:(?P<dmod>early|mid|late)[\s-]+)?)?"
        r"(?:\b(?P<cen>1[5-9]|20)(?P<dec>\d)0s\b|[‘'’](?P<sdec>\d)0s\b|\b(?P<bdec>\d)0s\b)",
    ),
    _rule(
        "short_year",
        r"(?i:(?<=\bsince\s)|(?<=\bin\s)|(?<=\buntil\s)|(?<=\bof\s))[‘'’](?P<yy>\d\d)\b(?![‘'’]?s\b)",
    ),
    _rule(
        "quarter",
        rf"(?i:\b(?:the\s+)?(?P<qn>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter\b"
        rf"(?:\s+of\s+(?P<qy>{YEAR}|this\s+year|last\s+year|next\s+year))?|\b(?:the\s+)?"
        rf"(?P<qrel>last|this|next|previous|current|coming)\s+quarter\b)|\bQ(?P<qd>[1-4])\s+(?P<qy2>{YEAR})\b",
    ),
)

# What may stand just before an expression and changes its meaning.
PREFIX = re.compile(
    r"(?i:\b(?:(?P<pod>early|late)\s+on|(?P<rel>earlier|later)(?:\s+on)?|(?:on\s+)?the\s+"
    r"(?P<podn>morning|afternoon|evening|night)\s+of|(?P<since>since|ever\s+since)|(?P<from>from)|"
    r"(?P<between>between)|(?P<daypart>(?:at|before|after|by)\s+(?:dawn|dusk|daybreak|noon|"
    r"midday|midnight|nightfall|sunrise|sunset)(?:\s+on)?)|(?P<overnight>overnight)(?:\s+(?:on|into))?|(?P<coarse>early|mid|late|"
    r"(?:by\s+)?the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of|"
    r"(?:at\s+)?the\s+(?:end|start)\s+of))(?:\s+|-))\Z"
)

_AMBIGUOUS_MONTHS = {"May", "March", "June", "August", "April"}
_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|early|mid|late|of|from|through|before|after|"
    r"to|between|and|or|last|next|this|since\s+early|end\s+of|beginning\s+of|start\s+of)[\s-]+)\Z"
)
_TITLES = re.compile(
    r"\A\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Observer|Independent|Star|"
    r"Mail|Sport|People|Night\s+Live|School|Service|Bloody|Magazine|Review|Edition)\b"
)
_NAMED_DAYS = re.compile(
    r"(?:Bloody|Black|Good|Easter|Palm|Ash|Super|Cyber|Holy|Maundy|Shrove|Whit|Orange|Blue|Giving)\s+\Z"
)
_COUNT_BEFORE = re.compile(
    r"(?i:\b(?:about|some|nearly|over|than|around|least|almost|approximately|roughly|up\s+to|"
    r"only|just|another|additional|extra|No\.|number|#)\s+)\Z"
)
_COUNT_AFTER = re.compile(
    r"\A\s+(?:[a-z]+-)?(?:people|troops|soldiers|civilians|residents|fighters|deaths|dead|"
    r"killed|men|women|children|refugees|votes|homes|houses|buildings|units|cars|vehicles|"
    r"shells|rockets|missiles|drones|jobs|employees|workers|dealers|dealerships|points|miles|"
    r"kilometres|kilometers|km|metres|meters|feet|tons|tonnes|dollars|euros|pounds|shares|"
    r"members|cases|votes|seats|pages|words|hours|minutes|flights|passengers|aircraft|planes|"
    r"stores|customers|users|copies|times|of\s+(?:the|them|these|those))\b"
)
_YEAR_LEADS = {
    "In", "Since", "By", "Until", "From", "Of", "Before", "After", "During", "Through", "And",
    "Or", "The", "Early", "Late", "Mid", "End", "Spring", "Summer", "Autumn", "Fall", "Winter",
    "Christmas", "Easter", "For", "To", "As", "Throughout", "Between", "About", "Around",
    # Recurring events carry their year: "Developers Conference 2010", "Expo 2010".
    "Conference", "Summit", "Games", "Cup", "Expo", "Olympics", "Championship",
    "Championships", "Festival", "Awards", "Elections", "Election", "Show", "Forum",
    *(m for m in _FULL_MONTHS.split("|")),
}  # fmt: skip
_ADJECTIVE_BEFORE = re.compile(r"(?i:\b(?:an|a|the|this|that)\s+)\Z")


def accept(kind: str, match: re.Match[str], text: str) -> bool:
    """Whether a match is really a time expression (False for names, counts, titles)."""
    start, end = match.span()
    before = text[max(0, start - 30) : start]
    after = text[end : end + 40]
    if kind == "month":
        if match["mmod"]:
            return True
        if match["mon"] in _AMBIGUOUS_MONTHS and not _MONTH_CUE.search(before):
            return False
        # "January Jones", "August Wilson": a following capitalised word makes it a name.
        return not re.match(r"\A[ \t]+[A-Z][a-z]", after)
    if kind == "weekday":
        return not (_TITLES.match(after) or _NAMED_DAYS.search(before))
    if kind == "deictic":
        # "an overnight curfew" is an adjective, not a time.
        return not (match["deixis"].lower() == "overnight" and _ADJECTIVE_BEFORE.search(before))
    if kind == "year":
        if _COUNT_AFTER.match(after) or _COUNT_BEFORE.search(before):
            return False
        if re.search(r"(?i:\b(?:No|number|room|flight|route|article|page|p|pp)\.?\s*)\Z", before):
            return False
        # "Russell 2000", "Windows 2000": a name, unless the word is a preposition or month.
        name = re.search(r"\b([A-Z][a-z]+)[ \t]+\Z", before)
        return not (name and name[1] not in _YEAR_LEADS)
    if kind == "decade":
        if match["cen"] or match["sdec"] or (match["bdec"] and match["the"]):
            return True
        # "the 70s and 80s": the second decade has no "the" of its own.
        return bool(match["bdec"] and re.search(r"0s\s+(?:and|or|to)\s+\Z", before))
    if kind == "shift":
        return match["n"].lower() not in ("a few",) or match["dir"].lower() == "ago"
    return True


_FUTURE = re.compile(
    r"(?i:\b(?:will|shall|should|until|is\s+due|are\s+due|(?:is|are)\s+(?:expected|scheduled|set|planned|"
    r"going)\s+to|plans?\s+to|planning\s+to|intends?\s+to|would|to\s+be\s+held|upcoming)\b|'ll\b)"
)
_CLAUSE_BREAK = re.compile(
    r"(?i:[.!?;\n]|,|\bthat\b|\b(?:said|says|told|announced|added|stated|reported|according\s+to)\b)"
)

_BARE_LEAD = re.compile(r"(?i:[\W_]*(?:(?:early|late)\s+)?(?:on|by|until|from)?\s*)")


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]`` speaks of the future ("will meet on Monday")."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, max(0, start - 200), start):
        left = m.end()
    right_match = _CLAUSE_BREAK.search(text, end, end + 200)
    right = right_match.start() if right_match else min(len(text), end + 200)
    lead = text[left:start]
    if right_match and right_match.group() == "," and _BARE_LEAD.fullmatch(lead):
        # "On Monday, the ministers will meet": the clause is the one after the comma.
        further = _CLAUSE_BREAK.search(text, right + 1, right + 200)
        right = further.start() if further else min(len(text), right + 200)
    return bool(_FUTURE.search(text, left, right))
