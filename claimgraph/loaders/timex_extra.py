"""Patterns for the TimeML kinds beyond calendar dates: clock times, seasons,
centuries, fiscal years, US numeric dates, durations, sets and the vague
present, past and future references.

Each rule is a general English construction, not a phrase of one corpus:
"at 15:00 GMT", "8 p.m.", "last summer", "the 19th century", "fiscal 2009",
"7/8/07", "five years", "every Sunday", "recently", "the near future".
Their resolvers are in ``timex_extra_resolve``.
"""

from __future__ import annotations

import re

from claimgraph.loaders.timex_rules import NUM, WD, YEAR, Rule

__all__ = ["EXTRA_RULES", "EXTRA_KINDS", "accept_extra", "POD_CODES"]

POD_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_FIRST = {
    "clock": r"[\dnmN]",
    "season": "[SsWwAaFfTtLlNnPpCcEeMm]",
    "ref": "[NnCcPpRrLlTtSsAa]",
    "fiscal": "[TtFfLlNnCcPp]",  # fiscal, FY, the fiscal/financial year
    "usdate": r"\d",
    "set": r"[EeOoTtPpAaYyMTWFS\d]",
    "dur": r"[\dA-Za-z]",
    "century": r"[Tt\dFfSsLl]",
    "theyear": "[Tt]",
    "half": "[TtFfSs12H]",
    "sameperiod": "[Tt]",
}

_TIME_UNITS = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
_SEASONS = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "twenty-first|twenty\\s+first"
)


def _rule(kind: str, pattern: str) -> Rule:
    return Rule(kind, re.compile(f"(?={_FIRST[kind]})(?:{pattern})"))


EXTRA_RULES: tuple[Rule, ...] = (
    _rule(
        "clock",
        r"\b(?:(?P<h>[01]?\d|2[0-3])(?:(?::(?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d)(?=\s*[aApP]\.?\s?[mM]\b))"
        r"(?:\s*(?P<ampm>[aApP])\.?\s?[mM]\b\.?)?|\s*(?P<ampm2>[aApP])\.?\s?[mM]\b\.?)|"
        r"(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*(?:UTC|GMT)\b)|"
        r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bafter\s)|(?<=\bbefore\s)|(?<=\baround\s))"
        r"(?P<named>noon|midday|midnight))"
        r"(?:\s*(?P<zone>UTC|GMT|Z(?![a-z])|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST)\b)?",
    ),
    _rule(
        "season",
        r"(?:\b(?P<smod>(?i:this\s+past|this\s+coming|the\s+coming|the\s+past|this|last|next|"
        r"coming|past|early|late|mid))[\s-]+)?\b(?P<season>" + _SEASONS + r")\b"
        r"(?:\s+(?:of\s+)?(?P<sy>" + YEAR + r")\b)?",
    ),
    _rule(
        "ref",
        r"(?i:\b(?:(?P<present>now|currently|presently|nowadays|at\s+present|at\s+the\s+moment|"
        r"the\s+time\s+being|these\s+days)|(?P<then>(?<=\bat\s)that\s+time|(?<=\bby\s)that\s+time)|"
        r"(?P<past>recently|lately|(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bfrom\s))the\s+past|"
        r"recent(?=\s+[a-zA-Z])(?!\s+(?:days|weeks|months|years|decades|times)\b)|"
        r"(?<=\bat\s)the\s+time(?!\s+(?:of|when|that|being|it|he|she|they))|"
        r"recent\s+(?:days|weeks|months|years|decades|times))|(?P<future>soon|later(?=\s*[,.;]|\s+(?!this\b|his\b|its\b)[a-z]+(?:ed|s)\b)|"
        r"the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:near|short|long|medium)[\s-]+term))\b)",
    ),
    _rule(
        "fiscal",
        r"\b(?:(?P<frel>(?i:this|last|next|current|previous|coming|prior))\s+fiscal\s+year|"
        r"(?i:fiscal)\s+(?:year\s+)?(?P<fy>"
        + YEAR
        + r"|['‘’]?\d\d)\b|FY\s?['‘’-]?(?P<fy2>"
        + YEAR
        + r"|\d\d)\b|(?P<fthe>the\s+(?:current\s+)?(?:fiscal|financial)\s+year))",
    ),
    _rule("usdate", r"(?<![\d/.])\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d\d)\b(?![/\d])"),
    _rule(
        "set",
        r"(?i:\b(?:every|each)\s+(?:(?P<sn>other|\d+|two|three|four|five|six|ten)\s+)?"
        r"(?P<su>day|week|month|year|quarter|morning|afternoon|evening|night)s?\b|"
        r"\b(?:once|twice|thrice|\d+\s+times|(?:two|three|four|five|six|ten)\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<su2>day|week|month|year)\b|\bper\s+(?P<su3>day|week|month|year)\b|"
        r"\b(?P<adv>annually|yearly)\b|(?<=[\d%]\s)a\s+(?P<su4>day|week|month|year)\b|"
        r"(?<=(?:lion|sand|cent)\s)a\s+(?P<su5>day|week|month|year)\b)|"
        r"\b(?:(?i:every)\s+(?P<swd>" + WD + r")|(?P<pwd>" + WD + r")s)\b",
    ),
    _rule(
        "dur",
        r"(?i:\b(?:(?P<dn>"
        + NUM
        + r"|\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+|several|many|a\s+few|single)[\s-]+"
        r"(?:(?:consecutive|straight|successive|trading|full|business|working|calendar)\s+)?(?P<du>"
        + _TIME_UNITS
        + r")s?\b(?![\s-]+(?:ago|later|earlier|before|after|old|of\s+age)\b)"
        r"(?<!\ba\ssecond)"
        r"(?!-old)|(?:(?<=\bfor\s)|(?<=\bover\s))(?P<xu>years|months|weeks|days|decades|hours)\b|"
        r"(?<=\bin\s)(?P<xu2>years|months|decades|minutes|hours)\b|(?<=\bover\s)the\s+(?P<xu3>years|decades)\b|"
        r"the\s+(?P<dmod>past|last|previous|next|coming)\s+(?P<du2>decade|century)\b))",
    ),
    _rule(
        "century",
        r"\b(?:the\s+)?(?:(?P<cmod>(?i:early|mid|late))[\s-]+)?(?P<cn>\d{1,2}(?:st|nd|rd|th)|"
        r"(?i:" + _ORDINALS + r"))[\s-]+century\b|\b(?P<crel>(?i:this|last))\s+century\b",
    ),
    _rule(
        "half",
        r"(?i:\b(?:the\s+)?(?P<hn>first|second|1st|2nd)[\s-]+half\b(?!\s+of\s+(?!(?:the\s+year|this\s+year|"
        r"last\s+year|next\s+year|"
        + YEAR
        + r")\b))(?:\s+of\s+(?P<hy>"
        + YEAR
        + r"|this\s+year|last\s+year|"
        r"next\s+year|the\s+year))?|\bH(?P<hd>[12])\s+(?P<hy2>" + YEAR + r")\b)",
    ),
    _rule(
        "theyear",
        r"\bthe\s+(?:(?P<tyq>entire|whole|full|same|current)\s+)?(?P<tyu>year|month|week|day)\b"
        r"(?:\s+(?P<typ>previous|before|earlier))?",
    ),
    _rule(
        "sameperiod",
        r"\bthe\s+same\s+(?P<spu>period|month|quarter|week|time|day)\s+(?:of\s+)?"
        r"(?:(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier|before)|"
        r"(?P<spy>" + YEAR + r"))\b",
    ),
)

EXTRA_KINDS = frozenset(rule.kind for rule in EXTRA_RULES)

_CAPITAL_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+\Z")
_SEASON_CUE = re.compile(
    r"(?i:\b(?:in|by|until|till|since|during|through|throughout|for|of|from|before|after|"
    r"this|last|next|early|late|mid|and|or|to)\s+(?:the\s+)?)\Z"
)
_CLOCK_CUE = re.compile(r"(?i:\b(?:at|by|around|about|until|till|before|after|from|to|since)\s+)\Z")
_FALL_CUE = re.compile(r"(?i:\b(?:in|by|until|till|during|since|through)\s+the\s+)\Z")
_YEAR_CUE = re.compile(
    r"(?i:\b(?:of|for|in|during|throughout|through|since|until|till|by|across|over|"
    r"rest\s+of|start\s+of|end\s+of|half\s+of)\s+)\Z"
)


def accept_extra(kind: str, match: re.Match[str], text: str) -> bool:
    """Whether a match of an extra rule is really a time expression."""
    start, end = match.span()
    before = text[max(0, start - 30) : start]
    after = text[end : end + 20]
    if kind == "clock":
        if match["hh"] or match["zone"] or match["ampm"] or match["ampm2"] or match["named"]:
            return True
        # A bare "3:16" needs a word that makes it a time ("at 15:00", "by 9:30").
        return bool(match["mi"] and _CLOCK_CUE.search(before) and not re.match(r"\A[.,]?\d", after))
    if kind == "season":
        word = match["season"]
        if _CAPITAL_BEFORE.search(before) and not match["smod"]:
            return False  # "Arab Spring", "Prague Spring"
        if match["sy"] or (match["smod"] and match["smod"].lower() not in ("early", "late", "mid")):
            return not re.match(r"\A\s+of\s+(?!\d)", after) or bool(match["sy"])
        if re.match(r"\A\s+(?:of|in)\b", after):
            return False  # "the fall of the city", "a fall in prices"
        if word.lower() == "fall":
            return bool(_FALL_CUE.search(before))  # "in the fall", never "the fall"
        if word[0].isupper() and not re.search(r"(?:[.!?\n]\s*|\A)\Z", before):
            return not re.match(r"\A\s+[A-Z]", after)  # "Autumn meetings", not "Summer Olympics"
        return bool(_SEASON_CUE.search(before))
    if kind == "ref":
        word = match.group().lower()
        if word == "soon":
            return not (
                re.search(r"(?i:\bas\s+)\Z", before)
                or re.match(r"(?i:\A(?:\s+(?:as|after)\b|-))", after)
            )
        if word == "now":
            # "now-defunct", "Now" as a title word, "right now" is still now.
            return not re.match(r"\A-", after)
        return True
    if kind == "fiscal":
        return True
    if kind == "usdate":
        a, b = int(match["a"]), int(match["b"])
        return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 13 <= a <= 31)
    if kind == "set":
        return True
    if kind == "dur":
        if match["dn"] and re.search(r"(?:[$£€]|\bNo\.?)\s*\Z", before):
            return False
        return not re.match(r"\A\s+(?:ago|later|earlier|old)\b", after)
    if kind == "century":
        return True
    if kind == "theyear":
        if match["tyq"] or match["typ"]:
            return not (
                match["tyq"] == "same" and not _YEAR_CUE.search(before) and match["tyu"] != "year"
            )
        return bool(_YEAR_CUE.search(before)) and not re.match(
            r"\A\s+(?:of|in|when|that|before)\b", after
        )
    return True
