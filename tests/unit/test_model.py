"""The data model declared once: what is added to it shows in the writer and the bulk import alike."""

from __future__ import annotations

import pytest

from claimgraph.graph import cypher_write as cq
from claimgraph.graph.bulk_import_columns import (
    ENTITY_COLUMNS,
    REL_COLUMNS,
    header,
    node_columns,
    rel_columns,
)
from claimgraph.graph.stats import LABELS, RELATIONSHIP_TYPES
from claimgraph.graph.writer_nested import NESTED, nested_spec
from claimgraph.graph.writer_rows import EDGE_ENDPOINTS, fold_entity_rows
from claimgraph.queries.resolve import EntityMatch
from claimgraph.schema.model import (
    MODEL,
    DataModel,
    Property,
    Relationship,
    fill_entity,
    kind_of,
    new_entity,
)


@pytest.fixture
def extended_model() -> DataModel:
    """The product's model plus a created relationship, a merged one and a fill-if-missing property."""
    return (
        MODEL.with_relationship(Relationship("WITNESSED", ("Actor",), ("Event",), created=True))
        .with_relationship(
            Relationship(
                "ALLIED_WITH",
                ("Actor",),
                ("Actor", "Place"),
                (Property("since", "date"), Property("source")),
            )
        )
        .with_entity_property(Property("wikidata"))
    )


def _entity_row(key: str, **props: object) -> dict[str, object]:
    row: dict[str, object] = {p.name: None for p in MODEL.entity.properties}
    row.update(key=key, name=key.title(), aliases=[key.title()], titles=[])
    row.update(props)
    return row


def test_a_new_relationship_reaches_the_writer_cypher_and_the_bulk_header(
    extended_model: DataModel,
) -> None:
    queries = cq.edge_queries(extended_model)
    witnessed = queries[("WITNESSED", "Actor", "Event")]
    assert "MATCH (a:Actor {key: row.from})" in witnessed
    assert "MATCH (b:Event {id: row.to})" in witnessed
    assert "CREATE (a)-[:WITNESSED]->(b)" in witnessed
    # a created relationship ending at an event is written with the event
    assert nested_spec(extended_model)[("WITNESSED", "Actor", "Event")] == (
        "Event",
        "in_WITNESSED_Actor",
        False,
    )
    allied = queries[("ALLIED_WITH", "Actor", "Place")]
    assert "MERGE (a)-[r:ALLIED_WITH]->(b)" in allied
    assert "r.since = coalesce(r.since, row.since)" in allied
    assert ("ALLIED_WITH", "Actor", "Actor") not in nested_spec(extended_model)

    columns = rel_columns(extended_model)
    assert header(columns["WITNESSED"]) == ":START_ID(Entity),:END_ID(Event)\n"
    assert header(columns["ALLIED_WITH"]) == ":START_ID(Entity),:END_ID(Entity),since:date,source\n"
    # the product's model is untouched
    assert "WITNESSED" not in REL_COLUMNS
    assert "WITNESSED" not in EDGE_ENDPOINTS
    assert not any(key[0] == "WITNESSED" for key in NESTED)


def test_a_new_fill_if_missing_property_reaches_the_entity_merge_and_the_bulk_header(
    extended_model: DataModel,
) -> None:
    query = cq.entity_queries(extended_model)[("Actor", "Person")]
    assert "n += CASE WHEN n.wikidata IS NULL THEN {wikidata: row.wikidata} ELSE {} END" in query
    assert "wikidata" not in cq.entity_query(("Actor", "Person"))

    assert header(node_columns(extended_model.entity)).rstrip("\n").endswith(",wikidata")
    assert "wikidata" not in header(ENTITY_COLUMNS)

    # The writer's folding of a batch and the bulk import's merging both follow the rule:
    # filled from the first row that has it, never overwritten.
    rows = [
        _entity_row("person:vasko", wikidata=None),
        _entity_row("person:vasko", wikidata="Q1", name="Oren Vasko", aliases=["Oren Vasko"]),
        _entity_row("person:vasko", wikidata="Q2"),
    ]
    (folded,) = fold_entity_rows(rows, extended_model)
    assert folded["wikidata"] == "Q1"
    assert folded["name"] == "Person:Vasko"
    assert folded["aliases"] == ["Person:Vasko", "Oren Vasko"]
    node = new_entity(rows[0], extended_model)
    for row in rows[1:]:
        fill_entity(node, row, extended_model)
    assert node == folded
    # the product's rule knows no such property
    (plain,) = fold_entity_rows(rows)
    assert plain["wikidata"] is None


def test_side_name_is_filled_with_side_not_alone() -> None:
    node = new_entity(_entity_row("org:ministry", side="place:varossa", side_name=None))
    fill_entity(node, _entity_row("org:ministry", side="place:kestria", side_name="Kestria"))
    assert (node["side"], node["side_name"]) == ("place:varossa", None)
    node = new_entity(_entity_row("org:ministry"))
    fill_entity(node, _entity_row("org:ministry", side="place:kestria", side_name="Kestria"))
    assert (node["side"], node["side_name"]) == ("place:kestria", "Kestria")


def test_the_readers_of_the_model_agree_with_it() -> None:
    assert LABELS == ("Article", "Statement", "Event", "Actor", "Person", "Organization", "Place")
    assert RELATIONSHIP_TYPES == tuple(r.type for r in MODEL.relationships)
    assert set(REL_COLUMNS) == set(EDGE_ENDPOINTS) == set(RELATIONSHIP_TYPES)
    assert cq.KEY_OF == {n.label: n.key for n in MODEL.nodes}
    assert cq.CREATED_TYPES == {r.type for r in MODEL.relationships if r.created}
    assert "ABOUT" in cq.CREATED_TYPES
    # every entity property is merged by some rule, and the bulk file has a column for each
    names = [c.name for c in ENTITY_COLUMNS]
    assert names == [p.name for p in MODEL.entity.properties]
    ruled = {name for name, _ in MODEL.entity_fills} | set(MODEL.entity_lists)
    ruled |= {c for _, cs in MODEL.entity_fills for c in cs}
    assert ruled == set(names) - {"key", "name"}
    for labels, kind in [
        (("Actor", "Person"), "Person"),
        (("Actor", "Organization"), "Organization"),
        (("Place",), "Place"),
        (("Place", "Actor"), "Country"),
    ]:
        assert kind_of(labels) == kind
        assert EntityMatch("k", "n", labels).kind == kind
    assert MODEL.label_string({"Actor", "Place"}) == "Place:Actor"
    assert MODEL.label_string({"Person", "Actor"}) == "Actor:Person"


def test_a_relationship_outside_the_model_is_refused() -> None:
    with pytest.raises(ValueError, match="not a keyed label"):
        MODEL.with_relationship(Relationship("SEEN_IN", ("Actor",), ("Photo",)))
    with pytest.raises(ValueError, match="different id spaces"):
        MODEL.with_relationship(Relationship("LINKS", ("Actor",), ("Place", "Event")))
    with pytest.raises(ValueError, match="identity"):
        MODEL.with_relationship(
            Relationship("NAMED", ("Actor",), ("Place",), created=True, identity=("title",))
        )


def test_the_writer_rows_carry_exactly_the_model_properties() -> None:
    from claimgraph.graph.writer_rows import article_rows
    from claimgraph.graph.writer_synthetic import synthetic_records

    names = {n.label: {p.name for p in n.properties} for n in MODEL.nodes}
    seen = set()
    for records in synthetic_records(60, seed=4):
        rows = article_rows(records)
        # the key is the MERGE's; the load time is the transaction's
        assert set(rows.article["props"]) == names["Article"] - {"id", "loaded_at"}
        for statement in rows.statements:
            assert set(statement) == names["Statement"]
        for event in rows.events:
            assert set(event["props"]) == names["Event"]
        for entity_rows in rows.entities.values():
            for entity in entity_rows:
                assert set(entity) == names["Actor"]
        for (type_, _, _), edges in rows.edges.items():
            rel = {
                p.name for p in next(r for r in MODEL.relationships if r.type == type_).properties
            }
            for edge in edges:
                assert set(edge) == {"from", "to"} | rel
            seen.add(type_)
    assert {"ROLE", "SAID", "ABOUT", "PUBLISHED_BY"} <= seen


def test_a_role_given_twice_is_one_relationship_for_the_writer_and_the_bulk_import() -> None:
    from datetime import UTC, date, datetime

    from claimgraph.graph.bulk_import_encode import encode_article
    from claimgraph.graph.writer_batching import prepare
    from claimgraph.graph.writer_rows import article_rows
    from claimgraph.schema.records import Article, ArticleRecords, Entity, Role

    roles = [Role("Minister", of="e2", since=date(2020, 1, 1)), Role("Minister", of="e2")]
    roles.append(Role("Minister", of="e2", since=date(2021, 1, 1)))
    entities = [
        Entity(id="e1", name="Oren Vasko", type="Person", roles=roles),
        Entity(id="e2", name="Varossa", type="Place", is_actor=True),
    ]
    rows = article_rows(ArticleRecords(Article(id="a1"), entities))
    written = [r for key, rs in prepare([rows]).rows.edges.items() if key[0] == "ROLE" for r in rs]
    assert [r["since"] for r in written] == [date(2021, 1, 1)]  # SET: the last row wins
    text, lines, _ = encode_article(rows, datetime.now(UTC)).text[("rel", "ROLE")]
    assert lines == 1 and ",2021-01-01," in text
