"""The demo says when it cuts a table, and how to see the rest."""

from __future__ import annotations

from claimgraph.cli.demo_cmd import DEMO_READ, cut_note


def test_a_whole_answer_needs_no_note() -> None:
    assert cut_note(25, 25, "claimgraph disputed", 200) is None
    assert cut_note(7, 7, "claimgraph disputed", 200) is None


def test_a_cut_table_says_how_many_rows_and_which_command_shows_them() -> None:
    assert cut_note(25, 31, "claimgraph disputed", 200) == (
        "25 of 31 rows; `claimgraph disputed` shows all"
    )


def test_the_command_asks_for_enough_rows_when_its_own_limit_would_cut() -> None:
    note = cut_note(25, 80, "claimgraph who-said --about Dravik", 50)
    assert note == "25 of 80 rows; `claimgraph who-said --about Dravik --limit 80` shows all"


def test_an_answer_read_only_in_part_says_there_are_more() -> None:
    note = cut_note(25, DEMO_READ, "claimgraph disputed", 200)
    assert note is not None and note.startswith(f"25 of {DEMO_READ}+ rows;")
    assert f"--limit {10 * DEMO_READ}" in note
