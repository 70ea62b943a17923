"""Extraction on a Dask cluster: one task per partition, one JSONL file per partition.

The client (``claimgraph extract --dask``) reads the input, cuts the articles
into partitions of ``partition_size`` in input order, and submits one task per
partition. A worker extracts its partition with the same ``Extractor`` as a
local run and sends back the records as JSON lines; the client writes them
to ``DIR/part-NNNNN.jsonl`` under a temporary name and renames it, so a file
with the final name is always complete. Workers therefore need no shared
file system (a Kubernetes pod or a Slurm node only needs claimgraph itself).

A rerun over the same input skips every partition whose file exists. A task
whose worker is lost is run again elsewhere by the scheduler; one that raises
is retried ``retries`` times. Only a bounded window of partitions is in flight,
so the client's memory stays flat on inputs of any size.

``claimgraph load --records DIR`` loads the partitions from one process.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, ArticleRecords

__all__ = ["DaskSummary", "extract_partitions", "part_name", "open_client"]

logger = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 100
LOCAL = "local:"

# Settings for the workers of a ``local:N`` cluster (see docs/scaling.md for
# the same settings on a cluster started elsewhere). Dask's nanny sets
# MALLOC_TRIM_THRESHOLD_=65536 in each worker, so glibc hands memory back to
# the system after almost every parse and takes it again for the next: the
# record building allocates and frees many small objects per article, and
# the extraction ran about 12 % slower than in a plain worker process. The
# statistical profiler samples the running task every 10 ms under the GIL.
# Extraction needs neither; the thread limits for numpy stay.
LOCAL_WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}

_local = threading.local()  # one Extractor per worker thread (spaCy is not shared)


@dataclass
class DaskSummary:
    """What one ``extract --dask`` run did."""

    partitions: int = 0  # all partitions of the input
    extracted: int = 0  # written by this run
    already: int = 0  # complete before this run, skipped
    articles: int = 0  # records written by this run
    problems: int = 0  # input problems (errors) reported


def part_name(index: int) -> str:
    """The file name of partition ``index``: ``part-00007.jsonl``."""
    return f"part-{index:05d}.jsonl"


def extract_partition(articles: list[Article]) -> tuple[list[str], list[InputProblem]]:
    """The task run on a worker: records of ``articles`` as JSON lines, and problems."""
    extractor = getattr(_local, "extractor", None)
    if extractor is None:
        from claimgraph.loaders.pipeline import Extractor

        extractor = _local.extractor = Extractor()
    lines: list[str] = []
    problems: list[InputProblem] = []
    for item in extractor.extract_chunk(articles):
        if isinstance(item, ArticleRecords):
            lines.append(json.dumps(item.to_json(), ensure_ascii=False))
        else:
            problems.append(item)
    return lines, problems


@contextlib.contextmanager
def open_client(address: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``tcp://host:port``, or for a LocalCluster of N
    worker processes started here (and stopped on exit) for ``local:N``.

    Example:

        with open_client("local:2") as client:
            extract_partitions(client, iter_articles(["articles/"]), "records/")
    """
    import dask
    from distributed import Client, LocalCluster

    # The scheduler's and workers' INFO lines would drown the progress bar.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if not address.startswith(LOCAL):
        try:
            client = Client(address, timeout=30)
        except (OSError, TimeoutError) as e:
            raise ConfigError(f"--dask {address}: cannot reach the Dask scheduler: {e}") from e
        with client:
            yield client
        return
    try:
        workers = int(address[len(LOCAL) :])
    except ValueError:
        workers = 0
    if workers < 1:
        raise ConfigError(f"--dask {address}: expected local:N with N a number of workers")
    with (
        dask.config.set(LOCAL_WORKER_CONFIG),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _partitions(
    items: Iterable[Article | InputProblem],
    size: int,
    on_problem: Callable[[InputProblem], None] | None,
) -> Iterator[tuple[int, list[Article]]]:
    part: list[Article] = []
    index = 0
    for item in items:
        if isinstance(item, InputProblem):
            if on_problem is not None:
                on_problem(item)
            continue
        part.append(item)
        if len(part) >= size:
            yield index, part
            index, part = index + 1, []
    if part:
        yield index, part


def _write_part(out: Path, index: int, lines: list[str]) -> None:
    final = out / part_name(index)
    temporary = out / f".{part_name(index)}.tmp"
    with open(temporary, "w", encoding="utf-8") as stream:
        for line in lines:
            stream.write(line + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, final)


def extract_partitions(
    client: Any,
    articles: Iterable[Article | InputProblem],
    out: str | Path,
    *,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    retries: int = 2,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_partition: Callable[[DaskSummary], None] | None = None,
) -> DaskSummary:
    """Extract ``articles`` on the cluster behind ``client`` into ``out/part-NNNNN.jsonl``.

    ``articles`` is what ``iter_articles`` yields; partition N holds articles
    ``N * partition_size`` onwards, so a rerun must read the same input.
    ``on_problem`` gets each input problem (the client's reading and the
    workers' extraction alike); ``on_partition`` the running totals after
    each partition is written or found complete.

    Example:

        with open_client("local:2") as client:
            summary = extract_partitions(client, iter_articles(["articles/"]), "records/")
    """
    from distributed import as_completed

    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    summary = DaskSummary()
    threads = sum(client.nthreads().values()) or 1
    window = 2 * threads + 2

    def problem(item: InputProblem) -> None:
        summary.problems += item.severity == "error"
        if on_problem is not None:
            on_problem(item)

    def finished(future: Any) -> None:
        index = future_index.pop(future.key)
        lines, problems = future.result()
        for item in problems:
            problem(item)
        _write_part(folder, index, lines)
        summary.extracted += 1
        summary.articles += len(lines)
        if on_partition is not None:
            on_partition(summary)

    future_index: dict[Any, int] = {}
    running = as_completed()
    for index, part in _partitions(articles, partition_size, problem):
        summary.partitions += 1
        if (folder / part_name(index)).exists():
            summary.already += 1
            if on_partition is not None:
                on_partition(summary)
            continue
        future = client.submit(extract_partition, part, retries=retries, pure=False)
        future_index[future.key] = index
        running.add(future)
        while running.count() >= window:
            finished(next(running))
    for future in running:
        finished(future)
    return summary
