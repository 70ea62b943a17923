"""One output option everywhere: ``--format table|json|csv`` on every command that prints rows."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimgraph.cli import main

# Commands whose output is rows (or one record) a script may want as JSON or CSV.
ROW_COMMANDS = (
    ("who-said",),
    ("timeline",),
    ("disputed",),
    ("profile",),
    ("query",),
    ("queries",),
    ("cypher",),
    ("stats",),
    ("analyze",),
    ("incident", "show"),
    ("eval",),
    ("schema", "show"),
    ("server", "status"),
)
# Kept from before --format, for the scripts that use it.
JSON_ALIASES = (("stats",), ("schema", "show"), ("server", "status"))


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def _option(command: click.Command, flag: str) -> click.Option | None:
    for param in command.params:
        if isinstance(param, click.Option) and flag in param.opts:
            return param
    return None


@pytest.mark.parametrize("path", ROW_COMMANDS, ids=" ".join)
def test_rows_come_as_a_table_json_or_csv(path: tuple[str, ...]) -> None:
    option = _option(_command(path), "--format")
    assert option is not None, f"claimgraph {' '.join(path)} has no --format"
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == ("table", "json", "csv")
    assert option.default == "table"


@pytest.mark.parametrize("path", JSON_ALIASES, ids=" ".join)
def test_the_old_json_flag_still_works(path: tuple[str, ...]) -> None:
    option = _option(_command(path), "--json")
    assert option is not None and option.is_flag
    shown = CliRunner().invoke(main, [*path, "--help"]).output
    assert "--json" in shown and "--format" in shown


def test_a_format_that_does_not_exist_is_refused_in_one_usage_error() -> None:
    result = CliRunner().invoke(main, ["stats", "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json', 'csv'" in result.output


def test_a_table_keeps_room_for_what_was_said_and_keys_on_one_line() -> None:
    from claimgraph.cli.output import render

    said = "the bridge at the northern checkpoint was hit by artillery fire overnight " * 3
    rows = [
        {
            "speaker": "Ministry of Defence of the Republic of Varossa",
            "role": "spokeswoman, Varossan Defence Ministry",
            "said_on": "2025-06-14",
            "text": said.strip(),
            "via": "Kestrian Broadcasting Corporation",
            "incident": "incident:004c7a833efe4f1c:ev2",
        }
    ]
    lines = render(rows, "table", width=160).splitlines()
    assert max(len(line) for line in lines) <= 160  # nothing cropped
    cells = [line.split("\u2502") for line in lines if line.startswith("\u2502")]
    # the text keeps a quarter of the width (plus padding); without it rich shares
    # the width out evenly and the sentence gets the same 20-odd columns as a name
    assert min(len(c[4]) for c in cells) == 160 // 4 + 2, lines
    assert any("incident:004c7a833efe4f1c:ev2" in line for line in lines)  # a key unbroken
    narrow = render(rows, "table", width=100).splitlines()
    assert max(len(line) for line in narrow) <= 100  # the others' words still fit


def test_timeline_refuses_a_page_and_a_format_at_once(tmp_path: Path) -> None:
    page = tmp_path / "dravik.html"
    result = CliRunner().invoke(
        main, ["timeline", "Dravik", "--html", str(page), "--format", "csv"]
    )
    assert result.exit_code == 2
    assert "--html writes a page and --format prints rows" in result.output
    assert not page.exists()
