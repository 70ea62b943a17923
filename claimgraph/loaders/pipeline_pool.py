"""Extraction in worker processes: articles go out in chunks, records come back.

Each worker parses the texts *and* builds the records, so the whole cost of
an article is spent in parallel and what crosses the process boundary is the
article going out and its records (small dataclasses) coming back, never a
spaCy ``Doc``. Chunks are submitted through a bounded window, so memory stays
flat on inputs of any size, and results are yielded in input order.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from claimgraph.errors import ClaimgraphError

__all__ = ["extract_in_pool", "CHUNK"]

# Articles per task: small enough that two workers share even a short input,
# large enough that the round trip is noise next to ~0.1 s of work per article.
CHUNK = 8

_extractor: Any = None  # the extractor a worker process uses (an ``Extractor``)


def _start(parent: Any, build: Callable[[], Any]) -> None:
    """Worker initialiser: reuse the forked parent's extractor, or build one."""
    global _extractor
    # Ctrl-C in a terminal reaches the whole process group: the parent decides
    # when to stop (after the batches in flight) and then stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _extractor = parent if parent is not None else build()


def _work(chunk: list[Any]) -> list[Any]:
    assert _extractor is not None
    return list(_extractor.extract_chunk(chunk))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_in_pool(
    items: Iterable[Any], processes: int, extractor: Any, chunk: int = CHUNK
) -> Iterator[Any]:
    """``extractor.extract_chunk`` over ``items`` in ``processes`` workers, in order.

    On Linux the workers are forked from this process and share the loaded
    ``extractor`` (no model reload); elsewhere each worker builds one of the
    same class with its default pipeline.
    Closing the iterator early stops the workers at once.
    """
    methods = multiprocessing.get_all_start_methods()
    forked = "fork" in methods
    context = multiprocessing.get_context("fork" if forked else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=processes,
        mp_context=context,
        initializer=_start,
        initargs=(extractor if forked else None, type(extractor)),
    )
    window: deque[Future[list[Any]]] = deque()
    try:
        for part in _chunks(items, chunk):
            window.append(pool.submit(_work, part))
            while len(window) > 2 * processes:
                yield from _result(window.popleft())
        while window:
            yield from _result(window.popleft())
    finally:
        if not window:  # all done: the idle workers exit at once
            pool.shutdown(wait=True)
        else:
            # Early close (Ctrl-C, a lost database): nothing the workers hold
            # needs saving, so they are stopped rather than drained.
            workers = list(getattr(pool, "_processes", {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in workers:
                process.terminate()


def _result(future: Future[list[Any]]) -> list[Any]:
    try:
        return future.result()
    except BrokenProcessPool as e:
        raise ClaimgraphError(
            "an extraction process died (out of memory?); run again with fewer --processes"
        ) from e
