"""claimgraph: a temporal knowledge graph of who said what, when.

Dated news articles go in; people, institutions and places, the dated actions
attributed to them, and the statements through which we know about them come
out, in Neo4j. The ingest API (``claimgraph.ingest``) is re-exported here:

    from claimgraph import load, sources
    summary = load(driver, None, sources(["articles/"], driver=driver))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Loaded on first use: ``import claimgraph`` (and the CLI's start) stays
# light, without the Neo4j driver or spaCy.
_INGEST = (
    "ArticleOutcome",
    "Counts",
    "InputProblem",
    "LoadSummary",
    "dry_run",
    "extract",
    "load",
    "load_files",
    "not_loaded",
    "sources",
)

__all__ = [
    "__version__",
    "ArticleOutcome",
    "Counts",
    "InputProblem",
    "LoadSummary",
    "dry_run",
    "extract",
    "load",
    "load_files",
    "not_loaded",
    "sources",
]

if TYPE_CHECKING:
    from claimgraph.ingest import (
        ArticleOutcome,
        Counts,
        InputProblem,
        LoadSummary,
        dry_run,
        extract,
        load,
        load_files,
        not_loaded,
        sources,
    )


def __getattr__(name: str) -> Any:
    if name in _INGEST:
        from claimgraph import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
