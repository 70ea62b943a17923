"""Every query, viz and demo command has help with an example."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimgraph.cli import main

COMMANDS = [
    "who-said",
    "timeline",
    "disputed",
    "profile",
    "query",
    "queries",
    "cypher",
    "viz",
    "export",
    "analyze",
    "demo",
]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_example(name: str) -> None:
    assert name in main.commands, f"{name} is not registered"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "claimgraph " + name in result.output


@pytest.mark.parametrize("name", ["who-said", "timeline", "disputed", "profile", "query"])
def test_query_commands_take_format_and_connection_options(name: str) -> None:
    out = CliRunner().invoke(main, [name, "--help"]).output
    for option in ("--format", "--uri", "--user", "--password", "--database"):
        assert option in out


def test_queries_lists_every_canned_query_without_a_database() -> None:
    result = CliRunner().invoke(main, ["queries", "--format", "csv"])
    assert result.exit_code == 0
    assert "who-said" in result.output and "first-report" in result.output


def test_bad_parameter_is_refused_before_connecting() -> None:
    # No server anywhere: the parameter error must come first, in one line.
    result = CliRunner().invoke(
        main,
        ["query", "as-of", "-p", "colour=red"],
        env={"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"},
    )
    assert result.exit_code != 0
    assert result.output.strip() == (
        "Error: query as-of has no parameter 'colour' (parameters: about, date, limit, offset)"
    )
