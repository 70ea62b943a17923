"""Incident resolution on MEANTIME's cross-document event coreference (no database).

Skips when ../shared is absent. The figures are asserted as floors a little
under what was measured (docs/queries.md gives them), so a change that makes
resolution worse on real text fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.graph.incident_meantime import evaluate, read_topic, topics
from claimgraph.graph.incident_scoring import Scores, b_cubed, conll, muc

ROOT = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "meantime-en"
    / "intra_cross-doc_annotation"
)


def test_the_scorer_on_a_worked_example() -> None:
    gold = [frozenset("abc"), frozenset("de")]
    system = [frozenset("ab"), frozenset("cde")]
    assert muc(gold, system) == Scores(2 / 3, 2 / 3)
    b3 = b_cubed(gold, system)
    assert round(b3.precision, 4) == round(11 / 15, 4) == round(b3.recall, 4)
    scores = conll(gold, system)
    assert round(float(scores["conll_f1"]), 4) == round((2 / 3 + 11 / 15 + 0.8) / 3, 4)
    assert conll(gold, gold)["conll_f1"] == 1.0


@pytest.mark.skipif(not ROOT.is_dir(), reason="../shared/data/meantime-en is not here")
def test_resolution_on_meantime_beats_singletons_at_high_precision() -> None:
    mentions = [m for t in topics(ROOT) for m in read_topic(t)]
    assert len(mentions) > 1000 and all(m.instance for m in mentions)
    scores = evaluate(ROOT)
    ours, single = scores["all"], scores["all, singletons"]
    b3 = ours["b3"]
    assert isinstance(b3, Scores)
    assert b3.precision >= 0.99  # merges are rarely wrong
    assert float(ours["conll_f1"]) >= float(single["conll_f1"]) + 0.05
    assert float(ours["conll_f1"]) > float(scores["all, same predicate"]["conll_f1"])
