"""Benchmark: p50/p95 latency of every canned query on the example corpus.

Loads the example corpus that ships with claimgraph (unless ``--no-load``),
warms each query up, then times ``--runs`` executions of each, end to end
through the driver (read transaction, rows converted to Python). It prints
p50 and p95 in milliseconds per query, each query's p50 as a ratio of a
trivial ``RETURN 1`` round trip measured in the same run, so numbers from
different machines compare, and the server's own p50 (time to first and last
row, as Neo4j reports it). The target is p95 under 50 ms end to end.

It connects through ``NEO4J_URI``/``NEO4J_PASSWORD`` (or ``--home`` /
``CLAIMGRAPH_HOME`` for the managed server). Loading is idempotent: articles
already in the graph are skipped.

    python -m bench.bench_queries --runs 50
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from claimgraph.graph.connection import open_driver, resolve_settings
from claimgraph.queries import all_queries, get_query, resolve_entity, run_cypher, run_query
from claimgraph.schema.cypher import apply_schema

TARGET_P95_MS = 50.0


def _params(driver: Any, database: str | None) -> dict[str, dict[str, Any]]:
    """Representative parameters for the example corpus, names resolved to keys."""

    def key(name: str, labels: tuple[str, ...] = ("Actor", "Place")) -> str:
        return resolve_entity(driver, database, name, labels).key

    dravik = key("Dravik", ("Place",))
    vasko = key("Oren Vasko", ("Actor",))
    return {
        "who-said": {"about": dravik},
        "timeline": {"about": dravik},
        "disputed": {},
        "profile": {"about": vasko},
        "as-of": {"about": dravik, "date": "2025-06-15"},
        "sources": {"speaker": vasko},
        "first-report": {"type": "FIGHT"},
        "network": {"from": "2025-06-14", "to": "2025-06-16"},
        "path": {"source": vasko, "target": key("Stavenna", ("Place",))},
    }


def _server_ms(driver: Any, database: str | None, name: str, values: dict[str, Any]) -> float:
    """Time the server reports for one run: until the first row plus until the last."""
    query = get_query(name)

    def work(tx: Any) -> float:
        result = tx.run(query.cypher, query.bind(values))
        result.fetch(10**6)
        summary = result.consume()
        return float((summary.result_available_after or 0) + (summary.result_consumed_after or 0))

    with driver.session(database=database, notifications_min_severity="OFF") as session:
        return float(session.execute_read(work))


def _time(fn: Callable[[], Any], warmup: int, runs: int) -> tuple[list[float], int]:
    rows = 0
    for _ in range(warmup):
        rows = len(fn())
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, rows


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="timed runs per query")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs per query first")
    parser.add_argument("--no-load", action="store_true", help="do not load the example corpus")
    parser.add_argument("--home", default=os.environ.get("CLAIMGRAPH_HOME"))
    args = parser.parse_args(argv)

    settings = resolve_settings(
        os.environ.get("NEO4J_URI"),
        os.environ.get("NEO4J_USERNAME"),
        os.environ.get("NEO4J_PASSWORD"),
        os.environ.get("NEO4J_DATABASE"),
        args.home,
    )
    driver = open_driver(settings)
    database = settings.database
    try:
        if not args.no_load:
            from claimgraph.ingest_examples import load_examples

            apply_schema(driver, database)
            summary, _ = load_examples(driver, database)
            print(
                f"example corpus: {summary.articles_new} loaded, "
                f"{summary.articles_skipped} already there"
            )
        counts = run_cypher(
            driver,
            database,
            "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels",
        )[0]
        print(
            f"graph: {counts['nodes']} nodes, {counts['rels']} relationships; "
            f"{args.warmup} warm-up + {args.runs} timed runs per query"
        )
        base, _ = _time(
            lambda: run_cypher(driver, database, "RETURN 1 AS one"), args.warmup, args.runs
        )
        base_p50 = statistics.median(base)
        print(
            f"{'query':<14}{'rows':>6}{'p50 ms':>10}{'p95 ms':>10}{'p50/RETURN 1':>15}"
            f"{'server p50':>12}"
        )
        print(f"{'RETURN 1':<14}{1:>6}{base_p50:>10.2f}{_p(base, 0.95):>10.2f}{1.0:>15.1f}")
        params = _params(driver, database)
        worst = 0.0
        for name in all_queries():
            values = params.get(name, {})
            samples, rows = _time(
                lambda n=name, v=values: run_query(driver, database, n, v), args.warmup, args.runs
            )
            p50, p95 = statistics.median(samples), _p(samples, 0.95)
            server = statistics.median(
                [_server_ms(driver, database, name, values) for _ in range(min(args.runs, 20))]
            )
            worst = max(worst, p95)
            print(
                f"{name:<14}{rows:>6}{p50:>10.2f}{p95:>10.2f}{p50 / base_p50:>15.1f}{server:>12.1f}"
            )
        verdict = "under" if worst < TARGET_P95_MS else "OVER"
        print(f"slowest p95 {worst:.1f} ms: {verdict} the {TARGET_P95_MS:.0f} ms target")
        return 0 if worst < TARGET_P95_MS else 1
    finally:
        driver.close()


if __name__ == "__main__":
    sys.exit(main())
