"""find_times against MEANTIME's gold TIMEX3 (English Wikinews, CC BY 4.0).

The corpus lives outside the project (``../shared/data/meantime-en``); the
test skips when it is absent. Floors sit a little below what we measure, so a
change that loses dates fails here.

Issue #14's measure (``timex_score``): of the 304 gold DATE and TIME timexes,
259 get exactly the gold ISO-TimeML value (0.852; 0.678 before TimeML values,
with the lenient mapping below), the type is right on 0.96 of those found.
The older, narrower measure (DATE only, accuracy over matched ones, values
compared leniently): 286 DATE timexes, recall 0.93, value accuracy 0.92; on
the 236 with calendar values, recall 0.97 and value accuracy 0.95.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.loaders.timex_eval import MeantimeScore, read_meantime, score_meantime
from claimgraph.loaders.timex_score import TimemlScore, score_timeml

MEANTIME = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "meantime-en"


@pytest.fixture(scope="module")
def score() -> MeantimeScore:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    return score_meantime(read_meantime(MEANTIME))


@pytest.fixture(scope="module")
def timeml() -> TimemlScore:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    return score_timeml(read_meantime(MEANTIME))


def test_corpus_is_read_whole(score: MeantimeScore) -> None:
    assert score.documents == 120
    assert score.gold >= 280


def test_timeml_value_accuracy_over_all_gold_dates_and_times(timeml: TimemlScore) -> None:
    assert timeml.gold == 304
    assert timeml.accuracy >= 0.85
    assert timeml.type_accuracy >= 0.94


def test_timeml_figures_by_kind(timeml: TimemlScore) -> None:
    right, gold = timeml.right_by_kind, timeml.by_kind
    assert right["day"] >= 108 and gold["day"] == 120
    assert right["time"] >= 14  # clock times and parts of day
    assert right["ref"] >= 15  # PRESENT_REF, PAST_REF, FUTURE_REF
    assert right["fiscal"] + right["season"] + right["decade/century"] >= 4
    assert timeml.other_right["DURATION"] >= 32


def test_recall_of_date_timexes(score: MeantimeScore) -> None:
    assert score.recall >= 0.90
    assert score.calendar_recall >= 0.95


def test_value_accuracy_of_matched_timexes(score: MeantimeScore) -> None:
    assert score.accuracy >= 0.90
    assert score.calendar_accuracy >= 0.93


def test_precision_where_times_are_annotated(score: MeantimeScore) -> None:
    # The few expressions MEANTIME leaves untagged are mostly real ones ("currently").
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
    strict = score_timeml([doc])
    # In TimeML "since May" is May itself: all three found are exactly right.
    assert (strict.gold, strict.found, strict.right) == (4, 3, 3)
    assert strict.errors == [("tiny", "held", None, "PAST_REF")]
