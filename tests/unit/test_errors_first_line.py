"""One-line error messages built from the driver's exceptions."""

from __future__ import annotations

from claimgraph.errors import first_line


class _DriverError(Exception):
    def __init__(self, message: str | None) -> None:
        super().__init__("wrapped")
        self.message = message


def test_first_line_keeps_the_first_line_without_trailing_punctuation():
    error = _DriverError("Failed to read from defunct connection (127.0.0.1:7687):\nmore")
    assert first_line(error) == "Failed to read from defunct connection (127.0.0.1:7687)"


def test_first_line_falls_back_to_the_text_then_the_type():
    assert first_line(ValueError("bad value;")) == "bad value"
    assert first_line(_DriverError(None)) == "wrapped"
    assert first_line(ValueError("")) == "ValueError"
