"""The data model, declared once: labels, keys, properties, relationships, merge rules.

Everything that writes or reads the graph's shape derives from this module:
the transactional writer's rows and Cypher (``graph/writer_rows``,
``graph/cypher_write``, ``graph/writer_nested``), the bulk import's CSV
columns and merging (``graph/bulk_import_*``), ``graph/stats``,
``graph/export`` and name resolution (``queries/resolve``). The record types
(``schema/claims``, ``schema/entities``) take their ``to_params()`` field
lists from the node properties declared here.

It lives in ``schema/`` because it is the contract between the record types
below and the graph code above: it imports nothing of the project, and every
module that needs the model's shape can import it without an arrow upwards.

A ``DataModel`` is a plain value; ``MODEL`` is the one the product uses. The
builders of queries and CSV columns take a model as argument (defaulting to
``MODEL``), so a test can add a relationship type or a property to a copy and
see it arrive in the writer and the bulk import alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "DataModel",
    "MODEL",
    "NodeType",
    "Property",
    "Relationship",
    "fill_entity",
    "kind_of",
    "new_entity",
]

# How an entity property behaves when the same entity is written again
# (by another article, or a later row of the same batch):
FIRST = "first"  # set when the node is created, never changed (the first name wins)
FILL = "fill"  # set while missing, never overwritten (so a reload changes nothing)
APPEND = "append"  # a list: values not there yet are appended, in order
KEY = "key"  # the constrained key


@dataclass(frozen=True)
class Property:
    """One node or relationship property and its type (the bulk import's column type).

    ``merge`` says how an entity property is merged (``first``, ``fill``,
    ``append``); ``with_`` names the property it is filled together with
    (``side_name`` goes with ``side``). ``derived`` marks properties the writer
    computes rather than takes from the record of the same name.
    """

    name: str
    type: str = "string"  # string, long, double, boolean, date, datetime, string[]
    merge: str = FILL
    with_: str | None = None
    derived: bool = False


@dataclass(frozen=True)
class NodeType:
    """A label that carries a key constraint, its key and its properties.

    ``id_space`` is the bulk import's id group for the label: actors and
    places share ``Entity``, since a country is both.
    """

    label: str
    key: str
    id_space: str
    properties: tuple[Property, ...] = ()

    @property
    def record_fields(self) -> tuple[str, ...]:
        """Properties taken as they are from the record's field of the same name."""
        return tuple(p.name for p in self.properties if not p.derived)


@dataclass(frozen=True)
class Relationship:
    """A relationship type with its allowed ends (labels carrying a key).

    ``created`` relationships belong to one article and are always new when
    written (the article is written whole after its old version is deleted):
    they are CREATEd, with ``identity`` properties in the pattern and the
    others set. The others are MERGEd between their two nodes, and their
    properties are filled while missing. A merged relationship between two
    entities (``IN``, ``RENAMED``) is shared by every article that states it.
    ``derived`` ones are computed by the writer from the others.
    """

    type: str
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    properties: tuple[Property, ...] = ()
    created: bool = False
    identity: tuple[str, ...] = ()
    derived: bool = False


@dataclass(frozen=True)
class DataModel:
    """Node types, entity label sets and relationship types of one graph."""

    nodes: tuple[NodeType, ...]
    # The only label combinations an entity node may get, primary label first:
    # the one whose key constraint the MERGE uses.
    entity_label_sets: tuple[tuple[str, ...], ...]
    relationships: tuple[Relationship, ...]
    entity_labels: tuple[str, ...] = ("Actor", "Place")
    _by_label: dict[str, NodeType] = field(init=False, repr=False, compare=False)
    # What a later row of an entity may change: the properties it fills (with
    # those filled along with each) and the lists it appends to.
    entity_fills: tuple[tuple[str, tuple[str, ...]], ...] = field(init=False, compare=False)
    entity_lists: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_label", {n.label: n for n in self.nodes})
        self._check()
        props = self.entity.properties
        fills = tuple(
            (p.name, tuple(q.name for q in props if q.with_ == p.name))
            for p in props
            if p.merge == FILL and p.with_ is None
        )
        object.__setattr__(self, "entity_fills", fills)
        object.__setattr__(self, "entity_lists", tuple(p.name for p in props if p.merge == APPEND))

    def _check(self) -> None:
        for rel in self.relationships:
            for label in (*rel.starts, *rel.ends):
                if label not in self._by_label:
                    raise ValueError(f"{rel.type}: {label} is not a keyed label of the model")
            for ends in (rel.starts, rel.ends):
                if len({self._by_label[label].id_space for label in ends}) != 1:
                    raise ValueError(f"{rel.type}: ends {ends} are in different id spaces")
            names = {p.name for p in rel.properties}
            if not set(rel.identity) <= names:
                raise ValueError(f"{rel.type}: identity {rel.identity} not among its properties")
        entity = self.entity
        for p in entity.properties:
            if p.with_ is not None and p.with_ not in {q.name for q in entity.properties}:
                raise ValueError(f"entity property {p.name} filled with unknown {p.with_}")

    # --- nodes ---------------------------------------------------------------

    def node(self, label: str) -> NodeType:
        """The node type of a keyed label (``KeyError`` for others)."""
        return self._by_label[label]

    @property
    def entity(self) -> NodeType:
        """The entity node type (actors and places share their properties)."""
        return self._by_label[self.entity_labels[0]]

    @property
    def key_of(self) -> dict[str, str]:
        """Keyed label -> the property its uniqueness constraint is on."""
        return {n.label: n.key for n in self.nodes}

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label the writer puts on a node, keyed labels first within each group."""
        out = [n.label for n in self.nodes if n.label not in self.entity_labels]
        for labels in self.entity_label_sets:
            out.extend(label for label in labels if label not in out)
        return tuple(out)

    def label_string(self, labels: Iterable[str]) -> str:
        """``Place:Actor``: a set of entity labels in the order the whitelist gives them."""
        wanted = set(labels)
        for labels_ in self.entity_label_sets:
            if set(labels_) == wanted:
                return ":".join(labels_)
        primary = self.match_label(wanted)
        return ":".join([primary, *sorted(wanted - {primary})])

    def match_label(self, labels: Iterable[str]) -> str:
        """The label an entity with these labels is matched on: a place is matched as a place."""
        labels = set(labels)
        for label in reversed(self.entity_labels):
            if label in labels:
                return label
        return self.entity_labels[0]

    # --- relationships -------------------------------------------------------

    def relationship(self, type_: str) -> Relationship:
        """The relationship type ``type_`` (``KeyError`` if not in the model)."""
        return next(r for r in self.relationships if r.type == type_)

    @property
    def endpoints(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Relationship type -> (allowed start labels, allowed end labels)."""
        return {r.type: (r.starts, r.ends) for r in self.relationships}

    def shared(self, rel: Relationship) -> bool:
        """Merged across articles: a merged relationship between two entities."""
        ends = set(self.entity_labels)
        return not rel.created and set(rel.starts) <= ends and set(rel.ends) <= ends

    # --- variants, for tests and extensions ----------------------------------

    def with_relationship(self, rel: Relationship) -> DataModel:
        """This model with one more relationship type."""
        return replace(self, relationships=(*self.relationships, rel))

    def with_entity_property(self, prop: Property) -> DataModel:
        """This model with one more entity property (on every entity label)."""
        nodes = tuple(
            replace(n, properties=(*n.properties, prop)) if n.label in self.entity_labels else n
            for n in self.nodes
        )
        return replace(self, nodes=nodes)


# --- the merge rule for entities ---------------------------------------------


def new_entity(row: Mapping[str, Any], model: DataModel | None = None) -> dict[str, Any]:
    """An entity node's properties as the first row of its key leaves them (lists copied)."""
    node = dict(row)
    for name in (model or MODEL).entity_lists:
        node[name] = list(row.get(name) or ())
    return node


def fill_entity(
    node: dict[str, Any], row: Mapping[str, Any], model: DataModel | None = None
) -> None:
    """Merge a later row of the same key into ``node``, as the writer's MERGE does.

    The first name stays; each ``fill`` property is taken from the row while
    the node has none (those filled ``with_`` another go along with it);
    ``append`` lists gain the values they lack, in order.
    """
    model = model or MODEL
    get = node.get
    for name, companions in model.entity_fills:
        if get(name) is None and (value := row.get(name)) is not None:
            node[name] = value
            for other in companions:
                node[other] = row.get(other)
    for name in model.entity_lists:
        have = node.setdefault(name, [])
        have.extend(x for x in row.get(name) or () if x not in have)


def kind_of(labels: Iterable[str]) -> str:
    """Person, Organization, Country, Place, or another node's label (Event, Statement, Article)."""
    labels = set(labels)
    if "Person" in labels:
        return "Person"
    if "Organization" in labels:
        return "Organization"
    if "Place" in labels:
        return "Country" if "Actor" in labels else "Place"
    for label in ("Event", "Statement", "Article"):
        if label in labels:
            return label
    return sorted(labels)[0] if labels else "Node"


# --- the model ---------------------------------------------------------------

_ENTITY_PROPERTIES = (
    Property("key", merge=KEY),
    Property("name", merge=FIRST),
    Property("kind"),
    Property("country"),
    Property("sector"),
    Property("lat", "double"),
    Property("lon", "double"),
    Property("geonames_id"),
    Property("aliases", "string[]", merge=APPEND),
    # titles held without an institution ("spokesman"): the writer's, from the roles
    Property("titles", "string[]", merge=APPEND, derived=True),
    # the actor's side (its country or armed group), computed per article
    Property("side", derived=True),
    Property("side_name", with_="side", derived=True),
)

_ARTICLE = NodeType(
    "Article",
    "id",
    "Article",
    (
        Property("id"),
        Property("title"),
        Property("published", "date"),
        Property("outlet"),
        Property("url"),
        Property("sha256"),
        Property("source"),
        Property("loaded_at", "datetime", derived=True),
    ),
)
_STATEMENT = NodeType(
    "Statement",
    "id",
    "Statement",
    (
        Property("id"),
        Property("text"),
        Property("quote"),
        Property("cue"),
        Property("mode"),
        Property("said_on", "date"),
        Property("said_on_precision"),
        Property("said_on_anchor"),
        Property("said_on_value"),
        Property("polarity"),
        Property("sentence"),
        Property("start", "long"),
        Property("end", "long"),
        Property("by_outlet", "boolean"),
        Property("speaker_name"),
        Property("act"),
        Property("denies"),  # the id of the claim a denial answers
        Property("article", derived=True),
        Property("side", derived=True),
        Property("side_name", derived=True),
    ),
)
# Plus one ``count_<what>`` long property per count an event carries.
_EVENT = NodeType(
    "Event",
    "id",
    "Event",
    (
        Property("id"),
        Property("type"),
        Property("mode"),
        Property("summary"),
        Property("date", "date"),
        Property("date_end", "date"),
        Property("precision"),
        Property("date_anchor"),
        Property("date_value"),
        Property("category", derived=True),
        Property("agent_sides", "string[]", derived=True),
        Property("narrow_places", "string[]", derived=True),
        Property("broad_places", "string[]", derived=True),
        Property("article", derived=True),
    ),
)

_CLAIM_ENDS = ("Actor", "Place")

MODEL = DataModel(
    nodes=(
        _ARTICLE,
        _STATEMENT,
        _EVENT,
        NodeType("Actor", "key", "Entity", _ENTITY_PROPERTIES),
        NodeType("Place", "key", "Entity", _ENTITY_PROPERTIES),
    ),
    entity_label_sets=(
        ("Actor", "Person"),
        ("Actor", "Organization"),
        ("Place",),
        ("Place", "Actor"),
    ),
    relationships=(
        Relationship("SAID", ("Actor",), ("Statement",), created=True),
        Relationship("REPORTED_IN", ("Statement",), ("Article",), created=True),
        Relationship("VIA", ("Statement",), ("Actor",), created=True),
        Relationship("CLAIMS", ("Statement",), ("Event",), created=True),
        Relationship("MENTIONS", ("Statement",), _CLAIM_ENDS, created=True),
        Relationship("BY", ("Event",), ("Actor",), created=True),
        Relationship("AGAINST", ("Event",), _CLAIM_ENDS, created=True),
        Relationship("AT", ("Event",), ("Place",), created=True),
        # an event with no place of its own (no AT, no AGAINST a place) is
        # where the statements claiming it say (writer_rows._implied_places)
        Relationship("IMPLIED_AT", ("Event",), ("Place",), created=True, derived=True),
        # what a statement is about: its mentions and the agents, targets and
        # places of the events it claims, in one hop (writer_rows._about_edges)
        Relationship("ABOUT", ("Statement",), _CLAIM_ENDS, created=True, derived=True),
        # ROLE carries its article, so it belongs to it like the edges of statements
        Relationship(
            "ROLE",
            ("Actor",),
            _CLAIM_ENDS,
            (
                Property("title"),
                Property("since", "date"),
                Property("until", "date"),
                Property("article"),
            ),
            created=True,
            identity=("title", "article"),
        ),
        Relationship("IN", ("Place",), ("Place",)),
        Relationship(
            "RENAMED",
            ("Place",),
            ("Place",),
            (Property("on", "date"), Property("by"), Property("by_key")),
        ),
        Relationship("PUBLISHED_BY", ("Article",), ("Actor",)),
    ),
)
