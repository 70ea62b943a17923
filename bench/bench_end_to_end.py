"""Benchmark: articles from files to graph, the way users run it.

Runs ``claimgraph load DIR --processes P`` (readers, extraction, batch
writer) as a subprocess against the bench's Neo4j, after wiping it, and
reports the wall time and articles per second.

    python -m bench --only e2e
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.harness import Target, Timer, count_graph, wipe

__all__ = ["run"]


def run(target: Target, corpus: Path, articles: int, processes: int) -> dict[str, Any]:
    """Load the ``articles`` files of ``corpus``; figures as a dict."""
    from claimgraph.schema.cypher import apply_schema

    wipe(target)
    apply_schema(target.driver, target.database)
    cmd = [sys.executable, "-m", "claimgraph", "load", str(corpus), "--processes", str(processes)]
    with Timer() as t:
        done = subprocess.run(cmd, capture_output=True, text=True, env=target.env())
    out: dict[str, Any] = {
        "articles": articles,
        "processes": processes,
        "wall_seconds": t.seconds,
        "articles_per_second": articles / t.seconds,
        "exit_code": done.returncode,
    }
    match = re.search(
        r"Articles: (\d+) new, (\d+) replaced, (\d+) skipped.*?(\d+) failed", done.stdout
    )
    if match:
        out["articles_new"], out["articles_failed"] = int(match[1]), int(match[4])
    if done.returncode != 0:
        out["stderr_tail"] = done.stderr.strip().splitlines()[-3:]
    nodes, rels = count_graph(target)
    out.update(nodes=nodes, relationships=rels)
    return out
