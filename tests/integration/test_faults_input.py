"""``claimgraph load`` on a hostile corpus: one line per problem, good records load, memory bounded.

The corpus (``tests/fuzz/corpus.py``) is generated into a temporary folder:
empty, blank and binary files, cp1252 bytes, dates 0000-00-00 and 2020-13-45,
quotes and brackets, very long sentences, right-to-left and mixed scripts, a
50 MB article, an article over the parser's million characters, broken JSON,
CSV and JSON Lines (with a few hundred more lines, one in ten broken), a
symlink loop and a dangling link. The loader runs as a real subprocess whose
peak resident memory is read from the kernel.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fuzz.corpus import write_big_jsonl, write_corpus
from tests.fuzz.measure import claimgraph_command, run_measured

pytestmark = [pytest.mark.integration, pytest.mark.slow]

# spaCy's small model and our pipeline take about 0.6 GB; the 50 MB article must
# not be read whole and the JSON Lines must stream, so 1.5 GB is a generous ceiling.
PEAK_RSS_LIMIT_MIB = 1500
JSONL_LINES = 200

_LINE = re.compile(r"^(error|warning): (.+?): (.+)$")


def test_hostile_corpus_loads_the_good_and_names_the_bad(empty_graph, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    cases = write_corpus(folder, big_article_mb=50)
    good_lines, bad_lines = write_big_jsonl(folder / "many.jsonl", JSONL_LINES, bad_every=10)
    expected_articles = sum(c.good for c in cases) + good_lines

    run = run_measured(
        claimgraph_command("load", str(folder), "--batch-size", "7"),
        env=empty_graph.env(),
        timeout=900,
        report=str(tmp_path / "rss.json"),
    )
    print(f"\nload of the hostile corpus: {run.seconds}s, peak RSS {run.peak_mib} MiB")

    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr[-3000:]
    assert run.returncode == 1, (run.returncode, run.stderr[-2000:])  # inputs failed, said so
    problems = []
    for line in run.stderr.splitlines():
        if line.startswith("... "):  # periodic progress
            continue
        match = _LINE.match(line)
        assert match, f"not a one-line problem report: {line!r}"
        problems.append(match.groups())
    for case in cases:
        for expect in case.expect:
            assert any(
                sev == expect.severity and src == expect.source and expect.phrase in msg
                for sev, src, msg in problems
            ), f"missing {expect}"
    many = str(folder / "many.jsonl")
    jsonl_errors = [
        src for sev, src, _ in problems if sev == "error" and src.startswith(many + ":")
    ]
    assert len(jsonl_errors) == bad_lines

    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == expected_articles
    assert f"{expected_articles} new" in run.stdout
    # Invalid dates load as unknown, never as a made-up day.
    for name in ("date-zero.txt", "date-month-13.txt"):
        assert (
            empty_graph.count(
                "MATCH (a:Article {source: $s}) WHERE a.published IS NULL RETURN count(a)",
                s=str(folder / name),
            )
            == 1
        )
    # Mixed scripts survive byte for byte into statements.
    assert (
        empty_graph.count(
            "MATCH (s:Statement) WHERE s.text CONTAINS $t OR s.sentence CONTAINS $t RETURN count(s)",
            t="\u202eclaimed\u202c",
        )
        >= 1
    )
    assert run.peak_mib < PEAK_RSS_LIMIT_MIB, f"peak RSS {run.peak_mib} MiB"
