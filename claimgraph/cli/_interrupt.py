"""Ctrl-C during a load: finish the batches in flight, then stop cleanly.

A KeyboardInterrupt raised at an arbitrary point can land inside the Neo4j
driver while it holds one of its own locks; closing the driver afterwards may
then wait for ever. So the first Ctrl-C only asks the load to stop: the input
stops being read, the batches being written commit (whole articles only), the
driver closes normally and the command exits 130. A second Ctrl-C leaves at
once without closing anything; the server rolls the open transactions back when
the connection drops, so the graph still holds whole articles only.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.queues
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from types import FrameType, TracebackType
from typing import Any, TypeVar

T = TypeVar("T")

EXIT_INTERRUPTED = 130


class StopOnInterrupt:
    """Context manager: SIGINT sets ``requested`` instead of raising, once."""

    def __init__(self, on_second: Callable[[], None] | None = None) -> None:
        self.requested = False
        self._on_second = on_second
        self._previous: Any = None
        self._installed = False

    def __enter__(self) -> StopOnInterrupt:
        # Signal handlers can only be set from the main thread; elsewhere
        # (an embedding application's worker thread) Ctrl-C keeps its default.
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if not self.requested:
            self.requested = True
            return
        if self._on_second is not None:
            self._on_second()
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(EXIT_INTERRUPTED)

    def guard(self, items: Iterable[T]) -> Iterator[T]:
        """Pass items on until a stop is requested."""
        for item in items:
            if self.requested:
                return
            yield item
            if self.requested:
                return


class InputInterrupted(Exception):
    """Ctrl-C while the input was being read (see ``until_interrupted``)."""


def until_interrupted(items: Iterable[T]) -> Iterator[T]:
    """Pass items on; Ctrl-C while they are read raises ``InputInterrupted``.

    For a command that must not act on part of its input (a bulk import
    replaces the whole database): Ctrl-C is caught only while this generator
    runs, in the main thread, so the command can stop cleanly and say that
    nothing was changed. Once the input is read, Ctrl-C is the default again.
    """
    with StopOnInterrupt() as stop:
        for item in items:
            if stop.requested:
                raise InputInterrupted
            yield item
        if stop.requested:
            raise InputInterrupted


def close_input(items: Iterator[Any]) -> None:
    """Stop reading the input, and extraction processes with it.

    After a full read this does nothing. Stopped early (Ctrl-C, a lost
    server), extraction processes may be blocked sending documents nobody
    will read, and would keep the command from exiting: they are stopped
    first (they hold nothing that needs saving), then the input is closed.
    """
    close = getattr(items, "close", None)
    if close is None:
        return
    workers = multiprocessing.active_children()
    for child in workers:
        child.terminate()
    if workers:
        # Texts still queued for the stopped processes would make the
        # interpreter wait at exit for queues nobody reads any more.
        for obj in gc.get_objects():
            if isinstance(obj, multiprocessing.queues.Queue):
                obj.cancel_join_thread()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "not all worker processes completed"
        close()
