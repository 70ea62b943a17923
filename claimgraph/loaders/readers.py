"""Read articles from text, JSON, JSON Lines and CSV files, folders and stdin.

``iter_articles`` yields an ``Article`` for every article it could read and an
``InputProblem`` for everything wrong, in input order, so one bad file never
stops a batch. Formats, chosen by file name:

- ``.jsonl`` / ``.ndjson``: one JSON object per line (streamed);
- ``.json``: one object or a list of objects;
- ``.csv``: a header row naming at least ``text`` (streamed);
- ``.html`` / ``.htm``: a saved web page, its article and metadata read by
  trafilatura (``readers_html``); on stdin, a document starting ``<html`` or
  ``<!doctype html``;
- anything else (``.txt``, ``-`` for stdin): plain text, optionally starting
  with a ``date YYYY-MM-DD`` header.

Folders are walked recursively in sorted order, reading ``.txt``, ``.jsonl``,
``.ndjson``, ``.json``, ``.csv``, ``.html`` and ``.htm`` and skipping hidden names; a folder
reached twice through symbolic links is read once. See ``docs/time.md`` for
the rules on dates.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from claimgraph.loaders import readers_records as _records
from claimgraph.loaders.readers_html import (
    HTML_SUFFIXES,
    MAX_HTML_BYTES,
    looks_like_html,
    read_html,
)
from claimgraph.loaders.readers_records import (
    InputProblem,
    decode,
    make_article,
    read_csv,
    read_json,
    read_jsonl,
)
from claimgraph.schema.records import Article

__all__ = ["InputProblem", "iter_articles", "split_date_header", "FOLDER_SUFFIXES"]

FOLDER_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".csv", *HTML_SUFFIXES)
STDIN = "-"

# "date 2020-10-04" (or "Date: 2020-10-04") at the very start, after optional
# whitespace. The token is anything date-shaped so that "date 2020-13-45" is
# recognised, and reported, rather than left in the text.
_DATE_HEADER = re.compile(r"\A\s*date:?[ \t]+(\d[\d./-]*\d)(?=\s|\Z)\s*", re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;,\"'”’»")


def split_date_header(text: str) -> tuple[str | None, str]:
    """The raw date token of a leading ``date ...`` header (or ``None``) and the body."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text.strip()
    return match[1], text[match.end() :].strip()


def _headline(body: str) -> str | None:
    """The first line when it reads like a headline: short, unpunctuated, followed by more text."""
    first, sep, rest = body.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > 150:
        return None
    if first.endswith(_SENTENCE_END) or len(first.split()) > 20:
        return None
    return first


def _text_article(
    source: str, data: bytes, *, published: date | None, outlet: str | None
) -> Iterator[Article | InputProblem]:
    if not data.strip():
        yield InputProblem(source, "empty file")
        return
    if b"\x00" in data[:8192]:
        yield InputProblem(source, "binary file (NUL bytes); skipped")
        return
    text, replaced = decode(data)
    if replaced:
        yield InputProblem(source, "not valid UTF-8; bad bytes replaced by U+FFFD", "warning")
    token, body = split_date_header(text)
    if not body:
        yield InputProblem(source, "no text after the date header")
        return
    fields: dict[str, object] = {"text": body, "title": _headline(body)}
    if token is not None:
        fields["published"] = token  # make_article validates it and warns once
    yield from make_article(fields, source, published=published, outlet=outlet)


def _read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """Up to ``limit`` bytes, or ``None`` when there is more."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def _read_file(
    path: Path, *, published: date | None, outlet: str | None
) -> Iterator[Article | InputProblem]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        stream = path.open("rb")
    except OSError as e:
        yield InputProblem(source, f"cannot read: {e.strerror or e}")
        return
    with stream:
        try:
            if suffix in (".jsonl", ".ndjson", ".csv"):
                # Binary when the first line is; a NUL in a later line is
                # that line's problem, reported with its number.
                head = stream.read(8192).split(b"\n", 1)[0]
                if b"\x00" in head:
                    yield InputProblem(source, "binary file (NUL bytes); skipped")
                    return
                stream.seek(0)
                reader = read_csv if suffix == ".csv" else read_jsonl
                yield from reader(path, stream, published=published, outlet=outlet)
                return
            limit = _records.MAX_ARTICLE_BYTES
            if suffix == ".json":
                limit = _records.MAX_JSON_BYTES
            elif suffix in HTML_SUFFIXES:
                limit = MAX_HTML_BYTES
            data = _read_limited(stream, limit)
        except OSError as e:
            yield InputProblem(source, f"cannot read: {e.strerror or e}")
            return
    if data is None:
        yield InputProblem(source, f"file larger than {limit} bytes; skipped")
    elif suffix == ".json":
        yield from read_json(path, data, published=published, outlet=outlet)
    elif suffix in HTML_SUFFIXES:
        yield from read_html(source, data, published=published, outlet=outlet)
    else:
        yield from _text_article(source, data, published=published, outlet=outlet)


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | InputProblem]:
    """Article files under ``folder``, sorted, hidden names skipped, each real folder once."""
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return  # a symlink back into a folder already walked
        seen.add(key)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield InputProblem(str(folder), f"cannot read folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, seen)
        elif is_file and path.suffix.lower() in FOLDER_SUFFIXES:
            yield path
        elif entry.is_symlink() and not path.exists():
            yield InputProblem(str(path), "broken symbolic link", "warning")


def iter_articles(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    outlet: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Every article in ``paths`` (files, folders, ``-`` for stdin), and every problem met.

    ``published`` and ``outlet`` fill in records that lack their own; a
    record's own valid date always wins. A missing or invalid date is a
    warning and the article comes with ``published=None``.
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        if str(raw) == STDIN:
            data = _read_limited(sys.stdin.buffer, _records.MAX_ARTICLE_BYTES)
            if data is None:
                yield InputProblem(
                    "<stdin>", f"more than {_records.MAX_ARTICLE_BYTES} bytes; skipped"
                )
            elif looks_like_html(data):
                yield from read_html("<stdin>", data, published=published, outlet=outlet)
            else:
                yield from _text_article("<stdin>", data, published=published, outlet=outlet)
            continue
        path = Path(raw)
        if path.is_dir():
            for item in _walk(path, seen):
                if isinstance(item, InputProblem):
                    yield item
                else:
                    yield from _read_file(item, published=published, outlet=outlet)
        elif path.exists():
            yield from _read_file(path, published=published, outlet=outlet)
        else:
            yield InputProblem(str(path), "no such file or folder")
