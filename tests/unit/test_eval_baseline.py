"""The spaCy baseline the real-text suites show beside our figures."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from claimgraph.evaluation.attribution import is_attribution
from claimgraph.evaluation.baseline import Baseline, baseline_records
from claimgraph.schema.records import Article, ArticleRecords


@pytest.fixture(scope="module")
def baseline() -> Baseline:
    return Baseline()


def run(baseline: Baseline, text: str) -> ArticleRecords:
    return baseline.extract(Article(id="a", text=text))


def test_speaker_is_the_subject_and_content_follows_the_verb(baseline: Baseline) -> None:
    text = "Foreign Minister Ilse Varga said the talks would resume in Paris on Monday."
    [s] = run(baseline, text).statements
    assert s.speaker_name == "Foreign Minister Ilse Varga" and s.cue == "say"
    assert text[s.start : s.end] == s.text == "the talks would resume in Paris on Monday"
    assert is_attribution(s)


def test_content_before_the_verb_when_nothing_follows(baseline: Baseline) -> None:
    text = '"The port is closed," the ministry said.'
    [s] = run(baseline, text).statements
    assert (s.speaker_name, s.text) == ("the ministry", "The port is closed")


def test_no_speech_verb_no_statement(baseline: Baseline) -> None:
    assert not run(baseline, "The port was closed after the storm.").statements


def test_entities_are_bare_ner_mapped_to_our_types(baseline: Baseline) -> None:
    doc = baseline.nlp.make_doc(
        "Ilse Varga flew to Paris and the Alps with Kestrian officials of Orlo Bank."
    )
    labels = [(0, 2, "PERSON"), (4, 5, "GPE"), (7, 8, "LOC"), (9, 10, "NORP"), (12, 14, "ORG")]
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in labels]
    records = baseline_records(doc, Article(id="a", text=doc.text))
    assert {e.name: (e.type, e.is_actor) for e in records.entities} == {
        "Ilse Varga": ("Person", False),
        "Paris": ("Place", True),  # GPE: a place that can act
        "Alps": ("Place", False),
        "Orlo Bank": ("Organization", False),
    }  # NORP ("Kestrian") is no entity of ours
