"""Every command documents itself: help text and an Example block."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from claimgraph.cli import main


def _commands(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    found: list[tuple[tuple[str, ...], click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(main)


def test_the_expected_commands_exist() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {
        "server start",
        "server stop",
        "server status",
        "server logs",
        "schema apply",
        "schema show",
        "demo",
        "extract",
        "load",
        "stats",
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
    } <= names


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_with_example(path: tuple[str, ...], command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 20, f"{path} lacks help"
    assert "Example:" in command.help, f"{' '.join(path)} lacks an Example: block"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_readme_commands_exist() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    names = {path[0] for path, _ in COMMANDS}
    for line in readme.splitlines():
        line = line.strip()
        if line.startswith("claimgraph ") and not line.startswith("claimgraph/"):
            word = line.split()[1]
            if not word.startswith("-"):
                assert word in names, f"README mentions unknown command: {line}"


def _example_lines(command: click.Command) -> list[str]:
    _, _, block = (command.help or "").partition("Example:")
    return [line.strip() for line in block.splitlines() if line.strip() and line.strip() != "\b"]


ALL = [((), main), *COMMANDS]


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(("claimgraph", *p)) for p, _ in ALL])
def test_help_shows_one_example_per_line(path: tuple[str, ...], command: click.Command) -> None:
    """Click rewraps paragraphs: without a \\b block two examples run together on one line."""
    shown = CliRunner().invoke(main, [*path, "--help"], terminal_width=80).output
    lines = {line.strip() for line in shown.splitlines()}
    examples = _example_lines(command)
    assert examples, f"{' '.join(path) or 'claimgraph'} has no example lines"
    for example in examples:
        assert example in lines, (
            f"`claimgraph {' '.join(path)} --help` does not show this example on a line "
            f"of its own: {example}"
        )
