"""Helpers shared by the attribution tests: one extractor, one article, one speaker's statement."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.loaders.pipeline import Extractor
from claimgraph.schema.records import Article, ArticleRecords, Statement

PUBLISHED = date(2025, 6, 14)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def extract(extractor: Extractor, text: str, outlet: str | None = None) -> ArticleRecords:
    return extractor.extract(Article(id="t", text=text, published=PUBLISHED, outlet=outlet))


def one(records: ArticleRecords, speaker: str) -> Statement:
    found = [s for s in records.statements if s.speaker_name == speaker]
    assert found, (
        f"no statement by {speaker!r}: {[(s.speaker_name, s.text) for s in records.statements]}"
    )
    return found[0]


def via(records: ArticleRecords, s: Statement) -> list[str]:
    return [records.entity(v).name for v in s.via]
