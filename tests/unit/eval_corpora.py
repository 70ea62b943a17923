"""Helpers for the real-text evaluation tests: ../shared/data, and each text extracted once.

The MEANTIME and re3d suite tests and ``test_shared_texts`` all run our
extractor over the same documents; ``ours`` keeps what it returned (or
raised) for the rest of the session, so every text is parsed once.
"""

from __future__ import annotations

import functools
from pathlib import Path

from claimgraph.evaluation.suites import Systems
from claimgraph.schema.records import Article, ArticleRecords

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
MEANTIME = SHARED_DATA / "meantime-en"
RE3D = SHARED_DATA / "re3d"
PLOVER = SHARED_DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
PETRARCH = SHARED_DATA / "petrarch2-validation" / "PETR.UnitTest.records.xml"

_done: dict[tuple[str, str], ArticleRecords | Exception] = {}


@functools.cache
def _extractor():  # type: ignore[no-untyped-def]
    from claimgraph.loaders.pipeline import Extractor

    return Extractor()


@functools.cache
def _baseline():  # type: ignore[no-untyped-def]
    from claimgraph.evaluation.baseline import Baseline

    return Baseline()


def ours(article: Article) -> ArticleRecords:
    """Our extractor's records for an article, computed once per session (errors re-raised)."""
    key = (article.id, article.text or "")
    if key not in _done:
        try:
            _done[key] = _extractor().extract(article)
        except Exception as e:  # kept, so the crash is reported by every test that meets it
            _done[key] = e
    got = _done[key]
    if isinstance(got, Exception):
        raise got
    return got


def systems() -> Systems:
    """Ours (memoised) and the baseline, as the suites take them."""
    return Systems(ours=ours, bare=_baseline())


def meantime_xml(sentences: list[str], markables: str = "", relations: str = "") -> str:
    """A MEANTIME file holding these sentences (tokens split on blanks, ``t_id`` from 1)."""
    tokens, n = [], 0
    for s, sentence in enumerate(sentences):
        for word in sentence.split():
            n += 1
            tokens.append(f'<token number="{n - 1}" sentence="{s}" t_id="{n}">{word}</token>')
    return (
        '<?xml version="1.0" ?><Document doc_id="1" doc_name="tiny" lang="en">\n'
        + "\n".join(tokens)
        + f"\n<Markables>{markables}</Markables><Relations>{relations}</Relations></Document>\n"
    )
