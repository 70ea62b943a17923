"""Shared test helpers: where the evaluation data beside the project lives."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_c0cb85075c205c63.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article beside the project; skips when ../shared is absent."""
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside this clone")
    return SEED
