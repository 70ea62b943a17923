"""The bulk import's CSV files are the same whether articles are encoded here or in workers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bench.corpus import iter_records, record_chunks
from claimgraph.graph.bulk_import import admin_import_command
from claimgraph.graph.bulk_import_csv import write_import_csv
from claimgraph.graph.home import ServerHome
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.records import Entity
from tests.unit.test_bulk_import_csv import _article

LOADED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_worker_processes_write_the_same_files(tmp_path: Path) -> None:
    # Shared entities across chunks, reloads, and a duplicate with other content.
    records = list(iter_records(120, seed=5)) + list(synthetic_records(40, seed=2))
    changed = _article(records[3].article.id, [Entity("e1", "Ana", "Person")], text="other")
    records += records[:4] + [changed]
    serial = write_import_csv(records, tmp_path / "one", loaded_at=LOADED_AT, batch_size=50)
    parallel = write_import_csv(
        records,
        tmp_path / "two",
        loaded_at=LOADED_AT,
        batch_size=50,
        processes=2,
        chunk_size=17,  # chunk edges fall inside batches
    )
    assert _contents(tmp_path / "one") == _contents(tmp_path / "two")
    assert len(_contents(tmp_path / "one")) > 10
    assert (serial.articles, serial.nodes_total, serial.relationships_total) == (
        parallel.articles,
        parallel.nodes_total,
        parallel.relationships_total,
    )
    assert serial.articles == 160
    assert [p.message for p in serial.problems] == [p.message for p in parallel.problems]
    assert len(serial.problems) == 1 and "different content" in serial.problems[0].message


def test_workers_can_make_their_own_records(tmp_path: Path) -> None:
    given = write_import_csv(iter_records(90, seed=4), tmp_path / "given", loaded_at=LOADED_AT)
    made = write_import_csv(
        record_chunks(90, seed=4, size=25), tmp_path / "made", loaded_at=LOADED_AT, processes=2
    )
    assert _contents(tmp_path / "given") == _contents(tmp_path / "made")
    assert made.articles == given.articles == 90


def test_multiline_parsing_only_for_files_that_need_it(tmp_path: Path) -> None:
    home = ServerHome(tmp_path / "home")
    plain = write_import_csv(iter_records(5, seed=1), tmp_path / "plain")
    assert plain.multiline == []
    assert "--multiline-fields=false" in admin_import_command("java", home, plain)
    # The fixture's statement text holds a line break.
    broken = write_import_csv([_article("a1", [Entity("e1", "Ana", "Person")])], tmp_path / "nl")
    assert [p.name for p in broken.multiline] == ["nodes_statement.csv"]
    assert "--multiline-fields=true" in admin_import_command("java", home, broken)
