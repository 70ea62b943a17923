"""``make bench``: every benchmark of claimgraph in one run, side by side.

    python -m bench                 # the full run (tens of minutes on 2 cores)
    python -m bench --quick         # small sizes; a few minutes
    python -m bench --only extract,queries

Stages: ``extract`` (our extractor vs bare spaCy, 2 processes vs 1, memory
while streaming), ``load`` (the batch writer vs one-query-per-row py2neo),
``e2e`` (``claimgraph load DIR``: files to graph), ``import`` (neo4j-admin
bulk import vs the writer), ``queries`` (canned query latency on a large
graph). A managed Neo4j is started in a temporary home unless ``NEO4J_URI``
is set (that database is wiped). The figures are printed as a table and
written to ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import bench_end_to_end, bench_extract, bench_import, bench_query_scale
from bench.corpus import write_corpus
from bench.harness import Target, bench_target, say
from bench.report import print_summary
from claimgraph.graph.server import MemorySettings

STAGES = ("extract", "load", "e2e", "import", "queries")

# (full, quick) sizes, overridable on the command line.
SIZES = {
    "extract_articles": (1000, 150),
    "stream_articles": (2000, 300),
    "writer_articles": (2000, 200),
    "e2e_articles": (10_000, 500),
    "import_articles": (10_000, 2000),
    "query_articles": (100_000, 5000),
    "query_runs": (50, 20),
}


def _writer_bench(target: Target, articles: int) -> dict[str, Any]:
    """The writer's own benchmark (bench/bench_writer.py), run as a subprocess."""
    cmd = [sys.executable, "-m", "bench.bench_writer", "--articles", str(articles), "--wipe"]
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env=target.env(),
        cwd=Path(__file__).resolve().parents[1],
    )
    out: dict[str, Any] = {
        "articles": articles,
        "exit_code": done.returncode,
        "output": done.stdout.strip().splitlines(),
    }
    loaders = {}
    for line in done.stdout.splitlines():
        row = re.match(r"^(.*?)\s+(\d+)\s+([\d.]+)\s+(\d+)\s*$", line)
        if row:
            loaders[row[1].strip()] = {
                "elements": int(row[2]),
                "seconds": float(row[3]),
                "elements_per_second": float(row[4]),
            }
        ratio = re.match(r"^ratio writer / (.*?): ([\d.]+)x", line)
        if ratio:
            out.setdefault("ratios", {})[ratio[1]] = float(ratio[2])
    out["loaders"] = loaders
    if done.returncode != 0:
        out["stderr_tail"] = done.stderr.strip().splitlines()[-3:]
    return out


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
    parser.add_argument(
        "--only", default=",".join(STAGES), help=f"comma-separated stages among {','.join(STAGES)}"
    )
    parser.add_argument("--heap", default=os.environ.get("CLAIMGRAPH_BENCH_HEAP", "2g"))
    parser.add_argument("--pagecache", default=os.environ.get("CLAIMGRAPH_BENCH_PAGECACHE", "1g"))
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="extraction processes for the end-to-end load",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--query-home",
        default=None,
        help="keep the query graphs in this folder: built once by the bulk import, then reused",
    )
    parser.add_argument(
        "--query-scale",
        default="",
        help="more graph sizes for the queries stage, comma-separated (e.g. 1000000); "
        "needs --query-home",
    )
    parser.add_argument(
        "--baseline-queries",
        default=None,
        help="a folder of .cypher files (an older version) timed alternately with ours",
    )
    parser.add_argument(
        "--query-only", default="", help="comma-separated query rows to time (default: all)"
    )
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "results.json"))
    for name in SIZES:
        parser.add_argument("--" + name.replace("_", "-"), type=int, default=None)
    args = parser.parse_args(argv)
    for name, (full, quick) in SIZES.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    args.stages = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(sorted(unknown))}; known: {', '.join(STAGES)}")
    return args


def _stage(results: dict[str, Any], name: str, call: Any, out: str) -> None:
    say(f"stage {name}")
    began = time.perf_counter()
    try:
        results[name] = call()
    except Exception as e:  # noqa: BLE001 - one failed stage must not lose the others
        results[name] = {"error": f"{type(e).__name__}: {e}"}
        say(f"stage {name} failed: {e}")
    results[name]["stage_seconds"] = time.perf_counter() - began
    say(f"stage {name} done in {results[name]['stage_seconds']:.0f}s")
    # Written after every stage, so a long run that is interrupted keeps what it measured.
    Path(out).write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    stage = functools.partial(_stage, out=args.out)
    results: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "quick": args.quick,
        "sizes": {name: getattr(args, name) for name in SIZES},
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        # Other work on the machine skews every absolute figure: keep the load with them.
        "load_average_at_start": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-corpus-") as tmp:
        corpus = Path(tmp) / "articles"
        needs_files = {"extract", "e2e"} & set(args.stages)
        if needs_files:
            count = (
                args.e2e_articles
                if "e2e" in args.stages
                else max(args.extract_articles, args.stream_articles)
            )
            say(f"generating {count} synthetic articles")
            results["corpus"] = write_corpus(count, corpus, seed=args.seed)
        if "extract" in args.stages:
            stage(
                results,
                "extract",
                lambda: bench_extract.run(corpus, args.extract_articles, args.stream_articles),
            )
        db_stages = [s for s in args.stages if s != "extract"]
        if args.query_home and "queries" in db_stages:
            # The kept graphs run on servers of their own, started from their folders.
            db_stages.remove("queries")
            sizes = [args.query_articles]
            sizes += [int(n) for n in args.query_scale.split(",") if n.strip()]
            results["neo4j_queries"] = {
                "uri": "managed, kept",
                "heap": args.heap,
                "pagecache": args.pagecache,
            }
            stage(
                results,
                "queries",
                lambda: bench_query_scale.run_kept(
                    args.query_home,
                    sizes,
                    args.seed,
                    args.query_runs,
                    max(3, args.query_runs // 10),
                    MemorySettings(args.heap, args.pagecache),
                    baseline=args.baseline_queries,
                    only={x.strip() for x in args.query_only.split(",") if x.strip()} or None,
                ),
            )
        if db_stages:
            with bench_target(args.heap, args.pagecache) as target:
                results["neo4j"] = {
                    "uri": "NEO4J_URI" if target.home is None else "managed",
                    "heap": args.heap,
                    "pagecache": args.pagecache,
                }
                if "load" in args.stages:
                    stage(results, "load", lambda: _writer_bench(target, args.writer_articles))
                if "e2e" in args.stages:
                    stage(
                        results,
                        "e2e",
                        lambda: bench_end_to_end.run(
                            target, corpus, args.e2e_articles, args.processes
                        ),
                    )
                if "import" in args.stages:
                    stage(
                        results,
                        "import",
                        lambda: bench_import.run(target, args.import_articles, args.seed),
                    )
                if "queries" in db_stages:
                    stage(
                        results,
                        "queries",
                        lambda: bench_query_scale.run(
                            target,
                            args.query_articles,
                            args.seed,
                            args.query_runs,
                            warmup=max(3, args.query_runs // 10),
                        ),
                    )
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    results["load_average_at_end"] = os.getloadavg()
    Path(args.out).write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print_summary(results)
    print(f"\nfigures written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
