"""Cypher injection through every command that takes a name or a parameter.

Hostile strings (quote-and-brace breakouts, backticks, ``$param``, escaped
quotes, ``OR 1=1``, ``Person:Admin``) go in as names of people, places and
organisations, role titles, statement text, article titles and outlets, and
then as every name and parameter of who-said, timeline, profile, disputed,
query, cypher, export, viz and analyze. Afterwards the graph has exactly the
nodes and relationships it had, no new labels, and the strings come back as
plain data.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from claimgraph.cli import main
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Role,
    Statement,
    sha256_of,
)

pytestmark = pytest.mark.integration

HOSTILE = [
    "'}) MATCH (n) DETACH DELETE n //",
    "Ana `Person` Admin`) DETACH DELETE n //",
    "$param",
    "\\u0027}) MATCH (n) SET n:Admin //",
    "\u0027 OR 'a'='a",
    '" OR 1=1 //',
    "Person:Admin",
    "x}) WITH 1 AS y MATCH (m) SET m:Admin RETURN y //",
    "Kelmar*) OR name:(*",
]
# Real names the full-text analyzer keeps as one token ("o'brien", "j.l"): found all the same.
TOKEN_NAMES = ["Conor O'Brien", "J.L. Dubois"]
ALLOWED_LABELS = {
    "Article",
    "Actor",
    "Person",
    "Organization",
    "Place",
    "Statement",
    "Event",
    "Incident",
    "Dispute",
}


def _hostile_records() -> list[ArticleRecords]:
    text = "Hostile names said many things. " + " ".join(HOSTILE)
    article = Article(
        id="inj-1",
        title='" OR 1=1 // <b>title</b>',
        published=date(2025, 6, 16),
        outlet="`Wire`) DETACH DELETE n //",
        text=text,
        sha256=sha256_of(text),
        source="hostile.jsonl:1",
    )
    country = Entity("c0", '" OR 1=1 // land', "Place", kind="country", is_actor=True)
    org = Entity("o0", "Ministry of `Person:Admin`", "Organization", kind="ministry")
    town = Entity(
        "l0", "Person:Admin Town", "Place", kind="town", part_of="c0", aliases=["$param town"]
    )
    people = [
        Entity(f"p{i}", name, "Person", roles=[Role(f"{name} minister", of="c0")])
        for i, name in enumerate(HOSTILE + TOKEN_NAMES)
    ]
    statements = [
        Statement(
            id=f"inj-1:s{i + 1}",
            speaker=p.id,
            speaker_name=p.name,
            cue="said",
            mode="direct",
            text=f"{p.name} happened in {town.name}",
            quote=p.name,
            said_on=date(2025, 6, 16),
            said_on_precision="day",
            via=["o0"],
            about=["l0", "c0"],
            polarity="denies" if i % 2 else "asserts",
        )
        for i, p in enumerate(people)
    ]
    events = [
        Event(
            id="inj-1:v1",
            type="strike",
            summary="$param'}) DELETE n //",
            date=date(2025, 6, 15),
            precision="day",
            agents=["c0"],
            targets=["l0"],
            places=["l0"],
            claimed_by=[s.id for s in statements],
        )
    ]
    return [ArticleRecords(article, [country, org, town, *people], statements, events)]


def _counts(graph) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    labels = sorted(
        r[0]
        for r in graph.driver.execute_query(
            "CALL db.labels() YIELD label MATCH (n) WHERE label IN labels(n) RETURN DISTINCT label",
            database_=graph.database,
        ).records
    )
    return (
        graph.count("MATCH (n) RETURN count(n)"),
        graph.count("MATCH ()-[r]->() RETURN count(r)"),
        labels,
    )


def _invoke(graph, args: list[str]) -> Result:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, args, env=graph.env(), catch_exceptions=True)
    # A domain error is one line and exit 1; a bad option is exit 2; never a crash.
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
        result.output,
    )
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    return result


@pytest.fixture
def hostile_graph(empty_graph, tmp_path: Path):  # type: ignore[no-untyped-def]
    records = tmp_path / "hostile.jsonl"
    records.write_text(
        "".join(json.dumps(r.to_json()) + "\n" for r in _hostile_records()), encoding="utf-8"
    )
    text = tmp_path / "hostile.txt"
    text.write_text(
        "date 2025-06-16\nQuotes from the front\n\n"
        + "\n\n".join(f'"{h}," Orla Venn told reporters in Dravik on Monday.' for h in HOSTILE)
        + "\n",
        encoding="utf-8",
    )
    result = _invoke(empty_graph, ["load", str(text), "--records", str(records)])
    assert result.exit_code == 0, result.output
    return empty_graph


def test_hostile_strings_are_stored_as_plain_data(hostile_graph) -> None:  # type: ignore[no-untyped-def]
    nodes, rels, labels = _counts(hostile_graph)
    assert set(labels) <= ALLOWED_LABELS, labels
    assert nodes > 20 and rels > 20
    for name in HOSTILE:
        assert hostile_graph.count("MATCH (p:Person {name: $n}) RETURN count(p)", n=name) == 1, name
        assert (
            hostile_graph.count(
                "MATCH (:Person {name: $n})-[r:ROLE]->() WHERE r.title = $n + ' minister' RETURN count(r)",
                n=name,
            )
            == 1
        )
        # The text article's quotes too: stored verbatim in statement text.
        assert (
            hostile_graph.count(
                "MATCH (s:Statement) WHERE s.text CONTAINS $n OR s.quote CONTAINS $n RETURN count(s)",
                n=name,
            )
            >= 1
        ), name
    assert (
        hostile_graph.count(
            "MATCH (a:Article {id: 'inj-1'}) WHERE a.title = $t RETURN count(a)",
            t='" OR 1=1 // <b>title</b>',
        )
        == 1
    )


QUERY_COMMANDS = [
    lambda h: ["who-said", "--speaker", h, "--format", "json"],
    lambda h: ["who-said", "--about", h, "--format", "json"],
    lambda h: ["who-said", "--about", h, "--from", h],
    lambda h: ["who-said", "--speaker", h, "--polarity", h],
    lambda h: ["timeline", h, "--format", "json"],
    lambda h: ["timeline", h, "--to", h],
    lambda h: ["profile", h, "--format", "json"],
    lambda h: ["disputed", "--about", h, "--format", "json"],
    lambda h: ["query", "who-said", "--param", f"speaker={h}", "--format", "json"],
    lambda h: ["query", "as-of", "-p", f"about={h}", "-p", "date=2025-06-30"],
    lambda h: ["query", "as-of", "-p", "about=Dravik", "-p", f"date={h}"],
    lambda h: ["query", "path", "-p", f"source={h}", "-p", f"target={h}"],
    lambda h: ["query", "sources", "-p", f"statement={h}", "-p", f"speaker={h}"],
    lambda h: ["query", "first-report", "-p", f"event={h}", "-p", f"type={h}"],
    lambda h: ["query", "network", "-p", f"about={h}", "-p", f"limit={h}"],
    lambda h: ["query", h],
    lambda h: ["query", "who-said", "-p", f"{h}=1"],
    lambda h: ["cypher", "MATCH (n) WHERE n.name = $p RETURN count(n) AS n", "-p", f"p={h}"],
    lambda h: ["analyze", "--about", h],
    lambda h: ["analyze", "--speaker", h, "--format", "json"],
]


def test_every_query_command_treats_names_as_data(hostile_graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _counts(hostile_graph)
    for n, h in enumerate(HOSTILE):
        for build in QUERY_COMMANDS:
            _invoke(hostile_graph, build(h))
        for args in (
            ["viz", "--about", h, "--out", str(tmp_path / "v.html")],
            ["viz", "--speaker", h, "--from", h, "--out", str(tmp_path / "w.html")],
            [
                "export",
                "--format",
                "graphml",
                "--about",
                h,
                "--out",
                str(tmp_path / f"e{n}.graphml"),
            ],
            ["export", "--format", "csv", "--speaker", h, "--out", str(tmp_path / "e.csv")],
        ):
            _invoke(hostile_graph, args)
        assert _counts(hostile_graph) == before, h
    # Writing Cypher without --write is refused by the server, not by string checks.
    refused = _invoke(hostile_graph, ["cypher", "MATCH (n) DETACH DELETE n"])
    assert refused.exit_code == 1 and "--write" in refused.output
    assert _counts(hostile_graph) == before


def test_hostile_names_resolve_and_come_back_verbatim(hostile_graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in HOSTILE + TOKEN_NAMES:
        result = _invoke(hostile_graph, ["who-said", "--speaker", name, "--format", "json"])
        assert result.exit_code == 0, (name, result.output)
        rows = json.loads(result.output)
        assert rows and {r["speaker"] for r in rows} == {name}, (name, rows)
        result = _invoke(
            hostile_graph,
            [
                "cypher",
                "MATCH (p:Person {name: $p}) RETURN p.name AS name",
                "-p",
                f"p={name}",
                "--format",
                "json",
            ],
        )
        assert json.loads(result.output) == [{"name": name}]
    profile = _invoke(hostile_graph, ["profile", "Person:Admin Town", "--format", "json"])
    assert profile.exit_code == 0, profile.output
    assert "Person:Admin Town" in profile.output
    out = tmp_path / "all.graphml"
    assert (
        _invoke(hostile_graph, ["export", "--format", "graphml", "--out", str(out)]).exit_code == 0
    )
    names = {d.get("name") for _, d in nx.read_graphml(out).nodes(data=True)}
    assert set(HOSTILE) <= names
