"""Ingest as a library: read articles, extract records, write them to Neo4j.

The three steps are generators that stream into each other, so a folder of
any size passes in flat memory:

- :func:`sources` reads files (articles or saved records) and, given a
  driver, drops the articles the graph already holds *before* extraction;
- :func:`extract` turns articles into :class:`ArticleRecords`, in one or
  several processes;
- :func:`load` writes records in batches of whole articles and returns a
  :class:`LoadSummary`.

:func:`load_files` chains them (what ``claimgraph load PATHS`` runs) and
:func:`dry_run` reads and extracts without writing. ``claimgraph.ingest_dask``
runs the extraction on a Dask cluster.

Bad inputs travel down the stream as :class:`InputProblem` items, in input
order, and reach ``on_problem``; the rest of the batch goes on. Articles
skipped because they are already loaded travel as ``ArticleOutcome`` items
with status ``"skipped"``. ``claimgraph load`` is a thin layer over these
functions (options, progress display, Ctrl-C, exit codes).

Example:

    import neo4j
    from claimgraph import ingest

    driver = neo4j.GraphDatabase.driver("bolt://localhost:7687", auth=("neo4j", "pw"))
    items = ingest.sources(["articles/"], published=date(2025, 6, 14), driver=driver)
    summary = ingest.load(driver, None, items, on_problem=print)
    print(summary.articles_new, "new articles")
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claimgraph.graph.writer import (
    DEFAULT_BATCH_SIZE,
    ArticleOutcome,
    LoadSummary,
    loaded_articles,
    write_batches,
)
from claimgraph.loaders.readers import iter_articles
from claimgraph.loaders.record_files import iter_record_file
from claimgraph.schema.cypher import apply_schema
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, ArticleRecords

__all__ = [
    "ArticleOutcome",
    "Counts",
    "InputProblem",
    "Item",
    "LoadSummary",
    "dry_run",
    "extract",
    "load",
    "load_files",
    "not_loaded",
    "sources",
]

logger = logging.getLogger(__name__)

# What flows between the steps: records, problems, and articles skipped early.
Item = ArticleRecords | InputProblem | ArticleOutcome
# Articles looked up at once before extraction, to skip those already loaded.
LOOKUP_BATCH = 200


def not_loaded(
    driver: Any,
    database: str | None,
    items: Iterable[Article | InputProblem],
    lookup: int = LOOKUP_BATCH,
) -> Iterator[Article | InputProblem | ArticleOutcome]:
    """Replace articles the graph already holds unchanged (same id and sha256) by a
    ``skipped`` outcome, so the costly extraction is spent on new text only.

    Example:

        fresh = not_loaded(driver, None, iter_articles(["articles/"]))
    """
    pending: list[Article | InputProblem] = []

    def flush() -> Iterator[Article | InputProblem | ArticleOutcome]:
        pairs = [(a.id, a.sha256) for a in pending if isinstance(a, Article)]
        done = loaded_articles(driver, database, pairs)
        for item in pending:
            if isinstance(item, Article) and item.id in done:
                yield ArticleOutcome(item.id, "skipped", item.source)
            else:
                yield item
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= lookup:
            yield from flush()
    yield from flush()


def extract(
    items: Iterable[Any], *, processes: int | None = None, extractor: Any = None
) -> Iterator[Any]:
    """Records for every ``Article`` in ``items``, in order; other items pass through.

    ``processes`` > 1 parses and builds the records in that many worker
    processes (default: the extractor's own ``n_process``, else 1).
    ``extractor`` (a ``claimgraph.loaders.pipeline.Extractor``) is built on
    first use when not given; building it loads spaCy.

    Example:

        for item in extract(iter_articles(["story.txt"]), processes=2):
            print(item)
    """
    # Imported here: spaCy is only worth loading when there is text to read.
    from claimgraph.loaders.pipeline import Extractor

    if extractor is None:
        extractor = Extractor(n_process=processes or 1)
    elif processes is not None:
        extractor.n_process = max(1, int(processes))
    yield from extractor.extract_many(items)


def sources(
    paths: Sequence[str | Path] = (),
    *,
    records: Sequence[str | Path] = (),
    published: date | datetime | None = None,
    outlet: str | None = None,
    processes: int = 1,
    driver: Any = None,
    database: str | None = None,
) -> Iterator[Item]:
    """Everything to load from ``records`` files (no extraction) then ``paths``.

    ``records`` are ``extract --format json`` documents, JSONL files, or
    folders of ``part-NNNNN.jsonl`` files (what ``extract --dask`` writes);
    ``-`` is stdin. ``paths`` are article files or folders, extracted here.
    ``published`` and ``outlet`` fill in articles that name none. With a
    ``driver``, articles already in the graph unchanged are not extracted
    again (they come out as ``skipped`` outcomes).

    Example:

        items = sources(["articles/"], records=["old.jsonl"], published=date(2025, 6, 14))
    """
    for name in records:
        yield from iter_record_file(name)
    if not paths:
        return
    day = published.date() if isinstance(published, datetime) else published
    articles: Iterable[Any] = iter_articles(paths, published=day, outlet=outlet)
    if driver is not None:
        articles = not_loaded(driver, database, articles)
    yield from extract(articles, processes=processes)


@dataclass
class Counts:
    """What the input held: articles read and what they contain, problems met."""

    articles: int = 0
    entities: int = 0
    statements: int = 0
    events: int = 0
    errors: int = 0  # inputs not read
    warnings: int = 0  # inputs read with a problem
    skipped: int = 0  # already loaded, not extracted again

    def add(self, item: Item) -> None:
        """Count one item of a :func:`sources` stream."""
        if isinstance(item, InputProblem):
            if item.severity == "error":
                self.errors += 1
            else:
                self.warnings += 1
        elif isinstance(item, ArticleOutcome):
            self.skipped += item.status == "skipped"
        else:
            self.articles += 1
            self.entities += len(item.entities)
            self.statements += len(item.statements)
            self.events += len(item.events)


def load(
    driver: Any,
    database: str | None,
    items: Iterable[Item],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    replace: bool = False,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_progress: Callable[[ArticleOutcome], None] | None = None,
    stop: Callable[[], bool] | None = None,
    counts: Counts | None = None,
    schema: bool = True,
) -> LoadSummary:
    """Write ``items`` (see :func:`sources`) to the graph, ``batch_size`` whole articles
    per transaction, and return the totals.

    ``on_problem`` gets every ``InputProblem`` as it comes; ``on_progress``
    every article's outcome (new, replaced, skipped, failed) in input order.
    ``stop`` is asked between items: once it returns True no more input is
    read, the batches in flight commit, and ``load`` returns (the graph holds
    whole articles only; running the same load again finishes the job).
    ``counts``, if given, is filled as the input is read. ``replace`` rewrites
    articles already loaded even when unchanged. ``schema`` applies the
    constraints and indexes first. Raises ``ConnectionFailed`` if Neo4j goes
    away; what was committed stays.

    Example:

        summary = load(driver, None, sources(["articles/"], driver=driver))
        print(summary.as_dict())
    """
    if schema:
        apply_schema(driver, database)
    counts = counts if counts is not None else Counts()
    skipped = 0

    def records() -> Iterator[ArticleRecords]:
        nonlocal skipped
        for item in items:
            if stop is not None and stop():
                return
            counts.add(item)
            if isinstance(item, InputProblem):
                if on_problem is not None:
                    on_problem(item)
            elif isinstance(item, ArticleOutcome):
                skipped += 1
                if on_progress is not None:
                    on_progress(item)
            else:
                yield item
            if stop is not None and stop():
                return

    try:
        summary = write_batches(
            driver,
            database,
            records(),
            batch_size=batch_size,
            on_article=on_progress,
            replace=replace,
        )
    finally:
        # Stopped early, the input (and any extraction processes) is closed now.
        close = getattr(items, "close", None)
        if close is not None:
            close()
    summary.articles_skipped += skipped
    return summary


def load_files(
    driver: Any,
    database: str | None,
    paths: Sequence[str | Path] = (),
    *,
    records: Sequence[str | Path] = (),
    published: date | datetime | None = None,
    outlet: str | None = None,
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    replace: bool = False,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_progress: Callable[[ArticleOutcome], None] | None = None,
    stop: Callable[[], bool] | None = None,
    counts: Counts | None = None,
) -> LoadSummary:
    """:func:`sources` into :func:`load`: what ``claimgraph load PATHS`` does.

    Articles already in the graph unchanged are skipped before extraction,
    unless ``replace`` asks to rewrite them. The other arguments are those of
    :func:`sources` and :func:`load`.

    Example:

        summary = load_files(driver, None, ["articles/"], published=date(2025, 6, 14))
    """
    items = sources(
        paths,
        records=records,
        published=published,
        outlet=outlet,
        processes=processes,
        driver=None if replace else driver,
        database=database,
    )
    return load(
        driver,
        database,
        items,
        batch_size=batch_size,
        replace=replace,
        on_problem=on_problem,
        on_progress=on_progress,
        stop=stop,
        counts=counts,
    )


def dry_run(
    paths: Sequence[str | Path] = (),
    *,
    records: Sequence[str | Path] = (),
    published: date | datetime | None = None,
    outlet: str | None = None,
    processes: int = 1,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_item: Callable[[Item], None] | None = None,
    counts: Counts | None = None,
) -> Counts:
    """Read and extract as :func:`load_files` would, write nothing, and count.

    Example:

        counts = dry_run(["articles/"])
        print(counts.articles, "articles,", counts.statements, "statements")
    """
    counts = counts if counts is not None else Counts()
    items = sources(paths, records=records, published=published, outlet=outlet, processes=processes)
    for item in items:
        counts.add(item)
        if isinstance(item, InputProblem) and on_problem is not None:
            on_problem(item)
        if on_item is not None:
            on_item(item)
    return counts
