"""Reading article records back: ``extract --format json`` documents and JSONL.

Two shapes are accepted, told apart by their first non-blank character and
line: a document ``{"articles": [...]}`` (what ``claimgraph extract --format
json`` prints) or JSON Lines with one ``ArticleRecords.to_json()`` object per
line. A folder holds partition files ``part-NNNNN.jsonl`` (JSON Lines).
Every bad article becomes an ``InputProblem`` naming the file and line
(or the document index); the others load.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from claimgraph.errors import ClaimgraphError
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import ArticleRecords

__all__ = ["PART_GLOB", "iter_record_file"]

STDIN = "-"
# Partitions written by ``extract --dask``; unfinished ones have another name.
PART_GLOB = "part-*.jsonl"


def _parse(data: Any, where: str) -> ArticleRecords | InputProblem:
    try:
        return ArticleRecords.from_json(data)
    except ClaimgraphError as e:
        return InputProblem(where, str(e))
    except (TypeError, ValueError, AttributeError) as e:
        # Wrong JSON types (a string where an object belongs) surface here.
        return InputProblem(where, f"malformed article record: {e}")


def _document(text: str, name: str) -> Iterator[ArticleRecords | InputProblem]:
    try:
        document = json.loads(text)
    except ValueError as e:
        yield InputProblem(name, f"not valid JSON: {e}")
        return
    if not isinstance(document, dict) or not isinstance(document.get("articles"), list):
        yield InputProblem(name, "expected an object with an 'articles' list")
        return
    for index, data in enumerate(document["articles"]):
        yield _parse(data, f"{name}[{index}]")


def _lines(first: str, stream: IO[str], name: str) -> Iterator[ArticleRecords | InputProblem]:
    def numbered() -> Iterator[tuple[int, str]]:
        yield 1, first
        yield from enumerate(stream, start=2)

    for number, line in numbered():
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(line)
        except ValueError as e:
            yield InputProblem(where, f"not valid JSON: {e}")
            continue
        if isinstance(data, dict) and "articles" in data and "article" not in data:
            # A one-line extract document.
            yield from _document(line, where)
            continue
        yield _parse(data, where)


def _records(stream: IO[str], name: str) -> Iterator[ArticleRecords | InputProblem]:
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    if first.strip() == "{" or (first.lstrip().startswith('{"articles"') and not _is_line(first)):
        # A pretty-printed (or one-line) extract document.
        yield from _document(first + stream.read(), name)
    else:
        yield from _lines(first, stream, name)


def _is_line(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def iter_record_file(path: str | Path) -> Iterator[ArticleRecords | InputProblem]:
    """Article records from a JSON document, a JSONL file (``-`` for stdin), or a
    folder of ``part-NNNNN.jsonl`` files (``extract --dask --out DIR``), in name order.
    """
    name = "<stdin>" if str(path) == STDIN else str(path)
    if str(path) == STDIN:
        yield from _records(sys.stdin, name)
        return
    if Path(path).is_dir():
        parts = sorted(Path(path).glob(PART_GLOB))
        if not parts:
            yield InputProblem(name, "no part-*.jsonl record files in this folder")
        for part in parts:
            yield from iter_record_file(part)
        return
    try:
        with open(path, encoding="utf-8") as stream:
            yield from _records(stream, name)
    except FileNotFoundError:
        yield InputProblem(name, "no such file")
    except UnicodeDecodeError as e:
        yield InputProblem(name, f"not UTF-8 text: {e}")
    except OSError as e:
        yield InputProblem(name, f"cannot read: {e.strerror or e}")
