"""Score extracted records against gold annotations.

``score_article(gold, records, text)`` compares one article; ``evaluate``
reads and extracts every gold article and adds the counts up (micro-averages).
What the numbers mean is explained in ``docs/evaluation.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.evaluation.gold import GoldArticle, GoldEntity, GoldEvent
from claimgraph.evaluation.matching import canonical_event_type, greedy_match, name_keys
from claimgraph.evaluation.measures import PRF, Accuracy, ArticleScore
from claimgraph.evaluation.statements import entity_names, score_statements
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event

__all__ = ["PRF", "Accuracy", "ArticleScore", "score_article", "evaluate", "read_article"]


# ---------------------------------------------------------------- entities


def _gold_names(e: GoldEntity) -> set[str]:
    return name_keys([e.name, *e.aliases])


def _score_entities(gold: GoldArticle, records: ArticleRecords, out: ArticleScore) -> None:
    def score(g: GoldEntity, p: Entity) -> float:
        if not _gold_names(g) & entity_names(p):
            return 0.0
        return 2.0 if g.type == p.type else 1.0

    pairs = greedy_match(gold.entities, records.entities, score)
    correct = 0
    right_g, right_p = set(), set()
    for gi, pi in pairs:
        ok = gold.entities[gi].type == records.entities[pi].type
        out.accuracy["entity_type"].count(ok)
        correct += ok
        if ok:
            right_g.add(gi)
            right_p.add(pi)
    out.details["missed_entities"] = [
        {"name": g.name, "type": g.type} for i, g in enumerate(gold.entities) if i not in right_g
    ]
    out.details["spurious_entities"] = [
        {"name": p.name, "type": p.type} for i, p in enumerate(records.entities) if i not in right_p
    ]
    out.entities = PRF(correct, len(records.entities), len(gold.entities))


# ---------------------------------------------------------------- events


def _score_events(gold: GoldArticle, records: ArticleRecords, out: ArticleScore) -> None:
    def places(ev: Event) -> set[str]:
        keys: set[str] = set()
        for ref in [*ev.places, *ev.targets]:
            ent = next((e for e in records.entities if e.id == ref), None)
            keys |= entity_names(ent) if ent else set()
        return keys

    def gold_places(ev: GoldEvent) -> set[str]:
        keys: set[str] = set()
        for name in [*ev.places, *ev.targets]:
            gent = gold.entity(name)
            keys |= _gold_names(gent) if gent else name_keys([name])
        return keys

    def same_date(g: GoldEvent, p: Event) -> bool:
        return g.date == p.date or (p.date is not None and p.date in g.date_accept)

    def score(g: GoldEvent, p: Event) -> float:
        if canonical_event_type(g.type) != canonical_event_type(p.type):
            return 0.0
        same_day = same_date(g, p)
        gp, pp = gold_places(g), places(p)
        same_place = bool(gp & pp)
        if gp and pp and not same_place and not same_day:
            return 0.0  # another event of the same kind, elsewhere and on another day
        return 1.0 + same_day + same_place

    pairs = greedy_match(gold.events, records.events, score)
    correct = 0
    found = dict(pairs)
    for gi, pi in pairs:
        ok = same_date(gold.events[gi], records.events[pi])
        out.accuracy["event_date"].count(ok)
        correct += ok
    out.events = PRF(correct, len(records.events), len(gold.events))
    for gi, g in enumerate(gold.events):
        match = found.get(gi)
        if match is None or not same_date(g, records.events[match]):
            got = _iso(records.events[match].date) if match is not None else "not found"
            out.details["missed_events"].append(
                {
                    "gold": g.id,
                    "type": g.type,
                    "date": _iso(g.date),
                    "note": g.note or "",
                    "predicted_date": got,
                }
            )
    matched_p = set(found.values())
    out.details["spurious_events"] = [
        {"predicted_id": p.id, "type": p.type, "date": _iso(p.date), "summary": p.summary[:80]}
        for i, p in enumerate(records.events)
        if i not in matched_p
    ]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- driver


def score_article(gold: GoldArticle, records: ArticleRecords, text: str) -> ArticleScore:
    """Compare the records extracted from one article with its gold annotation.

    ``text`` is the article file's text, which gold offsets index.
    """
    out = ArticleScore(name=gold.name)
    _score_entities(gold, records, out)
    score_statements(gold, records, text, out)
    _score_events(gold, records, out)
    return out


def read_article(path: Path) -> Article:
    """The article in a file, read the way ``claimgraph load`` reads it."""
    from claimgraph.loaders.readers import iter_articles

    for item in iter_articles([path]):
        if isinstance(item, Article):
            return item
        if item.severity == "error":
            raise InputError(str(item))
    raise InputError(f"{path}: no article read")


def _default_extract() -> Callable[[Article], ArticleRecords]:
    from claimgraph.loaders.pipeline import Extractor  # heavy: loads spaCy

    return Extractor().extract


def evaluate(
    golds: Iterable[GoldArticle],
    extract: Callable[[Article], ArticleRecords] | None = None,
    read: Callable[[Path], Article] = read_article,
) -> tuple[list[ArticleScore], ArticleScore]:
    """Extract every gold article and score it; returns per-article scores and totals.

    A gold article whose file is missing (the seed outside a full checkout)
    is reported as skipped, not as zero.
    """
    scores = []
    total = ArticleScore(name="TOTAL")
    for gold in golds:
        if not gold.article_path.exists():
            scores.append(ArticleScore(name=gold.name, skipped=f"missing {gold.article_path}"))
            continue
        text = gold.read_text()
        if extract is None:
            extract = _default_extract()
        if gold.reader == "meantime":
            # The text offsets index is rebuilt from tokens; the extractor reads that text.
            article = Article(id=gold.article_path.stem, published=gold.published, text=text)
        else:
            article = read(gold.article_path)
        records = extract(article)
        score = score_article(gold, records, text)
        scores.append(score)
        total.add(score)
    return scores, total
