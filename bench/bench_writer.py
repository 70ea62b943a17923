"""Benchmark: the batch writer against a naive one-query-per-row loader.

The same seeded synthetic article records are written into an empty graph by
``claimgraph.graph.writer.write_batches`` and by the py2neo baseline
(``bench/naive_py2neo.py``); the script prints elements (nodes plus
relationships) created per second for each and the ratio, and checks that
both produced the same graph. The writer is timed ``--repeats`` times (each
into an empty graph) after ``--warmup-passes`` untimed passes over other
articles, and its median run counts: one run on a shared machine can be 30%
off the next.

It connects through ``NEO4J_URI``/``NEO4J_PASSWORD`` (or ``--home`` /
``CLAIMGRAPH_HOME`` for the managed server) and **wipes the database**: it
refuses a non-empty one unless ``--wipe`` is given.

    python -m bench.bench_writer --articles 2000 --wipe
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import Any

from bench.naive_py2neo import NaiveResult, load_naive_driver, load_naive_py2neo
from claimgraph.graph.connection import open_driver, resolve_settings
from claimgraph.graph.writer import DEFAULT_BATCH_SIZE, write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.schema.cypher import apply_schema


def _count(driver: Any, database: str | None, query: str) -> int:
    records = driver.execute_query(query, database_=database).records
    return int(records[0][0])


def _graph_size(driver: Any, database: str | None) -> tuple[int, int]:
    # Incidents and disputes are resolved by the writer only; the baselines
    # write the articles' own nodes and relationships, which must agree.
    return (
        _count(
            driver, database, "MATCH (n) WHERE NOT n:Incident AND NOT n:Dispute RETURN count(n)"
        ),
        _count(
            driver,
            database,
            "MATCH (a)-[r]->() WHERE NOT a:Incident AND NOT a:Dispute AND type(r) <> 'PART_OF' "
            "RETURN count(r)",
        ),
    )


def _wipe(driver: Any, database: str | None) -> None:
    with driver.session(database=database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


def _py2neo_graph(uri: str, user: str, password: str, database: str | None) -> Any:
    from py2neo import Graph  # the baseline's own client

    warnings.filterwarnings("ignore", module="py2neo")
    if database:
        return Graph(uri, auth=(user, password), name=database)
    return Graph(uri, auth=(user, password))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=2000, help="synthetic articles (default 2000)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"writer batch size (default {DEFAULT_BATCH_SIZE}, as in claimgraph load)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=1000,
        help="articles the writer writes (then wiped) before the timed runs (default 1000)",
    )
    parser.add_argument(
        "--warmup-passes",
        type=int,
        default=15,
        help="times the warm-up articles are written, each into an empty graph (default 15)",
    )
    parser.add_argument(
        "--naive-warmup",
        type=int,
        default=100,
        help="articles the baseline writes (then wiped) before its timed run (default 100)",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=7,
        help="timed writer runs, each into an empty graph; the median is reported (default 7)",
    )
    parser.add_argument("--home", default=os.environ.get("CLAIMGRAPH_HOME"))
    parser.add_argument("--wipe", action="store_true", help="allow wiping a non-empty database")
    parser.add_argument(
        "--driver-baseline",
        action="store_true",
        help="also time one-query-per-row through the official driver",
    )
    args = parser.parse_args(argv)

    settings = resolve_settings(
        os.environ.get("NEO4J_URI"),
        os.environ.get("NEO4J_USERNAME"),
        os.environ.get("NEO4J_PASSWORD"),
        os.environ.get("NEO4J_DATABASE"),
        args.home,
    )
    driver = open_driver(settings)
    db = settings.database
    try:
        if _graph_size(driver, db)[0] and not args.wipe:
            print(
                f"refusing: {settings.describe()} is not empty (pass --wipe to wipe it)",
                file=sys.stderr,
            )
            return 2
        apply_schema(driver, db)
        records = list(synthetic_records(args.articles, seed=args.seed))
        print(f"{len(records)} synthetic articles (seed {args.seed}) into {settings.describe()}")

        graph = _py2neo_graph(settings.uri, settings.user, settings.password, db)
        # Both loaders' queries get planned, and the server's code compiled by
        # its JIT, before the clock starts, on articles the timed run does not use.
        # The server's JIT takes about 14,000 articles to settle: the first pass
        # on a fresh server runs at about a fifth of the settled rate, and after
        # 8 passes it still compiles hundreds of methods per pass, each dip in
        # the rate matching a burst of compiling. The cold rate is printed too;
        # a large load spends nearly all its time settled.
        warm = list(synthetic_records(max(args.warmup, args.naive_warmup), seed=args.seed + 1000))
        for n in range(1, max(args.warmup_passes, 1) + 1):
            done = write_batches(driver, db, warm[: args.warmup], batch_size=args.batch_size)
            _wipe(driver, db)
            if n == 1 and done.seconds:
                print(
                    f"writer cold, first pass on this server: {done.elements_created} elements "
                    f"in {done.seconds:.2f} s = {done.elements_created / done.seconds:.0f}/s"
                )
        load_naive_py2neo(graph, warm[: args.naive_warmup])
        print(
            f"warm-up: {args.warmup} other articles through the writer {args.warmup_passes} times, "
            f"{args.naive_warmup} through the baseline, then wiped"
        )
        # The rate moves by a quarter or more from one run to the next on a
        # small machine: the writer runs several times and its median counts.
        runs = []
        for run in range(1, max(args.repeats, 1) + 1):
            _wipe(driver, db)
            ours = write_batches(driver, db, records, batch_size=args.batch_size)
            runs.append(ours)
            rate = ours.elements_created / ours.seconds
            print(
                f"writer run {run}: {ours.elements_created} elements "
                f"in {ours.seconds:.2f} s = {rate:.0f}/s"
            )
        ours_size = _graph_size(driver, db)
        median = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]
        results: list[tuple[str, int, float]] = [
            (
                f"claimgraph writer (UNWIND batches of {args.batch_size}, median of {len(runs)})",
                median.elements_created,
                median.seconds,
            ),
        ]

        baselines: list[tuple[str, NaiveResult]] = []
        _wipe(driver, db)
        baselines.append(
            (
                "naive py2neo 2021.2.4 (one auto-commit query per row)",
                load_naive_py2neo(graph, records),
            )
        )
        naive_size = _graph_size(driver, db)
        if args.driver_baseline:
            _wipe(driver, db)
            baselines.append(
                (
                    "naive official driver (one auto-commit query per row)",
                    load_naive_driver(driver, db, records),
                )
            )
        for name, result in baselines:
            results.append((name, result.elements_created, result.seconds))

        print(f"{'loader':<58} {'elements':>9} {'seconds':>8} {'elements/s':>11}")
        for name, elements, seconds in results:
            print(f"{name:<58} {elements:>9} {seconds:>8.2f} {elements / seconds:>11.0f}")
        ours_rate = results[0][1] / results[0][2]
        for name, elements, seconds in results[1:]:
            print(f"ratio writer / {name.split(' (')[0]}: {ours_rate / (elements / seconds):.1f}x")
        same = "same graph" if ours_size == naive_size else "DIFFERENT graphs"
        print(f"graph after writer {ours_size}, after py2neo baseline {naive_size}: {same}")
        return 0 if ours_size == naive_size else 1
    finally:
        driver.close()


if __name__ == "__main__":
    sys.exit(main())
