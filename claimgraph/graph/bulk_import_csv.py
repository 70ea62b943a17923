"""Article records as CSV files for ``neo4j-admin database import full``.

The rows come from the transactional writer's own row builder
(:func:`claimgraph.graph.writer_rows.article_rows`), and are merged here the
way the writer's ``MERGE`` statements merge them, so that an imported graph
has the same nodes, labels, properties and relationships as a loaded one:

- entities are deduplicated by key across articles: the first name wins,
  later spellings become aliases (unioned in order), ``kind``, ``country``, ``sector``,
  ``lat``, ``lon`` and ``geonames_id`` keep their first non-empty value, the
  labels are unioned (a town that speaks in one article becomes
  ``:Place:Actor``). Articles are taken in batches of the writer's size, and
  within a batch label set by label set, in the order the writer runs them;
- relationships between the same two nodes are merged (``ROLE`` per title and
  article, ``RENAMED`` keeping the first date and author);
- an article met twice is imported once; a second copy with different
  content is reported and skipped (``claimgraph load`` replaces articles;
  the bulk import is for a first, full load).

Articles, statements, events and their relationships are streamed to disk
as they come; only entities and the place-to-place links are kept in memory
until the end, so memory grows with the number of distinct entities, not
with the number of articles.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from claimgraph.errors import RecordError
from claimgraph.graph.bulk_import_columns import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    REL_COLUMNS,
    STATEMENT_COLUMNS,
    Column,
    encode_row,
    header,
)
from claimgraph.graph.writer import DEFAULT_BATCH_SIZE
from claimgraph.graph.writer_rows import ArticleRows, article_rows, batch_rows
from claimgraph.schema.records import ArticleRecords

__all__ = ["ImportFiles", "CsvProblem", "write_import_csv"]

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

    @property
    def elements(self) -> int:
        """Nodes plus relationships: the benchmark's unit of work."""
        return self.nodes_total + self.relationships_total


class _Entity:
    """One entity node as the writer's ``MERGE ... SET`` would leave it."""

    __slots__ = ("labels", "props", "aliases", "titles")

    def __init__(self, labels: tuple[str, ...], row: dict[str, Any]) -> None:
        self.labels: list[str] = list(labels)
        self.props: dict[str, Any] = {"key": row["key"], "name": row["name"]}
        self.aliases: list[str] = []
        self.titles: list[str] | None = None
        self.merge(labels, row)

    def merge(self, labels: tuple[str, ...], row: dict[str, Any]) -> None:
        for label in labels:
            if label not in self.labels:
                self.labels.append(label)
        for name in ("kind", "country", "sector", "lat", "lon", "geonames_id", "side", "side_name"):
            if self.props.get(name) is None and row.get(name) is not None:
                self.props[name] = row[name]
        for alias in row.get("aliases") or []:
            if alias not in self.aliases:
                self.aliases.append(alias)
        titles = row.get("titles") or []
        if titles:
            self.titles = self.titles or []
            for title in titles:
                if title not in self.titles:
                    self.titles.append(title)

    def label_set(self) -> str:
        # Stable order: the primary label first, as the writer's whitelist has it.
        order = {"Actor": 0, "Place": 0, "Person": 1, "Organization": 1}
        primary = "Place" if "Place" in self.labels else "Actor"
        rest = sorted((la for la in self.labels if la != primary), key=lambda la: (order[la], la))
        return ":".join([primary, *rest])

    def row(self) -> dict[str, Any]:
        return {**self.props, "aliases": self.aliases or None, "titles": self.titles}


class _Files:
    """Lazily opened CSV files, one per node label set or relationship type."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.open: dict[str, tuple[IO[str], list[Column]]] = {}
        self.counts: dict[str, int] = {}
        self.nodes: list[tuple[str, Path]] = []
        self.relationships: list[tuple[str, Path]] = []

    def write(
        self, name: str, kind: str, what: str, columns: list[Column], row: dict[str, Any]
    ) -> None:
        if name not in self.open:
            path = self.directory / f"{name}.csv"
            fh: IO[str] = path.open("w", encoding="utf-8", newline="")
            fh.write(header(columns))
            self.open[name] = (fh, columns)
            self.counts[name] = 0
            (self.nodes if kind == "node" else self.relationships).append((what, path))
        fh, cols = self.open[name]
        fh.write(encode_row(cols, row))
        self.counts[name] += 1

    def close(self) -> None:
        for fh, _ in self.open.values():
            fh.close()


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()


class _CsvWriter:
    def __init__(self, directory: Path, loaded_at: datetime) -> None:
        self.files = _Files(directory)
        self.loaded_at = loaded_at
        self.entities: dict[str, _Entity] = {}
        self.articles: dict[str, str] = {}  # id -> sha256
        self.claim_ids: set[str] = set()  # statement and event ids seen
        self.global_edges: dict[tuple[str, str, str], dict[str, Any]] = {}  # IN, RENAMED
        self.result = ImportFiles(directory)

    def add_batch(self, batch: list[ArticleRows]) -> None:
        # Entities label set by label set, in the order the writer sends them
        # for this batch (its own ``batch_rows``): it decides which spelling
        # and which kind of a shared entity come first.
        for labels, entity_rows in batch_rows(batch).entities.items():
            for row in entity_rows:
                node = self.entities.get(row["key"])
                if node is None:
                    self.entities[row["key"]] = _Entity(labels, row)
                else:
                    node.merge(labels, row)
        for rows in batch:
            self._article(rows)

    def accept(self, rows: ArticleRows) -> bool:
        """False (with a problem noted) for an article that cannot go in."""
        known = self.articles.get(rows.id)
        if known is not None:
            if known != rows.sha256:
                self.result.problems.append(
                    CsvProblem(
                        rows.id,
                        rows.source,
                        "appears again with different content; the first version is imported "
                        "(use `claimgraph load` to replace articles)",
                    )
                )
            return False
        ids = [s["id"] for s in rows.statements] + [e["id"] for e in rows.events]
        clash = [i for i in ids if i in self.claim_ids]
        if clash or len(set(ids)) != len(ids):
            self.result.problems.append(
                CsvProblem(
                    rows.id, rows.source, f"statement or event id {(clash or ids)[0]!r} used twice"
                )
            )
            return False
        self.claim_ids.update(ids)
        self.articles[rows.id] = rows.sha256
        return True

    def _article(self, rows: ArticleRows) -> None:
        files = self.files
        props = {**rows.article["props"], "id": rows.id, "loaded_at": self.loaded_at}
        files.write("nodes_article", "node", "Article", ARTICLE_COLUMNS, props)
        self.result.articles += 1
        for s in rows.statements:
            files.write("nodes_statement", "node", "Statement", STATEMENT_COLUMNS, s)
        self.result.statements += len(rows.statements)
        for ev in rows.events:
            counts: dict[str, Any] = ev["counts"]
            names = sorted(counts)
            columns = EVENT_COLUMNS + [Column(n, "long") for n in names]
            name = "nodes_event" + "".join(f"_{_slug(n)}" for n in names)
            files.write(name, "node", "Event", columns, {**ev["props"], **counts})
        self.result.events += len(rows.events)
        seen: dict[tuple[Any, ...], dict[str, Any]] = {}
        for (type_, _start, _end), edge_rows in rows.edges.items():
            for edge in edge_rows:
                if type_ in ("IN", "RENAMED"):
                    self._global_edge(type_, edge)
                    continue
                ident: tuple[Any, ...] = (type_, edge["from"], edge["to"])
                if type_ == "ROLE":
                    ident += (edge["title"], edge["article"])
                    if ident in seen:
                        seen[ident].update(edge)  # SET r.since = row.since: the last row wins
                        continue
                elif ident in seen:
                    continue
                seen[ident] = dict(edge)
        for ident, edge in seen.items():
            type_ = ident[0]
            files.write(f"rels_{type_.lower()}", "rel", type_, REL_COLUMNS[type_], edge)

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
        result.entities = len(self.entities)
        result.nodes_total = sum(n for name, n in files.counts.items() if name.startswith("nodes_"))
        result.relationships_total = sum(
            n for name, n in files.counts.items() if name.startswith("rels_")
        )
        return result


def write_import_csv(
    items: Iterable[ArticleRecords],
    directory: str | Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    loaded_at: datetime | None = None,
) -> ImportFiles:
    """Write ``items`` as import CSV files into ``directory`` (created; must be empty).

    ``batch_size`` should be the batch size a transactional load would use:
    it decides which spelling of a name met in several articles comes first.
    Articles whose records are inconsistent are reported in ``problems`` and
    left out, as the writer would refuse them.
    """
    started = time.perf_counter()
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise RecordError(f"{out} is not empty: the import CSV files need a folder of their own")
    writer = _CsvWriter(out, loaded_at or datetime.now(UTC))
    batch: list[ArticleRows] = []
    try:
        for records in items:
            try:
                rows = article_rows(records)
            except RecordError as e:
                writer.result.problems.append(
                    CsvProblem(records.article.id, records.article.source, str(e))
                )
                continue
            if not writer.accept(rows):
                continue
            batch.append(rows)
            if len(batch) >= batch_size:
                writer.add_batch(batch)
                batch = []
        if batch:
            writer.add_batch(batch)
        result = writer.finish()
    finally:
        writer.files.close()
    result.seconds = time.perf_counter() - started
    log.info(
        "wrote %d nodes and %d relationships as CSV in %.1fs",
        result.nodes_total,
        result.relationships_total,
        result.seconds,
    )
    return result
