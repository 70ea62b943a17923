"""Helpers for the evaluation tests: the shipped gold files and a gold file of one's own."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.evaluation.gold import package_data_dir

DATA = package_data_dir()
GOLD_FILES = sorted((DATA / "gold").rglob("*.json"))
GOLD_IDS = [p.stem for p in GOLD_FILES]


def write_gold(tmp_path: Path, body: str, doc: dict) -> Path:
    """A gold file ``a.json`` for the article ``a.txt`` holding ``body``, both in ``tmp_path``."""
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    doc = {
        "format": "claimgraph-gold/1",
        "article": {"path": "a.txt", "base": "gold", "published": "2025-01-06"},
        **doc,
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path
