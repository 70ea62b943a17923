"""iter_articles: every format, and every problem reported without stopping the batch."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from claimgraph.loaders import readers_records
from claimgraph.loaders.readers import iter_articles, split_date_header
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, article_id_for, sha256_of

BODY = (
    "Officials in the port city said on Saturday that two ferries had been held.\n\n"
    "The harbour master declined to comment."
)


def read(*paths: str | Path, **kwargs: object) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_articles(list(paths), **kwargs):  # type: ignore[arg-type]
        (articles if isinstance(item, Article) else problems).append(item)  # type: ignore[arg-type]
    return articles, problems


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ------------------------------------------------------------- text files


def test_text_with_date_header(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f" date 2020-10-04 {BODY}")
    [article], problems = read(path)
    assert problems == []
    assert article.published == date(2020, 10, 4)
    assert article.text == BODY
    assert article.id == article_id_for(BODY)
    assert article.sha256 == sha256_of(BODY)
    assert article.source == str(path)
    assert article.title is None  # the first line is a sentence, not a headline


def test_header_date_wins_over_the_option_and_option_fills_plain_text(tmp_path: Path) -> None:
    dated = write(tmp_path / "a.txt", f"date 2020-10-04\n{BODY}")
    plain = write(tmp_path / "b.txt", BODY)
    articles, problems = read(dated, plain, published=date(2021, 1, 1), outlet="Harbour Post")
    assert problems == []
    assert [a.published for a in articles] == [date(2020, 10, 4), date(2021, 1, 1)]
    assert {a.outlet for a in articles} == {"Harbour Post"}


def test_headline_is_taken_from_a_short_unpunctuated_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"date 2020-10-04\nFerries Held In Port Dispute\n\n{BODY}")
    [article], _ = read(path)
    assert article.title == "Ferries Held In Port Dispute"
    assert article.text.startswith("Ferries Held")  # the text keeps it, offsets stay true


@pytest.mark.parametrize("bad", ["0000-00-00", "2020-13-45", "2021-02-29"])
def test_invalid_header_date_is_a_warning_and_leaves_published_empty(
    tmp_path: Path, bad: str
) -> None:
    path = write(tmp_path / "a.txt", f"date {bad} {BODY}")
    [article], [problem] = read(path)
    assert article.published is None
    assert article.text == BODY  # the bad header is not left in the text
    assert problem.severity == "warning"
    assert bad in problem.message
    assert str(problem).startswith(f"{path}: ")


def test_missing_date_is_a_warning(tmp_path: Path) -> None:
    [article], [problem] = read(write(tmp_path / "a.txt", BODY))
    assert article.published is None
    assert problem.severity == "warning"
    assert "no publication date" in problem.message


def test_text_starting_with_the_word_date_is_not_a_header() -> None:
    assert split_date_header("Date palms burned in the oasis.") == (
        None,
        "Date palms burned in the oasis.",
    )
    assert split_date_header("  Date: 2020-10-04\nBody") == ("2020-10-04", "Body")


def test_empty_binary_and_non_utf8_files(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "  \n")
    header_only = write(tmp_path / "header.txt", "date 2020-10-04\n")
    binary = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = write(
        tmp_path / "latin.txt", "date 2020-10-04 Caf\xe9 owners protested.".encode("latin-1")
    )
    good = write(tmp_path / "good.txt", f"date 2020-10-04 {BODY}")
    articles, problems = read(empty, header_only, binary, latin, good)
    assert [a.source for a in articles] == [str(latin), str(good)]
    assert articles[0].text == "Caf\ufffd owners protested."
    by_source = {p.source: p for p in problems}
    assert by_source[str(empty)].severity == "error"
    assert "empty" in by_source[str(empty)].message
    assert by_source[str(header_only)].severity == "error"
    assert "binary" in by_source[str(binary)].message
    assert by_source[str(latin)].severity == "warning"
    assert "UTF-8" in by_source[str(latin)].message


def test_file_over_the_size_limit_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers_records, "MAX_ARTICLE_BYTES", 100)
    big = write(tmp_path / "big.txt", "date 2020-10-04 " + "word " * 100)
    small = write(tmp_path / "small.txt", "date 2020-10-04 Short report.")
    articles, [problem] = read(big, small)
    assert [a.source for a in articles] == [str(small)]
    assert problem.source == str(big)
    assert "larger than 100 bytes" in problem.message


def test_missing_and_unreadable_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", BODY)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    articles, problems = read(tmp_path / "nope.txt", locked)
    assert articles == []
    assert [p.severity for p in problems] == ["error", "error"]
    assert "no such file" in problems[0].message
    assert problems[1].message == "cannot read: Permission denied"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(f"date 2020-10-04 {BODY}".encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    [article], problems = read("-")
    assert problems == []
    assert (article.source, article.published) == ("<stdin>", date(2020, 10, 4))


# ------------------------------------------------------------- JSON Lines, JSON, CSV


def test_jsonl_reports_bad_lines_and_keeps_going(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Ferries held", "published": "2020-10-04", "text": BODY,
                    "url": "https://example.org/a1", "outlet": "Harbour Post"}),
        "",
        "{not json",
        json.dumps({"id": "a2", "published": "2020-10-04"}),
        json.dumps(["a list"]),
        json.dumps({"text": "Undated report.", "published": "0000-00-00"}),
        json.dumps({"text": "Timestamped report.", "published": "2020-10-04T08:30:00Z"}),
    ]  # fmt: skip
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles, problems = read(path, outlet="Fallback")
    assert [a.id for a in articles] == [
        "a1",
        article_id_for("Undated report."),
        article_id_for("Timestamped report."),
    ]
    first = articles[0]
    assert (first.title, first.url, first.outlet, first.source) == (
        "Ferries held",
        "https://example.org/a1",
        "Harbour Post",
        f"{path}:1",
    )
    assert articles[1].published is None and articles[1].outlet == "Fallback"
    assert articles[2].published == date(2020, 10, 4)
    assert [(p.source, p.severity) for p in problems] == [
        (f"{path}:3", "error"),
        (f"{path}:4", "error"),
        (f"{path}:5", "error"),
        (f"{path}:6", "warning"),
    ]
    assert "bad JSON" in problems[0].message
    assert "'text'" in problems[1].message


def test_jsonl_over_long_line_is_skipped_without_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers_records, "MAX_ARTICLE_BYTES", 200)
    huge = json.dumps({"text": "x" * 5000, "published": "2020-10-04"})
    ok = json.dumps({"text": "A short one.", "published": "2020-10-04"})
    path = write(tmp_path / "b.jsonl", f"{huge}\n{ok}\n")
    [article], [problem] = read(path)
    assert article.source == f"{path}:2"
    assert problem.source == f"{path}:1"


def test_jsonl_streams(tmp_path: Path) -> None:
    path = write(
        tmp_path / "many.jsonl",
        "".join(
            json.dumps({"text": f"Report {i}.", "published": "2020-10-04"}) + "\n"
            for i in range(500)
        ),
    )
    stream = iter_articles([path])
    first = next(stream)
    assert isinstance(first, Article) and first.text == "Report 0."
    assert sum(1 for _ in stream) == 499


def test_json_object_and_list(tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", json.dumps({"text": BODY, "date": "2020-10-04"}))
    many = write(
        tmp_path / "many.json",
        json.dumps([{"id": "x", "text": "First."}, "oops", {"id": "y", "text": "Second."}]),
    )
    broken = write(tmp_path / "broken.json", "[{")
    articles, problems = read(one, many, broken, published=date(2020, 1, 1))
    assert [(a.source, a.published) for a in articles] == [
        (str(one), date(2020, 10, 4)),
        (f"{many}[0]", date(2020, 1, 1)),
        (f"{many}[2]", date(2020, 1, 1)),
    ]
    assert [p.source for p in problems] == [f"{many}[1]", str(broken)]


def test_csv_with_line_numbers_and_multiline_cells(tmp_path: Path) -> None:
    content = (
        "ID,Title,Published,Text,Outlet\n"
        'c1,Port dispute,2020-10-04,"Two ferries held.\nOwners protest.",Harbour Post\n'
        "c2,,2020-13-45,Bad date here.,\n"
        "c3,,2020-10-05,,\n"
    )
    path = write(tmp_path / "batch.csv", content)
    articles, problems = read(path)
    assert [(a.id, a.source) for a in articles] == [("c1", f"{path}:2"), ("c2", f"{path}:4")]
    assert articles[0].text == "Two ferries held.\nOwners protest."
    assert articles[1].published is None
    assert [(p.source, p.severity) for p in problems] == [
        (f"{path}:4", "warning"),
        (f"{path}:5", "error"),
    ]


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "id,body\n1,hello\n")
    articles, [problem] = read(path)
    assert articles == [] and "'text' column" in problem.message


# ------------------------------------------------------------- folders


def test_folder_is_walked_sorted_recursively_skipping_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "date 2020-10-02 Second report.")
    write(root / "a" / "z.txt", "date 2020-10-01 First report.")
    write(root / ".hidden.txt", "date 2020-10-01 Hidden.")
    write(root / ".git" / "x.txt", "date 2020-10-01 Hidden too.")
    write(root / "notes.md", "Not an article.")
    write(root / "c.jsonl", json.dumps({"text": "Third report.", "published": "2020-10-03"}) + "\n")
    articles, problems = read(root)
    assert problems == []
    assert [a.text for a in articles] == ["First report.", "Second report.", "Third report."]


def test_symlink_loops_are_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "inner" / "a.txt", "date 2020-10-01 Only once.")
    (root / "inner" / "loop").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "inner", target_is_directory=True)
    articles, _ = read(root)
    assert [a.text for a in articles] == ["Only once."]


def test_the_seed_article_reads_with_its_date(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seed data not available")
    [article] = [a for a in iter_articles([seeds]) if isinstance(a, Article)]
    assert article.published == date(2020, 10, 4)
    assert not article.text.startswith("date")
