"""Run a command and measure its peak resident memory and wall time.

The command runs under a tiny Python parent that waits for it and reads
``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the kernel's own high-water mark of
that one process, with no sampling gaps and nothing else counted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Measured", "run_measured", "claimgraph_command"]

_WRAPPER = (
    "import json, resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(json.dumps({'rc': rc, 'peak_kib': peak}))\n"
    "sys.exit(0)\n"
)


@dataclass
class Measured:
    """Exit code, output, peak RSS (MiB) and seconds of one run."""

    returncode: int
    stdout: str
    stderr: str
    peak_mib: float
    seconds: float


def claimgraph_command(*args: str) -> list[str]:
    """``python -m claimgraph ARGS`` with this interpreter."""
    return [sys.executable, "-m", "claimgraph", *args]


def run_measured(
    cmd: Sequence[str], *, env: Mapping[str, str] | None = None, timeout: float = 600, report: str
) -> Measured:
    """Run ``cmd``; ``report`` is a scratch file path for the wrapper's numbers."""
    began = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, report, *cmd],
        env=dict(env) if env else None,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    seconds = time.monotonic() - began
    with open(report, encoding="utf-8") as fh:
        numbers = json.load(fh)
    return Measured(
        int(numbers["rc"]),
        proc.stdout,
        proc.stderr,
        round(numbers["peak_kib"] / 1024, 1),
        round(seconds, 1),
    )
