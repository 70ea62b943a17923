"""The example corpus that ships with claimgraph, read and loaded through the ingest API."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.graph.writer import LoadSummary
from claimgraph.ingest import extract, load
from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.records import ArticleRecords

__all__ = ["example_paths", "load_examples"]


@contextlib.contextmanager
def example_paths() -> Iterator[list[Path]]:
    """The example articles that ship with the package, as files on disk.

    Example:

        with example_paths() as paths:
            print(len(paths), "example articles")
    """
    folder = resources.files("claimgraph") / "data" / "examples"
    with resources.as_file(folder) as path:
        yield sorted(p for p in Path(path).glob("*.txt"))


def load_examples(driver: Any, database: str | None) -> tuple[LoadSummary, tuple[str, str]]:
    """Extract and write the example corpus (idempotent: a reload skips every article).

    Also returns the first and last day its statements were made (ISO strings),
    so the demo's questions stay within them when the graph holds other
    articles too.

    Example:

        summary, (first, last) = load_examples(driver, None)
    """
    with example_paths() as paths:
        items = list(extract(iter_articles(paths)))
    records = [item for item in items if isinstance(item, ArticleRecords)]
    return load(driver, database, records), _window(records)


def _window(records: list[ArticleRecords]) -> tuple[str, str]:
    dates: list[date] = []
    for r in records:
        if r.article.published:
            dates.append(r.article.published)
        dates.extend(s.said_on for s in r.statements if s.said_on)
    if not dates:
        return "0001-01-01", "9999-12-31"
    return min(dates).isoformat(), max(dates).isoformat()
