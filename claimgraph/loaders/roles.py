"""Titles people hold: "Armenian Defense Ministry spokesman Artsrun Hovhannisian"
→ Role(title="spokesman", of=<Armenian Defense Ministry>).

Read from the words just before a name (or in an appositive after it); the
institution or country named there is what the title is "of".
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.lexicon import TITLE_WORDS, TITLES
from claimgraph.schema.records import Role
from claimgraph.schema.values import normalise_name

__all__ = ["assign_roles"]

_TITLES = sorted(TITLES, key=lambda t: -len(t.split()))
_SKIP = {
    "de",
    "facto",
    "self",
    "-",
    "styled",
    "chief",
    "deputy",
    "acting",
    "former",
    "'s",
    "’s",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "general",
}


def _title_in(words: list[str]) -> str | None:
    text = " ".join(words).replace(" - ", "-")  # "Prosecutor-General" is one title
    low = text.lower()
    for t in _TITLES:
        if f" {t.lower()} " in f" {low} ":
            i = f" {low} ".index(f" {t.lower()} ")
            return text[i : i + len(t)]
    return None


def assign_roles(doc: Doc, table: EntityTable, published: date | None) -> None:
    """Fill ``Entity.roles`` from titles next to person mentions."""
    for m in table.mentions:
        person = table.get(m.entity)
        if person.type != "Person":
            continue
        words: list[str] = []
        owners: list[str] = []
        i = m.start - 1
        if i >= 0 and doc[i].orth_ == ",":  # "Its spokeswoman, Anahit Lorian,"
            i -= 1
        while i >= 0:
            tok = doc[i]
            eid = table.by_token.get(i)
            if eid and eid != person.id:
                if not owners or owners[-1] != eid:
                    owners.append(eid)
            elif (
                tok.lower_ in TITLE_WORDS
                or tok.lower_ in _SKIP
                or tok.text in {"Defense", "Foreign", "Interior"}
            ):
                words.insert(0, tok.text)
            elif tok.lower_ in {"ministry"}:
                words.insert(0, tok.text)
            else:
                # "Kestrian Prime Minister Lidia Vorn": the country's adjective
                # before the title says whose prime minister
                country = table.countries.get(normalise_name(tok.text)) if words else None
                if country and not owners:
                    owners.append(country)
                break
            i -= 1
        if not words:
            # "Kamran Aliyev, the prosecutor-general," : an appositive after the name.
            j = m.end
            if j < len(doc) and doc[j].orth_ == ",":
                after = [t for t in doc[j + 1 : j + 8] if t.orth_ != ","]
                words = [t.text for t in after[:6]]
        title = _title_in(words)
        if not title:
            continue
        if not owners and i >= 0 and doc[i + 1].lower_ in {"its", "their"}:
            owners = [e for e in _nearest_org(table, m.start)]
        owner = _best_owner(table, owners)
        if any(r.title == title and r.of == owner for r in person.roles):
            continue
        person.roles.append(Role(title=title, of=owner, since=None))


def _nearest_org(table: EntityTable, start: int) -> list[str]:
    for m in sorted(table.mentions, key=lambda m: -m.start):
        if m.start < start and table.get(m.entity).type == "Organization":
            return [m.entity]
    return []


def _best_owner(table: EntityTable, owners: list[str]) -> str | None:
    """The institution if one is named, else the country."""
    for eid in owners:
        if table.get(eid).type == "Organization" and table.get(eid).kind != "media":
            return eid
    for eid in owners:
        if table.get(eid).type == "Place" and table.get(eid).is_actor:
            return eid
    return None
