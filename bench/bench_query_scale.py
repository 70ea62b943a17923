"""Benchmark: latency of every canned query on a graph of many articles.

The graph is built from synthetic records (``bench.corpus``, no spaCy) with
the bulk import on the managed server, or with the writer when ``NEO4J_URI``
is set. Parameters are drawn, seeded, from what is in the graph (towns,
regions, speakers, ministries, events, statements, dates), so each run asks
about different things; every query is warmed up, then timed end to end
as ``claimgraph.queries.run_query`` runs them (a read transaction, driver
round trip included), with a server-side timeout so that one slow query
cannot hold the bench. Name lookups (``find_entities``) are timed too.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import neo4j

from bench.corpus import iter_records
from bench.harness import Target, Timer, count_graph, percentile, say, wipe
from claimgraph.graph.writer import write_batches
from claimgraph.queries import all_queries, find_entities, get_query
from claimgraph.schema.cypher import apply_schema

__all__ = ["build_graph", "run", "time_queries", "TARGET_P95_MS", "TARGETED"]

TARGET_P95_MS = 50.0
TARGETED = ("lookup", "who-said", "timeline")  # the interactive ones with a p95 target


def build_graph(target: Target, articles: int, seed: int) -> dict[str, Any]:
    """A graph of ``articles`` synthetic articles; how it was built and how long it took."""
    if target.home is not None:
        from bench.bench_import import import_records

        say(f"queries: bulk-importing {articles} synthetic articles")
        figures = import_records(target, iter_records(articles, seed=seed))
        return {"method": "bulk import", **figures}
    say(f"queries: writing {articles} synthetic articles with the writer")
    wipe(target)
    apply_schema(target.driver, target.database)
    with Timer() as t:
        summary = write_batches(target.driver, target.database, iter_records(articles, seed=seed))
    return {"method": "writer", "total_seconds": t.seconds, "elements": summary.elements_created}


def _column(target: Target, cypher: str) -> list[Any]:
    with target.driver.session(database=target.database) as session:
        return [r[0] for r in session.run(cypher)]


class _Pools:
    """Parameter values drawn from the graph."""

    def __init__(self, target: Target, rng: random.Random) -> None:
        self.rng = rng
        q = lambda cypher: _column(target, cypher)  # noqa: E731
        self.towns = q(
            "MATCH (p:Place) WHERE p.kind IN ['town', 'village'] "
            "AND EXISTS { (p)<-[:AT]-(:Event) } RETURN p.key LIMIT 300"
        )
        self.regions = q("MATCH (p:Place {kind: 'region'}) RETURN p.key")
        self.people = q("MATCH (a:Person) WHERE EXISTS { (a)-[:SAID]->() } RETURN a.key LIMIT 300")
        self.names = q("MATCH (a:Person) RETURN a.name LIMIT 300")
        self.ministries = q("MATCH (o:Organization {kind: 'ministry'}) RETURN o.key")
        self.events = q("MATCH (e:Event) RETURN e.id LIMIT 2000")
        self.statements = q("MATCH (s:Statement) RETURN s.id LIMIT 2000")
        dates = q("MATCH (e:Event) RETURN [min(e.date), max(e.date)]")[0]
        self.first, self.last = dates[0].to_native(), dates[1].to_native()
        if not (self.towns and self.people and self.events):
            raise RuntimeError("the query graph has no towns, people or events")

    def pick(self, values: list[Any]) -> Any:
        return self.rng.choice(values)

    def day(self) -> str:
        span = (self.last - self.first).days
        return (self.first + timedelta(days=self.rng.randint(0, max(span, 0)))).isoformat()

    def window(self) -> tuple[str, str]:
        start = date.fromisoformat(self.day())
        return start.isoformat(), (start + timedelta(days=30)).isoformat()

    def place_or_actor(self) -> str:
        return self.pick(self.towns + self.regions + self.ministries)


def _variants(p: _Pools) -> dict[str, Callable[[], dict[str, Any]]]:
    """Parameters for each known query; unknown ones get generic values."""
    return {
        "who-said": lambda: {"about": p.pick(p.towns)},
        "who-said (speaker)": lambda: {"speaker": p.pick(p.people)},
        "who-said (500 rows)": lambda: {"about": p.pick(p.towns), "limit": 500},
        "timeline": lambda: {"about": p.pick(p.towns)},
        "timeline (region)": lambda: {"about": p.pick(p.regions)},
        "timeline (500 rows)": lambda: {"about": p.pick(p.towns), "limit": 500},
        "as-of": lambda: {"about": p.pick(p.towns), "date": p.day()},
        "disputed": lambda: {"about": p.pick(p.towns)},
        "disputed (30 days)": lambda: dict(zip(("from", "to"), p.window(), strict=True)),
        "first-report": lambda: {"place": p.pick(p.towns)},
        "network": lambda: dict(
            zip(("from", "to"), p.window(), strict=True), about=p.pick(p.people)
        ),
        "path": lambda: {"source": p.pick(p.people), "target": p.pick(p.towns)},
        "profile": lambda: {"about": p.pick(p.people)},
        "sources": lambda: {"statement": p.pick(p.statements)},
        "sources (speaker)": lambda: {"speaker": p.pick(p.people)},
    }


def _generic(p: _Pools, query: Any) -> Callable[[], dict[str, Any]]:
    def params() -> dict[str, Any]:
        out: dict[str, Any] = {}
        for param in query.params:
            if not param.required:
                continue
            if param.type in ("entity", "place"):
                out[param.name] = p.pick(p.towns)
            elif param.type == "date":
                out[param.name] = p.day()
        return out

    return params


class _TimedOut(Exception):
    pass


def _canned(
    target: Target, name: str, params: Callable[[], dict[str, Any]], timeout: float
) -> Callable[[], list[Any]]:
    """One call of a canned query, as ``run_query`` runs it, but with a server-side timeout."""
    query = get_query(name)
    db = target.database

    @neo4j.unit_of_work(timeout=timeout)
    def work(tx: neo4j.ManagedTransaction, bound: dict[str, Any]) -> list[Any]:
        return [r.values() for r in tx.run(query.cypher, bound)]

    def call() -> list[Any]:
        bound = query.bind(params())
        try:
            with target.driver.session(database=db, notifications_min_severity="OFF") as session:
                return session.execute_read(work, bound)
        except neo4j.exceptions.ClientError as e:
            if "Timed" in (e.code or "") or "timeout" in (e.message or "").lower():
                raise _TimedOut from e
            raise

    return call


# The columns of a who-said row, read from any 500 statements: the cost of
# shipping and decoding the rows, without finding them.
_FLOOR = """
MATCH (s:Statement) WITH s LIMIT $n
MATCH (s)-[:REPORTED_IN]->(a:Article)
RETURN s.speaker_name AS speaker, 'Person' AS speaker_type, null AS role, s.said_on AS said_on,
       s.cue AS cue, s.mode AS mode, s.text AS text, s.quote AS quote, [] AS via, [] AS about,
       s.polarity AS polarity, coalesce(a.title, a.id) AS article, a.published AS published,
       a.outlet AS outlet, a.id AS article_id, s.id AS statement
"""


def _floor(target: Target, rows: int) -> Callable[[], list[Any]]:
    def call() -> list[Any]:
        with target.driver.session(database=target.database) as session:
            return session.execute_read(lambda tx: [r.values() for r in tx.run(_FLOOR, n=rows)])

    return call


def _time(call: Callable[[], Any], runs: int, warmup: int, timeout: float) -> dict[str, Any]:
    rows = 0
    times: list[float] = []
    try:
        for _ in range(warmup):
            call()
        for _ in range(runs):
            began = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - began) * 1000)
            rows += len(result) if isinstance(result, list | tuple) else 0
    except _TimedOut:
        # A query this slow would hold the bench for hours: note it and move on.
        return {
            "runs": len(times),
            "timed_out_after_s": timeout,
            "p50_ms": None,
            "p95_ms": None,
            "max_ms": None,
            "mean_rows": None,
        }
    return {
        "runs": runs,
        "p50_ms": percentile(times, 0.5),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "mean_rows": rows / runs,
    }


def run(
    target: Target, articles: int, seed: int, runs: int, warmup: int, timeout: float = 20.0
) -> dict[str, Any]:
    """Build the graph, then time every canned query and the name lookup."""
    built = build_graph(target, articles, seed)
    return {
        "articles": articles,
        **time_queries(target, seed, runs, warmup, timeout),
        "build": built,
    }


def time_queries(
    target: Target, seed: int, runs: int, warmup: int, timeout: float = 20.0
) -> dict[str, Any]:
    """Time every canned query and the name lookup on the graph as it is."""
    nodes, rels = count_graph(target)
    pools = _Pools(target, random.Random(seed))
    variants = _variants(pools)
    timings: dict[str, Any] = {}
    db = target.database
    say(f"queries: graph of {nodes} nodes, {rels} relationships; timing {runs} runs per query")
    timings["lookup"] = _time(
        lambda: find_entities(target.driver, db, pools.pick(pools.names))[0], runs, warmup, timeout
    )
    # What 500 rows cost with no search at all: the floor under any 500-row answer.
    timings["floor (500 rows, no search)"] = _time(_floor(target, 500), runs, warmup, timeout)
    for name, query in sorted(all_queries().items()):
        mine = {label: f for label, f in variants.items() if label.split(" (")[0] == name}
        for label, params in (mine or {name: _generic(pools, query)}).items():
            say(f"queries: {label}")
            timings[label] = _time(_canned(target, name, params, timeout), runs, warmup, timeout)
    for label, figures in timings.items():
        base = label.split(" (")[0]
        targeted = base in TARGETED and not label.startswith("floor")
        p95 = figures["p95_ms"]
        figures["target_p95_ms"] = TARGET_P95_MS if targeted else None
        figures["meets_target"] = (p95 is not None and p95 < TARGET_P95_MS) if targeted else None
    return {
        "nodes": nodes,
        "relationships": rels,
        "query_timeout_s": timeout,
        "queries": timings,
    }
