"""Reading article records files: extract documents and JSONL, bad lines named."""

from __future__ import annotations

import json

from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.loaders.record_files import iter_record_file
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import ArticleRecords, records_to_json


def _split(items):
    records = [i for i in items if isinstance(i, ArticleRecords)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return records, problems


def test_pretty_and_one_line_documents_and_jsonl_read_the_same(tmp_path):
    batch = list(synthetic_records(3, seed=1))
    pretty = tmp_path / "records.json"
    pretty.write_text(json.dumps(records_to_json(batch), indent=2))
    compact = tmp_path / "records.txt"
    compact.write_text(json.dumps(records_to_json(batch)) + "\n")
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r.to_json()) + "\n" for r in batch) + "\n")
    for path in (pretty, compact, lines):
        records, problems = _split(list(iter_record_file(path)))
        assert problems == []
        assert [r.to_json() for r in records] == [r.to_json() for r in batch]


def test_bad_lines_are_named_and_the_rest_reads(tmp_path):
    good = [r.to_json() for r in synthetic_records(3, seed=2)]
    bad_date = json.loads(json.dumps(good[0]))
    bad_date["article"]["id"] = "bad-date"
    bad_date["statements"][0]["said_on"] = "2020-13-45"
    missing = json.loads(json.dumps(good[0]))
    missing["article"]["id"] = "missing"
    del missing["statements"][0]["text"]
    path = tmp_path / "records.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(good[0]),
                "{not json",
                json.dumps(bad_date),
                json.dumps(good[1]),
                json.dumps(missing),
                '"a string"',
                json.dumps(good[2]),
            ]
        )
        + "\n"
    )
    records, problems = _split(list(iter_record_file(path)))
    assert [r.article.id for r in records] == [g["article"]["id"] for g in good]
    assert [p.source for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:5", f"{path}:6"]
    assert "not valid JSON" in problems[0].message
    assert "2020-13-45" in problems[1].message
    assert "'text'" in problems[2].message


def test_bad_articles_in_a_document_are_named_by_index(tmp_path):
    doc = records_to_json(list(synthetic_records(2, seed=3)))
    doc["articles"].insert(1, {"article": {"title": "no id"}})
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc, indent=1))
    records, problems = _split(list(iter_record_file(path)))
    assert len(records) == 2
    assert [p.source for p in problems] == [f"{path}[1]"]


def test_missing_and_malformed_files_are_problems(tmp_path):
    ((_, missing),) = [_split(list(iter_record_file(tmp_path / "nope.jsonl")))]
    assert [p.message for p in missing] == ["no such file"]
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "articles": [\n')
    _, problems = _split(list(iter_record_file(broken)))
    assert len(problems) == 1 and problems[0].source == str(broken)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{\n "items": []\n}\n')
    _, problems = _split(list(iter_record_file(wrong)))
    assert "'articles' list" in problems[0].message


def test_a_folder_of_partitions_reads_in_name_order_and_skips_unfinished_ones(tmp_path):
    batch = list(synthetic_records(5, seed=2))
    parts = tmp_path / "records"
    parts.mkdir()
    # Written out of order; an unfinished part under its temporary name is left out.
    for index, chunk in ((1, batch[3:]), (0, batch[:3])):
        text = "".join(json.dumps(r.to_json()) + "\n" for r in chunk)
        (parts / f"part-{index:05d}.jsonl").write_text(text)
    (parts / ".part-00002.jsonl.tmp").write_text(json.dumps(batch[0].to_json()) + "\n")
    records, problems = _split(list(iter_record_file(parts)))
    assert problems == []
    assert [r.to_json() for r in records] == [r.to_json() for r in batch]


def test_a_folder_without_partitions_is_one_problem(tmp_path):
    records, problems = _split(list(iter_record_file(tmp_path)))
    assert records == []
    assert len(problems) == 1 and "no part-*.jsonl" in problems[0].message
    assert problems[0].source == str(tmp_path)
