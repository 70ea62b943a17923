"""Attribution by "according to X": X is the source, or the channel of a speaker
a verb already names. X may name no entity: "according to the company website"
is the company, "according to police records" is the records."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.loaders.attribution_core import Claim, _Finder
from claimgraph.loaders.attribution_speakers import speaker_of
from claimgraph.loaders.lexicon_cues import EVIDENCE_NOUNS, SPEAKING_NOUNS
from claimgraph.loaders.quotes import trim

__all__ = ["according_to"]


def _unnamed_by(f: _Finder, obj: Token) -> tuple[str | None, str | None]:
    """The source of "according to the company website" or "... to company statistics",
    which names no entity: a speaking or evidence noun, never "the plan" or "schedule"."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() not in SPEAKING_NOUNS | EVIDENCE_NOUNS:
        return None, None
    for c in obj.children:  # "the company website": the company speaks through it
        owner = f.resolver.entity_of(c) if c.dep_ == "compound" else None
        if owner is not None and owner.type == "Organization":
            return owner.id, owner.name
    for c in obj.children:  # "figures released by the two governments": the governments
        by = next((a for a in c.children if a.dep_ == "agent"), None) if c.dep_ == "acl" else None
        author = next((o for o in by.children if o.dep_ == "pobj"), None) if by else None
        named = speaker_of(f, author) if author is not None else (None, None)
        if named[1] is not None:
            return named
    speaker_id, speaker_name = speaker_of(f, obj)
    if speaker_name is None:  # "company statistics": evidence, which speaker_of does not take
        speaker_name = f.doc[obj.left_edge.i : obj.i + 1].text
    return speaker_id, speaker_name


def according_to(f: _Finder, sent: Span, here: list[Claim]) -> list[Claim]:
    """ "according to X": X is the source (or the channel, if a verb already names a speaker)."""
    out: list[Claim] = []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= len(f.doc):
            continue
        to = (
            f.doc[tok.i + 1] if f.doc[tok.i + 1].lower_ == "to" else tok
        )  # "according Prosecutor-General X"
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            nxt = f.doc[to.i + 1 : to.i + 6]
            obj = next((t for t in nxt if f.table.at(t.i)), None)
        if obj is None:
            continue
        ent = f.resolver.entity_of(obj) or next(
            (f.table.at(t.i) for t in obj.subtree if f.table.at(t.i)), None
        )
        pp_start = tok.idx
        pp_end = max(t.idx + len(t) for t in [obj, *obj.subtree])
        if here and ent is not None:
            for c in here:
                if ent.id not in c.via and ent.id != c.speaker:
                    c.via.append(ent.id)
            continue
        speaker_id, speaker_name = (ent.id, ent.name) if ent is not None else _unnamed_by(f, obj)
        if speaker_name is None:
            continue
        a, b = trim(f.text, sent.start_char, pp_start)
        c2, d = trim(f.text, pp_end, sent.end_char)
        start, end = (a, b) if b - a >= d - c2 else (c2, d)
        if end - start < 8:
            continue
        out.append(
            Claim(
                tok.i,
                "according to",
                speaker_id,
                speaker_name,
                start,
                end,
                sentence=(sent.start_char, sent.end_char),
                own_region=(pp_start, pp_end),
                cue_char=tok.idx,
            )
        )
    return out
