"""Articles as CSV text for the bulk import, in this process or in worker processes.

Turning one article's records into CSV lines (the writer's row builder, then
one generated encoder per file) needs nothing from the other articles, so it
can run anywhere; only what must be merged across articles comes back as
rows: the entities, and the place-to-place links (``IN``, ``RENAMED``). The
merging, the duplicate checks and the writing stay in one process
(:mod:`claimgraph.graph.bulk_import_csv`), in input order, so the files are
the same whatever the number of processes.

Work is cut into chunks: a list of records, or a picklable callable that
reads or makes records in the worker itself (:class:`RecordChunks`), which
spares the main process the reading and the pickling of the records.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from claimgraph.errors import RecordError
from claimgraph.graph.bulk_import_columns import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    REL_COLUMNS,
    STATEMENT_COLUMNS,
    Column,
    row_encoder,
)
from claimgraph.graph.writer_rows import ArticleRows, article_rows, merge_edge_rows
from claimgraph.schema.model import MODEL
from claimgraph.schema.records import ArticleRecords

__all__ = [
    "Chunk",
    "EncodedArticle",
    "FileKey",
    "RecordChunks",
    "Rejected",
    "encode_article",
    "encode_chunk",
    "encoded_articles",
    "file_columns",
]

log = logging.getLogger(__name__)

# Which file a line goes to: "article", "statement", ("event", count names) or ("rel", type).
FileKey = str | tuple[str, Any]
# A unit of work: records, or a picklable callable that returns them (run in the worker).
Chunk = list[ArticleRecords] | Callable[[], Iterable[ArticleRecords]]


@dataclass(frozen=True)
class RecordChunks:
    """Input for the bulk import as chunks that worker processes read or make themselves.

    Each chunk is a picklable callable returning ``ArticleRecords`` (for
    example ``functools.partial(read_part, path)``); the chunks are taken in
    order, and the files come out as if their records had been given one
    after another.
    """

    chunks: Iterable[Callable[[], Iterable[ArticleRecords]]]


@dataclass
class Rejected:
    """Records the row builder refused (``RecordError``): left out, with the reason."""

    article: str
    source: str | None
    message: str


def file_columns(key: FileKey) -> list[Column]:
    """The columns of the file that ``key`` names."""
    if key == "article":
        return ARTICLE_COLUMNS
    if key == "statement":
        return STATEMENT_COLUMNS
    assert isinstance(key, tuple)
    kind, what = key
    if kind == "event":
        return EVENT_COLUMNS + [Column(n, "long") for n in what]
    return REL_COLUMNS[what]


# Relationships between entities that every article stating them shares (IN, RENAMED).
_SHARED = frozenset(r.type for r in MODEL.relationships if MODEL.shared(r))


class EncodedArticle:
    """One article's CSV text per file, and the rows still to merge across articles."""

    __slots__ = ("id", "sha256", "source", "claim_ids", "entities", "global_edges", "text")

    def __init__(
        self,
        rows: ArticleRows,
        text: dict[FileKey, tuple[str, int, bool]],
        global_edges: list[tuple[str, dict[str, Any]]],
    ) -> None:
        self.id = rows.id
        self.sha256 = rows.sha256
        self.source = rows.source
        self.claim_ids = [s["id"] for s in rows.statements] + [e["id"] for e in rows.events]
        self.entities = rows.entities
        self.global_edges = global_edges
        self.text = text  # key -> (lines, number of lines, a field spans lines)


class _Lines:
    """The lines of one article for one file."""

    __slots__ = ("encode", "parts")

    def __init__(self, key: FileKey) -> None:
        self.encode = row_encoder(file_columns(key))
        self.parts: list[str] = []

    def add(self, row: dict[str, Any]) -> None:
        self.parts.append(self.encode(row))

    def done(self) -> tuple[str, int, bool]:
        text = "".join(self.parts)
        # neo4j-admin can split a file between its threads only if no field
        # holds a line break: note the files that have one.
        multiline = text.count("\n") != len(self.parts) or "\r" in text
        return text, len(self.parts), multiline


def encode_article(rows: ArticleRows, loaded_at: datetime) -> EncodedArticle:
    """The CSV lines of one article (relationships merged as the writer's MERGE would)."""
    out: dict[FileKey, _Lines] = {}

    def lines(key: FileKey) -> _Lines:
        known = out.get(key)
        if known is None:
            known = out[key] = _Lines(key)
        return known

    lines("article").add({**rows.article["props"], "id": rows.id, "loaded_at": loaded_at})
    if rows.statements:
        add = lines("statement").add
        for s in rows.statements:
            add(s)
    for ev in rows.events:
        counts: dict[str, Any] = ev["counts"]
        lines(("event", tuple(sorted(counts)))).add({**ev["props"], **counts})
    global_edges: list[tuple[str, dict[str, Any]]] = []
    for (type_, _start, _end), edge_rows in rows.edges.items():
        if type_ in _SHARED:  # merged across articles, later (bulk_import_csv)
            global_edges.extend((type_, edge) for edge in edge_rows)
            continue
        merged = merge_edge_rows(type_, edge_rows)
        add = lines(("rel", type_)).add
        for edge in merged:
            add(edge)
    return EncodedArticle(rows, {k: v.done() for k, v in out.items()}, global_edges)


def encode_chunk(chunk: Chunk, loaded_at: datetime) -> list[EncodedArticle | Rejected]:
    """Encode every article of ``chunk``; records the row builder refuses become ``Rejected``."""
    out: list[EncodedArticle | Rejected] = []
    for records in chunk() if callable(chunk) else chunk:
        try:
            rows = article_rows(records)
        except RecordError as e:
            out.append(Rejected(records.article.id, records.article.source, str(e)))
            continue
        out.append(encode_article(rows, loaded_at))
    return out


def _chunks(items: Iterable[ArticleRecords] | RecordChunks, size: int) -> Iterator[Chunk]:
    if isinstance(items, RecordChunks):
        yield from items.chunks
        return
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def encoded_articles(
    items: Iterable[ArticleRecords] | RecordChunks,
    loaded_at: datetime,
    *,
    processes: int = 1,
    chunk_size: int = 250,
) -> Iterator[EncodedArticle | Rejected]:
    """Every article of ``items`` encoded, in input order, by ``processes`` processes.

    With one process everything runs here. With more, chunks go to a pool of
    worker processes, at most two per worker in flight, so that memory stays
    flat however long the input is.
    """
    chunks = _chunks(items, chunk_size)
    if processes <= 1:
        for chunk in chunks:
            yield from encode_chunk(chunk, loaded_at)
        return
    # spawn, not fork: the caller may hold driver threads and sockets.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        window: deque[Future[list[EncodedArticle | Rejected]]] = deque(
            pool.submit(encode_chunk, chunk, loaded_at) for chunk in islice(chunks, 2 * processes)
        )
        try:
            while window:
                done = window.popleft().result()
                for chunk in islice(chunks, 1):
                    window.append(pool.submit(encode_chunk, chunk, loaded_at))
                yield from done
        finally:
            for future in window:
                future.cancel()
