"""The MEANTIME suite: attribution cues and entity types on 120 Wikinews articles.

Attribution. Every SPEECH_COGNITIVE event mention in the annotated region is
a gold cue. A predicted attribution (``is_attribution``) *covers* it when its
sentence contains the cue token and either its cue word is the cue's lemma
or, for a prediction without a cue, at all; cues and predictions are paired
one to one, cue-word agreement first. On covered cues: *speaker right* (the
Arg0 participant's names — the mention, its entity instance's name, the
instance's other names — agree with our speaker, surname rule for persons)
and *content found* (our content span overlaps the Arg1 or SLINK target).
*Cue precision*: predicted attributions in the annotated region that cover a
gold cue / all of them there.

Entities. Distinct PER/ORG/LOC names (NAM mentions) of the annotated region
against the document's entities (``names.score_names``): PER is Person, LOC
is Place, ORG is Organization or a Place that acts (a country's government).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.evaluation.attribution import is_attribution
from claimgraph.evaluation.matching import greedy_match, names_agree, span_overlap
from claimgraph.evaluation.meantime_corpus import MeantimeAnnotations, MeantimeCue
from claimgraph.evaluation.names import GoldName, NameScore, score_names
from claimgraph.evaluation.statements import entity_names
from claimgraph.schema.records import Article, ArticleRecords, Entity, Statement

__all__ = ["CueScore", "article_for", "entity_type_ok", "score_cues", "score_meantime_names"]

_SPEECH_LEMMAS = frozenset(
    "say tell state add announce claim report explain note declare comment reply respond "
    "write ask warn confirm deny insist argue acknowledge admit".split()
)


# Words of multi-word cues ("according to") and mentions that match nothing by themselves.
_FUNCTION_WORDS = frozenset("a an and of or the to in on by as per was were is".split())


def article_for(doc: MeantimeAnnotations) -> Article:
    """The article the extractor is given: the rebuilt text, dated by the DCT."""
    d = doc.document
    return Article(id=d.name, title=d.text.split("\n", 1)[0], published=d.dct, text=d.text)


@dataclass
class CueScore:
    """MEANTIME attribution counts (one document or the corpus)."""

    documents: int = 0
    cues: int = 0
    covered: int = 0
    speech_cues: int = 0  # cues whose lemma is a verb of saying
    speech_covered: int = 0
    with_speaker: int = 0  # covered cues with an Arg0 participant
    speaker_right: int = 0
    with_content: int = 0  # covered cues with an Arg1/SLINK target
    content_found: int = 0
    predicted: int = 0  # attributions in the annotated region
    predicted_on_cue: int = 0
    emitted: int = 0  # statements in the annotated region
    narration: int = 0
    misses: list[tuple[str, int, int]] = field(default_factory=list)

    def add(self, other: CueScore) -> None:
        """Add another document's counts."""
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
        self.misses += other.misses

    def to_json(self) -> dict[str, Any]:
        """Counts and ratios."""

        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "documents": self.documents,
            "cues": self.cues,
            "cue_recall": ratio(self.covered, self.cues),
            "speech_verb_cues": self.speech_cues,
            "speech_verb_cue_recall": ratio(self.speech_covered, self.speech_cues),
            "speaker_right": ratio(self.speaker_right, self.with_speaker),
            "speakers_compared": self.with_speaker,
            "content_found": ratio(self.content_found, self.with_content),
            "contents_compared": self.with_content,
            "cue_precision": ratio(self.predicted_on_cue, self.predicted),
            "predicted": self.predicted,
            "narration_share": ratio(self.narration, self.emitted),
        }


def _sentence_span(s: Statement, text: str) -> tuple[int, int]:
    if s.sentence:
        at = text.find(s.sentence, max(0, s.start - len(s.sentence) - 1))
        if at >= 0 and at <= s.start:
            return at, at + len(s.sentence)
    return s.start, s.end


def _speaker_names(s: Statement, records: ArticleRecords) -> list[str]:
    names = [s.speaker_name] if s.speaker_name else []
    ent = next((e for e in records.entities if e.id == s.speaker), None) if s.speaker else None
    return names + (sorted(entity_names(ent)) if ent else [])


def score_cues(doc: MeantimeAnnotations, records: ArticleRecords) -> CueScore:
    """Cue recall, speaker right, content found and cue precision for one document."""
    text, limit = doc.document.text, doc.document.annotated_until
    out = CueScore(documents=1)
    region = [s for s in records.statements if s.start < limit]
    out.emitted = len(region)
    preds = [s for s in region if is_attribution(s)]
    out.narration = out.emitted - len(preds)
    out.predicted = len(preds)
    sentences = [_sentence_span(s, text) for s in preds]

    def score(cue: MeantimeCue, pi: int) -> float:
        if not span_overlap(sentences[pi], cue.span):
            return 0.0
        p = preds[pi]
        if not p.cue:
            return 1.0
        words = {p.cue.lower(), *p.cue.lower().split()} - _FUNCTION_WORDS
        cue_text = text[cue.span[0] : cue.span[1]].lower()
        return 2.0 if words & (cue.lemmas | {cue.lemma, cue_text}) else 0.0

    pairs = greedy_match(doc.cues, range(len(preds)), score)
    out.cues = len(doc.cues)
    out.covered = out.predicted_on_cue = len(pairs)
    found = dict(pairs)
    for ci, cue in enumerate(doc.cues):
        speech = bool((cue.lemmas | {cue.lemma}) & _SPEECH_LEMMAS)
        out.speech_cues += speech
        if ci not in found:
            out.misses.append((doc.document.name, *cue.span))
            continue
        out.speech_covered += speech
        p = preds[found[ci]]
        if cue.speaker_names:
            out.with_speaker += 1
            out.speaker_right += names_agree(
                _speaker_names(p, records), cue.speaker_names, cue.speaker_is_person
            )
        if cue.content:
            out.with_content += 1
            out.content_found += any(span_overlap((p.start, p.end), c) for c in cue.content)
    return out


def entity_type_ok(gold: GoldName, e: Entity) -> bool:
    """MEANTIME's PER/ORG/LOC against our types; a country acting counts as ORG."""
    if gold.type == "PER":
        return e.type == "Person"
    if gold.type == "LOC":
        return e.type == "Place"
    return e.type == "Organization" or (e.type == "Place" and e.is_actor)


def score_meantime_names(doc: MeantimeAnnotations, records: ArticleRecords) -> NameScore:
    """Entity-type figures for one MEANTIME document."""
    gold = [GoldName(name, kind) for name, kind in doc.names]
    return score_names(gold, records.entities, entity_type_ok)
