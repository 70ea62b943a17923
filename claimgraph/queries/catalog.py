"""The canned queries: ``.cypher`` files with a header, loaded from the package.

Each file starts with ``//`` comment lines that Neo4j Browser ignores::

    // name: who-said
    // answers: Who said what about an actor or place, and when.
    // param: about (string, optional): key or exact name of an actor or place
    // param: limit (int, default 500): most rows returned
    // example: :param about => 'Dravik'

The rest of the file is the Cypher, pasted into Browser as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from claimgraph.errors import QueryError, RecordError
from claimgraph.schema.records import parse_date

__all__ = ["Param", "Query", "PARAM_TYPES", "NAME_TYPES", "all_queries", "get_query", "parse_query"]

# ``entity`` and ``place`` are strings the CLI first resolves to a key by name.
PARAM_TYPES = ("string", "entity", "place", "date", "int", "float", "bool")
NAME_TYPES = ("entity", "place")

_HEADER = re.compile(r"^//\s*(?P<key>[a-z_-]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[a-z]+)\s*,\s*"
    r"(?P<req>required|optional|default\s+(?P<default>[^)]*))\)\s*:\s*(?P<help>.*)$"
)
_TRUE = {"1", "true", "yes", "y", "on"}
_FALSE = {"0", "false", "no", "n", "off"}


@dataclass(frozen=True)
class Param:
    """One ``$parameter`` of a canned query."""

    name: str
    type: str
    required: bool
    default: Any
    help: str

    def convert(self, value: Any) -> Any:
        """``value`` (often a string from the command line) as this parameter's type.

        Dates stay ISO strings: the Cypher calls ``date($param)``, the same as
        a ``:param from => '2020-10-01'`` typed in Neo4j Browser.
        """
        if value is None:
            return None
        try:
            if self.type == "date":
                parsed = parse_date(value, f"parameter {self.name}")
                return parsed.isoformat() if parsed else None
            if self.type == "int":
                return int(value)
            if self.type == "float":
                return float(value)
            if self.type == "bool":
                if isinstance(value, bool):
                    return value
                text = str(value).strip().lower()
                if text in _TRUE | _FALSE:
                    return text in _TRUE
                raise ValueError(f"{value!r} is not true or false")
        except (TypeError, ValueError, RecordError) as e:
            raise QueryError(f"parameter {self.name}: expected {self.type}, got {value!r}") from e
        return str(value)


@dataclass(frozen=True)
class Query:
    """A canned query: its name, what it answers, its parameters and its Cypher."""

    name: str
    answers: str
    params: tuple[Param, ...]
    cypher: str
    examples: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""  # the whole file, header included

    def param(self, name: str) -> Param:
        """The parameter called ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name} has no parameter {name!r} (parameters: {known})")

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """Every parameter typed, defaults filled in; unknown or missing ones refused."""
        for name in values:
            self.param(name)
        bound: dict[str, Any] = {}
        for p in self.params:
            value = values.get(p.name)
            if value is None or value == "":
                if p.required:
                    raise QueryError(f"query {self.name} needs parameter {p.name}: {p.help}")
                value = p.default
            bound[p.name] = p.convert(value)
        # ISO dates compare as strings. An empty window is a mistake, not a question.
        first, last = bound.get("from"), bound.get("to")
        if isinstance(first, str) and isinstance(last, str) and first > last:
            raise QueryError(f"from {first} is later than to {last}: no date can match")
        return bound


def parse_query(text: str, origin: str = "<query>") -> Query:
    """Parse one ``.cypher`` file (header and body)."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    examples: list[str] = []
    body: list[str] = []
    in_header = True
    for line in text.splitlines():
        match = _HEADER.match(line.strip()) if in_header else None
        if match:
            key, value = match["key"], match["value"].strip()
            if key == "param":
                params.append(_parse_param(value, origin))
            elif key == "example":
                examples.append(value)
            else:
                meta[key] = value
            continue
        if in_header and (not line.strip() or line.strip().startswith("//")):
            continue
        in_header = False
        body.append(line)
    if "name" not in meta or "answers" not in meta:
        raise QueryError(f"{origin}: header needs '// name:' and '// answers:' lines")
    cypher = "\n".join(body).strip()
    if not cypher:
        raise QueryError(f"{origin}: no Cypher after the header")
    return Query(meta["name"], meta["answers"], tuple(params), cypher, tuple(examples), text)


def _parse_param(value: str, origin: str) -> Param:
    match = _PARAM.match(value)
    if not match or match["type"] not in PARAM_TYPES:
        raise QueryError(
            f"{origin}: bad param line {value!r}: "
            "expected 'name (type, required|optional|default X): help'"
        )
    required = match["req"] == "required"
    default = match["default"].strip() if match["default"] is not None else None
    param = Param(match["name"], match["type"], required, default, match["help"].strip())
    if default is not None:
        param.convert(default)  # a bad default is a packaging bug: fail loudly here
    return param


@cache
def all_queries() -> dict[str, Query]:
    """Every canned query shipped with the package, by name."""
    out: dict[str, Query] = {}
    folder = resources.files("claimgraph.queries")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            query = parse_query(entry.read_text(encoding="utf-8"), entry.name)
            if query.name in out:
                raise QueryError(f"two canned queries are called {query.name}")
            out[query.name] = query
    return out


def get_query(name: str) -> Query:
    """The canned query called ``name``; unknown names list the known ones."""
    queries = all_queries()
    key = name.strip().lower().replace("_", "-")
    if key not in queries:
        raise QueryError(f"no canned query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[key]
