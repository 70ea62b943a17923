"""Within-article reference: who "he", "its", "the ministry" and "the army" are.

Rule-based and local: a pronoun or a definite description points at the
nearest earlier entity of a compatible kind. That is how news prose uses
them, and it keeps the pass linear in the number of tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.loaders.entities import EntityTable
from claimgraph.schema.records import Entity

__all__ = ["Resolver"]

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_ORG_PRONOUNS = {"it", "its", "they", "their"}
# Definite descriptions → the entity kinds (or name words) they can refer to.
_NOMINALS = {
    "ministry": ("ministry",),
    "army": ("armed forces",),
    "military": ("armed forces",),
    "forces": ("armed forces",),
    "troops": ("armed forces",),
    "militia": ("armed group", "armed forces"),
    "government": ("government", "country"),
    "group": ("international body",),
    "service": ("media",),
    "agency": ("agency", "media"),
    "office": ("agency",),
    "president": ("Person",),
    "minister": ("Person",),
    "spokesman": ("Person",),
    "spokeswoman": ("Person",),
    "spokesperson": ("Person",),
    "leader": ("Person",),
    "envoy": ("Person",),
    "prosecutor": ("Person",),
    "commander": ("Person",),
    "statement": ("ministry", "government", "armed forces", "armed group", "agency"),
}
# Definite descriptions of a business or body of any kind: the nearest organisation.
_ANY_ORGANIZATION = frozenset(
    {
        "company",
        "firm",
        "airline",
        "carrier",
        "bank",
        "automaker",
        "carmaker",
        "manufacturer",
        "maker",
        "corporation",
        "giant",
        "retailer",
        "lender",
        "insurer",
        "operator",
        "organisation",
        "organization",
        "club",
        "union",
        "board",
        "court",
        "newspaper",
        "paper",
        "broadcaster",
        "network",
        "consortium",
        "conglomerate",
        "business",
    }
)


class Resolver:
    """Finds the entity a token refers to, using mentions seen so far."""

    def __init__(self, doc: Doc, table: EntityTable) -> None:
        self.doc = doc
        self.table = table
        # Mentions in order: (token start, entity id), to search backwards.
        self.order = sorted((m.start, m.entity) for m in table.mentions if m.entity)
        # Mentions that only modify a noun ("Airbus A320 jets", "the Apple logo"): a
        # later "the company" means the firm the text is about, not the maker named.
        self.modifiers = {
            m.start
            for m in table.mentions
            if m.end > m.start
            and doc[m.end - 1].dep_ == "compound"
            and table.at(doc[m.end - 1].head.i) is None
        }

    def _before(self, i: int) -> list[Entity]:
        out = []
        for start, eid in reversed(self.order):
            if start < i:
                out.append(self.table.get(eid))
        return out

    def entity_of(self, tok: Token) -> Entity | None:
        """The entity a (subject, object, possessor) token stands for."""
        direct = self.table.at(tok.i)
        if direct is not None:
            return direct
        # "Foreign Ministry spokeswoman Nadia Petrash": a name in an appositive or compound.
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.table.at(child.i) or self.table.at(child.right_edge.i)
                if found is not None and found.type == "Person":
                    return found
        low = tok.lower_
        if tok.pos_ == "PROPN" and tok.is_title:  # a surname the tagger missed this time
            bearers = [
                e
                for e in self._before(tok.i)
                if e.type == "Person" and e.name.split()[-1] == tok.text
            ]
            if bearers:
                return bearers[0]
        if low in _PERSON_PRONOUNS:
            return self._nearest(tok.i, lambda e: e.type == "Person")
        if low in _ORG_PRONOUNS:
            return self._nearest_referent(
                tok.i, lambda e: e.type == "Organization" or (e.type == "Place" and e.is_actor)
            )
        if tok.pos_ in {"NOUN", "PROPN"}:
            for t in tok.subtree:  # "the head of the Bureau, General Arkady Moss,"
                named = self.table.at(t.i)
                if (
                    named is not None
                    and named.type == "Person"
                    and "appos" in {t.dep_, t.head.dep_}
                ):
                    return named
            # "A statement by Boeing given by spokesman William Barksdale said":
            # who wrote or gave the words, the person before the institution.
            authors = [
                found
                for t in tok.subtree
                if t.lower_ == "by" and t.dep_ in {"prep", "agent"}
                for o in t.children
                if o.dep_ == "pobj" and (found := self._named_in(o)) is not None
            ]
            if authors:
                return next((e for e in authors if e.type == "Person"), authors[0])
            for prep in tok.children:  # "the government of Belmora"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                    of = self.table.at(obj.i) if obj is not None else None
                    if of is not None and of.type == "Place" and low == "government":
                        of.is_actor = True  # only countries (and regions) have governments
                        of.kind = of.kind if of.kind not in {None, "place"} else "country"
                    if of is not None and (of.type == "Organization" or of.is_actor):
                        return of
            if tok.lemma_.lower() in _ANY_ORGANIZATION and (
                any(c.lower_ in {"the", "this"} for c in tok.children if c.dep_ == "det")
                # "the company website", "company statistics": the company's own channel
                or (tok.dep_ == "compound" and tok.head.pos_ == "NOUN")
            ):
                if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
                    # "the China Daily newspaper" names its organisation
                    named = self.table.at(tok.i - 1)
                    return named if named is not None and named.type == "Organization" else None
                return self._nearest_referent(tok.i, lambda e: e.type == "Organization")
            kinds = _NOMINALS.get(low)
            # "the Contact Group's chief envoy": names to the left inside the phrase.
            inner = [self.table.at(t.i) for t in tok.subtree if t.i != tok.i and t.i < tok.i]
            people = [e for e in inner if e is not None and e.type == "Person"]
            if people:
                return people[-1]
            if kinds and "Person" in kinds:
                orgs = [e for e in inner if e is not None]
                return self._role_holder(tok, orgs)
            owner = [e for e in inner if e is not None and e.type == "Organization"]
            for c in tok.children:
                if c.dep_ == "poss" and c.i != tok.i and not owner:
                    found = self.entity_of(c)  # "the group's envoys": which group
                    if found is not None and found.type == "Organization":
                        owner = [found]
            if owner and (kinds or any(c.dep_ == "poss" for c in tok.children)):
                return owner[-1]  # "the group's three envoys": the group speaks
            if kinds:
                return self._nearest(
                    tok.i,
                    lambda e: (
                        e.type == "Organization"
                        and e.kind in kinds
                        or (e.type == "Place" and "country" in kinds and e.is_actor)
                        or e.kind in kinds
                        and e.type != "Place"
                    ),
                )
        return None

    def _named_in(self, tok: Token) -> Entity | None:
        """A person or organisation named by this phrase's head or its apposition."""
        for t in (tok, *tok.subtree):
            e = self.table.at(t.i)
            if e is not None and (e.type in {"Person", "Organization"} or e.is_actor):
                return e
        return None

    def _nearest_referent(self, i: int, ok: object) -> Entity | None:
        """The nearest entity before ``i`` named as a participant, not only as a modifier."""
        for start, eid in reversed(self.order):
            if start < i and start not in self.modifiers and ok(self.table.get(eid)):  # type: ignore[operator]
                return self.table.get(eid)
        return self._nearest(i, ok)

    def _nearest(self, i: int, ok: object) -> Entity | None:
        for e in self._before(i):
            if ok(e):  # type: ignore[operator]
                return e
        return None

    def _role_holder(self, tok: Token, orgs: list[Entity]) -> Entity | None:
        """ "the president", "a ministry spokeswoman": the person holding that title."""
        title = tok.lower_
        for e in self._before(tok.i):
            if e.type != "Person":
                continue
            for role in e.roles:
                if title in role.title.lower() and (not orgs or role.of in {o.id for o in orgs}):
                    return e
        return None
