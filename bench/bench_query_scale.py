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
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.corpus import iter_records, record_chunks
from bench.harness import Target, Timer, count_graph, say, wipe
from bench.query_timing import HIT_DRAWS, canned, db_hits, paired, time_alternating, time_calls
from claimgraph.graph.writer import write_batches
from claimgraph.queries import all_queries, find_entities
from claimgraph.queries.catalog import Query, parse_query
from claimgraph.schema.cypher import apply_schema

__all__ = [
    "build_graph",
    "run",
    "time_queries",
    "load_queries",
    "TARGET_P95_MS",
    "TARGET_500_ROWS_MS",
]

TARGET_P95_MS = 50.0  # every canned query at its default limit (issue 17)
TARGET_500_ROWS_MS = 100.0  # the 500-row variants


def build_graph(target: Target, articles: int, seed: int) -> dict[str, Any]:
    """A graph of ``articles`` synthetic articles; how it was built and how long it took."""
    if target.home is not None:
        from bench.bench_import import import_records

        say(f"queries: bulk-importing {articles} synthetic articles")
        figures = import_records(target, record_chunks(articles, seed=seed))
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
        "as-of (500 rows)": lambda: {"about": p.pick(p.towns), "date": p.day(), "limit": 500},
        "disputed": lambda: {"about": p.pick(p.towns)},
        "disputed (30 days)": lambda: dict(zip(("from", "to"), p.window(), strict=True)),
        "first-report": lambda: {"place": p.pick(p.towns)},
        "network": lambda: dict(
            zip(("from", "to"), p.window(), strict=True), about=p.pick(p.people)
        ),
        "path": lambda: {"source": p.pick(p.people), "target": p.pick(p.towns)},
        "profile": lambda: {"about": p.pick(p.people)},
        "profile (500 rows)": lambda: {"about": p.pick(p.people), "limit": 500},
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
    target: Target,
    seed: int,
    runs: int,
    warmup: int,
    timeout: float = 20.0,
    *,
    baseline: dict[str, Query] | None = None,
    only: set[str] | None = None,
) -> dict[str, Any]:
    """Time every canned query and the name lookup on the graph as it is.

    With ``baseline`` (queries by name, e.g. an older version's files), each
    query whose Cypher differs is timed alternately with its baseline on the
    same parameters; ``only`` keeps the labels (or query names) listed.
    """
    nodes, rels = count_graph(target)
    pools = _Pools(target, random.Random(seed))
    variants = _variants(pools)
    timings: dict[str, Any] = {}
    db = target.database
    wanted = (lambda label: label in only or label.split(" (")[0] in only) if only else None
    say(f"queries: graph of {nodes} nodes, {rels} relationships; timing {runs} runs per query")
    if wanted is None or wanted("lookup"):
        timings["lookup"] = time_calls(
            lambda: find_entities(target.driver, db, pools.pick(pools.names))[0],
            runs,
            warmup,
            timeout,
        )
    # What 500 rows cost with no search at all: the floor under any 500-row answer.
    timings["floor (500 rows, no search)"] = time_calls(_floor(target, 500), runs, warmup, timeout)
    for label in list(timings):
        _log(label, timings[label])
    for name, query in sorted(all_queries().items()):
        mine = {label: f for label, f in variants.items() if label.split(" (")[0] == name}
        for label, params in (mine or {name: _generic(pools, query)}).items():
            if wanted is not None and not wanted(label):
                continue
            say(f"queries: {label}")
            old = (baseline or {}).get(name)
            if old is None or old.cypher == query.cypher:
                timings[label] = time_calls(
                    canned(target, query, params, timeout), runs, warmup, timeout
                )
                _log(label, timings[label])
                continue
            ours, theirs = time_alternating(
                list(paired(target, query, old, params, timeout)), runs, warmup, timeout
            )
            # Database hits do not depend on the machine's load: a fair comparison
            # on a shared machine, on the same few parameter draws for both.
            draws = [params() for _ in range(HIT_DRAWS)]
            ours["db_hits"] = db_hits(target, query, draws)
            theirs["db_hits"] = db_hits(target, old, draws)
            timings[label] = {**ours, "baseline": theirs}
            _log(label, timings[label])
    for label, figures in timings.items():
        limit = _target_ms(label)
        p95 = figures["p95_ms"]
        figures["target_p95_ms"] = limit
        figures["meets_target"] = (p95 is not None and p95 < limit) if limit else None
    return {
        "nodes": nodes,
        "relationships": rels,
        "query_timeout_s": timeout,
        "queries": timings,
    }


def _log(label: str, figures: dict[str, Any]) -> None:
    # In the log as soon as measured: a long run cut short still leaves its figures.
    p50, p95 = figures.get("p50_ms"), figures.get("p95_ms")
    say(f"queries: {label}: p50 {p50 or 0:.1f} ms, p95 {p95 or 0:.1f} ms")


def _target_ms(label: str) -> float | None:
    """The p95 target of one bench row (issue 17): 50 ms, 100 ms for 500-row variants."""
    if label.startswith("floor"):
        return None
    return TARGET_500_ROWS_MS if "500 rows" in label else TARGET_P95_MS


def load_queries(folder: str | Path) -> dict[str, Query]:
    """The canned queries in ``folder`` (``*.cypher``), by name: a baseline to compare with."""
    out = {}
    for path in sorted(Path(folder).glob("*.cypher")):
        query = parse_query(path.read_text(encoding="utf-8"), path.name)
        out[query.name] = query
    return out


def run_kept(
    root: str,
    sizes: list[int],
    seed: int,
    runs: int,
    warmup: int,
    memory: Any,
    *,
    baseline: str | None = None,
    only: set[str] | None = None,
    timeout: float = 20.0,
) -> dict[str, Any]:
    """Time the queries on graphs of each size kept under ``root`` (built once, then reused).

    The first size's figures are the stage's own; every size's go under
    ``scale`` so that the summary prints them side by side.
    """
    from bench.bench_import import kept_target

    old = load_queries(baseline) if baseline else None
    scale: dict[str, Any] = {}
    for articles in sizes:
        with kept_target(root, articles, seed, memory) as (target, built):
            figures = time_queries(target, seed, runs, warmup, timeout, baseline=old, only=only)
            scale[str(articles)] = {"articles": articles, **figures, "build": built}
    first = scale[str(sizes[0])]
    return {
        **first,
        "memory": {"heap": memory.heap, "pagecache": memory.pagecache},
        "scale": scale,
    }
