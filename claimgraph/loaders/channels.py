"""Channels, dates and unnamed speakers around a speech verb: "told KNT
television", "on Telegram", "in an interview with Z", "said on Monday", and
proper-noun speakers the tagger did not name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimgraph.loaders.lexicon_titles import only_a_title
from claimgraph.schema.records import Entity

if TYPE_CHECKING:
    from claimgraph.loaders.attribution_core import _Finder

__all__ = ["channel_via", "cue_dates", "name_without_entity"]

_MEDIA_NOUNS = {
    "television",
    "tv",
    "radio",
    "channel",
    "newspaper",
    "agency",
    "broadcaster",
    "daily",
    "website",
    "station",
}
_ORG_HEADS = {
    "force",
    "forces",
    "group",
    "ministry",
    "agency",
    "service",
    "council",
    "office",
    "committee",
    "bureau",
    "battalion",
    "brigade",
    "army",
    "militia",
    "party",
    "press",
    "news",
    "today",
    "television",
    "radio",
    "line",
    "watch",
    "network",
    "company",
}


def name_without_entity(f: _Finder, subj: Token, organization: bool = False) -> Entity | None:
    """A proper-noun subject the tagger did not name: "Danel Rusk", "The Oskaryn Self-Defence Force"."""
    if subj.pos_ != "PROPN" or not subj.is_title:
        return None
    first = subj
    while (
        first.i > 0
        and f.doc[first.i - 1].dep_ in {"compound", "amod", "punct"}
        and (f.doc[first.i - 1].is_title or f.doc[first.i - 1].text == "-")
        and f.doc[first.i - 1].head.i == subj.i
    ):
        first = f.doc[first.i - 1]
    toks = list(f.doc[first.i : subj.i + 1])
    name = f.doc[first.i : subj.i + 1].text
    if not name or any(f.table.at(t.i) is not None for t in toks):
        return None
    if only_a_title([t.text for t in toks]):
        return None  # "the Apple Chief Executive Officer": the person is named elsewhere
    if organization or any(t.lower_ in _ORG_HEADS for t in toks):
        ent = f.table.add("Organization", name, None)
    elif len(toks) >= 2:
        ent = f.table.add("Person", name)
    else:
        return None
    f.table.mark(ent, toks[0].i, toks[-1].i + 1)
    return ent


def channel_via(f: _Finder, cue: Token, start: int, end: int) -> list[str]:
    """ "on Twitter", "told KNT television", "in an interview with Al Jazeera"."""
    out: list[str] = []
    for t in cue.subtree:
        if start <= t.idx < end:
            continue
        ent = f.table.at(t.i)
        if ent is None or ent.type == "Place":
            continue
        head = t.head
        path = {head.lower_, head.head.lower_, head.head.head.lower_}
        if t.dep_ in {"dobj", "dative"} and head.i == cue.i and cue.lemma_ == "tell":
            out.append(ent.id)
        elif ent.kind in {"platform", "media"} and path & {
            "on",
            "with",
            "to",
            "in",
            "by",
            "told",
            "tell",
        }:
            out.append(ent.id)
        elif path & {"interview", "with"} and ent.kind in {"media", "platform", None}:
            out.append(ent.id)
    if not out and cue.lemma_ == "tell":  # "told KNT television": the outlet inside the object
        for c in cue.children:
            if c.dep_ in {"dobj", "dative"} and not (start <= c.idx < end):
                named = next(
                    (f.table.at(t.i) for t in c.subtree if f.table.at(t.i) is not None), None
                )
                if named is None and c.pos_ in {"PROPN", "NOUN"}:
                    named = (
                        name_without_entity(f, c, organization=True) if c.pos_ == "PROPN" else None
                    )
                    if named is None:
                        toks = [t for t in c.subtree if t.i <= c.i and t.dep_ != "det"]
                        if any(t.pos_ == "PROPN" for t in toks):
                            named = f.table.add(
                                "Organization",
                                " ".join(t.text for t in toks if t.pos_ == "PROPN"),
                                "media",
                            )
                if (
                    named is not None
                    and named.type == "Place"
                    and not named.geonames_id
                    and not named.is_actor
                    and c.lower_ in _MEDIA_NOUNS
                ):
                    # "KNT television": the tagger's place is a broadcaster
                    named = f.table.retype(named, "Organization", "media")
                if named is not None and named.type == "Organization":
                    out.append(named.id)
    if not out:  # "said on KNT": a name the tagger took for a place is a broadcaster here
        for c in cue.children:
            if c.dep_ == "prep" and c.lower_ == "on":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                named = f.table.at(obj.i) if obj is not None else None
                if (
                    named is not None
                    and obj is not None
                    and named.type == "Place"
                    and obj.is_upper
                    and not named.geonames_id
                    and not named.is_actor
                ):
                    named = f.table.retype(named, "Organization", "media")
                    out.append(named.id)
    if not out:  # "wrote on X": the platform that was Twitter, named by one letter
        for t in cue.children:
            if t.dep_ == "prep" and t.lower_ == "on":
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.text == "X" and not (start <= obj.idx < end):
                    x = f.table.add("Organization", "X", "platform")
                    f.table.mark(x, obj.i, obj.i + 1)
                    out.append(x.id)
    return list(dict.fromkeys(out))


def cue_dates(cue: Token, channel_nouns: set[str]) -> list[int]:
    """Date words on the speech verb: "said on Monday", "said in an address on October 3"."""
    out: list[int] = []
    for c in cue.children:
        if c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"}:
            out.append(c.idx)
        elif c.dep_ == "prep" and c.lower_ in {"on", "in", "at", "during", "after", "earlier"}:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            if obj.ent_type_ in {"DATE", "TIME"}:
                out.append(obj.idx)
            elif obj.lower_ in channel_nouns:
                out.extend(t.idx for t in obj.subtree if t.ent_type_ in {"DATE", "TIME"})
    return out
