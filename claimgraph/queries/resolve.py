"""Names to graph entities: case-, accent- and alias-insensitive lookup.

The canned queries take a key or an exact name; people type "dravik" or
"Vasko". ``resolve_entity`` turns what they typed into exactly one entity, or
fails with a one-line message: unknown (with the closest names in the graph,
"did you mean ...?"), or ambiguous with the candidates listed.
"""

from __future__ import annotations

import difflib
import re
import shlex
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j.exceptions import ClientError

from claimgraph.errors import QueryError
from claimgraph.queries.catalog import NAME_TYPES, Query
from claimgraph.queries.runner import run_cypher
from claimgraph.schema.model import MODEL, kind_of
from claimgraph.schema.records import normalise_name

__all__ = ["EntityMatch", "find_entities", "resolve_entity", "resolve_names", "similar_names"]

MAX_CANDIDATES = 8
MAX_SUGGESTIONS = 3
# How alike (difflib ratio) a name must be to what was typed to be suggested:
# one wrong, missing or extra letter in a six-letter name still passes.
SUGGEST_CUTOFF = 0.75
# Without the full-text index, names read for suggestions, at most (ranking
# 20,000 took 1.1 s in Python on a 2-core machine; the 200 the index finds, 16 ms).
SUGGEST_SCAN = 20_000

# The entity labels of the data model and the key each is constrained on.
ENTITY_LABELS: tuple[str, ...] = MODEL.entity_labels
_KEYS = {label: MODEL.node(label).key for label in ENTITY_LABELS}


def _by_key(returned: str) -> str:
    """One branch per entity label: the node whose key is ``$text``, found through its constraint."""
    return "\n  UNION\n  ".join(
        f"MATCH (n:{label} {{{key}: $text}}) RETURN {returned}" for label, key in _KEYS.items()
    )


# The key and the full-text search over names and aliases (the schema's
# ``entity_names`` index) in one round trip: what every name lookup runs
# first. A key scores above any full-text match, so it comes first.
_KEY_OR_FULLTEXT = (
    """
CALL () {
  """
    + _by_key("n, 1.0e12 AS score")
    + """
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
  RETURN node AS n, score ORDER BY score DESC LIMIT 200
}
RETURN n.key AS key, n.name AS name, labels(n) AS labels, coalesce(n.aliases, []) AS aliases
ORDER BY score DESC
"""
)

# Without the full-text index (a graph whose schema was never applied).
_SCAN = (
    "\nMATCH (n) WHERE ("
    + " OR ".join(f"n:{label}" for label in ENTITY_LABELS)
    + """)
  AND (n.key = $text OR toLower(n.name) CONTAINS $lower
       OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $lower))
RETURN n.key AS key, n.name AS name, labels(n) AS labels, coalesce(n.aliases, []) AS aliases
LIMIT 200
"""
)

_EXACT_KEY = (
    "\nCALL () {\n  "
    + _by_key("n")
    + """
}
RETURN n.key AS key, n.name AS name, labels(n) AS labels, coalesce(n.aliases, []) AS aliases
"""
)

# Candidates for "did you mean": a fuzzy full-text search (Lucene ``word~``,
# up to two edits per word) over names and aliases, so a typo costs an index
# lookup however large the graph. Labels are fixed here; which of them count
# is a parameter.
_FUZZY = """
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WITH node, score WHERE (node:Actor AND $actors) OR (node:Place AND $places)
RETURN node.name AS name, coalesce(node.aliases, []) AS aliases
ORDER BY score DESC
LIMIT 200
"""

# The same without the index (a graph whose schema was never applied).
_ALL_NAMES = """
CALL () {
  MATCH (n:Actor) WHERE $actors RETURN n
  UNION MATCH (n:Place) WHERE $places RETURN n
}
RETURN n.name AS name, coalesce(n.aliases, []) AS aliases
LIMIT $scan
"""

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


@dataclass(frozen=True)
class EntityMatch:
    """One actor or place a name may refer to."""

    key: str
    name: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def kind(self) -> str:
        """Person, Organization, Country or Place."""
        return kind_of(self.labels)

    def describe(self) -> str:
        return f"{self.name} ({self.kind}, key {self.key})"


def _matches(rows: list[dict[str, Any]]) -> list[EntityMatch]:
    seen: dict[str, EntityMatch] = {}
    for r in rows:
        key = str(r["key"])
        if key not in seen:
            labels = tuple(sorted(str(label) for label in r["labels"]))
            aliases = tuple(str(a) for a in r.get("aliases") or [])
            seen[key] = EntityMatch(key, str(r["name"]), labels, aliases)
    return list(seen.values())


def _lucene(text: str) -> str:
    tokens = [t for t in normalise_name(text).split() if t]
    return " AND ".join(_LUCENE_SPECIAL.sub(r"\\\1", t) for t in tokens)


def find_entities(
    driver: neo4j.Driver,
    database: str | None,
    text: str,
    labels: tuple[str, ...] = ENTITY_LABELS,
) -> tuple[list[EntityMatch], list[EntityMatch]]:
    """Entities named ``text``: ``(exact, partial)``.

    Exact means the name, an alias or the key equals ``text`` once case,
    accents and punctuation are ignored; partial means every word of ``text``
    appears in a name or alias.
    """
    text = text.strip()
    if not text:
        raise QueryError("an empty name matches nothing")
    wanted = normalise_name(text)
    lucene = _lucene(text)
    rows: list[dict[str, Any]] = []
    if lucene:
        try:
            rows = run_cypher(
                driver,
                database,
                _KEY_OR_FULLTEXT,
                {"text": text, "lucene": lucene},
                what="name lookup",
            )
        except QueryError as e:
            if not isinstance(e.__cause__, ClientError):
                raise
            rows = run_cypher(driver, database, _EXACT_KEY, {"text": text}, what="name lookup")
            rows += run_cypher(
                driver, database, _SCAN, {"text": text, "lower": text.lower()}, what="name lookup"
            )
    else:
        rows = run_cypher(driver, database, _EXACT_KEY, {"text": text}, what="name lookup")

    def split(rows: list[dict[str, Any]]) -> tuple[list[EntityMatch], list[EntityMatch]]:
        candidates = [m for m in _matches(rows) if any(label in m.labels for label in labels)]
        exact = [
            m
            for m in candidates
            if m.key == text or wanted in {normalise_name(n) for n in (m.name, *m.aliases)}
        ]
        return candidates, exact

    candidates, exact = split(rows)
    if not exact:
        # The index's analyzer keeps "O'Brien", "J.L." or "a:b" as one token,
        # which the normalised words never match: compare the names themselves.
        rows += run_cypher(
            driver, database, _SCAN, {"text": text, "lower": text.lower()}, what="name lookup"
        )
        candidates, exact = split(rows)
    words = set(wanted.split())
    partial = [
        m
        for m in candidates
        if m not in exact
        and any(words <= set(normalise_name(n).split()) for n in (m.name, *m.aliases))
    ]
    return exact, partial


def resolve_entity(
    driver: neo4j.Driver,
    database: str | None,
    text: str,
    labels: tuple[str, ...] = ENTITY_LABELS,
    what: str = "actor or place",
) -> EntityMatch:
    """The one entity ``text`` names; ``QueryError`` if none or several do."""
    exact, partial = find_entities(driver, database, text, labels)
    # A place renamed keeps its old name as an alias of the new one: the
    # entity whose own name (or key) it is wins over those that merely carry it.
    wanted = normalise_name(text)
    by_name = [m for m in exact if m.key == text.strip() or normalise_name(m.name) == wanted]
    found = (by_name if len(by_name) == 1 else exact) or partial
    if len(found) == 1:
        return found[0]
    if not found:
        hint = [shlex.quote(n) for n in similar_names(driver, database, text, labels)]
        suggest = ""
        if hint:
            names = hint[0] if len(hint) == 1 else ", ".join(hint[:-1]) + " or " + hint[-1]
            suggest = f"; did you mean {names}?"
        raise QueryError(f"no {what} called {text!r} in the graph{suggest}")
    shown = "; ".join(m.describe() for m in found[:MAX_CANDIDATES])
    more = f" and {len(found) - MAX_CANDIDATES} more" if len(found) > MAX_CANDIDATES else ""
    raise QueryError(f"{text!r} is ambiguous: {shown}{more}; use a fuller name or the key")


def similar_names(
    driver: neo4j.Driver,
    database: str | None,
    text: str,
    labels: tuple[str, ...] = ENTITY_LABELS,
    n: int = MAX_SUGGESTIONS,
) -> list[str]:
    """Names of entities spelled most like ``text``, best first (difflib over names and aliases).

    A multi-word name is also compared word by word, so "Vasco" finds "Oren
    Vasko". The entity's own name is what is suggested, whichever of its
    names matched.
    """
    wanted = normalise_name(text)
    if not wanted:
        return []
    which = {"actors": "Actor" in labels, "places": "Place" in labels}
    # Any word alike is a candidate; difflib below decides.
    fuzzy = " OR ".join(_LUCENE_SPECIAL.sub(r"\\\1", w) + "~" for w in wanted.split() if len(w) > 2)
    rows: list[dict[str, Any]] = []
    try:
        if fuzzy:
            rows = run_cypher(
                driver, database, _FUZZY, {"lucene": fuzzy, **which}, what="name suggestions"
            )
    except QueryError as e:
        if not isinstance(e.__cause__, ClientError):
            raise
        rows = run_cypher(
            driver, database, _ALL_NAMES, {"scan": SUGGEST_SCAN, **which}, what="name suggestions"
        )
    spelled: dict[str, set[str]] = {}  # a normalised spelling -> the names it belongs to
    for r in rows:
        name = str(r["name"] or "").strip()
        if not name:
            continue
        for variant in (name, *(str(a) for a in r["aliases"] or [])):
            norm = normalise_name(variant)
            spellings = [norm] if " " in wanted else [norm, *norm.split()]
            for spelling in spellings:
                if len(spelling) >= 3:
                    spelled.setdefault(spelling, set()).add(name)
    out: list[str] = []
    for match in difflib.get_close_matches(wanted, list(spelled), n=n * 3, cutoff=SUGGEST_CUTOFF):
        for name in sorted(spelled[match]):
            if name not in out:
                out.append(name)
    return out[:n]


def resolve_names(
    driver: neo4j.Driver, database: str | None, query: Query, values: dict[str, Any]
) -> dict[str, Any]:
    """``values`` with every name-typed parameter replaced by the key it resolves to."""
    out = dict(values)
    for p in query.params:
        value = out.get(p.name)
        if p.type in NAME_TYPES and isinstance(value, str) and value.strip():
            labels = ("Place",) if p.type == "place" else ENTITY_LABELS
            what = "place" if p.type == "place" else "actor or place"
            out[p.name] = resolve_entity(driver, database, value, labels, what).key
    return out
