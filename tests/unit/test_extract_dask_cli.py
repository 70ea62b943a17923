"""``extract --dask``: what it refuses, in one line, before any cluster starts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "claimgraph" / "data" / "examples"


def test_dask_needs_an_out_folder() -> None:
    result = CliRunner().invoke(main, ["extract", str(EXAMPLES), "--dask", "local:2"])
    assert result.exit_code == 2
    assert "--dask writes JSON Lines partitions: give --out DIR" in result.output


def test_a_bad_local_address_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(EXAMPLES), "--dask", "local:many", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "expected local:N" in lines[0], result.output
    assert not (tmp_path / "o").exists()


def test_an_out_file_is_not_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    out.write_text("")
    result = CliRunner().invoke(
        main, ["extract", str(EXAMPLES), "--dask", "local:1", "--out", str(out)]
    )
    assert result.exit_code == 2 and "is not a folder" in result.output
