"""Ctrl-C in a terminal while ``claimgraph load --processes 2`` extracts and writes.

A terminal sends SIGINT to the whole foreground process group: the loader and
its extraction processes. The loader must still stop after the batch in
flight, exit 130 without a traceback and leave no process behind; the same
command run again loads the rest. ``import-bulk`` stopped while it reads its
input must leave the server and its database as they were.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus
from claimgraph.graph.home import ServerHome
from claimgraph.graph.server import is_running

pytestmark = pytest.mark.integration

ARTICLES = 300


def _load(graph: Any, texts: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "claimgraph", "load", str(texts), "--processes", "2"]
    return _job([*command, "--batch-size", "5"], graph.env())


def _job(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command,
        env=env,
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
    first, message = _ctrl_c(proc, lambda: empty_graph.wait_for_articles(proc, 10, 180, 0.1))
    assert "interrupted after writing" in message
    written = empty_graph.count("MATCH (a:Article) RETURN count(a)")
    assert 10 <= written < ARTICLES

    again = _load(empty_graph, texts)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err.decode()[-2000:]
    assert f"{written} skipped" in out.decode()
    assert empty_graph.count("MATCH (a:Article) RETURN count(a)") == ARTICLES
    # The graph holds what the two runs say they added: nothing twice, nothing lost.
    created = [_created(first.decode()), _created(out.decode())]
    assert (
        empty_graph.count("MATCH (n) RETURN count(n)"),
        empty_graph.count("MATCH ()-[r]->() RETURN count(r)"),
    ) == tuple(map(sum, zip(*created, strict=True)))


def _created(summary: str) -> tuple[int, int]:
    """Nodes and relationships a run added, net: the incident pass rebuilds incidents."""
    found = re.search(
        r"Created (\d+) nodes and (\d+) relationships \(deleted (\d+) and (\d+)\)", summary
    )
    assert found, summary
    return int(found[1]) - int(found[3]), int(found[2]) - int(found[4])


def test_ctrl_c_while_import_bulk_reads_changes_nothing(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    write_corpus(2 * ARTICLES, texts, seed=37)  # tens of seconds of extraction
    home = tmp_path / "home"
    command = [sys.executable, "-m", "claimgraph", "import-bulk", str(texts), "--processes", "2"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    proc = _job([*command, "--home", str(home)], env)

    def extracting() -> None:
        # Extraction is under way once both extraction processes have started.
        deadline = time.monotonic() + 180
        while len(_group(proc.pid)) < 3:
            assert proc.poll() is None, proc.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, "the extraction processes did not start"
            time.sleep(0.1)
        time.sleep(2)

    _, message = _ctrl_c(proc, extracting)
    assert "nothing was imported, the graph is unchanged" in message
    assert is_running(ServerHome(home)) is None
    assert not (home / "neo4j" / "data" / "databases" / "neo4j").exists()


def _ctrl_c(proc: subprocess.Popen[bytes], ready: Callable[[], None]) -> tuple[bytes, str]:
    """Once ``ready`` returns, Ctrl-C the job; its stdout and stderr, once it stopped cleanly."""
    try:
        ready()
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    message = err.decode()
    assert proc.returncode == 130, message[-2000:]
    assert "Traceback" not in message
    # No worker process left running. A helper that has exited but that no one
    # reaped yet (a zombie: the job's parent is gone, and a container's init
    # may never reap) is not running.
    deadline = time.monotonic() + 10
    while _running(_group(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running(_group(proc.pid)) == []
    return out, message


def _running(pids: list[int]) -> list[int]:
    """The processes of ``pids`` that have not exited (state other than Z, zombie)."""
    alive = []
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if stat.rsplit(")", 1)[1].split()[0] != "Z":
            alive.append(pid)
    return alive


def _group(pgid: int) -> list[int]:
    """Processes in process group ``pgid`` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    members.append(int(entry.name))
            except ProcessLookupError:
                continue
    return members
