"""The bulk import's CSV files: headers, quoting, and the writer's merge rules."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import RecordError
from claimgraph.graph.bulk_import import admin_import_command
from claimgraph.graph.bulk_import_columns import ARRAY_DELIMITER, STATEMENT_COLUMNS, encode_row
from claimgraph.graph.bulk_import_csv import write_import_csv
from claimgraph.graph.home import ServerHome
from claimgraph.graph.writer_rows import article_rows
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Role, Statement


def _article(aid: str, entities: list[Entity], text: str = "t", **kw: object) -> ArticleRecords:
    statements = [
        Statement(
            f"{aid}:s1",
            entities[0].id,
            entities[0].name,
            "said",
            "direct",
            'He said "no",\nthen left',
            quote='"no"',
            said_on=date(2020, 10, 4),
            about=[e.id for e in entities[1:]],
            sentence="",
        )
    ]
    events = [
        Event(
            f"{aid}:v1",
            "attack",
            "x",
            date=date(2020, 10, 3),
            counts={"killed": 3},
            claimed_by=[f"{aid}:s1"],
            places=[e.id for e in entities if e.type == "Place"],
        )
    ]
    return ArticleRecords(
        Article(aid, published=date(2020, 10, 4), text=text, **kw),  # type: ignore[arg-type]
        entities,
        statements,
        events,
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _file(files: object, what: str) -> Path:
    for labels, path in files.nodes + files.relationships:  # type: ignore[attr-defined]
        if labels == what:
            return Path(path)
    raise AssertionError(f"no file for {what}")


def test_headers_are_typed_for_neo4j_admin(tmp_path: Path) -> None:
    files = write_import_csv(
        [_article("a1", [Entity("e1", "Ana Petra", "Person"), Entity("e2", "Dravik", "Place")])],
        tmp_path,
    )
    heads = {
        labels: Path(p).read_text(encoding="utf-8").splitlines()[0]
        for labels, p in files.nodes + files.relationships
    }
    assert heads["Article"].startswith("id:ID(Article),title,published:date,")
    assert "said_on:date" in heads["Statement"] and "start:long" in heads["Statement"]
    assert heads["Event"].endswith("article,count_killed:long")
    assert heads["Actor:Person"] == (
        "key:ID(Entity),name,kind,country,sector,lat:double,lon:double,geonames_id,"
        "aliases:string[],titles:string[],side,side_name"
    )
    assert heads["SAID"] == ":START_ID(Entity),:END_ID(Statement)"
    assert heads["REPORTED_IN"] == ":START_ID(Statement),:END_ID(Article)"


def test_entities_merge_like_the_writer(tmp_path: Path) -> None:
    first = _article(
        "a1",
        [
            Entity("e1", "Ana Petra", "Person"),
            Entity("e2", "Dravik", "Place", aliases=["Dravik town"]),
        ],
        text="one",
    )
    # Same keys, other spellings; the town speaks here, so it becomes :Place:Actor.
    town = Entity("e1", "DRAVIK", "Place", aliases=["Drawik"], country="VA")
    second = _article(
        "a2", [town, Entity("e2", "ana petra", "Person", roles=[Role("spokeswoman")])], text="two"
    )
    files = write_import_csv([first, second], tmp_path)
    assert files.entities == 2
    (place,) = _rows(_file(files, "Place:Actor"))
    assert place["name"] == "Dravik"  # the first name wins
    assert place["aliases:string[]"].split(ARRAY_DELIMITER) == [
        "Dravik",
        "Dravik town",
        "DRAVIK",
        "Drawik",
    ]
    assert place["country"] == "VA"
    (person,) = _rows(_file(files, "Actor:Person"))
    assert person["titles:string[]"] == "spokeswoman"


def test_quoting_keeps_empty_strings_quotes_and_line_breaks(tmp_path: Path) -> None:
    files = write_import_csv([_article("a1", [Entity("e1", "Ana", "Person")])], tmp_path)
    text = _file(files, "Statement").read_text(encoding="utf-8")
    assert '"He said ""no"",\nthen left"' in text
    (row,) = _rows(_file(files, "Statement"))
    assert row["sentence"] == "" and ',"",' in text  # an empty string, not a missing value
    assert row["quote"] == '"no"' and row["by_outlet:boolean"] == "false"
    (article,) = _rows(_file(files, "Article"))
    assert article["title"] == ""  # None: no property at all (unquoted empty field)
    assert ",," in _file(files, "Article").read_text(encoding="utf-8").splitlines()[1]


def test_reloads_are_skipped_and_changed_duplicates_reported(tmp_path: Path) -> None:
    a = _article("a1", [Entity("e1", "Ana", "Person")], text="one")
    changed = _article("a1", [Entity("e1", "Ana", "Person")], text="other")
    files = write_import_csv([a, a, changed], tmp_path)
    assert files.articles == 1
    assert [p.article for p in files.problems] == ["a1"]
    assert "different content" in files.problems[0].message


def test_inconsistent_records_are_left_out(tmp_path: Path) -> None:
    bad = _article("a2", [Entity("e1", "Ana", "Person")])
    bad.statements[0].about = ["e9"]
    files = write_import_csv([bad, _article("a3", [Entity("e1", "Bo", "Person")])], tmp_path)
    assert files.articles == 1 and files.problems[0].article == "a2"


def test_an_unknown_property_is_refused_not_dropped() -> None:
    row = article_rows(_article("a1", [Entity("e1", "Ana", "Person")])).statements[0]
    encode_row(STATEMENT_COLUMNS, row)
    with pytest.raises(RecordError, match="no column for confidence"):
        encode_row(STATEMENT_COLUMNS, {**row, "confidence": 0.5})


def test_the_folder_must_be_empty(tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("x", encoding="utf-8")
    with pytest.raises(RecordError, match="not empty"):
        write_import_csv([], tmp_path)


def test_admin_command_names_the_database_before_the_files(tmp_path: Path) -> None:
    files = write_import_csv([_article("a1", [Entity("e1", "Ana", "Person")])], tmp_path / "csv")
    cmd = admin_import_command("java", ServerHome(tmp_path / "home"), files)
    tool = cmd.index("org.neo4j.cli.AdminTool")
    assert cmd[tool : tool + 5] == [
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        "neo4j",
    ]
    assert cmd[tool - 2] == "-cp" and "--add-opens=java.base/java.nio=ALL-UNNAMED" in cmd[:tool]
    assert "--overwrite-destination=true" in cmd and "--array-delimiter=U+001F" in cmd
    assert any(c.startswith("--nodes=Actor:Person=") for c in cmd)
    assert any(c.startswith("--relationships=SAID=") for c in cmd)
