"""The extractor on arbitrary and hostile text: it never raises, and every offset is honest.

Properties checked for any text hypothesis can build (free Unicode, and news-
shaped text stitched from quotes, brackets, cues, names, dates and scripts):

- ``Extractor().extract`` returns records and raises nothing;
- every statement's and time expression's offsets lie within the text, and
  its ``text`` is exactly that slice of the article; its sentence is in the text;
- the records refer only to entities and statements they contain, and survive
  a JSON round trip.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, ArticleRecords, sha256_of

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from claimgraph.loaders.pipeline import Extractor

    return Extractor()


def _article(text: str, published: date | None = date(2025, 6, 16)) -> Article:
    return Article(
        id="fuzz",
        title=None,
        published=published,
        outlet="Tidewater News",
        text=text,
        sha256=sha256_of(text),
        source="fuzz.txt",
    )


def _check(records: ArticleRecords, text: str) -> None:
    n = len(text)
    for s in records.statements:
        assert 0 <= s.start <= s.end <= n, (s.id, s.start, s.end, n)
        assert s.text == text[s.start : s.end], (s.id, s.text, text[s.start : s.end])
        assert s.sentence.strip() == "" or s.sentence in text, s.sentence
        if s.quote:
            assert all(part in text for part in s.quote.split(" ") if part), s.quote
    for t in records.times:
        assert 0 <= t.start <= t.end <= n, (t.text, t.start, t.end, n)
        assert t.text == text[t.start : t.end]
    records.check_references()
    again = ArticleRecords.from_json(records.to_json())
    assert [s.to_json() for s in again.statements] == [s.to_json() for s in records.statements]
    assert [e.to_json() for e in again.events] == [e.to_json() for e in records.events]


_FRAGMENTS = st.sampled_from(
    [
        "Orla Venn",
        "Tomas Reik",
        "the Defence Ministry",
        "Kestria's Defence Ministry",
        "Dravik",
        "the village of Kelmar",
        " said",
        " told reporters",
        " denied",
        " claimed",
        " declined to confirm",
        " according to",
        " on Tuesday",
        " the previous day",
        " on June 12",
        " since June 10",
        " overnight",
        " next week",
        " 0000-00-00",
        " 2020-13-45",
        " that",
        " the ",
        ", ",
        ". ",
        "; ",
        "\n\n",
        "\n",
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">",
        " shelled",
        " killed 12 civilians",
        " 40 minutes",
        " a strike on",
        " renamed it",
        "وقال المتحدث",
        "דובר הצבא אמר",
        "заявил",
        "国防部发言人说",
        "\u202e",
        "\u200f",
        "\u200d",
        "🚀",
        "Z\u0351\u0300a",
        "\ufeff",
        "\x00",
        "\t",
        "  ",
        "...",
        "—",
        "-",
        "'s",
        "’s",
        "<script>alert(1)</script>",
        "$param",
        "`x`",
        "'}) MATCH (n) DETACH DELETE n //",
    ]
)

_news_like = st.lists(_FRAGMENTS, max_size=80).map("".join)
_anything = st.text(max_size=400)


@FUZZ
@given(text=_anything)
def test_arbitrary_unicode_never_raises(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    _check(extractor.extract(_article(text)), text)


@FUZZ
@given(text=_news_like, dated=st.booleans())
def test_news_shaped_noise_keeps_offsets_within_the_text(extractor, text: str, dated: bool) -> None:  # type: ignore[no-untyped-def]
    _check(extractor.extract(_article(text, date(2025, 6, 16) if dated else None)), text)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    texts=st.lists(st.one_of(_news_like, _anything), min_size=1, max_size=6),
    problems=st.lists(st.integers(0, 6), max_size=3),
)
def test_extract_many_keeps_order_and_passes_problems_through(extractor, texts, problems) -> None:  # type: ignore[no-untyped-def]
    items: list[object] = [_article(t) for t in texts]
    for i, at in enumerate(sorted(problems)):
        items.insert(min(at + i, len(items)), InputProblem(f"bad-{i}.txt", "broken"))
    out = list(extractor.extract_many(items))
    assert len(out) == len(items)
    for given_item, got in zip(items, out, strict=True):
        if isinstance(given_item, InputProblem):
            assert got is given_item
        else:
            assert isinstance(got, ArticleRecords) and got.article is given_item
            _check(got, given_item.text or "")  # type: ignore[union-attr]


def test_text_over_the_parser_limit_is_refused_with_a_message(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Orla Venn said Dravik was shelled. " * (extractor.nlp.max_length // 35 + 10)
    article = _article(text)
    with pytest.raises(InputError, match="longer than"):
        extractor.extract(article)
    small = _article("Orla Venn said Dravik was shelled on Tuesday.")
    out = list(extractor.extract_many([article, small]))
    assert isinstance(out[0], InputProblem) and out[0].source == "fuzz.txt"
    assert "\n" not in str(out[0]) and "longer than" in out[0].message
    assert isinstance(out[1], ArticleRecords) and out[1].article is small
