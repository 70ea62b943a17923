"""Attribution by a stance adjective: "X is concerned that ...", "the minister was
confident the talks would succeed". The subject holds the view the clause gives,
as with "X fears that ..." or "X believes ..."."""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.loaders.attribution_core import Claim, _Finder
from claimgraph.loaders.attribution_grammar import _subject
from claimgraph.loaders.attribution_speakers import QUESTION_WORDS, speaker_of
from claimgraph.loaders.lexicon_cues import STANCE_ADJECTIVES
from claimgraph.loaders.quotes import span_chars, trim

__all__ = ["stance_claims"]

_LINKING = frozenset({"be", "remain", "seem", "appear", "feel", "become"})


def stance_claims(f: _Finder, sent: Span) -> list[Claim]:
    """Claims of the sentence's stance adjectives with a clause of their own."""
    out: list[Claim] = []
    for adj in sent:
        if (
            adj.lower_ not in STANCE_ADJECTIVES
            or adj.dep_ != "acomp"
            or adj.head.lemma_ not in _LINKING
        ):
            continue
        clause = next((c for c in adj.children if c.dep_ == "ccomp"), None)
        if clause is None or any(c.dep_ == "neg" for c in (*adj.children, *adj.head.children)):
            continue  # "is not sure the plan works": no view either way
        if clause.left_edge.lower_ in QUESTION_WORDS:
            continue  # "was unsure whether ...": a question
        subj = _subject(adj.head)
        if subj is None or subj.lower_ in {"it", "there", "this"}:
            continue  # "it is certain that ...": the writer's aside
        speaker, name = speaker_of(f, subj)
        if speaker is None and name is None:
            continue
        start, end = trim(f.text, *span_chars(list(clause.subtree)))
        if end - start < 8:
            continue
        out.append(
            Claim(
                adj.i,
                adj.lower_,
                speaker,
                name,
                start,
                end,
                sentence=(sent.start_char, sent.end_char),
                own_region=(sent.start_char, sent.end_char),
                cue_char=adj.idx,
                cue_dep=adj.dep_,
            )
        )
    return out
