"""Records built in worker processes: the same records, in the same order, as one process."""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

from claimgraph.ingest import extract
from claimgraph.loaders.pipeline import Extractor
from claimgraph.loaders.readers import iter_articles
from claimgraph.schema.problems import InputProblem

EXAMPLES = Path(__file__).resolve().parents[2] / "claimgraph" / "data" / "examples"


def _as_lines(items: list[object]) -> list[str]:
    return [
        str(item) if isinstance(item, InputProblem) else json.dumps(item.to_json())  # type: ignore[attr-defined]
        for item in items
    ]


def test_two_processes_give_the_records_of_one_in_order() -> None:
    articles = list(iter_articles([EXAMPLES]))[:9]
    # A bad input among the articles keeps its place in the stream.
    articles.insert(4, InputProblem("broken.txt", "not UTF-8 text"))
    extractor = Extractor()
    one = list(extract(articles, extractor=extractor))
    two = list(extract(articles, processes=2, extractor=Extractor(extractor.nlp)))
    assert len(one) == 10 and isinstance(one[4], InputProblem)
    assert _as_lines(two) == _as_lines(one)


def test_closing_early_stops_the_workers() -> None:
    articles = list(iter_articles([EXAMPLES])) * 3
    stream = extract(articles, processes=2)
    first = next(stream)
    assert not isinstance(first, InputProblem)
    assert multiprocessing.active_children()
    stream.close()
    # On a loaded machine a terminated worker can take a moment to be reaped;
    # keep joining until none is left or a minute has passed.
    deadline = time.monotonic() + 60
    while multiprocessing.active_children() and time.monotonic() < deadline:
        for child in multiprocessing.active_children():
            child.join(timeout=1)
    assert not multiprocessing.active_children()
