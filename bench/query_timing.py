"""Timing canned queries for the query bench: runs, alternation, database hits.

A query is run as ``claimgraph.queries.run_query`` runs it (a read
transaction, driver round trip included) with a server-side timeout, so
that one slow query cannot hold the bench; two versions of a query can be
timed alternately on the same parameters, and their database hits counted
with ``PROFILE``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import neo4j

from bench.harness import Target, percentile
from claimgraph.queries.catalog import Query

__all__ = ["TimedOut", "canned", "paired", "time_calls", "time_alternating", "db_hits", "HIT_DRAWS"]


class TimedOut(Exception):
    """A query ran past the bench's server-side timeout."""


def canned(
    target: Target, query: Query, params: Callable[[], dict[str, Any]], timeout: float
) -> Callable[[], list[Any]]:
    """One call of a canned query, as ``run_query`` runs it, but with a server-side timeout."""
    run = _runner(target, query, timeout)
    return lambda: run(query.bind(params()))


def _runner(target: Target, query: Query, timeout: float) -> Callable[[dict[str, Any]], list[Any]]:
    """``query`` run on bound parameters in a read transaction with a server-side timeout."""
    db = target.database

    @neo4j.unit_of_work(timeout=timeout)
    def work(tx: neo4j.ManagedTransaction, bound: dict[str, Any]) -> list[Any]:
        return [r.values() for r in tx.run(query.cypher, bound)]

    def call(bound: dict[str, Any]) -> list[Any]:
        try:
            with target.driver.session(database=db, notifications_min_severity="OFF") as session:
                return session.execute_read(work, bound)
        except neo4j.exceptions.ClientError as e:
            if "Timed" in (e.code or "") or "timeout" in (e.message or "").lower():
                raise TimedOut from e
            raise

    return call


def paired(
    target: Target,
    query: Query,
    baseline: Query,
    params: Callable[[], dict[str, Any]],
    timeout: float,
) -> tuple[Callable[[], list[Any]], Callable[[], list[Any]]]:
    """Calls of ``query`` and ``baseline`` that share each drawn parameter set.

    The bench alternates them, so that a load spike on a shared machine hits
    both versions alike: whichever of the two runs first in a round draws
    the parameters and the other reuses them (the k-th call of each gets the
    k-th draw). The order swaps every round (``time_alternating``), because
    the second run of the same parameters finds the pages the first one
    read in the page cache.
    """
    new, old = _runner(target, query, timeout), _runner(target, baseline, timeout)
    drawn: list[dict[str, Any]] = []
    calls = [0, 0]
    known = {p.name for p in baseline.params}

    def values(which: int) -> dict[str, Any]:
        k = calls[which]
        calls[which] += 1
        while len(drawn) <= k:
            drawn.append(params())
        return drawn[k]

    def first() -> list[Any]:
        return new(query.bind(values(0)))

    def second() -> list[Any]:
        return old(baseline.bind({k: v for k, v in values(1).items() if k in known}))

    return first, second


def _failed(runs: int, timeout: float) -> dict[str, Any]:
    # A query this slow would hold the bench for hours: note it and move on.
    return {
        "runs": runs,
        "timed_out_after_s": timeout,
        "p50_ms": None,
        "p95_ms": None,
        "max_ms": None,
        "mean_rows": None,
    }


def _figures(times: list[float], rows: int) -> dict[str, Any]:
    return {
        "runs": len(times),
        "p50_ms": percentile(times, 0.5),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "mean_rows": rows / len(times),
    }


def time_calls(call: Callable[[], Any], runs: int, warmup: int, timeout: float) -> dict[str, Any]:
    return time_alternating([call], runs, warmup, timeout)[0]


def time_alternating(
    calls: list[Callable[[], Any]], runs: int, warmup: int, timeout: float
) -> list[dict[str, Any]]:
    """Time each of ``calls`` ``runs`` times, in turn within every round.

    Every other round runs them in reverse order, so that none is always first.
    """
    rows = [0] * len(calls)
    times: list[list[float]] = [[] for _ in calls]
    out: list[dict[str, Any] | None] = [None] * len(calls)

    def order(r: int) -> list[tuple[int, Callable[[], Any]]]:
        pairs = list(enumerate(calls))
        return pairs if r % 2 == 0 else pairs[::-1]

    for r in range(warmup):
        for i, call in order(r):
            if out[i] is None:
                try:
                    call()
                except TimedOut:
                    out[i] = _failed(0, timeout)
    for r in range(runs):
        for i, call in order(r):
            if out[i] is not None:
                continue
            began = time.perf_counter()
            try:
                result = call()
            except TimedOut:
                out[i] = _failed(len(times[i]), timeout)
                continue
            times[i].append((time.perf_counter() - began) * 1000)
            rows[i] += len(result) if isinstance(result, list | tuple) else 0
    return [
        o if o is not None else _figures(t, r) for o, t, r in zip(out, times, rows, strict=True)
    ]


HIT_DRAWS = 5


def db_hits(target: Target, query: Query, draws: list[dict[str, Any]]) -> float:
    """Mean database hits of ``query`` over ``draws``, as ``PROFILE`` counts them."""
    known = {p.name for p in query.params}

    def hits(plan: Any) -> int:
        return int(plan.get("dbHits", 0)) + sum(hits(c) for c in plan.get("children", []))

    total = 0
    with target.driver.session(database=target.database, notifications_min_severity="OFF") as s:
        for values in draws:
            bound = query.bind({k: v for k, v in values.items() if k in known})
            summary = s.run("PROFILE " + query.cypher, bound).consume()
            total += hits(summary.profile or {})
    return total / len(draws)
