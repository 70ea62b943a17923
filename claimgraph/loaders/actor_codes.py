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
from spacy.tokens import Doc

from claimgraph.loaders.entities import EntityTable
from claimgraph.loaders.lexicon import DEMONYMS
from claimgraph.schema.records import Entity, normalise_name

__all__ = ["OWN_CODES", "KNOWN_SECTORS", "code_actors", "alpha3", "own_code"]

# Codes for names ISO does not list, where the X + two letters rule would mislead.
OWN_CODES: dict[str, str] = {
    "XK": "XKX",
    "kosovo": "XKX",
    "soviet union": "SUN",
    "palestine": "PSE",
}

# Well-known bodies and their sectors (normalised name → sector).
KNOWN_SECTORS: dict[str, str] = {
    **dict.fromkeys(
        [
            "united nations",
            "un",
            "un security council",
            "security council",
            "nato",
            "european union",
            "eu",
            "osce",
            "minsk group",
            "council of europe",
            "collective security treaty organization",
            "csto",
            "african union",
            "arab league",
            "iaea",
            "world food program",
            "unhcr",
            "arvel contact group",
        ],
        "IGO",
    ),
    **dict.fromkeys(
        [
            "human rights watch",
            "amnesty international",
            "international committee of the red cross",
            "red cross",
            "red crescent",
            "doctors without borders",
            "icrc",
        ],
        "NGO",
    ),
    **dict.fromkeys(["kremlin", "white house", "state department"], "government"),
    "pentagon": "military",
}

# Organisation kinds the entity table gives → sector.
_KIND_SECTORS = {
    "ministry": "government",
    "government": "government",
    "agency": "government",
    "armed forces": "military",
    "armed group": "rebel",
    "parliament": "legislature",
    "international body": "IGO",
    "media": "media",
    "platform": "media",
}
# Name words → sector, checked before the kind (a "militia" group is rebel).
_WORD_SECTORS = [
    ({"police", "gendarmerie", "militsiya"}, "police"),
    (
        {
            "rebel",
            "rebels",
            "militia",
            "militias",
            "guerrilla",
            "guerrillas",
            "insurgent",
            "insurgents",
            "separatist",
            "separatists",
            "self defence",
            "self defense",
            "liberation",
            "mercenaries",
        },
        "rebel",
    ),
    ({"court", "judge", "prosecutor", "tribunal", "judiciary"}, "judiciary"),
    ({"parliament", "assembly", "congress", "senate", "duma"}, "legislature"),
    ({"intelligence", "security service"}, "intelligence"),
    ({"opposition", "party"}, "opposition"),
    ({"church", "patriarchate", "mosque", "diocese"}, "religious"),
    ({"company", "corporation", "bank", "inc", "ltd", "group plc"}, "business"),
    ({"army", "armed forces", "forces", "troops", "military", "navy", "air force"}, "military"),
    ({"ministry", "government", "cabinet", "presidency", "office"}, "government"),
    ({"watch", "foundation", "charity", "human rights", "doctors"}, "NGO"),
    ({"news", "radio", "tv", "television", "times", "agency", "herald", "press"}, "media"),
]
# Title words a person holds → sector (unless the role is in an organisation with one).
_TITLE_SECTORS = [
    ({"commander", "general", "colonel", "chief of general staff", "major"}, "military"),
    ({"lawmaker", "senator", "speaker", "deputy", "mp"}, "legislature"),
    ({"patriarch", "archbishop", "bishop", "imam", "mufti"}, "religious"),
    ({"prosecutor", "judge"}, "judiciary"),
    (
        {
            "president",
            "minister",
            "prime minister",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "press secretary",
            "ambassador",
            "envoy",
            "official",
            "mayor",
            "governor",
            "chancellor",
            "secretary",
            "ombudsman",
            "king",
            "queen",
            "prince",
            "aide",
            "adviser",
            "advisor",
        },
        "government",
    ),
]
_DEMONYM_CODES = {normalise_name(d): cc for d, cc in DEMONYMS.items()}


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
            if phrase in _DEMONYM_CODES:
                return alpha3(_DEMONYM_CODES[phrase])
    return None


def _org_sector(e: Entity) -> str | None:
    name = normalise_name(e.name)
    if name in KNOWN_SECTORS:
        return KNOWN_SECTORS[name]
    for alias in e.aliases:
        if normalise_name(alias) in KNOWN_SECTORS:
            return KNOWN_SECTORS[normalise_name(alias)]
    for words, sector in _WORD_SECTORS[:2]:  # police and rebels before a kind
        if _has(words, name):
            return sector
    if e.kind in _KIND_SECTORS:
        return _KIND_SECTORS[e.kind]
    for words, sector in _WORD_SECTORS[2:]:
        if _has(words, name):
            return sector
    return None


def _title_sector(title: str) -> str | None:
    t = normalise_name(title)
    for words, sector in _TITLE_SECTORS:
        if _has(words, t):
            return sector
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
