"""Hostile and broken input through the readers: one clear line per problem, never a crash.

The corpus is generated at test time (``tests/fuzz/corpus.py``): empty and
binary files, bad encodings, impossible dates, quotes and brackets, very long
sentences, right-to-left scripts, a 50 MB article and broken JSON, JSON Lines
and CSV. Hypothesis then throws arbitrary bytes at every format.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, sha256_of
from tests.fuzz.corpus import write_big_jsonl, write_corpus

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _read(*paths: Path) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_articles(list(paths)):
        assert isinstance(item, Article | InputProblem), item
        (articles if isinstance(item, Article) else problems).append(item)  # type: ignore[arg-type]
    return articles, problems


def _check_problem(problem: InputProblem, path: Path) -> None:
    line = str(problem)
    assert "\n" not in line and "\r" not in line, line
    assert problem.source.startswith(str(path)), (problem.source, path)
    assert problem.severity in ("error", "warning")
    assert "Traceback" not in line


def _check_article(article: Article) -> None:
    assert article.text and article.text == article.text.strip()
    assert article.sha256 == sha256_of(article.text)
    assert article.id


def test_generated_corpus_reports_every_case_by_file_and_line(tmp_path: Path) -> None:
    cases = write_corpus(tmp_path / "corpus")
    began = time.monotonic()
    articles, problems = _read(tmp_path / "corpus")
    seconds = time.monotonic() - began

    said = {(p.severity, p.source) for p in problems}
    for case in cases:
        for expect in [] if case.extractor_refuses else case.expect:
            matching = [
                p for p in problems if p.source == expect.source and p.severity == expect.severity
            ]
            assert matching, f"no {expect.severity} for {expect.source}; got {sorted(said)}"
            assert any(expect.phrase in p.message for p in matching), (expect, matching)
    for p in problems:
        _check_problem(p, tmp_path / "corpus")
    # Good articles: every case's count, read once despite the symlink loop;
    # the hidden file is skipped and the over-long article is left to the extractor.
    expected_good = sum(c.good for c in cases) + sum(c.extractor_refuses for c in cases)
    assert len(articles) == expected_good, sorted(a.source or "" for a in articles)
    assert len({a.source for a in articles}) == len(articles)
    assert not any(".hidden" in (a.source or "") for a in articles)
    for a in articles:
        _check_article(a)
    # Invalid dates are warnings and leave the date empty, never a made-up day.
    by_source = {a.source: a for a in articles}
    assert by_source[str(tmp_path / "corpus" / "date-zero.txt")].published is None
    assert by_source[str(tmp_path / "corpus" / "date-month-13.txt")].published is None
    assert seconds < 60, f"reading the corpus took {seconds:.1f}s"


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".csv"]))
def test_arbitrary_bytes_in_any_format_never_crash(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    articles, problems = _read(path)
    for p in problems:
        _check_problem(p, path)
    for a in articles:
        _check_article(a)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), st.none()),
        "text": st.one_of(st.text(max_size=200), st.integers(), st.none(), _json_values),
        "published": st.one_of(
            st.text(max_size=25),
            st.dates().map(str),
            st.integers(),
            st.none(),
            st.sampled_from(
                [
                    "0000-00-00",
                    "2020-13-45",
                    "2020-02-30",
                    "9999-99-99",
                    "2020-10-04T25:61:00Z",
                    " 2020-10-04 ",
                ]
            ),
        ),
        "title": _json_values,
        "outlet": _json_values,
        "url": _json_values,
    },
)


@FUZZ
@given(lines=st.lists(st.one_of(_records, _json_values), max_size=12))
def test_jsonl_of_arbitrary_values_reports_each_bad_line(
    tmp_path: Path, lines: list[object]
) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(v) + "\n" for v in lines), encoding="utf-8")
    articles, problems = _read(path)
    for p in problems:
        _check_problem(p, path)
    for a in articles:
        _check_article(a)
    good = [
        v
        for v in lines
        if isinstance(v, dict) and isinstance(v.get("text"), str) and v["text"].strip()
    ]
    assert len(articles) == len(good)
    errors = [p for p in problems if p.severity == "error"]
    if lines:
        assert len(articles) + len(errors) == len(lines)
        for p in errors:  # a bad line names its line number
            assert p.source.rsplit(":", 1)[1].isdigit(), p.source


@FUZZ
@given(
    cells=st.lists(st.lists(st.text(max_size=30), min_size=0, max_size=4), max_size=6),
    header=st.sampled_from(["text", "id,text", "published,text,title", "title,body", ""]),
)
def test_csv_with_ragged_rows_never_crashes(
    tmp_path: Path, cells: list[list[str]], header: str
) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    for row in cells:
        writer.writerow(row)
    path = tmp_path / "rows.csv"
    path.write_text(header + "\n" + out.getvalue(), encoding="utf-8")
    articles, problems = _read(path)
    for p in problems:
        _check_problem(p, path)
    for a in articles:
        _check_article(a)


_STREAM = textwrap.dedent(
    """
    import sys, time
    from claimgraph.loaders.readers import iter_articles
    from claimgraph.schema.problems import InputProblem
    began = time.monotonic()
    good = errors = 0
    for item in iter_articles([sys.argv[1]]):
        if isinstance(item, InputProblem):
            errors += item.severity == "error"
        else:
            good += 1
    print(good, errors, round(time.monotonic() - began, 1))
    """
)

MILLION = 1_000_000


@pytest.mark.slow
def test_million_line_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    """A JSON Lines file of a million lines (one in ten broken) is read in flat memory."""
    from tests.fuzz.measure import run_measured

    path = tmp_path / "big.jsonl"
    good, bad = write_big_jsonl(path, MILLION, bad_every=10)
    size_mib = path.stat().st_size / 2**20
    result = run_measured(
        [sys.executable, "-c", _STREAM, str(path)], report=str(tmp_path / "m.json"), timeout=300
    )
    assert result.returncode == 0, result.stderr
    found_good, found_errors, seconds = result.stdout.split()
    assert (int(found_good), int(found_errors)) == (good, bad)
    print(
        f"\n{MILLION} lines ({size_mib:.0f} MiB): read in {seconds}s, peak RSS {result.peak_mib} MiB"
    )
    # Streaming: the peak stays far below the file's own size held in memory.
    assert result.peak_mib < 150, f"peak RSS {result.peak_mib} MiB for a {size_mib:.0f} MiB file"
    assert float(seconds) < 120


def test_reader_subprocess_reports_problems_without_traceback(tmp_path: Path) -> None:
    """The reading half of ``claimgraph load``: bad files give lines on stderr, never a traceback."""
    folder = tmp_path / "corpus"
    write_corpus(folder, big_article_mb=0, over_parser_limit=False)
    code = (
        "import sys\n"
        "from claimgraph.loaders.readers import iter_articles\n"
        "from claimgraph.schema.problems import InputProblem\n"
        "for item in iter_articles([sys.argv[1]]):\n"
        "    if isinstance(item, InputProblem):\n"
        "        print(f'{item.severity}: {item}', file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) >= 15
    assert all(line.split(": ", 1)[0] in ("error", "warning") for line in lines), lines
