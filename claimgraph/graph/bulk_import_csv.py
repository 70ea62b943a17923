"""Article records as CSV files for ``neo4j-admin database import full``.

The rows come from the transactional writer's own row builder
(:func:`claimgraph.graph.writer_rows.article_rows`), and are merged here the
way the writer's ``MERGE`` statements merge them, so that an imported graph
has the same nodes, labels, properties and relationships as a loaded one:

- entities are deduplicated by key across articles by the data model's merge
  rule (``schema.model.fill_entity``): the first name wins, later spellings
  become aliases (unioned in order), ``kind``, ``country``, ``sector``,
  ``lat``, ``lon``, ``geonames_id`` and the side keep their first non-empty
  value, the labels are unioned (a town that speaks in one article becomes
  ``:Place:Actor``). Articles are taken in batches of the writer's size, and
  within a batch label set by label set, in the order the writer runs them;
- relationships between the same two nodes are merged (``ROLE`` per title and
  article, ``RENAMED`` keeping the first date and author), as the model
  declares them;
- an article met twice is imported once; a second copy with different
  content is reported and skipped (``claimgraph load`` replaces articles;
  the bulk import is for a first, full load).

Articles, statements, events and their relationships are streamed to disk
as they come, encoded in this process or in worker processes
(:mod:`claimgraph.graph.bulk_import_encode`); only entities, the
place-to-place links and the ids already seen (to refuse duplicates) are
kept until the end: about 150 bytes per statement or event, plus the
distinct entities.
"""

from __future__ import annotations

import gc
import logging
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from claimgraph.errors import RecordError
from claimgraph.graph.bulk_import_columns import (
    ENTITY_COLUMNS,
    REL_COLUMNS,
    Column,
    header,
    row_encoder,
)
from claimgraph.graph.bulk_import_encode import (
    EncodedArticle,
    FileKey,
    RecordChunks,
    Rejected,
    encoded_articles,
    file_columns,
)
from claimgraph.graph.writer import DEFAULT_BATCH_SIZE
from claimgraph.graph.writer_rows import fold_entity_rows
from claimgraph.schema.model import MODEL, fill_entity, new_entity
from claimgraph.schema.records import ArticleRecords

__all__ = ["ImportFiles", "CsvProblem", "RecordChunks", "write_import_csv"]

log = logging.getLogger(__name__)


@dataclass
class CsvProblem:
    """An article left out of the CSV files, and why."""

    article: str
    source: str | None
    message: str


@dataclass
class ImportFiles:
    """The CSV files of one import and what they hold."""

    directory: Path
    nodes: list[tuple[str, Path]] = field(default_factory=list)  # ("Actor:Person", file)
    relationships: list[tuple[str, Path]] = field(default_factory=list)  # ("SAID", file)
    articles: int = 0
    statements: int = 0
    events: int = 0
    entities: int = 0
    nodes_total: int = 0
    relationships_total: int = 0
    problems: list[CsvProblem] = field(default_factory=list)
    seconds: float = 0.0
    multiline: list[Path] = field(default_factory=list)  # files with a field that spans lines

    @property
    def elements(self) -> int:
        """Nodes plus relationships: the benchmark's unit of work."""
        return self.nodes_total + self.relationships_total


class _Entity:
    """One entity node as the writer's ``MERGE ... SET`` would leave it (the model's merge rule)."""

    __slots__ = ("labels", "props")

    def __init__(self, labels: tuple[str, ...], row: dict[str, Any]) -> None:
        self.labels: list[str] = list(labels)
        self.props: dict[str, Any] = new_entity(row)

    def merge(self, labels: tuple[str, ...], row: dict[str, Any]) -> None:
        for label in labels:
            if label not in self.labels:
                self.labels.append(label)
        fill_entity(self.props, row)

    def label_set(self) -> str:
        return MODEL.label_string(self.labels)

    def row(self) -> dict[str, Any]:
        # An empty list is no property, as the writer leaves it.
        return {
            name: value or None if name in _LISTS else value for name, value in self.props.items()
        }


_LISTS = frozenset(p.name for p in MODEL.entity.properties if p.type.endswith("[]"))


class _File:
    """One open CSV file: its encoder, its row count, and whether a field spans lines."""

    __slots__ = ("fh", "encode", "rows", "multiline", "path")

    def __init__(self, path: Path, columns: list[Column]) -> None:
        self.path = path
        self.fh: IO[str] = path.open("w", encoding="utf-8", newline="", buffering=1 << 20)
        self.fh.write(header(columns))
        self.encode = row_encoder(columns)
        self.rows = 0
        self.multiline = False

    def write(self, row: dict[str, Any]) -> None:
        line = self.encode(row)
        # neo4j-admin parses a file in parallel only if no field holds a line
        # break; note the files that do, so that only they are parsed serially.
        if not self.multiline and (line.find("\n") != len(line) - 1 or "\r" in line):
            self.multiline = True
        self.fh.write(line)
        self.rows += 1

    def write_text(self, text: str, rows: int, multiline: bool) -> None:
        self.fh.write(text)
        self.rows += rows
        self.multiline = self.multiline or multiline


class _Files:
    """Lazily opened CSV files, one per node label set or relationship type."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.open: dict[str, _File] = {}
        self.nodes: list[tuple[str, Path]] = []
        self.relationships: list[tuple[str, Path]] = []

    def file(self, name: str, kind: str, what: str, columns: list[Column]) -> _File:
        known = self.open.get(name)
        if known is not None:
            return known
        path = self.directory / f"{name}.csv"
        out = self.open[name] = _File(path, columns)
        (self.nodes if kind == "node" else self.relationships).append((what, path))
        return out

    def write(
        self, name: str, kind: str, what: str, columns: list[Column], row: dict[str, Any]
    ) -> None:
        self.file(name, kind, what, columns).write(row)

    @property
    def counts(self) -> dict[str, int]:
        return {name: f.rows for name, f in self.open.items()}

    @property
    def multiline(self) -> list[Path]:
        return [f.path for f in self.open.values() if f.multiline]

    def close(self) -> None:
        for f in self.open.values():
            f.fh.close()


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()


def _file_name(key: FileKey) -> tuple[str, str, str]:
    """File name, kind and labels (or type) of the file ``key`` names."""
    if key == "article":
        return "nodes_article", "node", "Article"
    if key == "statement":
        return "nodes_statement", "node", "Statement"
    assert isinstance(key, tuple)
    kind, what = key
    if kind == "event":
        return "nodes_event" + "".join(f"_{_slug(n)}" for n in what), "node", "Event"
    return f"rels_{what.lower()}", "rel", what


class _CsvWriter:
    def __init__(self, directory: Path) -> None:
        self.files = _Files(directory)
        self.by_key: dict[FileKey, _File] = {}
        self.entities: dict[str, _Entity] = {}
        self.articles: dict[str, str] = {}  # id -> sha256
        self.claim_ids: set[str] = set()  # statement and event ids seen
        self.global_edges: dict[tuple[str, str, str], dict[str, Any]] = {}  # IN, RENAMED
        self.result = ImportFiles(directory)

    def add_batch(self, batch: list[EncodedArticle]) -> None:
        # Entities label set by label set, in the order the writer sends them
        # for this batch (as its ``batch_rows`` groups and folds them): it
        # decides which spelling and which kind of a shared entity come first.
        grouped: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for article in batch:
            for labels, entity_rows in article.entities.items():
                grouped[labels].extend(entity_rows)
        for labels, entity_rows in grouped.items():
            for row in fold_entity_rows(entity_rows):
                node = self.entities.get(row["key"])
                if node is None:
                    self.entities[row["key"]] = _Entity(labels, row)
                else:
                    node.merge(labels, row)
        for article in batch:
            self._article(article)

    def accept(self, article: EncodedArticle) -> bool:
        """False (with a problem noted) for an article that cannot go in."""
        known = self.articles.get(article.id)
        if known is not None:
            if known != article.sha256:
                self.result.problems.append(
                    CsvProblem(
                        article.id,
                        article.source,
                        "appears again with different content; the first version is imported "
                        "(use `claimgraph load` to replace articles)",
                    )
                )
            return False
        ids = article.claim_ids
        clash = [i for i in ids if i in self.claim_ids]
        if clash or len(set(ids)) != len(ids):
            self.result.problems.append(
                CsvProblem(
                    article.id,
                    article.source,
                    f"statement or event id {(clash or ids)[0]!r} used twice",
                )
            )
            return False
        self.claim_ids.update(ids)
        self.articles[article.id] = article.sha256
        return True

    def _file(self, key: FileKey) -> _File:
        known = self.by_key.get(key)
        if known is None:
            name, kind, what = _file_name(key)
            known = self.by_key[key] = self.files.file(name, kind, what, file_columns(key))
        return known

    def _article(self, article: EncodedArticle) -> None:
        for key, (text, rows, multiline) in article.text.items():
            self._file(key).write_text(text, rows, multiline)
        for type_, edge in article.global_edges:
            self._global_edge(type_, edge)
        result = self.result
        result.articles += 1
        result.statements += article.text["statement"][1] if "statement" in article.text else 0
        result.events += sum(
            n
            for key, (_, n, _m) in article.text.items()
            if isinstance(key, tuple) and key[0] == "event"
        )

    def _global_edge(self, type_: str, edge: dict[str, Any]) -> None:
        ident = (type_, edge["from"], edge["to"])
        known = self.global_edges.get(ident)
        if known is None:
            self.global_edges[ident] = dict(edge)
        else:  # RENAMED keeps the first non-empty date and author (coalesce)
            for name, value in edge.items():
                if known.get(name) is None:
                    known[name] = value

    def finish(self) -> ImportFiles:
        files = self.files
        for node in self.entities.values():
            labels = node.label_set()
            files.write("nodes_" + _slug(labels), "node", labels, ENTITY_COLUMNS, node.row())
        for (type_, _a, _b), edge in self.global_edges.items():
            files.write(f"rels_{type_.lower()}", "rel", type_, REL_COLUMNS[type_], edge)
        files.close()
        result = self.result
        result.nodes = files.nodes
        result.relationships = files.relationships
        result.multiline = files.multiline
        result.entities = len(self.entities)
        result.nodes_total = sum(n for name, n in files.counts.items() if name.startswith("nodes_"))
        result.relationships_total = sum(
            n for name, n in files.counts.items() if name.startswith("rels_")
        )
        return result


def write_import_csv(
    items: Iterable[ArticleRecords] | RecordChunks,
    directory: str | Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    loaded_at: datetime | None = None,
    processes: int = 1,
    chunk_size: int = 250,
) -> ImportFiles:
    """Write ``items`` as import CSV files into ``directory`` (created; must be empty).

    ``batch_size`` should be the batch size a transactional load would use:
    it decides which spelling of a name met in several articles comes first.
    Articles whose records are inconsistent are reported in ``problems`` and
    left out, as the writer would refuse them. With ``processes`` above 1,
    articles are encoded in that many worker processes, ``chunk_size`` at a
    time (or chunk by chunk of a ``RecordChunks``); the files are the same.

    Example:

        files = write_import_csv(records, "/tmp/csv", processes=2)
        print(files.nodes_total, files.relationships_total, files.multiline)
    """
    started = time.perf_counter()
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise RecordError(f"{out} is not empty: the import CSV files need a folder of their own")
    writer = _CsvWriter(out)
    batch: list[EncodedArticle] = []
    # The ids seen grow to tens of millions of strings, and every cyclic
    # collection walks them all; each article's rows (and the unpickling of
    # a worker's answer) allocate enough to trigger collections all the
    # time, which made the import slower the further it got (unpickling an
    # article: 80 us with a set of 6 million ids and no collector, 1,300 us
    # with it). The rows hold no reference cycles: reference counting frees
    # them, and the collector is back on at the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for article in encoded_articles(
            items, loaded_at or datetime.now(UTC), processes=processes, chunk_size=chunk_size
        ):
            if isinstance(article, Rejected):
                writer.result.problems.append(
                    CsvProblem(article.article, article.source, article.message)
                )
                continue
            if not writer.accept(article):
                continue
            batch.append(article)
            if len(batch) >= batch_size:
                writer.add_batch(batch)
                batch = []
        if batch:
            writer.add_batch(batch)
        result = writer.finish()
    finally:
        writer.files.close()
        if collecting:
            gc.enable()
    result.seconds = time.perf_counter() - started
    log.info(
        "wrote %d nodes and %d relationships as CSV in %.1fs",
        result.nodes_total,
        result.relationships_total,
        result.seconds,
    )
    return result
