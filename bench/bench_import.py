"""Benchmark: ``neo4j-admin`` bulk import against the transactional writer.

The same synthetic records (``bench.corpus``) go into an empty database twice:
through ``write_batches`` (transactions of its default batch size) and through
``claimgraph.graph.bulk_import`` (CSV files, ``neo4j-admin database import
full``, server restart, schema build). Both wall times are reported, and the
import tool's own time separately. Needs the managed server: with
``NEO4J_URI`` the stage is skipped.
"""

from __future__ import annotations

from typing import Any

from bench.corpus import iter_records
from bench.harness import Target, Timer, count_graph, say, wipe
from claimgraph.graph.bulk_import import bulk_import
from claimgraph.graph.writer import write_batches
from claimgraph.schema.cypher import apply_schema

__all__ = ["run", "import_records"]


def import_records(target: Target, records: Any) -> dict[str, Any]:
    """Bulk-import ``records`` into the target's managed server; its timings."""
    assert target.home is not None
    # Free ports for the restart: the old ones may still be held by closing sockets.
    result = bulk_import(
        target.home,
        records,
        force=True,
        memory=target.memory,
        bolt_port=0,
        http_port=0,
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
        "csv_seconds": result.csv_seconds,
        "stop_seconds": result.stop_seconds,
        "admin_import_seconds": result.import_seconds,
        "start_seconds": result.start_seconds,
        "schema_seconds": result.schema_seconds,
        "total_seconds": result.seconds,
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
