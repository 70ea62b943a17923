"""The MEANTIME suite: cues, speakers, content and entity types.

Unit tests read a MEANTIME file we write (fictional Kestria) and score
hand-made records; the corpus tests run the whole suite on
``../shared/data/meantime-en`` (skipped when absent) with floors a little
below what was measured (docs/evaluation.md has the figures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.evaluation.meantime_corpus import MeantimeAnnotations, read_annotations
from claimgraph.evaluation.meantime_suite import (
    entity_type_ok,
    score_cues,
    score_meantime_names,
)
from claimgraph.evaluation.names import GoldName
from claimgraph.evaluation.suites import SuiteResult, run_suite
from claimgraph.schema.records import Article, ArticleRecords, Entity, Statement
from tests.unit.eval_corpora import MEANTIME, meantime_xml, systems

SENTENCES = [
    "Kestria talks",  # t1-2
    "March 3 , 2024",  # t3-6
    "Ilse Varga said the talks would resume .",  # t7-14: Ilse 7, Varga 8, said 9, resume 13
    "The ministry announced a deal .",  # t15-20: The 15, ministry 16, announced 17
    "Kestria is calm .",  # t21-24
    "Nothing else .",  # t25-27
    "Varga said more .",  # t28-31: sentence 6, outside the annotated region
]


def mention(tag: str, mid: int, tokens: list[int], **attrs: str) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in tokens)
    return f'<{tag} m_id="{mid}"{extra}>{anchors}</{tag}>'


MARKABLES = "".join(
    [
        mention("ENTITY_MENTION", 1, [7, 8], syntactic_type="NAM"),
        mention("ENTITY_MENTION", 2, [21], syntactic_type="NAM"),
        mention("ENTITY_MENTION", 3, [15, 16], syntactic_type="NOM"),
        mention("ENTITY_MENTION", 4, [28], syntactic_type="NAM"),
        mention("EVENT_MENTION", 10, [9], pred="say"),
        mention("EVENT_MENTION", 11, [13], pred="resume"),
        mention("EVENT_MENTION", 12, [17], pred="announce"),
        mention("EVENT_MENTION", 13, [29], pred="say"),
        '<ENTITY m_id="20" ent_type="PER" TAG_DESCRIPTOR="Ilse Varga"/>',
        '<ENTITY m_id="21" ent_type="LOC" TAG_DESCRIPTOR="Kestria"/>',
        '<ENTITY m_id="22" ent_type="ORG" TAG_DESCRIPTOR="Kestrian Foreign Ministry"/>',
        '<EVENT m_id="30" class="SPEECH_COGNITIVE" TAG_DESCRIPTOR="say"/>',
        '<EVENT m_id="31" class="OTHER" TAG_DESCRIPTOR="resume"/>',
        '<EVENT m_id="32" class="SPEECH_COGNITIVE" TAG_DESCRIPTOR="announce"/>',
    ]
)


def refers(target: int, *sources: int) -> str:
    src = "".join(f'<source m_id="{s}"/>' for s in sources)
    return f'<REFERS_TO r_id="r{target}">{src}<target m_id="{target}"/></REFERS_TO>'


def role(source: int, target: int, sem_role: str) -> str:
    return (
        f'<HAS_PARTICIPANT r_id="h{source}{target}" sem_role="{sem_role}">'
        f'<source m_id="{source}"/><target m_id="{target}"/></HAS_PARTICIPANT>'
    )


RELATIONS = "".join(
    [
        refers(20, 1, 4),
        refers(21, 2),
        refers(22, 3),
        refers(30, 10, 13),
        refers(31, 11),
        refers(32, 12),
        role(10, 1, "Arg0"),
        role(10, 11, "Arg1"),
        role(12, 3, "Arg0"),
    ]
)


@pytest.fixture
def doc(tmp_path: Path) -> MeantimeAnnotations:
    (tmp_path / "1_kestria.xml").write_text(meantime_xml(SENTENCES, MARKABLES, RELATIONS), "utf-8")
    [annotations] = read_annotations(tmp_path)
    return annotations


def test_cues_and_names_of_the_annotated_region(doc: MeantimeAnnotations) -> None:
    text = doc.document.text
    assert [text[c.span[0] : c.span[1]] for c in doc.cues] == ["said", "announced"]
    said, announced = doc.cues
    assert said.lemma == "say" and said.speaker_is_person
    assert said.speaker_names == [
        "Ilse Varga",
        "Varga",
    ]  # the mention, then the instance's other names
    assert [text[a:b] for a, b in said.content] == ["resume"]
    assert announced.speaker_names == ["The ministry", "Kestrian Foreign Ministry"]
    assert not announced.speaker_is_person and not announced.content
    assert sorted(doc.names) == [("Ilse Varga", "PER"), ("Kestria", "LOC")]


def stmt(text: str, sid: str, content: str, sentence: str, **kw: Any) -> Statement:
    start = text.index(content, text.index(sentence))
    fields: dict[str, Any] = {"speaker": None, "speaker_name": None, "cue": None}
    fields.update(kw)
    return Statement(
        id=sid,
        mode="indirect",
        text=content,
        sentence=sentence,
        start=start,
        end=start + len(content),
        **fields,
    )


def records_for(
    doc: MeantimeAnnotations, *statements: Statement, entities: list[Entity] | None = None
) -> ArticleRecords:
    return ArticleRecords(
        article=Article(id="k", text=doc.document.text),
        statements=list(statements),
        entities=entities or [],
    )


def test_cue_recall_speaker_and_content(doc: MeantimeAnnotations) -> None:
    t = doc.document.text
    s2, s3, s4 = (
        SENTENCES[2].replace(" .", "."),
        "The ministry announced a deal.",
        "Kestria is calm.",
    )
    records = records_for(
        doc,
        stmt(t, "p1", "the talks would resume", s2, speaker_name="Varga", cue="say"),
        stmt(t, "p2", "a deal", s3, speaker_name="Kestria", cue="announce"),
        stmt(t, "p3", "Kestria is calm", s4, by_outlet=True),
        stmt(t, "p4", "is calm", s4, speaker_name="Kestria", cue="say"),
    )
    score = score_cues(doc, records).to_json()
    assert score["cues"] == 2 and score["cue_recall"] == 1.0
    assert score["speech_verb_cue_recall"] == 1.0
    assert score["speaker_right"] == 0.5  # Varga by surname; Kestria is not the ministry
    assert score["content_found"] == 1.0
    assert score["cue_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert score["narration_share"] == 0.25


def test_another_cue_word_does_not_cover_but_no_cue_does(doc: MeantimeAnnotations) -> None:
    t = doc.document.text
    s2 = SENTENCES[2].replace(" .", ".")
    other = score_cues(
        doc, records_for(doc, stmt(t, "p", "the talks", s2, speaker_name="Varga", cue="tell"))
    )
    assert other.covered == 0
    bare = score_cues(doc, records_for(doc, stmt(t, "p", "the talks", s2, speaker_name="Varga")))
    assert bare.covered == 1


def test_entity_types(doc: MeantimeAnnotations) -> None:
    right = [
        Entity(id="e1", name="Varga", type="Person"),
        Entity(id="e2", name="Kestria", type="Place"),
    ]
    score = score_meantime_names(doc, records_for(doc, entities=right))
    assert (score.gold, score.found, score.right) == (2, 2, 2)
    wrong = [
        Entity(id="e2", name="Kestria", type="Place"),
        Entity(id="e3", name="Kestria", type="Organization"),
    ]
    score = score_meantime_names(doc, records_for(doc, entities=wrong))
    assert (score.found, score.right) == (1, 0)  # one name, two types: wrong


def test_a_country_acting_counts_as_an_organisation() -> None:
    org = GoldName("Kestria", "ORG")
    assert entity_type_ok(org, Entity(id="e", name="Kestria", type="Place", is_actor=True))
    assert not entity_type_ok(org, Entity(id="e", name="Kestria", type="Place"))
    assert not entity_type_ok(
        GoldName("Kestria", "LOC"), Entity(id="e", name="K", type="Organization")
    )


# ---------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def suite() -> SuiteResult:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    return run_suite("meantime", systems())


def test_corpus_counts(suite: SuiteResult) -> None:
    attribution = suite.detail["attribution"]["ours"]
    assert attribution["documents"] == 120
    assert attribution["cues"] >= 320 and attribution["speech_verb_cues"] >= 150
    assert suite.detail["entities"]["ours"]["gold"] >= 600


def rows(suite: SuiteResult) -> dict[str, Any]:
    return {r.measure.strip(): r for r in suite.rows}


def test_attribution_floors(suite: SuiteResult) -> None:
    r = rows(suite)
    assert r["cue recall, verbs of saying"].ours >= 0.55
    assert r["cue recall, verbs of saying"].baseline >= 0.72
    assert r["speaker right (covered cues with Arg0)"].ours >= 0.77
    assert r["content overlaps Arg1"].ours >= 0.90
    assert r["cue precision"].ours >= 0.82


def test_entity_floors(suite: SuiteResult) -> None:
    r = rows(suite)
    assert r["entity names found"].ours >= 0.90
    assert r["entity type right / found"].ours >= 0.72
    assert r["entity type right / found"].baseline >= 0.85
