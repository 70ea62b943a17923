"""Saved web pages through ``claimgraph extract`` and ``load --dry-run`` (no database)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"


def test_a_folder_of_pages_and_text_is_extracted_and_bad_pages_are_listed(tmp_path: Path) -> None:
    for name in ("tidewater-lunsk-bridge.html", "tidewater-front-page.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    shutil.copy(PAGES / "calderin-undated-blog.html", tmp_path / "shelters.htm")
    (tmp_path / "wire.txt").write_text(
        "date 2025-06-18 Kestria's Foreign Ministry said on Wednesday that its delegation "
        "would travel to Lisombe.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["extract", str(tmp_path), "--date", "2025-06-17", "--format", "json"]
    )
    assert result.exit_code == 1, result.output  # the front page is an error
    front = tmp_path / "tidewater-front-page.html"
    assert result.stderr.splitlines() == [
        f"claimgraph extract: {tmp_path / 'shelters.htm'}: no publication date in the page; "
        "using --date 2025-06-17",
        f"claimgraph extract: {front}: no article text found (a navigation or index page?); "
        "skipped",
    ]
    articles = {Path(r["article"]["source"]).name: r for r in json.loads(result.stdout)["articles"]}
    assert set(articles) == {"tidewater-lunsk-bridge.html", "shelters.htm", "wire.txt"}
    page = articles["tidewater-lunsk-bridge.html"]
    assert page["article"]["outlet"] == "Tidewater News"
    assert page["article"]["published"] == "2025-06-19"
    assert page["article"]["url"].startswith("https://tidewater.example/")
    speakers = {s.get("speaker_name") for s in page["statements"]}
    assert "Ilona Marek" in speakers, speakers
    assert articles["shelters.htm"]["article"]["published"] == "2025-06-17"


def test_load_dry_run_counts_a_bad_page_once_in_one_line() -> None:
    # A subprocess, so that log lines reach stderr as they do in a terminal.
    page = PAGES / "tidewater-front-page.html"
    result = subprocess.run(
        [sys.executable, "-m", "claimgraph", "load", "--dry-run", str(page)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("Dry run: 0 articles, 1 failed (listed above);"), result.stdout
    # trafilatura's own log line ("discarding data") stays quiet unless -v.
    assert result.stderr.strip().splitlines() == [
        f"error: {page}: no article text found (a navigation or index page?); skipped"
    ]
