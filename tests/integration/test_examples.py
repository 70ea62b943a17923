"""Every documented example runs, as written, on the demo graph.

The examples are the ``claimgraph …`` lines of README.md, docs/*.md (code
blocks and inline code) and every command's ``--help``. Those that ask the
graph (the query, page, export and stats commands) run against a real Neo4j
holding the demo corpus (``claimgraph/data/examples``); each must exit 0 and
print rows. A failure names the file and line (or the ``--help`` page) the
example comes from.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.ingest_examples import load_examples
from tests.integration.conftest import Neo4jTarget, wipe

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]

# Commands that read the graph and answer with rows (or a page, or a file).
GRAPH_COMMANDS = frozenset(
    {
        "who-said",
        "timeline",
        "disputed",
        "profile",
        "query",
        "cypher",
        "viz",
        "export",
        "analyze",
        "stats",
        "queries",
        "incident",
    }
)

# Commands that connect to Neo4j but change it or set it up: their examples
# are not run against the shared demo graph.
SETUP_COMMANDS = frozenset(
    {"load", "import-bulk", "demo", "schema apply", "schema show", "incident resolve"}
)

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = re.compile(r"`(claimgraph [^`]+)`")
# Placeholders a reader fills in: "claimgraph extract … --format json", "FILE".
_PLACEHOLDER = re.compile(r"…|\.\.\.|\b(FILE|NAME|PATH|DIR|DATE|VALUE|KEY)\b")


@dataclass(frozen=True)
class Example:
    """One documented command line and where it is written."""

    where: str  # "README.md:47" or "claimgraph who-said --help"
    line: str  # as written, comments and pipes included

    def commands(self) -> list[list[str]]:
        """The ``claimgraph`` invocations on the line, split at ``&&``, ``;`` and ``|``.

        The part after a pipe or a redirection is another program's (``jq``, a
        file), so only what feeds it is kept.
        """
        lexer = shlex.shlex(self.line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        out: list[list[str]] = []
        current: list[str] = []
        skipping = False
        for token in lexer:
            if token in ("&&", ";", "||"):
                if current and not skipping:
                    out.append(current)
                current, skipping = [], False
            elif token in ("|", ">", ">>", "<"):
                if current and not skipping:
                    out.append(current)
                current, skipping = [], True
            elif not skipping:
                # Inside double quotes the shell reads \$ as $; shlex keeps both.
                current.append(token.replace("\\$", "$"))
        if current and not skipping:
            out.append(current)
        return [c for c in out if c and c[0] == "claimgraph"]


def _markdown_examples(path: Path) -> Iterator[Example]:
    name = path.relative_to(ROOT).as_posix()
    in_code = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if _FENCE.match(raw):
            in_code = not in_code
            continue
        where = f"{name}:{number}"
        if in_code:
            text = raw.strip().removeprefix("$ ")
            if text.startswith("claimgraph ") or " claimgraph " in f" {text}":
                yield Example(where, text)
        else:
            # Inline code with arguments is an example; a bare `claimgraph cypher`
            # in a sentence names the command.
            for match in _INLINE.finditer(raw):
                if len(match[1].split()) > 2:
                    yield Example(where, match[1])


def _help_examples() -> Iterator[Example]:
    def walk(command: click.Command, path: tuple[str, ...]) -> Iterator[Example]:
        where = " ".join(("claimgraph", *path, "--help"))
        _, _, block = (command.help or "").partition("Example:")
        for raw in block.splitlines():
            text = raw.strip()
            if text.startswith("claimgraph ") or " claimgraph " in text:
                yield Example(where, text)
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                yield from walk(sub, (*path, name))

    yield from walk(main, ())


def all_examples() -> list[Example]:
    """Every documented ``claimgraph`` line: README.md, docs/*.md, every ``--help``."""
    found = list(_markdown_examples(ROOT / "README.md"))
    for doc in sorted((ROOT / "docs").glob("*.md")):
        found.extend(_markdown_examples(doc))
    found.extend(_help_examples())
    return found


def graph_examples() -> list[tuple[Example, list[str]]]:
    """The documented invocations that ask the graph, once each per place written."""
    runs: list[tuple[Example, list[str]]] = []
    for example in all_examples():
        if _PLACEHOLDER.search(example.line):
            continue
        for argv in example.commands():
            if " ".join(argv[1:3]) in SETUP_COMMANDS:
                continue  # "incident resolve" writes; "incident KEY" reads
            if len(argv) > 1 and argv[1] in GRAPH_COMMANDS:
                runs.append((example, argv))
    return runs


RUNS = graph_examples()


@pytest.fixture(scope="module")
def demo_graph(neo4j_target: Neo4jTarget) -> Neo4jTarget:
    """The session's Neo4j holding exactly the demo corpus, as ``claimgraph demo`` loads it."""
    from claimgraph.schema.cypher import apply_schema

    wipe(neo4j_target)
    apply_schema(neo4j_target.driver, neo4j_target.database)
    summary, _ = load_examples(neo4j_target.driver, neo4j_target.database)
    assert summary.articles_new >= 10
    return neo4j_target


def _prints_rows(argv: list[str], stdout: str) -> str | None:
    """Why ``stdout`` is not an answer with rows, or None when it is."""
    text = stdout.strip()
    if not text:
        return "printed nothing"
    wrote = re.search(r"^wrote .*\((\d+) nodes", text, re.M)
    if wrote:
        return None if int(wrote[1]) > 0 else "wrote an empty graph"
    if text[0] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            return f"bad JSON: {e}"
        if isinstance(data, list):
            return None if data else "an empty JSON list"
        if isinstance(data, dict):
            if "nodes" in data and isinstance(data["nodes"], int):
                return None if data["nodes"] > 0 else "stats count no nodes"
            lists = [v for v in data.values() if isinstance(v, list | dict)]
            return None if any(lists) else "a JSON object without rows"
    if "(no rows)" in text:
        return "(no rows)"
    if "--format" in argv and argv[argv.index("--format") + 1] == "csv":
        return None if len(text.splitlines()) >= 2 else "a CSV header without rows"
    return None


def test_the_docs_have_examples_for_every_graph_command() -> None:
    shown = {argv[1] for _, argv in RUNS}
    assert shown == GRAPH_COMMANDS, f"no runnable example for {sorted(GRAPH_COMMANDS - shown)}"
    places = {e.where.split(":")[0] for e, _ in RUNS}
    assert "README.md" in places and "docs/queries.md" in places


def test_every_command_that_reads_the_graph_has_its_examples_run() -> None:
    def leaves(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from leaves(command, f"{prefix}{name} ")
            else:
                yield f"{prefix}{name}", command

    connecting = {
        name
        for name, command in leaves(main)
        if any("--uri" in getattr(p, "opts", ()) for p in command.params)
    }
    # a group's subcommands are classified with the group ("incident show")
    unclassified = {
        name
        for name in connecting - SETUP_COMMANDS
        if name not in GRAPH_COMMANDS and name.split()[0] not in GRAPH_COMMANDS
    }
    assert not unclassified, (
        f"new commands {sorted(unclassified)}: add them to GRAPH_COMMANDS (their examples "
        "run on the demo graph) or to SETUP_COMMANDS (they write)"
    )


def test_example_lines_are_read_as_a_shell_would() -> None:
    line = Example("x", "claimgraph stats --json | jq .labels  # counts")
    assert line.commands() == [["claimgraph", "stats", "--json"]]
    chain = Example("x", "claimgraph schema apply && claimgraph schema show")
    assert chain.commands() == [["claimgraph", "schema", "apply"], ["claimgraph", "schema", "show"]]
    quoted = Example("x", 'claimgraph query path -p source="Matej Orlan" -p target=Dravik')
    assert quoted.commands()[0][-3:] == ["source=Matej Orlan", "-p", "target=Dravik"]
    dollar = Example("x", 'claimgraph cypher "RETURN \\$p AS p" -p p=1 > out.txt')
    assert dollar.commands() == [["claimgraph", "cypher", "RETURN $p AS p", "-p", "p=1"]]
    assert _PLACEHOLDER.search("claimgraph load --records FILE")
    assert not _PLACEHOLDER.search("claimgraph query as-of --param about=Dravik")


@pytest.mark.parametrize(
    "example,argv", RUNS, ids=[f"{e.where}: {' '.join(a[1:])}" for e, a in RUNS]
)
def test_example_runs_on_the_demo_graph(
    example: Example,
    argv: list[str],
    demo_graph: Neo4jTarget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # pages and exports land here
    result: Any = CliRunner().invoke(main, argv[1:], env=demo_graph.env())
    context = f"{example.where}: `{example.line}`"
    assert result.exit_code == 0, f"{context} exited {result.exit_code}:\n{result.output[-1500:]}"
    problem = _prints_rows(argv, result.stdout)
    assert problem is None, f"{context}: {problem}:\n{result.output[-1500:]}"
