"""Attribution: who said what. Finds speech cues in the parse and, for each,
the speaker, the content span, quotes, the channel, and the polarity.

Patterns covered (each has a unit test): "X said (that) ...", "..., X said",
quote-then-speaker and speaker-then-quote (also across sentences),
"according to X", "X told Y", "X was quoted (by Y) as saying", "Y quoted X as
saying", "X wrote on Telegram", "X tweeted", "in an interview with Z", "X
accused Y of ...", "X denied/rejected ...", "X did not confirm ...", "X
called on ...", "X urged ...".
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.loaders.attribution_core import _ANAPHORIC, Claim, _Finder, _is_cue
from claimgraph.loaders.attribution_cues import _according_to, _claim_for
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
        claims.extend(
            _according_to(
                f, sent, [c for c in claims if c.sentence == (sent.start_char, sent.end_char)]
            )
        )
    _antecedents(text_of(doc), claims)
    return claims


def _antecedents(text: str, claims: list[Claim]) -> None:
    """ "The ministry rejected the accusation": what is denied is the claim before it."""
    for i, c in enumerate(claims):
        content = text[c.start : c.end]
        if c.kind != "deny" or not (
            _ANAPHORIC.match(content) or _ANAPHORIC.match(f"the {content}")
        ):
            continue
        earlier = [p for p in claims[:i] if p.speaker != c.speaker and not p.by_outlet]
        if earlier:
            e = earlier[-1]
            if (
                e.start <= c.start < e.end
            ):  # "..., a claim Varossa denied" is not the ministry's words
                comma = text.rfind(",", e.start, c.start)
                e.start, e.end = trim(text, e.start, comma if comma > e.start else c.start)
            c.start, c.end = e.start, e.end
            c.mode, c.quote = "indirect", None
