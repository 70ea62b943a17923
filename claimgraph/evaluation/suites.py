"""Evaluation suites on real text, ours beside the spaCy baseline in one run.

``run_suite(name, …)`` returns a ``SuiteResult``: a list of rows (measure,
ours, baseline, how many compared) and the full counts as JSON. Suites:

- ``realnews``: the real-news attribution gold (``data/gold/realnews/dev|test``);
- ``meantime``: cues, speakers and entity types on MEANTIME;
- ``re3d``: entity types on re3d.

A suite whose data is absent has ``missing`` set and no rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.evaluation.attribution import AttributionScore, score_attributions
from claimgraph.evaluation.gold import GoldArticle, load_gold, package_data_dir, repo_dir
from claimgraph.evaluation.names import NameScore
from claimgraph.schema.records import Article, ArticleRecords

__all__ = ["SUITES", "Row", "SuiteResult", "Systems", "run_suite", "shared_data_dir"]

SUITES = ("realnews", "meantime", "re3d")
Extract = Callable[[Article], ArticleRecords]
Progress = Callable[[int, int], None]  # (done, total)


def shared_data_dir() -> Path:
    """``../shared/data`` beside the source checkout."""
    return repo_dir().parent / "shared" / "data"


@dataclass
class Row:
    """One measure: our value, the baseline's, and how many items it was computed on."""

    measure: str
    ours: float | None
    baseline: float | None
    n: int | None = None


@dataclass
class SuiteResult:
    """What one suite measured."""

    name: str
    rows: list[Row] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    missing: str | None = None
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files left out: their data is absent

    def to_json(self) -> dict[str, Any]:
        """Rows and full counts."""
        out: dict[str, Any] = {
            "suite": self.name,
            "rows": [
                {"measure": r.measure, "ours": _r(r.ours), "baseline": _r(r.baseline), "n": r.n}
                for r in self.rows
            ],
            "detail": self.detail,
        }
        if self.missing:
            out["missing"] = self.missing
        if self.problems:
            out["problems"] = self.problems
        if self.skipped:
            out["skipped"] = self.skipped
        return out


def _div(a: int, b: int) -> float | None:
    return a / b if b else None


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


class Systems:
    """Our extractor and the baseline, each loaded on first use.

    ``ours`` replaces our extractor's ``extract``; ``bare`` is a ready
    ``Baseline`` (its model also lemmatises gold cues).
    """

    def __init__(self, ours: Extract | None = None, bare: Any = None) -> None:
        self._ours = ours
        self._bare_model = bare

    @property
    def ours(self) -> Extract:
        """Our extractor's ``extract``."""
        if self._ours is None:
            from claimgraph.loaders.pipeline import Extractor

            self._ours = Extractor().extract
        return self._ours

    @property
    def baseline(self) -> Extract:
        """The baseline's ``extract``."""
        return self._bare().extract  # type: ignore[no-any-return]

    def _bare(self) -> Any:
        if self._bare_model is None:
            from claimgraph.evaluation.baseline import Baseline

            self._bare_model = Baseline()
        return self._bare_model

    def lemmas(self, text: str) -> set[str]:
        """Lower-cased lemmas of a short text (a gold cue), by the bare spaCy model."""
        return {t.lemma_.lower() for t in self._bare().nlp(text)}


def _noop(done: int, total: int) -> None:
    pass


def _records(extract: Extract, article: Article, who: str, result: SuiteResult) -> ArticleRecords:
    """The system's records, or none (with a one-line problem) when it fails on this text."""
    try:
        return extract(article)
    except Exception as e:  # one failing text must not end the run; it scores as nothing found
        first = (str(e).splitlines() or [""])[0]
        result.problems.append(
            f"{result.name}: {article.id}: {who} failed: {type(e).__name__}: {first}"
        )
        return ArticleRecords(article=article)


# ---------------------------------------------------------------- realnews


def realnews_gold_dir() -> Path:
    """Where the real-news gold ships: ``claimgraph/data/gold/realnews``."""
    return package_data_dir() / "gold" / "realnews"


def _realnews(
    systems: Systems, progress: Progress, split: str | None, folder: Path | None
) -> SuiteResult:
    result = SuiteResult("realnews")
    root = folder or realnews_gold_dir()
    splits = [split] if split else ["dev", "test"]
    golds: list[tuple[str, GoldArticle]] = []
    for name in splits:
        if (root / name).is_dir():
            for path in sorted((root / name).glob("*.json")):
                try:
                    golds.extend((name, g) for g in load_gold([path]))
                except Exception as e:  # one bad file must not stop the rest
                    result.problems.append(str(e).splitlines()[0])
    usable = [(s, g) for s, g in golds if g.article_path.exists()]
    result.skipped = [
        f"{g.gold_path}: article {g.article_path} is absent"
        for _, g in golds
        if not g.article_path.exists()
    ]
    if not usable:
        result.missing = f"no real-news gold with its article under {root}"
        return result
    totals = {
        (s, who): AttributionScore(name=f"{s}:{who}")
        for s in splits
        for who in ("ours", "baseline")
    }
    articles: list[dict[str, Any]] = []
    for n, (s, gold) in enumerate(usable):
        progress(n, len(usable))
        try:
            text = gold.read_text()
        except Exception as e:
            result.problems.append(str(e).splitlines()[0])
            continue
        article = Article(id=gold.article_path.stem, published=gold.published, text=text)
        row: dict[str, Any] = {"split": s, "article": gold.name}
        for who, extract in (("ours", systems.ours), ("baseline", systems.baseline)):
            records = _records(extract, article, who, result)
            score = score_attributions(gold, records, text, systems.lemmas)
            totals[s, who].add(score)
            row[who] = score.to_json()
        articles.append(row)
    progress(len(usable), len(usable))
    for s in splits:
        ours, base = totals[s, "ours"], totals[s, "baseline"]
        if not ours.gold:
            continue
        counts = {
            "precision": ours.predicted,
            "recall": ours.gold,
            "recall, speech verbs": ours.gold_by.get("cue_type:speech_verb", 0),
            "speaker right": ours.matched,
            "narration share": ours.emitted,
        }
        measures: list[tuple[str, Callable[[AttributionScore], float | None]]] = [
            ("precision", lambda a: a.precision),
            ("recall", lambda a: a.recall),
            ("recall, speech verbs", lambda a: a.recall_of("cue_type:speech_verb")),
            ("speaker right", lambda a: a.speaker_accuracy),
            ("content overlap (token F1)", lambda a: a.content_overlap),
            ("cue found", lambda a: a.cue_accuracy),
            ("narration share", lambda a: a.narration_share),
        ]
        for label, get in measures:
            result.rows.append(Row(f"{s}: {label}", get(ours), get(base), counts.get(label)))
        for key in sorted(ours.gold_by):  # recall by every cue type and mode
            if key != "cue_type:speech_verb":
                kind, _, value = key.partition(":")
                result.rows.append(
                    Row(
                        f"{s}:   recall, {kind.replace('_', ' ')} {value}",
                        ours.recall_of(key),
                        base.recall_of(key),
                        ours.gold_by[key],
                    )
                )
        result.detail[s] = {"ours": ours.to_json(), "baseline": base.to_json()}
    result.detail["articles"] = articles
    return result


# ---------------------------------------------------------------- meantime


def _meantime(systems: Systems, progress: Progress, folder: Path | None) -> SuiteResult:
    from claimgraph.evaluation.meantime_corpus import read_annotations
    from claimgraph.evaluation.meantime_suite import (
        CueScore,
        article_for,
        score_cues,
        score_meantime_names,
    )

    result = SuiteResult("meantime")
    root = folder or shared_data_dir() / "meantime-en"
    if not root.is_dir():
        result.missing = f"missing {root}"
        return result
    docs = list(read_annotations(root, systems.lemmas))
    cues = {"ours": CueScore(), "baseline": CueScore()}
    names = {"ours": NameScore(), "baseline": NameScore()}
    for n, doc in enumerate(docs):
        progress(n, len(docs))
        article = article_for(doc)
        for who, extract in (("ours", systems.ours), ("baseline", systems.baseline)):
            records = _records(extract, article, who, result)
            cues[who].add(score_cues(doc, records))
            names[who].add(score_meantime_names(doc, records))
    progress(len(docs), len(docs))
    o, b = cues["ours"].to_json(), cues["baseline"].to_json()
    for key, label, n_key in (
        ("cue_recall", "cue recall (all speech/cognitive cues)", "cues"),
        ("speech_verb_cue_recall", "cue recall, verbs of saying", "speech_verb_cues"),
        ("speaker_right", "speaker right (covered cues with Arg0)", "speakers_compared"),
        ("content_found", "content overlaps Arg1", "contents_compared"),
        ("cue_precision", "cue precision", "predicted"),
        ("narration_share", "narration share", None),
    ):
        result.rows.append(Row(label, o[key], b[key], o[n_key] if n_key else None))
    _name_rows(result, names, ("PER", "ORG", "LOC"))
    result.detail = {
        "attribution": {"ours": o, "baseline": b},
        "entities": {k: v.to_json() for k, v in names.items()},
    }
    return result


def _name_rows(result: SuiteResult, names: dict[str, NameScore], kinds: Iterable[str]) -> None:
    o, b = names["ours"], names["baseline"]
    result.rows.append(Row("entity names found", o.recall, b.recall, o.gold))
    result.rows.append(Row("entity type right / found", o.accuracy, b.accuracy, None))
    for kind in kinds:
        og, of, orr = o.by_type.get(kind, [0, 0, 0])
        bg, bf, br = b.by_type.get(kind, [0, 0, 0])
        if kind == "Nationality":  # found only as the right node: report right / gold
            label, ours, base = "  Nationality: country node present", _div(orr, og), _div(br, bg)
        else:
            label, ours, base = f"  {kind}: type right / found", _div(orr, of), _div(br, bf)
        result.rows.append(Row(label, ours, base, og))


# ---------------------------------------------------------------- re3d


def _re3d(systems: Systems, progress: Progress, folder: Path | None) -> SuiteResult:
    result = SuiteResult("re3d")
    root = folder or shared_data_dir() / "re3d"
    if not root.is_dir():
        result.missing = f"missing {root}"
        return result
    from claimgraph.evaluation.re3d_suite import article_for, read_re3d, score_re3d_names
    from claimgraph.loaders.gazetteer import get_gazetteer

    gaz = get_gazetteer()

    def country_of(adjective: str) -> str | None:
        place = gaz.country(adjective)
        return place.name if place else None

    docs = list(read_re3d(root))
    names = {"ours": NameScore(), "baseline": NameScore()}
    unmapped = 0
    for n, doc in enumerate(docs):
        progress(n, len(docs))
        article = article_for(doc)
        for who, extract in (("ours", systems.ours), ("baseline", systems.baseline)):
            records = _records(extract, article, who, result)
            score, left_out = score_re3d_names(doc, records, country_of)
            names[who].add(score)
        unmapped += left_out
    progress(len(docs), len(docs))
    _name_rows(result, names, ("Person", "Organisation", "Location", "Nationality"))
    result.detail = {
        "documents": len(docs),
        "nationalities_without_country": unmapped,
        "entities": {k: v.to_json() for k, v in names.items()},
    }
    return result


def run_suite(
    name: str,
    systems: Systems | None = None,
    progress: Progress | None = None,
    split: str | None = None,
    folder: str | Path | None = None,
) -> SuiteResult:
    """Run one suite (``realnews``, ``meantime``, ``re3d``) for ours and the baseline.

    ``folder`` overrides where the suite's data is read from; ``split``
    (``dev``/``test``) restricts ``realnews``.
    """
    systems = systems or Systems()
    progress = progress or _noop
    where = Path(folder) if folder else None
    if name == "realnews":
        return _realnews(systems, progress, split, where)
    if name == "meantime":
        return _meantime(systems, progress, where)
    if name == "re3d":
        return _re3d(systems, progress, where)
    raise ValueError(f"unknown suite {name!r}: choose one of {', '.join(SUITES)}")
