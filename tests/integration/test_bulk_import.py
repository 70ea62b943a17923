"""The bulk import builds the same graph as the transactional writer.

The writer loads into the session's server (``empty_graph``); the import
needs a server it may stop, so this module starts a second managed server in
a temporary home of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import neo4j
import neo4j.time
import pytest

from bench.corpus import iter_records
from claimgraph.errors import ServerError
from claimgraph.graph.bulk_import import bulk_import
from claimgraph.graph.connection import Settings, open_driver
from claimgraph.graph.home import ServerHome, new_password
from claimgraph.graph.server import MemorySettings, is_running, start_server, stop_server
from claimgraph.graph.writer import write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.records import (
    Article,
    ArticleRecords,
    Entity,
    Event,
    Renaming,
    Role,
    Statement,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "claimgraph" / "data" / "examples"
MEMORY = MemorySettings("512m", "128m")


def _value(value: Any) -> Any:
    if isinstance(value, neo4j.time.Date):
        return ("date", value.iso_format())
    if isinstance(value, neo4j.time.DateTime):
        return ("datetime",)  # loaded_at: its type must match, its value cannot
    if isinstance(value, list):
        return ("list", *(_value(v) for v in value))
    return (type(value).__name__, value)


def _frozen(props: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted((k, _value(v)) for k, v in props.items()))


def dump(driver: neo4j.Driver) -> tuple[Counter[Any], Counter[Any]]:
    """Every node (labels, properties) and relationship (type, ends, properties)."""
    with driver.session() as session:
        nodes = Counter(
            (tuple(sorted(r["labels"])), _frozen(r["props"]))
            for r in session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        )
        rels = Counter(
            (r["type"], r["a"], r["b"], _frozen(r["props"]))
            for r in session.run(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS a, "
                "coalesce(b.id, b.key) AS b, properties(r) AS props"
            )
        )
    return nodes, rels


def _records() -> list[ArticleRecords]:
    from claimgraph.loaders.pipeline import Extractor

    articles = [a for a in iter_articles([str(EXAMPLES)]) if isinstance(a, Article)]
    extracted = [r for r in Extractor().extract_many(articles) if isinstance(r, ArticleRecords)]
    assert len(extracted) == len(articles) > 5
    corpus = list(iter_records(80, seed=11))
    return extracted + corpus + list(synthetic_records(80, seed=3)) + corpus[:5]  # reloads too


@pytest.fixture(scope="module")
def import_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHome]:
    home = ServerHome(tmp_path_factory.mktemp("import-home"))
    # Earlier releases could generate a password starting with "-", which neo4j-admin once
    # took for an option; such a home must still start.
    home.password_file.parent.mkdir(mode=0o700)
    fd = os.open(home.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("-" + new_password() + "\n")
    try:
        yield home
    finally:
        stop_server(home)


def _import_cli(
    home: ServerHome, *args: str, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "claimgraph", "import-bulk", "--home", str(home.root), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)


def test_bulk_import_gives_the_writers_graph(
    empty_graph: Any, import_home: ServerHome, tmp_path: Path
) -> None:
    records = _records()
    summary = write_batches(empty_graph.driver, empty_graph.database, records)
    assert summary.articles_failed == 0
    written = dump(empty_graph.driver)

    # The same records through the command line: JSONL, --force (no server yet: it starts one).
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r.to_json()) + "\n" for r in records), encoding="utf-8")
    done = _import_cli(
        import_home,
        "--records",
        str(jsonl),
        "--csv-dir",
        str(tmp_path / "csv"),
        "--bolt-port",
        "0",
        "--http-port",
        "0",
        "--heap",
        "512m",
        "--pagecache",
        "128m",
        "--processes",
        "2",  # encoded by two worker processes: the graph must not change
    )
    assert done.returncode == 0, done.stderr
    assert f"Imported {summary.articles_new} articles" in done.stdout
    assert (tmp_path / "csv" / "nodes_article.csv").exists()  # --csv-dir keeps them
    state = is_running(import_home)
    assert state is not None
    driver = open_driver(Settings(state.bolt_uri, "neo4j", import_home.password() or "", None))
    try:
        imported = dump(driver)
        with driver.session() as session:
            constraints = session.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").single()
    finally:
        driver.close()
    assert constraints is not None and constraints["n"] >= 5
    nodes_w, rels_w = written
    nodes_i, rels_i = imported
    # The extracted examples have events with no place of their own: the
    # placement the writer derives must come through the import too.
    assert any(key[0] == "IMPLIED_AT" for key in rels_w)
    assert sum(nodes_i.values()) == sum(nodes_w.values())
    assert sum(rels_i.values()) == sum(rels_w.values())
    assert nodes_i - nodes_w == Counter() and nodes_w - nodes_i == Counter()
    assert rels_i - rels_w == Counter() and rels_w - rels_i == Counter()


def test_refuses_a_running_server_without_force(import_home: ServerHome, tmp_path: Path) -> None:
    start_server(import_home, bolt_port=0, http_port=0, memory=MEMORY)
    state = is_running(import_home)
    assert state is not None
    with pytest.raises(ServerError, match="--force"):
        bulk_import(import_home, iter_records(3, seed=1), csv_dir=tmp_path / "csv")
    assert is_running(import_home) == state  # untouched
    assert not (tmp_path / "csv").exists()
    refused = _import_cli(import_home, "--records", str(tmp_path / "none.jsonl"))
    assert refused.returncode != 0 and "--force" in refused.stderr


def test_cli_refuses_a_server_given_by_uri(import_home: ServerHome) -> None:
    env = {"PATH": "/usr/bin:/bin", "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
    refused = _import_cli(import_home, "--records", "records.jsonl", env=env, timeout=120)
    assert refused.returncode != 0
    assert "managed server" in refused.stderr and "claimgraph load" in refused.stderr


def _tiny_graph() -> list[ArticleRecords]:
    """Three short articles in which the same people and places come back with more to say.

    What each relationship type and each merge rule of the data model does
    shows here: the first name wins and later spellings become aliases,
    missing properties are filled but never overwritten (kind, coordinates,
    side), a place that speaks becomes ``:Place:Actor``, ``ROLE`` is one per
    title and article, ``RENAMED`` keeps the first date it is given.
    """
    vasko = dict(key="person:vasko", type="Person")
    ministry = dict(key="org:varossa-defence", type="Organization")
    dravik = dict(key="place:dravik", type="Place")
    varossa = dict(key="place:varossa", type="Place", is_actor=True, kind="country")
    out = []
    for n, (name, extra) in enumerate(
        [
            ("Oren Vasko", {"kind": None, "lat": None}),
            ("O. Vasko", {"kind": "village", "lat": 40.1}),
            ("Minister Vasko", {"kind": "town", "lat": 41.0}),
        ],
        start=1,
    ):
        aid = f"tiny-{n}"
        entities = [
            Entity(id="e1", name=name, **vasko, roles=[Role("Defence Minister", of="e2")]),
            Entity(id="e2", name=f"Defence Ministry {n}", **ministry, sector="military"),
            Entity(
                id="e3",
                name="Dravik" if n != 2 else "Dravick",
                **dravik,
                kind=extra["kind"],
                lat=extra["lat"],
                part_of="e4",
                renamed=[Renaming(to="e5", on=date(2026, 3, n) if n > 1 else None, by="e1")],
            ),
            Entity(id="e4", name="Varossa", **varossa),
            Entity(id="e5", name="New Dravik", key="place:new-dravik", type="Place"),
        ]
        statements = [
            Statement(
                id=f"{aid}:s1",
                speaker="e1",
                speaker_name=name,
                cue="said",
                mode="indirect",
                text=f"Shelling hit Dravik, report {n}.",
                via=["e2"],
                about=["e3"],
            )
        ]
        events = [
            Event(
                id=f"{aid}:v1",
                type="ASSAULT",
                summary="shelling",
                agents=["e2"],
                targets=["e3"],
                places=["e3"],
                claimed_by=[f"{aid}:s1"],
                counts={"killed": n},
            )
        ]
        if n == 3:  # the town speaks: it becomes an actor too
            statements.append(
                Statement(
                    id=f"{aid}:s2",
                    speaker="e3",
                    speaker_name="Dravik",
                    cue="said",
                    mode="indirect",
                    text="The town council denied it.",
                    polarity="denies",
                )
            )
        article = Article(
            id=aid, title=f"Report {n}", published=date(2026, 3, n), outlet="Varossa Herald"
        )
        out.append(ArticleRecords(article, entities, statements, events))
    return out


def test_a_tiny_graph_is_the_same_written_and_imported(
    empty_graph: Any, import_home: ServerHome
) -> None:
    """Writer and bulk import merge by the one data model: the same nodes and relationships."""
    records = _tiny_graph()
    # Two articles in one batch (folded before the MERGE), the third in the next (merged by it).
    summary = write_batches(empty_graph.driver, empty_graph.database, records, batch_size=2)
    assert summary.articles_new == 3 and summary.articles_failed == 0
    written = dump(empty_graph.driver)
    result = bulk_import(
        import_home, records, force=True, memory=MEMORY, bolt_port=0, http_port=0, batch_size=2
    )
    assert result.files.articles == 3
    state = is_running(import_home)
    assert state is not None
    driver = open_driver(Settings(state.bolt_uri, "neo4j", import_home.password() or "", None))
    try:
        imported = dump(driver)
    finally:
        driver.close()
    nodes, rels = written
    (place,) = [
        props
        for labels, props in nodes
        if "Place" in labels and ("key", ("str", "place:dravik")) in props
    ]
    props = dict(place)
    assert props["name"] == ("str", "Dravik")  # the first name
    assert props["kind"] == ("str", "village") and props["lat"] == ("float", 40.1)  # first given
    assert props["aliases"] == ("list", ("str", "Dravik"), ("str", "Dravick"))  # in order
    assert any(
        labels == ("Actor", "Place") and ("key", ("str", "place:dravik")) in p
        for labels, p in nodes
    )
    (renamed,) = [r for r in rels if r[0] == "RENAMED"]
    assert ("on", ("date", "2026-03-02")) in renamed[3]  # the first date given
    assert sum(1 for r in rels if r[0] == "ROLE") == 3  # one per article
    assert imported == written
