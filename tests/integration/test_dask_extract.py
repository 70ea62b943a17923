"""``extract --dask`` on a real scheduler and two real workers started by this session.

The scheduler (``dask scheduler``) and the workers (``dask worker``, without a
nanny so that killing one loses it for good) listen on free loopback ports.
The partitions must hold the same records as a local run, record by record,
also when a worker is killed in the middle of the run.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from claimgraph.ingest import extract
from claimgraph.ingest_dask import extract_partitions, open_client, part_name
from claimgraph.loaders.readers import iter_articles
from claimgraph.loaders.record_files import iter_record_file
from claimgraph.schema.records import ArticleRecords

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

ARTICLES = 24
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    logs = tmp_path_factory.mktemp("dask-logs")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        logs / "scheduler.log",
    )
    workers = [
        _start(
            [
                str(DASK),
                "worker",
                address,
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
                "--name",
                f"w{n}",
            ],
            logs / f"worker-{n}.log",
        )
        for n in range(2)
    ]
    try:
        with open_client(address) as client:
            client.wait_for_workers(2, timeout=180)
        yield Cluster(address, scheduler, workers)
    finally:
        for process in [*workers, scheduler]:
            if process.poll() is None:
                process.terminate()
        for process in [*workers, scheduler]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A synthetic corpus and its records from a local, one-process run, as JSON lines."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(ARTICLES, folder, seed=16)
    local = [
        json.dumps(r.to_json(), ensure_ascii=False)
        for r in extract(iter_articles([folder]))
        if isinstance(r, ArticleRecords)
    ]
    assert len(local) == ARTICLES
    return folder, local


def _partitions(out: Path) -> list[str]:
    lines: list[str] = []
    for part in sorted(out.glob("part-*.jsonl")):
        lines.extend(line for line in part.read_text(encoding="utf-8").splitlines() if line)
    return lines


def test_same_records_as_local_and_rerun_skips(
    cluster: Cluster, corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, local = corpus
    out = tmp_path / "out"
    with open_client(cluster.address) as client:
        first = extract_partitions(client, iter_articles([folder]), out, partition_size=5)
        assert (first.partitions, first.extracted, first.articles) == (5, 5, ARTICLES)
        assert _partitions(out) == local
        # The loader reads the folder back into the same records.
        loaded = [r for r in iter_record_file(out) if isinstance(r, ArticleRecords)]
        assert [json.dumps(r.to_json(), ensure_ascii=False) for r in loaded] == local

        again = extract_partitions(client, iter_articles([folder]), out, partition_size=5)
        assert (again.extracted, again.already) == (0, 5)
        (out / part_name(2)).unlink()
        third = extract_partitions(client, iter_articles([folder]), out, partition_size=5)
        assert (third.extracted, third.already, third.articles) == (1, 4, 5)
        assert _partitions(out) == local
    assert not list(out.glob(".*.tmp"))


def test_a_lost_worker_partition_is_run_again(
    cluster: Cluster, corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    folder, local = corpus
    out = tmp_path / "out"
    run = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "extract", str(folder)]
        + ["--dask", cluster.address, "--out", str(out), "--partition-size", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "120"},
    )
    deadline = time.monotonic() + 600
    while not list(out.glob("part-*.jsonl")):
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "no partition was written"
        time.sleep(0.1)
    victim = cluster.workers[1]
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    written_at_kill = len(list(out.glob("part-*.jsonl")))
    assert written_at_kill < ARTICLES // 2, "the run ended before the worker was lost"
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err.decode()
    assert len(list(out.glob("part-*.jsonl"))) == ARTICLES // 2
    assert _partitions(out) == local


def _worker_settings() -> tuple[str | None, bool, str | None]:
    import os

    import dask

    return (
        os.environ.get("MALLOC_TRIM_THRESHOLD_"),
        bool(dask.config.get("distributed.worker.profile.enabled")),
        os.environ.get("OMP_NUM_THREADS"),
    )


def test_local_workers_keep_malloc_and_skip_the_profiler() -> None:
    """A ``local:N`` worker runs without Dask's 64 KiB malloc trim threshold and
    without the 10 ms statistical profiler (extraction ran about 12 % slower with
    both), but keeps numpy to one thread."""
    from claimgraph.ingest_dask import open_client

    with open_client("local:1") as client:
        settings = list(client.run(_worker_settings).values())
    assert settings == [(None, False, "1")]
