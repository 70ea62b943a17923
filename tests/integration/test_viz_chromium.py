"""The viz page in a real headless Chromium: article markup never runs.

Every tooltip element is built when the page loads, so an escaping mistake
would let an ``<img onerror>`` fire right away; the payload tries to change
the document title, which the dumped DOM shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.graph.viz import write_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_viz_page import claims_with  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")

PAYLOAD = "<img src=x onerror=\"document.title='PWNED'\"><script>document.title='PWNED2'</script>"


def rendered_title(page: Path) -> str:
    assert CHROMIUM is not None
    out = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    match = re.search(r"<title>([^<]*)</title>", out)
    assert match, out[:500]
    return match.group(1)


def test_payload_runs_in_a_raw_page(tmp_path: Path) -> None:
    # The check itself works: unescaped, the payload does change the title.
    raw = tmp_path / "raw.html"
    raw.write_text(f"<html><head><title>safe</title></head><body>{PAYLOAD}</body></html>")
    assert rendered_title(raw).startswith("PWNED")


def test_payload_stays_text_in_the_viz_page(tmp_path: Path) -> None:
    page = write_page(claims_with(PAYLOAD), tmp_path / "claims.html", "safe-title")
    assert rendered_title(page) == "safe-title"
