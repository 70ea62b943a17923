"""Matching predicted statements to gold ones: speaker, span, then attributes."""

from __future__ import annotations

from datetime import date
from typing import Any

from claimgraph.evaluation.gold import GoldArticle, GoldStatement
from claimgraph.evaluation.matching import (
    greedy_match,
    name_keys,
    spans_match,
    surname,
    token_jaccard,
)
from claimgraph.evaluation.measures import PRF, ArticleScore
from claimgraph.schema.records import ArticleRecords, Entity, Statement

__all__ = ["score_statements", "entity_names", "speaker_matches", "predicted_span"]


def entity_names(e: Entity) -> set[str]:
    """Normalised name and aliases of a predicted entity."""
    return name_keys([e.name, *e.aliases])


def predicted_span(s: Statement, text: str, delta: int) -> tuple[int, int] | None:
    """The statement's span in the article file's coordinates, as precise as we can get.

    Extractors index ``Article.text`` (the body without the date header); the
    gold indexes the whole file, hence ``delta``. When the statement's own
    text lies inside its span (a content span inside a sentence span), the
    narrower span is used.
    """
    window = (s.start + delta, s.end + delta) if s.end > s.start and delta >= 0 else None
    for candidate in (s.text, s.quote):
        if not candidate:
            continue
        if window:
            at = text.find(candidate, window[0], window[1])
        else:
            at = text.find(candidate)
        if at >= 0:
            return at, at + len(candidate)
    return window


def _speaker_names(s: Statement, records: ArticleRecords) -> list[str]:
    names = [s.speaker_name] if s.speaker_name else []
    if s.speaker:
        ent = next((e for e in records.entities if e.id == s.speaker), None)
        if ent is not None:
            names += [ent.name, *ent.aliases]
    return names


def _is_outlet(s: Statement) -> bool:
    return s.by_outlet or (s.speaker is None and not s.speaker_name)


def speaker_matches(
    g: GoldStatement, gold: GoldArticle, s: Statement, records: ArticleRecords
) -> bool:
    """Whether prediction ``s`` names the gold statement's speaker (aliases, surname rule)."""
    if g.speaker_kind == "outlet":
        return _is_outlet(s)
    predicted = name_keys(_speaker_names(s, records))
    if g.speaker_kind == "unnamed":
        if s.by_outlet:
            return False
        if s.speaker is None and not s.speaker_name:
            return True
        described = name_keys([g.speaker or g.speaker_description])
        wanted = {w for k in described for w in k.split() if len(w) > 2}
        return any(wanted & set(k.split()) for k in predicted)
    assert g.speaker is not None
    ent = gold.entity(g.speaker)
    names = [g.speaker, *(ent.aliases if ent else []), *([ent.name] if ent else [])]
    keys = name_keys(names)
    if predicted & keys:
        return True
    if ent is not None and ent.type == "Person":
        surnames = {surname(n) for n in names} - {None}
        # "Hovhannisian" alone, or a name with a title in front of it.
        return any(k in surnames or any(k.endswith(" " + full) for full in keys) for k in predicted)
    return False


def _via_matches(
    g: GoldStatement, gold: GoldArticle, s: Statement, records: ArticleRecords
) -> bool:
    predicted = []
    for ref in s.via:
        ent = next((e for e in records.entities if e.id == ref), None)
        predicted.append(entity_names(ent) if ent else name_keys([ref]))
    wanted = []
    for name in g.via:
        gent = gold.entity(name)
        wanted.append(name_keys([gent.name, *gent.aliases]) if gent else name_keys([name]))
    if len(predicted) != len(wanted):
        return False
    return all(any(w & p for p in predicted) for w in wanted)


def score_statements(
    gold: GoldArticle, records: ArticleRecords, text: str, out: ArticleScore
) -> None:
    body = records.article.text or ""
    delta = text.find(body) if body else -1
    spans = [predicted_span(s, text, delta) for s in records.statements]
    at = {s.id: i for i, s in enumerate(records.statements)}

    def score(gi: int, pi: int) -> float:
        g, p = gold.statements[gi], records.statements[pi]
        if not speaker_matches(g, gold, p, records):
            return 0.0
        span = spans[pi]
        if span is not None:
            # the gold gives a denial of "the accusation" the words it denies
            denied = spans[at[p.denies]] if p.denies in at else None
            return max(spans_match((g.start, g.end), x) for x in (span, denied) if x)
        jac = token_jaccard(text[g.start : g.end], p.text)
        return jac if jac >= 0.5 else 0.0

    pairs = greedy_match(range(len(gold.statements)), range(len(records.statements)), score)
    out.statements = PRF(len(pairs), len(records.statements), len(gold.statements))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gold.statements[gi], records.statements[pi]
        checks: dict[str, tuple[Any, Any, bool]] = {
            "said_on": (g.said_on, p.said_on, gold.said_on_ok(g, p.said_on)),
            "polarity": (g.polarity, p.polarity, g.polarity == p.polarity),
            "mode": (g.mode, p.mode, g.mode == p.mode),
        }
        if g.mode is None:
            del checks["mode"]  # the outlet's own claim reports nobody's words
        for what, (want, got, ok) in checks.items():
            out.accuracy[what].count(ok)
            if not ok:
                out.details["mismatched"].append(
                    {
                        "gold": g.id,
                        "field": what,
                        "gold_value": _plain(want),
                        "predicted": _plain(got),
                        "predicted_id": p.id,
                    }
                )
        via_ok = _via_matches(g, gold, p, records)
        out.accuracy["via"].count(via_ok)
        if not via_ok:
            out.details["mismatched"].append(
                {
                    "gold": g.id,
                    "field": "via",
                    "gold_value": g.via,
                    "predicted": [_ref_name(r, records) for r in p.via],
                    "predicted_id": p.id,
                }
            )
    for gi, g in enumerate(gold.statements):
        if gi not in matched_g:
            out.details["missed"].append(
                {
                    "gold": g.id,
                    "speaker": g.speaker,
                    "span": [g.start, g.end],
                    "note": g.note or text[g.start : g.end][:120],
                }
            )
    for pi, p in enumerate(records.statements):
        if pi not in matched_p:
            out.details["spurious"].append(
                {"predicted_id": p.id, "speaker": p.speaker_name, "text": p.text[:120]}
            )


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _ref_name(ref: str, records: ArticleRecords) -> str:
    ent = next((e for e in records.entities if e.id == ref), None)
    return ent.name if ent else ref
