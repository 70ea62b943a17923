"""``InputProblem``: one bad input item, reported in place while the batch goes on."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InputProblem"]


@dataclass
class InputProblem:
    """Something wrong with one input item; the rest of the batch goes on.

    ``severity`` is ``"error"`` when the item was not read and ``"warning"``
    when it was read with a problem (no date, undecodable bytes replaced).
    """

    source: str  # "path", "path:line", "path[index]" or "<stdin>"
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
