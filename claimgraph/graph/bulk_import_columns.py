"""The CSV columns of the bulk import and how values are written in them.

The columns are those of the data model (``schema.model``): each node
label's properties with their types, each relationship type's ends (in the
id space of their labels) and properties. Headers follow
``neo4j-admin database import``: ``id:ID(Article)`` gives the
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
from claimgraph.schema.model import MODEL, DataModel, NodeType, Property

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
    "node_columns",
    "rel_columns",
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


def _property(p: Property) -> Column:
    return Column(p.name, p.type)


def node_columns(node: NodeType) -> list[Column]:
    """The columns of a node file: the key in the label's id space, then the properties."""
    return [
        Column(p.name, f"ID({node.id_space})") if p.name == node.key else _property(p)
        for p in node.properties
    ]


def rel_columns(model: DataModel = MODEL) -> dict[str, list[Column]]:
    """Relationship type -> its file's columns: both ends in their id spaces, then properties."""
    return {
        rel.type: [
            Column("from", f"START_ID({model.node(rel.starts[0]).id_space})"),
            Column("to", f"END_ID({model.node(rel.ends[0]).id_space})"),
            *(_property(p) for p in rel.properties),
        ]
        for rel in model.relationships
    }


ARTICLE_COLUMNS = node_columns(MODEL.node("Article"))
STATEMENT_COLUMNS = node_columns(MODEL.node("Statement"))
# Plus one ``count_<what>:long`` column per count an event carries.
EVENT_COLUMNS = node_columns(MODEL.node("Event"))
ENTITY_COLUMNS = node_columns(MODEL.entity)
REL_COLUMNS: dict[str, list[Column]] = rel_columns()


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
