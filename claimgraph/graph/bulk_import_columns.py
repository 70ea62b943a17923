"""The CSV columns of the bulk import and how values are written in them.

Headers follow ``neo4j-admin database import``: ``id:ID(Article)`` gives the
node its ``id`` property and puts the value in the ``Article`` id space;
relationships name their ends with ``:START_ID(group)`` / ``:END_ID(group)``;
typed columns (``published:date``, ``aliases:string[]``) store typed values.

Every string is quoted, so an empty string stays an empty string while an
empty unquoted field means "no property" (as a ``null`` does in the writer's
``SET n += row``). Array elements are separated by U+001F, a control
character that does not occur in names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from claimgraph.errors import RecordError

__all__ = [
    "ARRAY_DELIMITER",
    "ARRAY_DELIMITER_OPTION",
    "Column",
    "ARTICLE_COLUMNS",
    "STATEMENT_COLUMNS",
    "EVENT_COLUMNS",
    "ENTITY_COLUMNS",
    "REL_COLUMNS",
    "header",
    "encode_row",
    "row_encoder",
]

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"


@dataclass(frozen=True)
class Column:
    """One CSV column: the row key it reads and its import type."""

    name: str
    type: str = "string"  # string, long, double, boolean, date, datetime, string[], ID(g), ...

    def head(self) -> str:
        if self.type.startswith(("START_ID", "END_ID")):
            return f":{self.type}"
        if self.type == "string":
            return self.name
        return f"{self.name}:{self.type}"


def _nodes(id_col: Column, *cols: Column) -> list[Column]:
    return [id_col, *cols]


ARTICLE_COLUMNS = _nodes(
    Column("id", "ID(Article)"),
    Column("title"),
    Column("published", "date"),
    Column("outlet"),
    Column("url"),
    Column("sha256"),
    Column("source"),
    Column("loaded_at", "datetime"),
)
STATEMENT_COLUMNS = _nodes(
    Column("id", "ID(Statement)"),
    Column("text"),
    Column("quote"),
    Column("cue"),
    Column("mode"),
    Column("said_on", "date"),
    Column("said_on_precision"),
    Column("said_on_anchor"),
    Column("said_on_value"),
    Column("polarity"),
    Column("sentence"),
    Column("start", "long"),
    Column("end", "long"),
    Column("by_outlet", "boolean"),
    Column("speaker_name"),
    Column("act"),
    Column("denies"),
    Column("article"),
    Column("side"),
    Column("side_name"),
)
# Plus one ``count_<what>:long`` column per count an event carries.
EVENT_COLUMNS = _nodes(
    Column("id", "ID(Event)"),
    Column("type"),
    Column("mode"),
    Column("summary"),
    Column("date", "date"),
    Column("date_end", "date"),
    Column("precision"),
    Column("date_anchor"),
    Column("date_value"),
    Column("category"),
    Column("agent_sides", "string[]"),
    Column("narrow_places", "string[]"),
    Column("broad_places", "string[]"),
    Column("article"),
)
ENTITY_COLUMNS = _nodes(
    Column("key", "ID(Entity)"),
    Column("name"),
    Column("kind"),
    Column("country"),
    Column("sector"),
    Column("lat", "double"),
    Column("lon", "double"),
    Column("geonames_id"),
    Column("aliases", "string[]"),
    Column("titles", "string[]"),
    Column("side"),
    Column("side_name"),
)

# Relationships derived from others at load time, to serve the queries in
# one hop (see ``writer_rows``): what a statement is about.
_DERIVED_ENDS = {"ABOUT": ("Statement", "Entity")}

# The id space of each end of each relationship type (labels of the data
# model map to: Article, Statement, Event, and Entity for Actor and Place).
_ENDS = {
    "SAID": ("Entity", "Statement"),
    "REPORTED_IN": ("Statement", "Article"),
    "VIA": ("Statement", "Entity"),
    "CLAIMS": ("Statement", "Event"),
    "MENTIONS": ("Statement", "Entity"),
    "BY": ("Event", "Entity"),
    "AGAINST": ("Event", "Entity"),
    "AT": ("Event", "Entity"),
    "IMPLIED_AT": ("Event", "Entity"),
    **_DERIVED_ENDS,
    "ROLE": ("Entity", "Entity"),
    "IN": ("Entity", "Entity"),
    "RENAMED": ("Entity", "Entity"),
    "PUBLISHED_BY": ("Article", "Entity"),
}
_REL_PROPS: dict[str, tuple[Column, ...]] = {
    "ROLE": (Column("title"), Column("since", "date"), Column("until", "date"), Column("article")),
    "RENAMED": (Column("on", "date"), Column("by"), Column("by_key")),
}
REL_COLUMNS: dict[str, list[Column]] = {
    type_: [
        Column("from", f"START_ID({start})"),
        Column("to", f"END_ID({end})"),
        *_REL_PROPS.get(type_, ()),
    ]
    for type_, (start, end) in _ENDS.items()
}


def header(columns: list[Column]) -> str:
    """The header line of a file with these columns."""
    return ",".join(c.head() for c in columns) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _encode(value: Any, type_: str) -> str:
    if value is None:
        return ""
    if type_ == "long":
        return str(int(value))
    if type_ == "double":
        return repr(float(value))
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ in ("date", "datetime"):
        return value.isoformat() if isinstance(value, date | datetime) else str(value)
    if type_ == "string[]":
        items = [str(v).replace(ARRAY_DELIMITER, " ") for v in value]
        return _quote(ARRAY_DELIMITER.join(items)) if items else ""
    return _quote(str(value))


def encode_row(columns: list[Column], row: dict[str, Any]) -> str:
    """One CSV line; a row key no column reads is an error, never silently lost."""
    return row_encoder(columns)(row)


def _unknown_keys(columns: list[Column], row: dict[str, Any]) -> RecordError:
    extra = row.keys() - {c.name for c in columns}
    return RecordError(
        f"the bulk import has no column for {', '.join(sorted(extra))}: "
        "the record types changed; add the column in bulk_import_columns"
    )


def _field(index: int, column: Column) -> str:
    """The Python expression that encodes one column of row ``r`` (value in ``v{index}``)."""
    v = f"v{index}"
    got = f"({v} := g({column.name!r}))"
    if column.type == "string" or column.type.startswith(("ID(", "START_ID(", "END_ID(")):
        # The common case inline: a str, quoted, its quotes doubled.
        return (
            f"('' if {got} is None else "
            f"('\"' + {v}.replace('\"', '\"\"') + '\"') if {v}.__class__ is str "
            f"else _encode({v}, 'string'))"
        )
    return f"('' if {got} is None else _encode({v}, {column.type!r}))"


_ENCODERS: dict[tuple[Column, ...], Callable[[dict[str, Any]], str]] = {}


def row_encoder(columns: list[Column]) -> Callable[[dict[str, Any]], str]:
    """A function that turns a row into its CSV line, as ``encode_row`` does, faster.

    The function is generated once per column list: one expression per
    column, no per-field dispatch, which matters at a hundred million fields.
    """
    key = tuple(columns)
    known = _ENCODERS.get(key)
    if known is not None:
        return known
    fields = " + ',' + ".join(_field(i, c) for i, c in enumerate(columns))
    source = (
        "def encode(r):\n"
        "    if not r.keys() <= names:\n"
        "        raise unknown(columns, r)\n"
        "    g = r.get\n"
        f"    return {fields} + '\\n'\n"
    )
    scope: dict[str, Any] = {
        "names": frozenset(c.name for c in columns),
        "columns": list(columns),
        "unknown": _unknown_keys,
        "_encode": _encode,
    }
    exec(compile(source, f"<csv encoder {columns[0].head()}>", "exec"), scope)  # noqa: S102
    encode: Callable[[dict[str, Any]], str] = scope["encode"]
    _ENCODERS[key] = encode
    return encode
