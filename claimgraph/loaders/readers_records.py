"""Structured article files: JSON, JSON Lines and CSV.

Each record carries the fields ``id``, ``title``, ``url``, ``outlet``,
``published`` and ``text`` (``date`` is accepted for ``published``). JSONL and
CSV are read one record at a time, so a file of any size streams; a JSON file
holds one object or a list and is read whole, up to ``MAX_JSON_BYTES``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, article_id_for, sha256_of

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_JSON_BYTES",
    "InputProblem",
    "make_article",
    "decode",
    "parse_published",
    "read_csv",
    "read_json",
    "read_jsonl",
]

# One article's text may not exceed this; larger records or files are
# reported and skipped (nobody writes a 20 MB news article; it is a dump).
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# A .json file is parsed whole, so it gets its own, larger ceiling.
MAX_JSON_BYTES = 200 * 1024 * 1024

_SURROGATE = re.compile("[\udc80-\udcff]")


Item = Article | InputProblem


def decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text of ``data`` (BOM dropped) and whether bytes had to be replaced."""
    text = data.decode("utf-8", errors="surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    if _SURROGATE.search(text):
        return _SURROGATE.sub("\ufffd", text), True
    return text, False


def parse_published(value: Any) -> date | None:
    """A ``YYYY-MM-DD`` date or an ISO datetime; ``ValueError`` when invalid."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"invalid date {value!r}")
    raw = value.strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", raw)
    if not match:
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD")
    try:
        parsed = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as e:
        raise ValueError(f"invalid date {value!r}: {e}") from e
    return parsed


def _text_field(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def make_article(
    fields: dict[str, Any],
    source: str,
    *,
    published: date | None,
    outlet: str | None,
) -> Iterator[Item]:
    """The article of one record, preceded by any warnings; or one error."""
    text = fields.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        yield InputProblem(source, "missing or empty 'text'")
        return
    if not isinstance(text, str):
        yield InputProblem(source, f"'text' must be a string, not {type(text).__name__}")
        return
    text = text.strip()
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        yield InputProblem(source, f"text larger than {MAX_ARTICLE_BYTES} bytes; skipped")
        return
    raw_date = fields.get("published", fields.get("date"))
    when: date | None = None
    if raw_date not in (None, ""):
        try:
            when = parse_published(raw_date)
        except ValueError as e:
            fallback = f"; using --published {published}" if published else "; published left empty"
            yield InputProblem(source, f"{e}{fallback}", "warning")
            when = published
    else:
        when = published
        if when is None:
            yield InputProblem(
                source, "no publication date; relative dates stay unresolved", "warning"
            )
    raw_id = fields.get("id")
    article_id = str(raw_id).strip() if raw_id not in (None, "") else ""
    yield Article(
        id=article_id or article_id_for(text),
        title=_text_field(fields.get("title")),
        published=when,
        outlet=_text_field(fields.get("outlet")) or outlet,
        url=_text_field(fields.get("url")),
        sha256=sha256_of(text),
        source=source,
        text=text,
    )


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; ``None`` for a line over ``limit``.

    ``readline(limit)`` keeps memory bounded even when a "line" is a whole
    multi-gigabyte file without newlines.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def read_jsonl(
    path: Path, stream: BinaryIO, *, published: date | None, outlet: str | None
) -> Iterator[Item]:
    """Articles of a JSON Lines stream, one object per line; blank lines are skipped."""
    seen_any = False
    for number, raw in _bounded_lines(stream, MAX_ARTICLE_BYTES):
        source = f"{path}:{number}"
        if raw is None:
            yield InputProblem(source, f"line longer than {MAX_ARTICLE_BYTES} bytes; skipped")
            seen_any = True
            continue
        if b"\x00" in raw:
            yield InputProblem(source, "binary data (NUL bytes); skipped")
            seen_any = True
            continue
        line, replaced = decode(raw)
        if not line.strip():
            continue
        seen_any = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputProblem(source, f"bad JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(record, dict):
            yield InputProblem(source, f"expected a JSON object, got {type(record).__name__}")
            continue
        if replaced:
            yield InputProblem(source, "not valid UTF-8; bad bytes replaced by U+FFFD", "warning")
        yield from make_article(record, source, published=published, outlet=outlet)
    if not seen_any:
        yield InputProblem(str(path), "empty file")


def read_json(
    path: Path, data: bytes, *, published: date | None, outlet: str | None
) -> Iterator[Item]:
    """Articles of a JSON document: one object, or a list of objects."""
    text, replaced = decode(data)
    if not text.strip():
        yield InputProblem(str(path), "empty file")
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputProblem(str(path), f"bad JSON: {e.msg} at line {e.lineno} column {e.colno}")
        return
    if replaced:
        yield InputProblem(str(path), "not valid UTF-8; bad bytes replaced by U+FFFD", "warning")
    if isinstance(document, dict):
        yield from make_article(document, str(path), published=published, outlet=outlet)
        return
    if not isinstance(document, list):
        yield InputProblem(str(path), "expected a JSON object or a list of objects")
        return
    if not document:
        yield InputProblem(str(path), "empty list; no articles")
    for index, record in enumerate(document):
        source = f"{path}[{index}]"
        if not isinstance(record, dict):
            yield InputProblem(source, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield from make_article(record, source, published=published, outlet=outlet)


def read_csv(
    path: Path, stream: BinaryIO, *, published: date | None, outlet: str | None
) -> Iterator[Item]:
    """Articles of a CSV file with a header row naming at least ``text``."""
    # surrogateescape lets a bad byte through to the row it belongs to, where
    # it is replaced and reported with that row's line number.
    reader_stream = io.TextIOWrapper(
        stream, encoding="utf-8-sig", errors="surrogateescape", newline=""
    )
    if csv.field_size_limit() < MAX_ARTICLE_BYTES + 1:
        csv.field_size_limit(MAX_ARTICLE_BYTES + 1)
    reader = csv.DictReader(reader_stream)
    try:
        header = reader.fieldnames
    except csv.Error as e:
        yield InputProblem(str(path), f"bad CSV header: {e}")
        return
    if not header:
        yield InputProblem(str(path), "empty file")
        return
    names = [(h or "").strip().lower() for h in header]
    if "text" not in names:
        yield InputProblem(str(path), "no 'text' column in the CSV header")
        return
    reader.fieldnames = names
    first_line = reader.line_num + 1
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield InputProblem(f"{path}:{first_line}", f"bad CSV: {e}; rest of file skipped")
            return
        source = f"{path}:{first_line}"
        first_line = reader.line_num + 1
        rows += 1
        fields: dict[str, Any] = {}
        replaced = False
        for key, value in row.items():
            if key is None or value is None:
                continue  # extra or missing cells
            if _SURROGATE.search(value):
                value, replaced = _SURROGATE.sub("\ufffd", value), True
            fields[key] = value
        if replaced:
            yield InputProblem(source, "not valid UTF-8; bad bytes replaced by U+FFFD", "warning")
        yield from make_article(fields, source, published=published, outlet=outlet)
    if rows == 0:
        yield InputProblem(str(path), "no rows after the header")
