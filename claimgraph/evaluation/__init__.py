"""Scoring extraction against hand-made gold annotations (``claimgraph eval``).

The gold format is described in ``docs/gold-format.md``; the measures in
``docs/evaluation.md``. ``run_suite`` scores real text (the real-news gold,
MEANTIME, re3d), ours beside a spaCy baseline.
"""

from claimgraph.evaluation.gold import (
    GoldArticle,
    GoldEntity,
    GoldEvent,
    GoldStatement,
    gold_files,
    load_gold,
    load_gold_file,
)
from claimgraph.evaluation.scoring import (
    PRF,
    Accuracy,
    ArticleScore,
    evaluate,
    read_article,
    score_article,
)
from claimgraph.evaluation.suites import SUITES, SuiteResult, Systems, run_suite

__all__ = [
    "SUITES",
    "PRF",
    "Accuracy",
    "ArticleScore",
    "GoldArticle",
    "GoldEntity",
    "GoldEvent",
    "GoldStatement",
    "evaluate",
    "gold_files",
    "load_gold",
    "load_gold_file",
    "read_article",
    "SuiteResult",
    "Systems",
    "run_suite",
    "score_article",
]
