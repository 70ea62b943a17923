"""The synthetic corpus: reproducible, readable by the readers, records that match the text."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import iter_corpus, main, write_corpus
from claimgraph.graph.writer_rows import article_rows
from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.records import Article, ArticleRecords


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    write_corpus(40, tmp_path / "a", seed=5, records=tmp_path / "a.jsonl")
    main(
        [
            "--articles",
            "40",
            "--out",
            str(tmp_path / "b"),
            "--seed",
            "5",
            "--records",
            str(tmp_path / "b.jsonl"),
        ]
    )
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    write_corpus(40, tmp_path / "c", seed=6)
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_articles_are_independent_of_the_range_asked_for() -> None:
    whole = [a.content for a in iter_corpus(12, seed=2)]
    tail = [a.content for a in iter_corpus(4, seed=2, start=8)]
    assert whole[8:] == tail


def test_files_read_back_as_dated_articles_with_the_records_ids(tmp_path: Path) -> None:
    write_corpus(15, tmp_path, seed=9)
    read = [a for a in iter_articles([str(tmp_path)]) if isinstance(a, Article)]
    assert len(read) == 15
    by_name = {a.name: a.records for a in iter_corpus(15, seed=9)}
    for article in read:
        records = by_name[Path(article.source or "").name]
        assert article.published == records.article.published
        assert article.id == records.article.id
        assert article.text == records.article.text


def test_records_describe_the_text() -> None:
    kinds = {"direct": 0, "indirect": 0}
    polarities: set[str] = set()
    renamed = 0
    for article in iter_corpus(60, seed=4):
        records: ArticleRecords = article.records
        records.check_references()
        article_rows(records)  # the writer accepts them
        text = records.article.text or ""
        for s in records.statements:
            assert text[s.start : s.end] == s.sentence
            if s.quote:
                assert s.quote in s.sentence
            kinds[s.mode] += 1
            polarities.add(s.polarity)
        renamed += sum(len(e.renamed) for e in records.entities)
        assert records.events and all(ev.claimed_by for ev in records.events)
    assert kinds["direct"] and kinds["indirect"]
    assert polarities == {"asserts", "denies", "unconfirmed"}
    assert renamed > 0


def test_actors_recur_across_articles_with_stable_keys() -> None:
    seen: dict[str, set[str]] = {}
    for article in iter_corpus(50, seed=4):
        for e in article.records.entities:
            seen.setdefault(e.key, set()).add(article.records.article.id)
    recurring = [k for k, ids in seen.items() if len(ids) > 5]
    assert len(recurring) > 10
    assert any(k.startswith("place:geonames:") for k in seen)  # real gazetteer towns
