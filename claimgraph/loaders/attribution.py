"""Attribution: who said what. Finds speech cues in the parse and, for each,
the speaker, the content span, quotes, the channel, and the polarity.

Patterns covered (each has a unit test): "X said (that) ...", "..., X said",
"X's claim that ...", "issued a recommendation that ..." (attribution_nominal),
quote-then-speaker and speaker-then-quote (also across sentences),
"according to X", "X told Y", "X was quoted (by Y) as saying", "Y quoted X as
saying", "X wrote on Telegram", "X tweeted", "in an interview with Z", "X
accused Y of ...", "X denied/rejected ...", "X did not confirm ...", "X
called on ...", "X urged ...".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimgraph.loaders.attribution_according import according_to
from claimgraph.loaders.attribution_core import _ANAPHORIC, Claim, _Finder
from claimgraph.loaders.attribution_cues import _claim_for
from claimgraph.loaders.attribution_grammar import _is_cue
from claimgraph.loaders.attribution_nominal import nominal_claims
from claimgraph.loaders.attribution_stance import stance_claims
from claimgraph.loaders.channels import name_without_entity
from claimgraph.loaders.coref import Resolver
from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.quotes import text_of, trim

__all__ = ["Claim", "find_claims"]


def find_claims(doc: Doc, table: EntityTable, resolver: Resolver) -> list[Claim]:
    """Every attributed statement in the document, in text order."""
    f = _Finder(doc, table, resolver)
    claims: list[Claim] = []
    quoted = {i for a, b in f.quotes for i in range(a, b)}
    for sent in doc.sents:
        for tok in sent:
            if _is_cue(tok) and tok.idx not in quoted:
                claim = _claim_for(f, tok, sent)
                if claim is not None:
                    claims.append(claim)
        claims.extend(_colon_claims(f, sent))
        claims.extend(stance_claims(f, sent))
        here = [c for c in claims if c.sentence == (sent.start_char, sent.end_char)]
        claims.extend(n for n in nominal_claims(f, sent) if not _said_already(n, here))
        claims.extend(
            according_to(
                f, sent, [c for c in claims if c.sentence == (sent.start_char, sent.end_char)]
            )
        )
    _antecedents(text_of(doc), claims)
    return claims


def _said_already(claim: Claim, others: list[Claim]) -> bool:
    """Whether another cue of the sentence already gives these words."""
    for o in others:
        overlap = min(claim.end, o.end) - max(claim.start, o.start)
        if overlap > 0.5 * min(claim.end - claim.start, o.end - o.start):
            return True
    return False


def _colon_claims(f: _Finder, sent: Span) -> list[Claim]:
    """ "Secretary James Roche: 'No, save it.'" — a name and a colon open the words.

    Only where the sentence opens with the name (titles allowed) and the
    colon follows it at once, as in transcripts, e-mail exchanges and
    interview write-ups.
    """
    toks = [t for t in sent if not (t.is_punct and t.i == sent.start)]
    colon = next((t for t in toks[:14] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return []
    head = [t for t in f.doc[sent.start : colon.i] if not t.is_punct]
    if not head or not all(t.pos_ == "PROPN" or t.lower_ in _TITLE_GLUE for t in head):
        return []
    ent = None
    last = head[-1]
    if f.table.at(last.i) is None and len(head) >= 2 and last.is_title and head[-2].is_title:
        ent = name_without_entity(f, last)  # the name right before the colon, untagged
    if ent is None:
        ent = next(
            (e for t in reversed(head) if (e := f.table.at(t.i)) is not None and e.type != "Place"),
            None,
        )
    if ent is None:
        return []
    start, end = trim(f.text, colon.idx + 1, sent.end_char)
    mode, quote = "indirect", None
    inside = [q for q in f.quotes if q[0] >= colon.idx and q[0] - colon.idx <= 3]
    if inside:
        start, end = inside[0][0] + 1, inside[0][1] - 1
        mode, quote = "direct", f.text[start:end]
    if end - start < 8:
        return []
    return [
        Claim(
            colon.i,
            "colon",
            ent.id,
            ent.name,
            start,
            end,
            mode,
            quote,
            sentence=(sent.start_char, sent.end_char),
            own_region=(sent.start_char, colon.idx + 1),
            cue_char=colon.idx,
        )
    ]


_TITLE_GLUE = {"of", "the", "for", "and", "to", "&", "-"}


def _antecedents(text: str, claims: list[Claim]) -> None:
    """ "The ministry rejected the accusation": the denial answers a claim before it.

    The denial keeps its own words, widened to take in its cue ("rejected the
    accusation", "a claim Varossa denied"), so that no view shows the
    asserter's words as the denier's; ``denies`` points at the claim denied:
    the last claim before it by another speaker that is no denial itself,
    preferring one whose cue is the noun's verb ("the allegation" answers
    "alleged").
    """
    for i, c in enumerate(claims):
        content = text[c.start : c.end]
        if c.kind != "deny" or not (
            _ANAPHORIC.match(content) or _ANAPHORIC.match(f"the {content}")
        ):
            continue
        earlier = [
            p for p in claims[:i] if p.speaker != c.speaker and not p.by_outlet and p.kind != "deny"
        ]
        if not earlier:
            continue
        stem = _NOUN_ENDING.sub("", content.rsplit(" ", 1)[-1].lower())
        named = [p for p in earlier if len(stem) >= 4 and (p.cue or "").startswith(stem)]
        e = (named or earlier)[-1]
        if e.start <= c.start < e.end:  # "..., a claim Varossa denied" is not the ministry's words
            comma = text.rfind(",", e.start, c.start)
            e.start, e.end = trim(text, e.start, comma if comma > e.start else c.start)
        cue = _WORD.match(text, c.cue_char)
        cue_end = cue.end() if cue else c.cue_char
        c.start, c.end = trim(text, min(c.start, c.cue_char), max(c.end, cue_end))
        c.mode, c.quote = "indirect", None
        c.denies = e


# "allegations" -> "alleg", the start of the cue "allege"
_NOUN_ENDING = re.compile(r"(?:ations?|ments?|ions?|s)$")
_WORD = re.compile(r"\w+")
