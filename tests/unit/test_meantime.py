"""find_times against MEANTIME's gold TIMEX3 (English Wikinews, CC BY 4.0).

The corpus lives outside the project (``../shared/data/meantime-en``); the
test skips when it is absent. Floors sit a little below what we measure, so a
change that loses dates fails here. Measured: 286 DATE timexes, recall 0.80,
value accuracy 0.89; on the 236 with calendar values, recall 0.93 and value
accuracy 0.92.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.loaders.timex_eval import MeantimeScore, read_meantime, score_meantime

MEANTIME = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "meantime-en"


@pytest.fixture(scope="module")
def score() -> MeantimeScore:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    return score_meantime(read_meantime(MEANTIME))


def test_corpus_is_read_whole(score: MeantimeScore) -> None:
    assert score.documents == 120
    assert score.gold >= 280


def test_recall_of_date_timexes(score: MeantimeScore) -> None:
    assert score.recall >= 0.77
    assert score.calendar_recall >= 0.90


def test_value_accuracy_of_matched_timexes(score: MeantimeScore) -> None:
    assert score.accuracy >= 0.86
    assert score.calendar_accuracy >= 0.89


def test_precision_where_times_are_annotated(score: MeantimeScore) -> None:
    assert score.precision >= 0.95


_TINY = """<?xml version="1.0" ?><Document doc_id="1" doc_name="tiny" lang="en">
<token number="0" sentence="0" t_id="1">Ferry</token>
<token number="1" sentence="0" t_id="2">held</token>
<token number="2" sentence="1" t_id="3">October</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2020</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">sailed</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Friday</token>
<token number="10" sentence="2" t_id="11">and</token>
<token number="11" sentence="2" t_id="12">in</token>
<token number="12" sentence="2" t_id="13">the</token>
<token number="13" sentence="2" t_id="14">80s</token>
<token number="14" sentence="2" t_id="15">since</token>
<token number="15" sentence="2" t_id="16">May</token>
<token number="16" sentence="2" t_id="17">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2020-10-04">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2020-10-02"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="198"><token_anchor t_id="14"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2020-05"><token_anchor t_id="16"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="5" type="DATE" value="PAST_REF"><token_anchor t_id="2"/></TIMEX3>
</Markables></Document>
"""


def test_scoring_on_a_tiny_document(tmp_path: Path) -> None:
    (tmp_path / "tiny.xml").write_text(_TINY, encoding="utf-8")
    [doc] = read_meantime(tmp_path)
    assert doc.text == "Ferry held\nOctober 4, 2020\nIt sailed on Friday and in the 80s since May."
    assert str(doc.dct) == "2020-10-04"
    result = score_meantime([doc])
    # Friday, the 80s (gold "198") and "since May" (a range starting at the gold month) match;
    # the PAST_REF on "held" is not found.
    assert (result.gold, result.found, result.correct) == (4, 3, 3)
    assert (result.calendar_gold, result.calendar_found) == (3, 3)
