"""From raw claims to Statement records: nesting, continued quotes, dates,
polarity and the article's own (outlet) claims.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from claimgraph.loaders.attribution import Claim
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.lexicon import STATE_CUES
from claimgraph.loaders.narration import keep_narration, mentioned_in, outlet_statements
from claimgraph.loaders.quotes import find_quotes, text_of, trim, unconfirmed_clauses
from claimgraph.loaders.speech_acts import classify_acts
from claimgraph.schema.records import (
    Article,
    Statement,
    TimeExpression,
)

__all__ = ["build_statements", "keep_narration"]


def _distance(c: Claim) -> int:
    return max(0, c.start - c.cue_char, c.cue_char - c.end)


def _same_words_twice(doc: Doc, claims: list[Claim]) -> set[int]:
    """Quotes another speaker's claim holds exactly, claimed from another sentence.

    "..., the agency reported. / 'We will ...,' he said.": the agency's cue
    found the next quote, which belongs to the speaker next to it; two cues of
    one speaker ("hinting at it, saying, '…'") make one statement. A denial
    of the same words ("X said A, a claim Y denied") is a claim of its own.
    """
    drop: set[int] = set()
    by_span: dict[tuple[int, int, str], list[Claim]] = {}
    for c in claims:
        if c.mode == "direct":  # a reference ("rejected the accusation") points back on purpose
            by_span.setdefault((c.start, c.end, c.polarity), []).append(c)
    for same in by_span.values():
        if len(same) < 2:
            continue
        nearest = min(same, key=_distance)
        for c in same:
            sentence = doc[c.cue_i].sent
            apart = sentence.end_char <= c.start or sentence.start_char >= c.end
            if c is nearest:
                continue
            # "hinting at it, saying, '…'": one quote, one statement
            if c.speaker_name == nearest.speaker_name or apart:
                drop.add(id(c))
    return drop


def _resolve_nesting(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """ "X said Y ..., the ministry said": keep X's claim, carried via the ministry.

    An outer claim whose content holds an inner claim by someone else is a
    report of it: its speaker becomes the channel of the inner one, and both
    are kept, as X did say it; it is dropped only when it merely closes the
    inner one ("<Y said Z>, X said"). The same speaker's second
    verb ("said A, and declared B") ends the first claim where it starts; a
    relative clause ("a village Aliyev said had been captured") stays inside.
    """
    text = text_of(doc)
    drop = _same_words_twice(doc, claims)
    for outer in claims:
        if id(outer) in drop:
            continue
        inner = [
            c
            for c in claims
            if c is not outer
            and id(c) not in drop
            and c.cue_dep != "relcl-deny"
            and outer.start <= c.cue_char <= outer.end
            and c.start >= outer.start - 1
        ]
        same = [
            c for c in inner if c.speaker == outer.speaker and c.speaker_name == outer.speaker_name
        ]
        for c in same:
            if c.cue_dep == "relcl":
                drop.add(
                    id(c)
                )  # "a village Aliyev said had been captured" stays in the outer claim
        same = [c for c in same if c.cue_dep != "relcl"]
        if same:
            cut = min(min(c.start, c.cue_char) for c in same)
            if cut - outer.start >= 25:
                outer.start, outer.end = trim(text, outer.start, cut)
                if outer.mode == "mixed":  # the quoted words may have gone with the cut
                    kept = [q for q in find_quotes(text) if q[0] < outer.end and q[1] > outer.start]
                    outer.quote = " … ".join(text[a + 1 : b - 1] for a, b in kept) or None
                    outer.mode = "mixed" if kept else "indirect"
            elif all(c.cue in STATE_CUES for c in same):
                pass  # "stated that he expected ...": the statement and the state are both his
            else:  # "told Y that he could not confirm ...": the inner verb is the statement
                for c in same:
                    c.via.extend(v for v in outer.via if v not in c.via)
                drop.add(id(outer))
                continue
        # "X said the group expects ...": an unnamed inner state is X's content.
        for c in inner:
            if (
                outer.speaker is not None
                and c.speaker is None
                and c.cue in STATE_CUES
                and c.start >= outer.start
            ):
                drop.add(id(c))
        others = [
            c
            for c in inner
            if id(c) not in drop
            and c not in same
            and c.cue_dep != "relcl"
            and not (c.speaker == outer.speaker and c.speaker_name == outer.speaker_name)
        ]
        if not others:
            continue
        for c in others:
            if outer.speaker and outer.speaker != c.speaker and outer.speaker not in c.via:
                c.via.append(outer.speaker)
        # "<X said Y>, the ministry said": the outer cue follows the words it closes.
        closes = outer.cue_char >= outer.end and any(abs(c.end - outer.end) <= 3 for c in others)
        # "X said A, with analyst Y saying B": Y's words follow X's; X keeps A.
        lead = min(doc[c.cue_i].left_edge.idx for c in others)
        if (
            outer.cue not in {"report", "quote as saying"}
            and lead - outer.start >= 25
            and all(c.start >= lead for c in others)
            and outer.cue_char < outer.start
        ):
            outer.start, outer.end = trim(text, outer.start, lead)
            words = text[outer.start : outer.end].rsplit(" ", 1)
            if len(words) == 2 and words[1].lower() in {"with", "while", "as", "and", "but"}:
                outer.start, outer.end = trim(text, outer.start, outer.start + len(words[0]))
            kept = [q for q in find_quotes(text) if q[0] < outer.end and q[1] > outer.start]
            outer.quote = " … ".join(text[a + 1 : b - 1] for a, b in kept) or None
            if not kept:
                outer.mode = "indirect"
            continue
        # "X said the company expects ...", "the Times reported someone said ...":
        # X's words hold the inner claim, and X said them; both are kept, the
        # inner one carried via X. Only "<Y said Z>, X said" is Y's claim alone.
        if closes and not all(c.cue in STATE_CUES for c in others):
            drop.add(id(outer))
    return [c for c in claims if id(c) not in drop]


def _clause_start(c: Claim) -> int:
    return min(c.start, c.cue_char)


def _cue_char(c: Claim) -> int:
    return c.cue_char


def _continue_quotes(doc: Doc, claims: list[Claim]) -> None:
    """ "…," X said. "…" — a quote right after a quoted statement, in the same
    paragraph and with no speaker of its own, continues that statement."""
    text = text_of(doc)
    quotes = find_quotes(text)
    cues = [c.cue_char for c in claims]
    for c in claims:
        if c.mode != "direct":
            continue
        end = c.sentence[0] + len(text[c.sentence[0] : c.sentence[1]].rstrip())
        if c.cue_char < c.start:
            continue  # speaker-then-quote: the quote itself ran on already
        for q in quotes:
            if q[0] < end:
                continue
            gap = text[end : q[0]]
            if (
                len(gap) > 2
                or "\n" in gap
                or any(q[0] <= k < q[1] + 40 and text[q[1] : k].strip(" ,") == "" for k in cues)
            ):
                break
            if any(q[0] <= k <= _sentence_end(text, q[1]) for k in cues):
                break  # '"…," he said' — the next quote has its own cue
            c.quote = (
                f"{c.quote} {text[q[0] + 1 : q[1] - 1]}" if c.quote else text[q[0] + 1 : q[1] - 1]
            )
            c.end = q[1] - 1
            end = q[1]


def _sentence_end(text: str, i: int) -> int:
    m = re.search(r"[.!?][\"”’]?(\s|$)", text[i:])
    return i + (m.end() if m else len(text) - i)


def _after(day: date, published: date | None) -> bool:
    """A report cannot quote what was said after it was published."""
    return published is not None and day > published


def _said_on(
    c: Claim,
    times: list[TimeExpression],
    published: date | None,
    previous: list[Statement],
    contents: list[tuple[int, int]],
) -> tuple[date | None, str | None, str | None]:
    """When it was said: a date on the cue (not inside the content), else the publication date."""
    from claimgraph.loaders.timex import value_to_range

    lo, hi = c.own_region
    for t in times:  # a date hanging off the speech verb itself wins
        if t.value and any(t.start <= i < t.end for i in c.cue_dates):
            r = value_to_range(t.value)
            if r is not None and r[1] is None and not _after(r[0], published):
                return r[0], r[2] if r[2] in {"day", "part_of_day"} else "day", t.anchor
    for t in times:
        if lo <= t.start < hi and t.value and not any(a <= t.start < b for a, b in contents):
            r = value_to_range(t.value)
            if r is not None and r[1] is None and not _after(r[0], published):
                return r[0], r[2] if r[2] in {"day", "part_of_day"} else "day", t.anchor
    named = [s for s in previous if not s.by_outlet]
    if named and named[-1].speaker == c.speaker and c.speaker is not None:
        s = named[-1]  # the same speaker going on: the same occasion ("in the interview")
        if s.said_on and s.said_on_anchor != "published":
            if c.channel:
                c.via.extend(v for v in s.via if v not in c.via)
            return s.said_on, s.said_on_precision, s.said_on_anchor
    if published is None:
        return None, None, None
    return published, "day", "published"


def build_statements(
    doc: Doc, article: Article, table: EntityTable, claims: list[Claim], times: list[TimeExpression]
) -> list[Statement]:
    """Statement records for one article, in text order."""
    claims = _resolve_nesting(doc, sorted(claims, key=lambda c: c.start))
    _continue_quotes(doc, claims)
    caveats = unconfirmed_clauses(doc)
    unconfirmed = [
        (s0, s1) for a, _b, s0, s1 in caveats if a > s0
    ]  # caveats inside a reported sentence
    out: list[Statement] = []
    made: dict[int, Statement] = {}  # id(claim) -> its statement, for ``denies``
    text = text_of(doc)
    # A date inside anybody's words dates what they describe, not when anyone spoke.
    contents = [(c.start, c.end) for c in claims]
    for c in claims:  # entities merged or retyped after the claim was found
        c.speaker = table.get(c.speaker).id if c.speaker else None
        c.via = list(dict.fromkeys(table.get(v).id for v in c.via))
    for c in sorted(claims, key=lambda c: c.start):
        if (
            any(a <= c.start < b or a <= _cue_char(c) < b for a, b in unconfirmed)
            and c.polarity == "asserts"
        ):
            c.polarity = "unconfirmed"
        said_on, precision, anchor = _said_on(c, times, article.published, out, contents)
        about = [e for e in mentioned_in(doc, table, c.start, c.end) if e != c.speaker]
        out.append(
            Statement(
                id=f"{article.id}:s{len(out) + 1}",
                speaker=c.speaker,
                speaker_name=c.speaker_name,
                cue=c.cue,
                mode=c.mode,
                text=text[c.start : c.end],
                quote=c.quote,
                said_on=said_on,
                said_on_precision=precision,
                said_on_anchor=anchor,
                via=[v for v in c.via if v != c.speaker],
                about=about,
                polarity=c.polarity,
                sentence=text[c.sentence[0] : c.sentence[1]].strip(),
                start=c.start,
                end=c.end,
                cue_start=c.cue_char if c.cue else None,
                cue_end=_cue_end(doc, c) if c.cue else None,
            )
        )
        made[id(c)] = out[-1]
    out.extend(outlet_statements(doc, article, table, claims, len(out), caveats))
    classify_acts(doc, table, out)  # PLOVER speech acts; narrated acts get their doer
    out.sort(key=lambda s: s.start)
    for i, s in enumerate(out, 1):
        s.id = f"{article.id}:s{i}"
    for c in claims:  # ids are final now
        denied = made.get(id(c.denies)) if c.denies is not None else None
        if id(c) in made and denied is not None:
            made[id(c)].denies = denied.id
    return out


def _cue_end(doc: Doc, c: Claim) -> int:
    """The end of the cue's words: "said", "according to", "was quoted … as saying"."""
    tok = doc[c.cue_i]
    if c.cue == "according to" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        tok = doc[tok.i + 1]
    return tok.idx + len(tok)
