"""Benchmark: ``neo4j-admin`` bulk import against the transactional writer.

The same synthetic records (``bench.corpus``) go into an empty database twice:
through ``write_batches`` (transactions of its default batch size) and through
``claimgraph.graph.bulk_import`` (CSV files, ``neo4j-admin database import
full``, server restart, schema build). Both wall times are reported, and the
import tool's own time separately. Needs the managed server: with
``NEO4J_URI`` the stage is skipped.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.corpus import iter_records, record_chunks
from bench.harness import Target, Timer, count_graph, say, wipe
from claimgraph.graph.bulk_import import bulk_import
from claimgraph.graph.connection import Settings, open_driver
from claimgraph.graph.home import USER, ServerHome
from claimgraph.graph.server import MemorySettings, start_server, stop_server
from claimgraph.graph.writer import write_batches
from claimgraph.schema.cypher import apply_schema

__all__ = ["run", "import_records", "kept_target"]


def import_records(target: Target, records: Any, processes: int | None = None) -> dict[str, Any]:
    """Bulk-import ``records`` into the target's managed server; its timings.

    ``records`` are ``ArticleRecords`` or ``RecordChunks``; ``processes``
    (default: one per core) encode them.
    """
    assert target.home is not None
    processes = processes or os.cpu_count() or 1
    load_before = os.getloadavg()[0]
    # Free ports for the restart: the old ones may still be held by closing sockets.
    result = bulk_import(
        target.home,
        records,
        force=True,
        memory=target.memory,
        bolt_port=0,
        http_port=0,
        processes=processes,
        progress=say,
    )
    target.reconnect(result.bolt_uri)
    files = result.files
    return {
        "articles": files.articles,
        "nodes": files.nodes_total,
        "relationships": files.relationships_total,
        "elements": files.elements,
        "problems": len(files.problems),
        "processes": processes,
        "multiline_files": len(files.multiline),
        "csv_seconds": result.csv_seconds,
        "stop_seconds": result.stop_seconds,
        "admin_import_seconds": result.import_seconds,
        "start_seconds": result.start_seconds,
        "schema_seconds": result.schema_seconds,
        "total_seconds": result.seconds,
        # Other work on the machine slows the build: the 1-minute load before and after.
        "load_average": [load_before, os.getloadavg()[0]],
    }


def run(target: Target, articles: int, seed: int) -> dict[str, Any]:
    """Writer vs bulk import on ``articles`` synthetic articles."""
    if target.home is None:
        return {"skipped": "bulk import needs the managed server (NEO4J_URI is set)"}
    say(f"import: generating {articles} synthetic article records")
    records = list(iter_records(articles, seed=seed))
    wipe(target)
    apply_schema(target.driver, target.database)
    say("import: transactional writer")
    with Timer() as t:
        summary = write_batches(target.driver, target.database, records)
    writer_size = count_graph(target)
    say("import: bulk import")
    bulk = import_records(target, records)
    bulk_size = count_graph(target)
    writer_rate = summary.elements_created / t.seconds
    return {
        "articles": articles,
        "writer": {
            "seconds": t.seconds,
            "elements": summary.elements_created,
            "elements_per_second": writer_rate,
            "nodes": writer_size[0],
            "relationships": writer_size[1],
        },
        "bulk": {
            **bulk,
            "elements_per_second": bulk["elements"] / bulk["total_seconds"],
            "elements_per_second_import_tool_only": bulk["elements"] / bulk["admin_import_seconds"],
        },
        "same_counts": writer_size == bulk_size,
        "ratio_bulk_to_writer": t.seconds / bulk["total_seconds"],
        "ratio_import_tool_only_to_writer": t.seconds / bulk["admin_import_seconds"],
    }


MARKER = "bench-graph.json"


@contextmanager
def kept_target(
    root: str | Path, articles: int, seed: int, memory: MemorySettings
) -> Iterator[tuple[Target, dict[str, Any]]]:
    """A managed server in ``root`` holding ``articles`` synthetic articles, built once.

    The first call bulk-imports the graph and notes what it holds in
    ``root/bench-graph.json``; later calls with the same size and seed start
    the server on it as it is (the schema applied, so derived relationships
    of newer versions are added), which saves the build of a large graph
    between runs. The server is stopped at the end; the files stay.
    """
    home = ServerHome(Path(root) / f"{articles}-{seed}")
    marker = home.root / MARKER
    wanted = {"articles": articles, "seed": seed}
    known = json.loads(marker.read_text()) if marker.exists() else {}
    say(
        f"queries: managed Neo4j in {home.root} (heap {memory.heap}, page cache {memory.pagecache})"
    )
    started = start_server(home, bolt_port=0, http_port=0, memory=memory, timeout=600)
    password = home.password() or ""
    driver = open_driver(Settings(started.state.bolt_uri, USER, password, None, managed=True))
    target = Target(started.state.bolt_uri, password, None, home, memory, driver)
    try:
        if {k: known.get(k) for k in wanted} == wanted:
            say(f"queries: reusing the graph of {articles} articles built {known.get('built_at')}")
            with Timer() as t:
                apply_schema(target.driver, None)
            built = {**known["build"], "reused": True, "schema_seconds_now": t.seconds}
        else:
            say(f"queries: bulk-importing {articles} synthetic articles into {home.root}")
            built = {
                "method": "bulk import",
                **import_records(target, record_chunks(articles, seed)),
            }
            marker.write_text(
                json.dumps(
                    {**wanted, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "build": built}
                )
            )
        yield target, built
    finally:
        target.driver.close()
        stop_server(home)


def main(argv: list[str] | None = None) -> int:
    """Time one bulk import of synthetic articles into a fresh home, step by step.

    Example:

        python -m bench.bench_import --articles 100000 --processes 2
    """
    import argparse
    import resource
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m bench.bench_import", description=main.__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--heap", default="auto")
    parser.add_argument("--pagecache", default="auto")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="claimgraph-bench-import-"))
    home = ServerHome(root)
    try:
        result = bulk_import(
            home,
            record_chunks(args.articles, args.seed),
            force=True,
            memory=MemorySettings(args.heap, args.pagecache),
            bolt_port=0,
            http_port=0,
            processes=args.processes,
            progress=say,
        )
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        files = result.files
        figures = {
            "articles": files.articles,
            "elements": files.elements,
            "processes": args.processes,
            "csv_seconds": result.csv_seconds,
            "admin_import_seconds": result.import_seconds,
            "start_seconds": result.start_seconds,
            "schema_seconds": result.schema_seconds,
            "total_seconds": result.seconds,
            "cpu_seconds_this_process": time.process_time(),
            "cpu_seconds_children": children.ru_utime + children.ru_stime,
            "load_average_at_end": os.getloadavg()[0],
            "admin_report": result.report,
        }
        print(json.dumps(figures, indent=1))
    finally:
        stop_server(home)
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
