"""Titles of people and the nouns that make a name a place. Re-exported by ``lexicon``."""

from __future__ import annotations

__all__ = ["PLACE_NOUNS", "TITLE_WORDS", "TITLES", "only_a_title"]

# Titles that precede or follow a person's name, longest first when matched.
TITLES = (
    "President",
    "Prime Minister",
    "Defense Minister",
    "Defence Minister",
    "Foreign Minister",
    "Interior Minister",
    "Health Minister",
    "Minister",
    "Deputy Prime Minister",
    "Deputy Foreign Minister",
    "Deputy Defense Minister",
    "Ombudsman",
    "Human Rights Ombudsman",
    "Prosecutor-General",
    "Prosecutor General",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press secretary",
    "Chief of General Staff",
    "commander",
    "Commander",
    "General",
    "Colonel",
    "Major General",
    "Lieutenant General",
    "Ambassador",
    "ambassador",
    "envoy",
    "Speaker",
    "Chancellor",
    "Secretary of State",
    "Secretary-General",
    "Secretary General",
    "Mayor",
    "Governor",
    "de facto leader",
    "leader",
    "aide",
    "adviser",
    "advisor",
    "official",
    "Patriarch",
    "King",
    "Queen",
    "Prince",
    "Senator",
    "lawmaker",
    "deputy",
)

# Every word of a title, lower-cased: the words a person's name does not include.
TITLE_WORDS = frozenset(w.lower() for t in TITLES for w in t.split())

# Words of a title alone, never a name: "the Apple Chief Executive Officer".
_TITLE_ONLY = TITLE_WORDS | frozenset(
    """chief executive officer vice ceo cfo coo chairman chairwoman director managing head
    founder co-founder president""".split()
)


def only_a_title(words: list[str]) -> bool:
    """Whether a would-be name is a title and nothing else: "Chief Executive Officer"."""
    return bool(words) and all(w.lower() in _TITLE_ONLY for w in words)


# Nouns that make the proper noun after "of" (or before them) a place.
PLACE_NOUNS = {
    "town": "city",
    "towns": "city",
    "city": "city",
    "cities": "city",
    "village": "village",
    "villages": "village",
    "settlement": "village",
    "district": "district",
    "districts": "district",
    "region": "region",
    "regions": "region",
    "province": "province",
    "area": "area",
    "capital": "city",
    "border town": "city",
    "port": "city",
    "port city": "city",
    "oblast": "region",
    "county": "district",
    "municipality": "city",
    "enclave": "area",
    "hamlet": "village",
    "suburb": "area",
    "neighbourhood": "area",
    "neighborhood": "area",
}
