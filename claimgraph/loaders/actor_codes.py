"""Actor coding: a country and a sector for every actor, as POLECAT and ICEWS code them.

``country`` is the ISO-3166 alpha-3 code ("AZE", "ARM"). A country with no
ISO code (the fictional Varossa and Kestria of our examples, or a state ISO
does not list) gets a stable code of our own from the user-assigned range
ISO keeps free: ``X`` followed by the first two letters of its name
(Varossa → ``XVA``, Kestria → ``XKE``); :data:`OWN_CODES` fixes the few that
would collide or that have a code in common use (Kosovo → ``XKX``).

``sector`` says which part of a society acts: ``government``, ``military``,
``police``, ``rebel``, ``civilian``, ``media``, ``IGO``, ``NGO``,
``business``, ``judiciary``, ``legislature``, ``opposition``,
``intelligence``, ``religious``. It comes from the organisation's kind and
name words ("Kestrian Armed Forces" → military, "Oskaryn Self-Defence Force"
→ rebel), from the titles a person holds (a defence minister → government, a
ministry's spokesman → the ministry's sector), and from a small dictionary
of well-known bodies. A country acting in its own name is coded with its own
code and no sector, as the PLOVER gold records do.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Token

from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.plover_actors import (
    DEMONYM_CODES,
    GROUP_HEADS,
    KIND_SECTORS,
    KNOWN_SECTORS,
    OWN_CODES,
    TITLE_SECTORS,
    WORD_SECTORS,
)
from claimgraph.schema.records import Entity, normalise_name

__all__ = [
    "code_actors",
    "group_actor",
    "alpha3",
    "own_code",
]


def _has(words: set[str], text: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


@lru_cache(maxsize=4096)
def alpha3(code_or_name: str) -> str | None:
    """ISO-3166 alpha-3 for an alpha-2 code, an alpha-3 code or a country name."""
    value = code_or_name.strip()
    if value in OWN_CODES:
        return OWN_CODES[value]
    try:
        if len(value) == 2 and value.isupper():
            c = pycountry.countries.get(alpha_2=value)
        elif len(value) == 3 and value.isupper():
            c = pycountry.countries.get(alpha_3=value)
        else:
            c = pycountry.countries.lookup(value)
    except (LookupError, KeyError):
        return None
    return c.alpha_3 if c is not None else None


def own_code(name: str) -> str:
    """Our stable code for a country ISO does not list: X + the first two letters."""
    key = normalise_name(name)
    if key in OWN_CODES:
        return OWN_CODES[key]
    letters = unicodedata.normalize("NFKD", key)
    letters = "".join(c for c in letters if c.isascii() and c.isalpha())
    return ("X" + (letters[:2] or "XX")).upper().ljust(3, "X")


def _country_code(e: Entity) -> str | None:
    if e.country:
        return alpha3(e.country) or (e.country if len(e.country) == 3 else None)
    if e.kind == "country":
        return alpha3(e.name) or own_code(e.name)
    return None


def _country_in_name(e: Entity, table: EntityTable, codes: dict[str, str | None]) -> str | None:
    """ "Varossan Defense Ministry", "Ministry of Defence of Kestria": the country it names."""
    words = normalise_name(e.name).split()
    for n in range(len(words), 0, -1):  # longest run first: "north korean"
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            country = table.country_of(phrase)
            if country is not None and country.id != e.id:
                return codes.get(country.id)
            if phrase in DEMONYM_CODES:
                return alpha3(DEMONYM_CODES[phrase])
    return None


def _org_sector(e: Entity) -> str | None:
    name = normalise_name(e.name)
    if name in KNOWN_SECTORS:
        return KNOWN_SECTORS[name]
    for alias in e.aliases:
        if normalise_name(alias) in KNOWN_SECTORS:
            return KNOWN_SECTORS[normalise_name(alias)]
    for words, sector in WORD_SECTORS[:2]:  # police and rebels before a kind
        if _has(words, name):
            return sector
    if e.kind in KIND_SECTORS:
        return KIND_SECTORS[e.kind]
    for words, sector in WORD_SECTORS[2:]:
        if _has(words, name):
            return sector
    return None


def _title_sector(title: str) -> str | None:
    t = normalise_name(title)
    for words, sector in TITLE_SECTORS:
        if _has(words, t):
            return sector
    return None


def group_actor(subject: Token, table: EntityTable) -> Entity | None:
    """The actor an unnamed group stands for: "Burmese troops" → Burmese Armed Forces.

    A subject whose head is a group noun (troops, rebels, authorities,
    demonstrators, ...) and which carries a demonym or a country name becomes
    an organisation named after both, so that it can be coded (Myanmar,
    military) and keyed the same way in every article.
    """
    heads = [subject] + [g for c in subject.children if c.lower_ == "of" for g in c.children]
    for head in heads:
        sector = GROUP_HEADS.get(head.lower_)
        if sector is None:
            continue
        for t in head.subtree:
            if t.i >= head.i:
                break
            words = [t.text]
            if t.i + 1 < head.i:
                words.insert(0, f"{t.text} {t.doc[t.i + 1].text}")  # "Sri Lankan"
            for w in words:
                country = table.country_of(w)
                if normalise_name(w) in DEMONYM_CODES or (country is not None and t.pos_ == "ADJ"):
                    if sector == "military":
                        name = f"{w} Armed Forces"
                        kind = "armed forces"
                    else:
                        name = f"{w} {head.text.lower()}"
                        kind = None
                    return table.add("Organization", name, kind)
    return None


def code_actors(doc: Doc, table: EntityTable) -> None:
    """Give every entity of the article its country (alpha-3) and, for actors, a sector."""
    codes: dict[str, str | None] = {}
    for e in table.entities:  # countries and places first: the others point at them
        if e.type == "Place":
            codes[e.id] = _country_code(e)
    for e in table.entities:
        if e.type == "Organization":
            codes[e.id] = _country_code(e) or _country_in_name(e, table, codes)
    for e in table.entities:
        if e.type == "Place" and codes.get(e.id) is None and e.part_of:
            codes[e.id] = codes.get(e.part_of)
    sectors: dict[str, str | None] = {}
    for e in table.entities:
        if e.type == "Organization":
            sectors[e.id] = _org_sector(e)
    for e in table.entities:
        if e.type != "Person":
            continue
        country = _country_code(e)
        sector = None
        for role in e.roles:
            if role.of is not None:
                country = country or codes.get(role.of)
                sector = sector or sectors.get(role.of)
            sector = sector or _title_sector(role.title)
        codes[e.id] = country or _country_in_name(e, table, codes)
        sectors[e.id] = sector
    for e in table.entities:
        e.set_code(codes.get(e.id), sectors.get(e.id))
