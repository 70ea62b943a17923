"""Ctrl-C in a terminal while ``claimgraph load --processes 2`` extracts and writes.

A terminal sends SIGINT to the whole foreground process group: the loader and
its extraction processes. The loader must still stop after the batch in
flight, exit 130 without a traceback and leave no process behind; the same
command run again loads the rest.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus

pytestmark = pytest.mark.integration

ARTICLES = 300


def _load(graph: Any, texts: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "claimgraph", "load", str(texts), "--processes", "2"]
    return subprocess.Popen(
        [*command, "--batch-size", "5"],
        env=graph.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal job has
        # A shell may have started us with SIGINT ignored; the loader must see Ctrl-C.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_ctrl_c_with_extraction_processes_stops_cleanly(empty_graph: Any, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    write_corpus(ARTICLES, texts, seed=31)
    proc = _load(empty_graph, texts)
    try:
        empty_graph.wait_for_articles(proc, 10, timeout=180, poll=0.1)
        os.killpg(proc.pid, signal.SIGINT)
        first, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    message = err.decode()
    assert proc.returncode == 130, message[-2000:]
    assert "interrupted after writing" in message
    assert "Traceback" not in message
    with pytest.raises(ProcessLookupError):  # no extraction process left running
        os.killpg(proc.pid, 0)
    written = empty_graph.count("MATCH (a:Article) RETURN count(a)")
    assert 10 <= written < ARTICLES

    again = _load(empty_graph, texts)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err.decode()[-2000:]
    assert f"{written} skipped" in out.decode()
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == ARTICLES
    # The graph holds what the two runs say they created: nothing twice, nothing lost.
    created = [_created(first.decode()), _created(out.decode())]
    assert (
        empty_graph.count("MATCH (n) RETURN count(n)"),
        empty_graph.count("MATCH ()-[r]->() RETURN count(r)"),
    ) == tuple(map(sum, zip(*created, strict=True)))


def _created(summary: str) -> tuple[int, int]:
    found = re.search(r"Created (\d+) nodes and (\d+) relationships", summary)
    assert found, summary
    return int(found[1]), int(found[2])
