"""The canned query files: headers, parameters, binding."""

from __future__ import annotations

import re
from datetime import date

import pytest

from claimgraph.errors import QueryError
from claimgraph.queries import all_queries, get_query, parse_query

REQUIRED = {
    "who-said",
    "timeline",
    "disputed",
    "profile",
    "as-of",
    "sources",
    "first-report",
    "network",
    "path",
}


def test_every_required_query_ships() -> None:
    assert REQUIRED <= set(all_queries())


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_header_declares_exactly_the_parameters_the_cypher_uses(name: str) -> None:
    q = get_query(name)
    used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", q.cypher))
    declared = {p.name for p in q.params}
    assert used == declared, f"{name}: used {sorted(used)}, declared {sorted(declared)}"
    assert len(q.answers) > 40
    assert q.examples, f"{name} has no Browser example"
    # Pasting the file into Neo4j Browser: the header is only comments.
    assert all(line.startswith("//") for line in q.source.split(q.cypher)[0].strip().splitlines())


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_cypher_has_no_string_built_values(name: str) -> None:
    cypher = get_query(name).cypher
    assert "{{" not in cypher and "%s" not in cypher
    assert not re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE)\b", cypher)


def test_names_are_case_and_underscore_insensitive() -> None:
    assert get_query("WHO_SAID").name == "who-said"


def test_unknown_query_lists_known_ones() -> None:
    with pytest.raises(QueryError, match="who-said"):
        get_query("who-shouted")


def test_bind_types_defaults_and_checks() -> None:
    q = get_query("who-said")
    bound = q.bind({"about": "Stepanakert", "from": "2020-10-01"})
    assert bound["about"] == "Stepanakert"
    assert bound["from"] == "2020-10-01"
    assert bound["to"] is None
    assert bound["limit"] == 50
    assert q.bind({"from": date(2020, 10, 2)})["from"] == "2020-10-02"
    with pytest.raises(QueryError, match="expected date"):
        q.bind({"from": "October 1"})
    with pytest.raises(QueryError, match="no parameter 'colour'"):
        q.bind({"colour": "red"})
    with pytest.raises(QueryError, match="expected int"):
        q.bind({"limit": "many"})


def test_required_parameter_missing() -> None:
    with pytest.raises(QueryError, match="needs parameter about"):
        get_query("timeline").bind({})


def test_parse_query_rejects_bad_headers() -> None:
    with pytest.raises(QueryError, match="name"):
        parse_query("// answers: x\nRETURN 1")
    with pytest.raises(QueryError, match="bad param line"):
        parse_query("// name: q\n// answers: x\n// param: a (colour, optional): x\nRETURN $a")
    with pytest.raises(QueryError, match="no Cypher"):
        parse_query("// name: q\n// answers: x\n")
    q = parse_query("// name: q\n// answers: a thing\n// param: n (int, default 3): n\n\nRETURN $n")
    assert q.bind({}) == {"n": 3}
    assert q.cypher == "RETURN $n"


def test_fulltext_lookup_escapes_lucene_syntax() -> None:
    from claimgraph.queries.resolve import _lucene

    assert _lucene("Artsrun Hovhannisian") == "artsrun AND hovhannisian"
    # Lucene operators typed as names stay literal words.
    assert _lucene('RFE/RL "x" OR y*') == "rfe AND rl AND x AND or AND y"
    assert _lucene("Nagorno-Karabakh") == "nagorno AND karabakh"
    assert _lucene("!!!") == ""
