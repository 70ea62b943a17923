"""Attribution on real news: predicted statements against the real-news gold.

Only attributions count as predictions: a statement in ``narration`` mode,
marked as the outlet's own (``by_outlet``) or with no speaker at all is the
article's narration; those are counted (the *narration share*) and left out
of precision. A prediction matches a gold attribution when their content
spans overlap by at least half of the shorter (characters), best overlap
first, one to one. Whether the speaker is right is a separate figure, so
recall and speaker-right can be read apart. Measures are in docs/evaluation.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.evaluation.gold import GoldArticle
from claimgraph.evaluation.matching import greedy_match, span_overlap, spans_match
from claimgraph.evaluation.statements import predicted_span, speaker_matches
from claimgraph.schema.records import ArticleRecords, Statement

__all__ = ["AttributionScore", "is_attribution", "score_attributions", "token_f1"]

_WORD = re.compile(r"\w+")


def is_attribution(s: Statement) -> bool:
    """Whether a statement attributes words to a source (not the outlet's narration)."""
    return s.mode != "narration" and not s.by_outlet and bool(s.speaker or s.speaker_name)


def token_f1(a: str, b: str) -> float:
    """F1 of the lower-cased word multisets of two texts."""
    ta, tb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    if not ta or not tb:
        return 0.0
    pool = list(tb)
    common = 0
    for w in ta:
        if w in pool:
            pool.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


@dataclass
class AttributionScore:
    """Counts for one article or, added up, a split (micro-averages)."""

    name: str
    emitted: int = 0  # every statement the system produced
    narration: int = 0  # ... of which narration or speakerless
    predicted: int = 0  # attributions predicted
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0
    content_f1: float = 0.0  # summed over matched
    cue_gold: int = 0  # matched pairs whose gold marks a cue and whose prediction has one
    cue_found: int = 0
    gold_by: dict[str, int] = field(default_factory=dict)  # "cue_type:x" / "mode:x" -> n
    matched_by: dict[str, int] = field(default_factory=dict)
    skipped: str | None = None
    # Per article: each gold attribution's fate, and the predictions that matched nothing.
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Matched / predicted attributions."""
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Matched / gold attributions."""
        return self.matched / self.gold if self.gold else None

    def recall_of(self, key: str) -> float | None:
        """Recall of one group (``"cue_type:speech_verb"``, ``"mode:direct"``)."""
        n = self.gold_by.get(key, 0)
        return self.matched_by.get(key, 0) / n if n else None

    @property
    def narration_share(self) -> float | None:
        """Narration or speakerless statements / all statements emitted."""
        return self.narration / self.emitted if self.emitted else None

    @property
    def speaker_accuracy(self) -> float | None:
        """Matched attributions whose speaker is right / matched."""
        return self.speaker_right / self.matched if self.matched else None

    @property
    def content_overlap(self) -> float | None:
        """Mean token F1 of matched content spans."""
        return self.content_f1 / self.matched if self.matched else None

    @property
    def cue_accuracy(self) -> float | None:
        """Matched pairs with a cue on both sides whose cues agree / such pairs."""
        return self.cue_found / self.cue_gold if self.cue_gold else None

    def add(self, other: AttributionScore) -> None:
        """Add another article's counts."""
        for f in ("emitted", "narration", "predicted", "gold", "matched", "speaker_right"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.content_f1 += other.content_f1
        self.cue_gold += other.cue_gold
        self.cue_found += other.cue_found
        for mine, theirs in ((self.gold_by, other.gold_by), (self.matched_by, other.matched_by)):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v

    def to_json(self) -> dict[str, Any]:
        """Counts and ratios; ratios are ``None`` where nothing was compared."""

        def r(v: float | None) -> float | None:
            return None if v is None else round(v, 4)

        out: dict[str, Any] = {
            "name": self.name,
            "emitted": self.emitted,
            "narration": self.narration,
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
            "precision": r(self.precision),
            "recall": r(self.recall),
            "recall_speech_verb": r(self.recall_of("cue_type:speech_verb")),
            "speaker_right": r(self.speaker_accuracy),
            "content_overlap": r(self.content_overlap),
            "cue_found": r(self.cue_accuracy),
            "narration_share": r(self.narration_share),
            "recall_by": {k: r(self.recall_of(k)) for k in sorted(self.gold_by)},
        }
        if self.skipped:
            out["skipped"] = self.skipped
        if self.details:
            out["details"] = self.details
        return out


_FUNCTION_WORDS = frozenset("a an the to in of on by per as".split())


def _cues_agree(predicted: str, gold_cue: str, lemmas: Callable[[str], set[str]]) -> bool:
    """A content word of our cue is a word or lemma of the gold cue ("say" / "said")."""
    ours = set(predicted.lower().split()) - _FUNCTION_WORDS
    theirs = lemmas(gold_cue) | set(_WORD.findall(gold_cue.lower()))
    return bool(ours & theirs)


def _cue_span(s: Statement, text: str, content: tuple[int, int]) -> tuple[int, int] | None:
    """Where the prediction's cue word is: nearest occurrence in its sentence, off the content."""
    if not s.cue:
        return None
    sentence_at = text.find(s.sentence, max(0, content[0] - len(s.sentence))) if s.sentence else -1
    lo, hi = (sentence_at, sentence_at + len(s.sentence)) if sentence_at >= 0 else (0, len(text))
    stem = re.escape(s.cue.lower()[: max(3, len(s.cue) - 2)])
    best = None
    for m in re.finditer(rf"\b{stem}\w*", text[lo:hi].lower()):
        span = (lo + m.start(), lo + m.end())
        if span_overlap(span, content):
            continue
        d = min(abs(span[0] - content[1]), abs(content[0] - span[1]))
        if best is None or d < best[0]:
            best = (d, span)
    return best[1] if best else None


def score_attributions(
    gold: GoldArticle,
    records: ArticleRecords,
    text: str,
    cue_lemmas: Callable[[str], set[str]] | None = None,
) -> AttributionScore:
    """Score one article's statements against its real-news gold.

    ``text`` is the text gold offsets index (for MEANTIME files, the rebuilt
    text the extractor was given). ``cue_lemmas`` turns gold cue text into
    lemmas, so that a predicted cue "say" agrees with a gold "said"; without
    it, the predicted cue is located in the sentence by its first letters.
    """
    out = AttributionScore(name=gold.name)
    body = records.article.text or ""
    delta = text.find(body) if body else -1
    out.emitted = len(records.statements)
    preds = [s for s in records.statements if is_attribution(s)]
    out.narration = out.emitted - len(preds)
    out.predicted = len(preds)
    out.gold = len(gold.statements)
    spans = [predicted_span(s, text, delta) for s in preds]
    for g in gold.statements:
        for key in (f"cue_type:{g.cue_type}", f"mode:{g.mode}"):
            out.gold_by[key] = out.gold_by.get(key, 0) + 1

    def score(gi: int, pi: int) -> float:
        span = spans[pi]
        g = gold.statements[gi]
        return spans_match((g.start, g.end), span) if span else 0.0

    pairs = greedy_match(range(len(gold.statements)), range(len(preds)), score)
    out.matched = len(pairs)
    found = dict(pairs)
    for gi, g in enumerate(gold.statements):
        if gi not in found:
            out.details.append({"gold": g.id, "found": False, "span": [g.start, g.end]})
            continue
        p, span = preds[found[gi]], spans[found[gi]]
        assert span is not None
        for key in (f"cue_type:{g.cue_type}", f"mode:{g.mode}"):
            out.matched_by[key] = out.matched_by.get(key, 0) + 1
        speaker_ok = speaker_matches(g, gold, p, records)
        out.speaker_right += speaker_ok
        f1 = token_f1(text[g.start : g.end], text[span[0] : span[1]])
        out.content_f1 += f1
        cue_ok = None
        if g.cue_span and p.cue:
            out.cue_gold += 1
            gold_cue = text[g.cue_span[0] : g.cue_span[1]]
            if cue_lemmas is not None:
                cue_ok = _cues_agree(p.cue, gold_cue, cue_lemmas)
            else:
                at = _cue_span(p, text, span)
                cue_ok = at is not None and span_overlap(at, g.cue_span) > 0
            out.cue_found += cue_ok
        out.details.append(
            {
                "gold": g.id,
                "found": True,
                "predicted_id": p.id,
                "predicted_speaker": p.speaker_name,
                "speaker_right": speaker_ok,
                "predicted_cue": p.cue,
                "cue_found": cue_ok,
                "content_f1": round(f1, 3),
            }
        )
    matched_p = set(found.values())
    out.details += [
        {"spurious": p.id, "predicted_speaker": p.speaker_name, "span": list(spans[i] or [])}
        for i, p in enumerate(preds)
        if i not in matched_p
    ]
    return out
