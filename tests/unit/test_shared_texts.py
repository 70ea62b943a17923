"""The extractor runs over every real text in ../shared without raising.

MEANTIME documents, re3d documents, the PLOVER GSR sentences and the
PETRARCH2 validation sentences: each is extracted once (shared with the
suite tests through ``eval_corpora.ours``) and every text that raises is
listed in the failure message. Skips when ../shared is absent.
"""

from __future__ import annotations

import json
import traceback
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date

import pytest

from claimgraph.schema.records import Article
from tests.unit.eval_corpora import MEANTIME, PETRARCH, PLOVER, RE3D, ours


def meantime() -> Iterator[Article]:
    from claimgraph.evaluation.meantime_corpus import read_annotations
    from claimgraph.evaluation.meantime_suite import article_for

    for doc in read_annotations(MEANTIME):
        yield article_for(doc)


def re3d() -> Iterator[Article]:
    from claimgraph.evaluation.re3d_suite import article_for, read_re3d

    for doc in read_re3d(RE3D):
        yield article_for(doc)


def plover() -> Iterator[Article]:
    for record in json.loads(PLOVER.read_text(encoding="utf-8")):
        if record.get("text"):
            published = record.get("date")
            yield Article(
                id=record["id"],
                published=date.fromisoformat(published) if published else None,
                text=record["text"],
            )


def petrarch() -> Iterator[Article]:
    for sentence in ET.parse(PETRARCH).getroot().iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        raw = sentence.get("date") or ""
        published = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])) if len(raw) == 8 else None
        yield Article(id=sentence.get("id") or "?", published=published, text=text)


CORPORA: dict[str, tuple[object, Callable[[], Iterator[Article]], int]] = {
    "meantime": (MEANTIME, meantime, 120),
    "re3d": (RE3D, re3d, 88),
    "plover-gsr": (PLOVER, plover, 300),
    "petrarch2": (PETRARCH, petrarch, 280),
}


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_extractor_raises_on_no_real_text(corpus: str) -> None:
    where, texts, at_least = CORPORA[corpus]
    if not where.exists():  # type: ignore[attr-defined]
        pytest.skip(f"{where} is not beside this clone")
    failures, count = [], 0
    for article in texts():
        count += 1
        try:
            ours(article)
        except Exception as e:
            frame = traceback.extract_tb(e.__traceback__)[-1]
            failures.append(
                f"{corpus} {article.id}: {type(e).__name__}: {e} "
                f"({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name})"
            )
    assert count >= at_least, f"only {count} texts read from {where}"
    assert not failures, f"{len(failures)} of {count} texts raise:\n" + "\n".join(failures)
