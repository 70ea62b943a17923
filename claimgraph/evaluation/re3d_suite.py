"""The re3d suite: entity types on 88 defence and security documents (Dstl re3d).

Gold: re3d's Person, Organisation and Location annotations that are proper
names (every word capitalised but "of", "and", "the", …; a leading "the"
dropped), distinct per document; where a span carries two types the more
confident wins; an Organisation is also right as a Place that acts. Nationality (an adjective of a country: "Syrian") is right
when the document's entities hold a Place named for that country; adjectives
the demonym lexicon does not tie to a country ("Sunni") are counted apart
and left out. Matching and types as in ``names.score_names``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.evaluation.matching import name_keys
from claimgraph.evaluation.names import GoldName, NameScore, score_names
from claimgraph.schema.records import Article, ArticleRecords, Entity

__all__ = ["Re3dDocument", "article_for", "read_re3d", "score_re3d_names"]

_TYPES = {"Person": "Person", "Organisation": "Organization", "Location": "Place"}
_SMALL = {"of", "and", "the", "for", "on", "in", "de", "al", "el", "&", "-", "'s"}


@dataclass
class Re3dDocument:
    """One re3d document and its distinct gold names."""

    id: str
    source: str  # the sub-collection: CENTCOM, UK_Government, …
    title: str
    text: str
    names: list[GoldName]


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    # mongoexport: one JSON object per line, with a byte-order mark at the start.
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    for n, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not valid JSON: {e}") from e


def proper_name(value: str) -> str | None:
    """The name without a leading "the", if every content word is capitalised."""
    name = re.sub(r"^(?:the|The)\s+", "", value.strip())
    words = [w for w in re.split(r"\s+", name) if w]
    if not words or not words[0][:1].isupper():
        return None
    if all(w.lower() in _SMALL or w[:1].isupper() or w[:1].isdigit() for w in words):
        return name
    return None


def _names(entities: list[dict[str, Any]]) -> list[GoldName]:
    by_span: dict[tuple[int, int], dict[str, Any]] = {}
    for e in entities:
        if e.get("type") not in (*_TYPES, "Nationality"):
            continue
        span = (int(e.get("begin", 0)), int(e.get("end", 0)))
        if span not in by_span or e.get("confidence", 0) > by_span[span].get("confidence", 0):
            by_span[span] = e
    out: dict[str, GoldName] = {}
    for e in sorted(by_span.values(), key=lambda e: (e.get("begin", 0), e.get("end", 0))):
        name = proper_name(str(e.get("value", "")))
        key = next(iter(name_keys([name])), None) if name else None
        if name and key and key not in out:
            out[key] = GoldName(name, str(e["type"]))
    return list(out.values())


def read_re3d(folder: str | Path) -> Iterator[Re3dDocument]:
    """Every re3d document under ``folder`` (sub-collections sorted), with its names."""
    for docs_path in sorted(Path(folder).glob("*/documents.json")):
        entities: dict[str, list[dict[str, Any]]] = {}
        for e in _lines(docs_path.parent / "entities.json"):
            entities.setdefault(str(e.get("documentId")), []).append(e)
        for d in _lines(docs_path):
            did = str(d["_id"])
            yield Re3dDocument(
                did,
                docs_path.parent.name,
                str(d.get("title") or ""),
                str(d.get("text") or ""),
                _names(entities.get(did, [])),
            )


def article_for(doc: Re3dDocument) -> Article:
    """The article the extractor is given (re3d documents carry no date)."""
    return Article(id=f"re3d-{doc.id[:12]}", title=doc.title, text=doc.text)


def _type_ok(g: GoldName, e: Entity) -> bool:
    # A country acting (its government) counts as an organisation, as in MEANTIME.
    return e.type == _TYPES[g.type] or (
        g.type == "Organisation" and e.type == "Place" and e.is_actor
    )


def score_re3d_names(
    doc: Re3dDocument, records: ArticleRecords, country_of: Callable[[str], str | None]
) -> tuple[NameScore, int]:
    """Entity-type figures for one document, and the nationalities left out.

    ``country_of`` maps an adjective to its country's name ("Syrian" → "Syria").
    """
    score = score_names(
        [g for g in doc.names if g.type != "Nationality"], records.entities, _type_ok
    )
    unmapped = 0
    places = [e for e in records.entities if e.type == "Place"]
    for g in doc.names:
        if g.type != "Nationality":
            continue
        country = country_of(g.name)
        if country is None:
            unmapped += 1
            continue
        wanted = name_keys([country])
        right = any(wanted & name_keys([e.name, *e.aliases]) for e in places)
        score.count("Nationality", right, right)
    return score, unmapped
