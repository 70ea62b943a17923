"""A limited answer is the start of the whole answer: the early cuts drop nothing it needs."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from claimgraph.graph.writer import write_batches
from claimgraph.graph.writer_synthetic import synthetic_records
from claimgraph.queries import run_query

pytestmark = pytest.mark.integration


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(tuple(sorted(v)) if isinstance(v, list) else v for _, v in sorted(row.items()))


def test_timeline_with_a_limit_is_a_prefix_of_the_whole_timeline(empty_graph: Any) -> None:
    write_batches(empty_graph.driver, empty_graph.database, synthetic_records(80, seed=21))
    busiest = empty_graph.driver.execute_query(
        "MATCH (p:Place)<-[:AT|AGAINST]-(e:Event) "
        "RETURN p.key AS key, count(e) AS n ORDER BY n DESC, key LIMIT 1"
    ).records[0]["key"]
    whole = run_query(
        empty_graph.driver, empty_graph.database, "timeline", {"about": busiest, "limit": 10_000}
    )
    kinds = [(r["date"], r["type"]) for r in whole]
    # The cuts matter only where one date has several types and a type several rows.
    assert len(set(kinds)) < len(kinds) and len({d for d, _ in kinds}) < len(set(kinds))
    for limit in range(1, len(whole) + 1):
        part = run_query(
            empty_graph.driver, empty_graph.database, "timeline", {"about": busiest, "limit": limit}
        )
        assert [(r["date"], r["type"]) for r in part] == kinds[:limit]
        # Rows tied on date and type may come in either order; the rest match exactly.
        last = kinds[limit - 1]
        settled = Counter(_key(r) for r in whole[:limit] if (r["date"], r["type"]) != last)
        assert Counter(_key(r) for r in part if (r["date"], r["type"]) != last) == settled
        tied = {_key(r) for r in whole if (r["date"], r["type"]) == last}
        assert all(_key(r) in tied for r in part if (r["date"], r["type"]) == last)
