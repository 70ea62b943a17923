"""The real-news gold: MEANTIME-read articles, and the attribution scorer on tiny inputs.

The article here is a MEANTIME-style XML file we write ourselves (fictional
Kestria); gold offsets are computed from the rebuilt text, so no file of
../shared is needed. The two fixture gold files under ``fixtures/realnews``
annotate real MEANTIME articles by offset; their tests skip without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.errors import InputError, RecordError
from claimgraph.evaluation import evaluate, load_gold_file
from claimgraph.evaluation.attribution import is_attribution, score_attributions, token_f1
from claimgraph.evaluation.gold import shipped_gold_files, text_sha256
from claimgraph.evaluation.suites import Systems, run_suite
from claimgraph.loaders.timex_eval import read_meantime
from claimgraph.schema.records import Article, ArticleRecords, Entity, Statement
from tests.unit.eval_corpora import MEANTIME, meantime_xml

FIXTURES = Path(__file__).parent / "fixtures" / "realnews"

# One token list per sentence: title, date line, body (MEANTIME's `` '' quotes).
SENTENCES = [
    "Ferry talks resume in Kestria",
    "March 3 , 2024",
    "Foreign Minister Ilse Varga said the talks would resume on Monday .",
    "`` We are ready , '' the ministry said in a statement .",
    "According to analysts , the deal could collapse .",
    "The port was closed .",
]


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus_kestria"
    folder.mkdir()
    path = folder / "1_ferry_talks.xml"
    path.write_text(meantime_xml(SENTENCES), encoding="utf-8")
    return path


def text_of(path: Path) -> str:
    [doc] = read_meantime(path.parent)
    return doc.text


def span(text: str, part: str, after: str = "") -> tuple[int, int]:
    at = text.index(part, text.index(after) if after else 0)
    return at, at + len(part)


def gold_doc(path: Path, text: str, **article: Any) -> dict[str, Any]:
    """The real-news gold of the Kestria article, in the agreed format."""

    def attribution(
        sid: str, speaker: str | None, cue: tuple[int, int], content: tuple[int, int], **kw: Any
    ) -> dict[str, Any]:
        return {
            "id": sid,
            "speaker": speaker,
            "cue_start": cue[0],
            "cue_end": cue[1],
            "start": content[0],
            "end": content[1],
            "polarity": "asserts",
            **kw,
        }

    return {
        "format": "claimgraph-gold/1",
        "article": {
            "path": str(path),
            "base": "gold",
            "reader": "meantime",
            "published": "2024-03-03",
            "sha256": text_sha256(text),
            **article,
        },
        "split": "dev",
        "annotator": "test",
        "entities": [
            {"name": "Ilse Varga", "type": "Person", "aliases": ["Varga"]},
            {
                "name": "Kestrian Foreign Ministry",
                "type": "Organization",
                "aliases": ["the ministry"],
            },
        ],
        "entities_complete": False,
        "statements": [
            attribution(
                "a1",
                "Ilse Varga",
                span(text, "said"),
                span(text, "the talks would resume on Monday"),
                speaker_kind="named",
                mode="indirect",
                cue_type="speech_verb",
                source_start=span(text, "Foreign Minister Ilse Varga")[0],
                source_end=span(text, "Foreign Minister Ilse Varga")[1],
            ),
            attribution(
                "a2",
                "Kestrian Foreign Ministry",
                span(text, "said", "the ministry"),
                span(text, "We are ready"),
                speaker_kind="named",
                mode="direct",
                cue_type="speech_verb",
            ),
            attribution(
                "a3",
                None,
                span(text, "According to"),
                span(text, "the deal could collapse"),
                speaker_kind="unnamed",
                speaker_description="analysts",
                mode="indirect",
                cue_type="phrase",
            ),
        ],
    }


def write(tmp_path: Path, name: str, doc: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# ---------------------------------------------------------------- reading


def test_meantime_article_is_read_as_its_rebuilt_text(tmp_path: Path, article_file: Path) -> None:
    text = text_of(article_file)
    gold = load_gold_file(write(tmp_path, "g.json", gold_doc(article_file, text)))
    assert gold.reader == "meantime" and gold.split == "dev"
    assert gold.read_text() == text
    assert text.startswith("Ferry talks resume in Kestria\nMarch 3, 2024\n")
    a1 = gold.statements[0]
    assert text[a1.cue_start : a1.cue_end] == "said"  # type: ignore[misc]
    assert a1.text is None and a1.cue_type == "speech_verb"
    assert gold.statements[2].speaker is None
    assert gold.statements[2].speaker_description == "analysts"


def test_changed_article_is_refused_in_one_line_naming_the_file(
    tmp_path: Path, article_file: Path
) -> None:
    doc = gold_doc(article_file, text_of(article_file))
    doc["article"]["sha256"] = "0" * 64
    path = write(tmp_path, "g.json", doc)
    with pytest.raises(InputError) as e:
        load_gold_file(path).read_text()
    message = str(e.value)
    assert "\n" not in message and str(path) in message and "sha256" in message


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"speaker": None, "speaker_kind": "named"}, "named speaker needs a name"),
        ({"cue_type": "gesture"}, "cue_type"),
        ({"cue_start": -1}, "cue_start"),
    ],
)
def test_bad_statements_are_refused(
    tmp_path: Path, article_file: Path, change: dict[str, Any], problem: str
) -> None:
    doc = gold_doc(article_file, text_of(article_file))
    doc["statements"][0].update(change)
    with pytest.raises(RecordError, match=problem):
        load_gold_file(write(tmp_path, "g.json", doc))


def test_shipped_set_leaves_out_the_real_news_gold() -> None:
    files = shipped_gold_files()
    assert files and not any("realnews" in p.parts for p in files)


# ---------------------------------------------------------------- scoring


def statement(sid: str, text: str, part: str, after: str = "", **kw: Any) -> Statement:
    start, end = span(text, part, after)
    fields: dict[str, Any] = {
        "speaker": None,
        "speaker_name": None,
        "cue": None,
        "mode": "indirect",
    }
    fields.update(kw)
    return Statement(id=sid, text=part, start=start, end=end, **fields)


def lemmas(text: str) -> set[str]:
    return {"said": {"say"}}.get(text.lower(), {text.lower()})


@pytest.fixture
def scored(tmp_path: Path, article_file: Path) -> Any:
    text = text_of(article_file)
    gold = load_gold_file(write(tmp_path, "g.json", gold_doc(article_file, text)))
    varga = Entity(id="e1", name="Ilse Varga", type="Person")
    preds = [
        # a1 found with a wider span, speaker and cue right
        statement(
            "p1",
            text,
            "said the talks would resume",
            speaker="e1",
            speaker_name="Ilse Varga",
            cue="say",
        ),
        # a2 found through the alias "the ministry"
        statement(
            "p2", text, "We are ready", speaker_name="the ministry", cue="say", mode="direct"
        ),
        # a3 found, but a named speaker for an unnamed source and the wrong cue
        statement("p3", text, "the deal could collapse", speaker_name="Ilse Varga", cue="warn"),
        # narration: not an attribution
        statement("p4", text, "The port was closed", by_outlet=True),
        # an attribution matching nothing
        statement("p5", text, "Ferry talks resume in Kestria", speaker_name="Varga", cue="say"),
    ]
    records = ArticleRecords(article=Article(id="k", text=text), entities=[varga], statements=preds)
    return score_attributions(gold, records, text, lemmas)


def test_precision_recall_and_narration_share(scored: Any) -> None:
    assert (scored.emitted, scored.narration, scored.predicted) == (5, 1, 4)
    assert (scored.gold, scored.matched) == (3, 3)
    assert scored.precision == pytest.approx(3 / 4)
    assert scored.recall == 1.0
    assert scored.narration_share == pytest.approx(1 / 5)
    assert scored.recall_of("cue_type:speech_verb") == 1.0
    assert scored.recall_of("cue_type:phrase") == 1.0
    assert scored.recall_of("mode:direct") == 1.0


def test_speaker_cue_and_content_are_separate_figures(scored: Any) -> None:
    assert scored.speaker_right == 2  # p3 names a person for the unnamed analysts
    assert (scored.cue_found, scored.cue_gold) == (2, 3)  # "warn" is not "According to"
    wide = token_f1("the talks would resume on Monday", "said the talks would resume")
    assert wide == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert scored.content_overlap == pytest.approx((wide + 1 + 1) / 3)
    [spurious] = [d for d in scored.details if "spurious" in d]
    assert spurious["spurious"] == "p5"


def test_a_span_overlapping_less_than_half_does_not_match(
    tmp_path: Path, article_file: Path
) -> None:
    text = text_of(article_file)
    gold = load_gold_file(write(tmp_path, "g.json", gold_doc(article_file, text)))
    # Shares only "the" (3 characters) with a1's content: less than half of the shorter.
    preds = [
        statement(
            "p1", text, "Foreign Minister Ilse Varga said the", speaker_name="Ilse Varga", cue="say"
        )
    ]
    records = ArticleRecords(article=Article(id="k", text=text), statements=preds)
    score = score_attributions(gold, records, text, lemmas)
    assert (score.matched, score.predicted) == (0, 1)
    assert score.precision == 0.0 and score.recall == 0.0


def test_is_attribution() -> None:
    base: dict[str, Any] = {
        "id": "s",
        "speaker": None,
        "cue": None,
        "mode": "indirect",
        "text": "x",
    }
    assert is_attribution(Statement(speaker_name="analysts", **base))
    assert not is_attribution(Statement(speaker_name=None, **base))
    assert not is_attribution(Statement(speaker_name="Varga", by_outlet=True, **base))


# ---------------------------------------------------------------- the suite


class _Fixed(Systems):
    """Systems that return given records (no spaCy)."""

    def __init__(self, make: Any) -> None:
        super().__init__(ours=make)

    @property
    def baseline(self) -> Any:
        return lambda article: ArticleRecords(article=article)

    def lemmas(self, text: str) -> set[str]:
        return lemmas(text)


def test_suite_splits_skips_absent_articles_and_goes_on_after_a_bad_file(
    tmp_path: Path, article_file: Path
) -> None:
    text = text_of(article_file)
    root = tmp_path / "realnews"
    write(root, "dev/good.json", gold_doc(article_file, text))
    bad = gold_doc(article_file, text)
    bad["article"]["sha256"] = "f" * 64
    bad_path = write(root, "test/bad.json", bad)
    absent = gold_doc(tmp_path / "nowhere.xml", text)
    write(root, "test/absent.json", absent)

    def perfect(article: Article) -> ArticleRecords:
        preds = [
            statement(
                "p1", text, "the talks would resume on Monday", speaker_name="Ilse Varga", cue="say"
            ),
            statement("p2", text, "We are ready", speaker_name="the ministry", cue="say"),
        ]
        return ArticleRecords(article=article, statements=preds)

    result = run_suite("realnews", _Fixed(perfect), folder=root)
    assert result.missing is None
    [problem] = result.problems
    assert str(bad_path) in problem and "\n" not in problem
    rows = {r.measure: r for r in result.rows}
    assert rows["dev: recall"].ours == pytest.approx(2 / 3)
    assert rows["dev: precision"].ours == 1.0
    assert rows["dev: recall"].baseline == 0.0
    assert not any(m.startswith("test:") for m in rows)  # nothing scorable in test
    [skipped] = result.skipped
    assert "absent.json" in skipped and "nowhere.xml" in skipped
    only_test = run_suite("realnews", _Fixed(perfect), split="test", folder=root)
    assert len(only_test.problems) == 1 and not only_test.rows


def test_shipped_scorer_reads_meantime_gold_through_the_rebuilt_text(
    tmp_path: Path, article_file: Path
) -> None:
    text = text_of(article_file)
    gold = load_gold_file(write(tmp_path, "g.json", gold_doc(article_file, text)))
    seen: list[str] = []

    def extract(article: Article) -> ArticleRecords:
        seen.append(article.text or "")
        return ArticleRecords(article=article)

    [score], _ = evaluate([gold], extract=extract)
    assert seen == [text]
    assert score.statements.gold == 3 and score.statements.tp == 0


# ---------------------------------------------------------------- fixtures on real articles


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.json")), ids=lambda p: p.stem)
def test_fixture_gold_fits_its_meantime_article(path: Path) -> None:
    if not MEANTIME.is_dir():
        pytest.skip("MEANTIME corpus not available (../shared/data/meantime-en)")
    gold = load_gold_file(path)
    assert gold.split == path.parent.name
    text = gold.read_text()  # checks the sha256
    for s in gold.statements:
        assert 0 <= s.start < s.end <= len(text)
        assert s.cue_span is not None
        assert text[s.cue_start : s.cue_end].strip() == text[s.cue_start : s.cue_end]  # type: ignore[misc]
        assert not (s.cue_start < s.end and s.start < s.cue_end) or s.mode == "direct"  # type: ignore[operator]
