"""Renamings: "Madagiz ... will be called #Sugovushan" found between two places of an
article, and recorded on the old place when a statement claims the renaming.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from claimgraph.loaders.entities import EntityTable
from claimgraph.schema.records import Entity, Renaming, Statement

__all__ = ["find_renamings", "record_renaming"]


_NEW_NAME_CUES = {"called", "renamed", "named", "rename", "known"}
_SKIP_TO_NAME = {"#", "to", "as", "by", "its", "old", "new", "historical", "name", ",", ":", "the"}


def find_renamings(doc: Doc, table: EntityTable) -> list[tuple[str, str, int]]:
    """(old place id, new place id, character offset) for "X ... will be called #Y",
    "renamed X to Y", "known by its old name, Y". The new name becomes a place even
    when the tagger took it for a person or an organisation."""
    out: list[tuple[str, str, int]] = []
    for tok in doc:
        if tok.lower_ not in _NEW_NAME_CUES:
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].lower_ in _SKIP_TO_NAME and j < tok.i + 7:
            j += 1
        if j >= len(doc) or not doc[j].is_title:
            continue
        end = j
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        end = max(end, j + 1)
        old = _earlier_place(doc, table, tok.i)
        if old is None:
            continue
        new = table.at(j)
        name = doc[j:end].text
        if new is None:
            new = table.add("Place", name, old.kind or "place")
            table.mark(new, j, end)
        elif new.type != "Place":  # the tagger's person or organisation is the new name
            new = table.retype(new, "Place", old.kind or "place")
        if new.id != old.id:
            out.append((old.id, new.id, doc[j].idx))
    return out


def _earlier_place(doc: Doc, table: EntityTable, i: int) -> Entity | None:
    """The place named last before a renaming cue, within two sentences."""
    start = max(0, doc[i].sent.start - 40)
    for k in range(i - 1, start - 1, -1):
        e = table.at(k)
        if e is not None and e.type == "Place" and not e.is_actor:
            return e
    return None


def record_renaming(
    doc: Doc,
    span: object,
    table: EntityTable,
    st: Statement,
    on: date | None,
    renamings: list[tuple[str, str, int]],
) -> None:
    """Record "X renamed to Y" on the old place, dated and by the speaker."""
    pairs = [(o, n) for o, n, at in renamings if st.start <= at <= st.end]
    if not pairs:
        return
    old, new = table.get(pairs[0][0]), table.get(pairs[0][1])
    if any(r.to == new.id for r in old.renamed):
        return
    old.renamed.append(Renaming(to=new.id, on=on, by=st.speaker))
    table.add_alias(old, new.name)
    table.add_alias(new, old.name)
