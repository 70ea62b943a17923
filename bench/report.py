"""The summary table ``make bench`` prints: figures, targets and ratios."""

from __future__ import annotations

from typing import Any

__all__ = ["print_summary"]


def _f(value: Any, digits: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("  [meets target]" if ok else "  [BELOW target]")


def _extract(r: dict[str, Any], lines: list[str]) -> None:
    lines.append(f"extraction ({r['articles']} articles, {r['words']:,} words)")
    lines.append(f"  bare spaCy pipe          {_f(r['bare_spacy_words_per_second'])} words/s")
    lines.append(
        f"  claimgraph, 1 process    {_f(r['ours_1_process_words_per_second'])} words/s "
        f"({_f(r['ours_1_process_articles_per_second'], 1)} articles/s)"
    )
    lines.append(f"  claimgraph, 2 processes  {_f(r['ours_2_processes_words_per_second'])} words/s")
    ratio = r["ratio_ours_to_bare_spacy"]
    lines.append(f"  ratio ours / bare spaCy  {ratio:.2f}  (target >= 0.6){_verdict(ratio >= 0.6)}")
    lines.append(f"  ratio 2 processes / 1    {r['ratio_2_processes_to_1']:.2f}")
    s = r.get("stream")
    if s:
        lines.append(
            f"  streaming {s['articles']} articles: RSS start {s['rss_start_mib']:.0f} MiB, "
            f"peak {s['rss_peak_mib']:.0f} MiB, end {s['rss_end_mib']:.0f} MiB "
            f"({_f(s['words_per_second'])} words/s)"
        )


def _load(r: dict[str, Any], lines: list[str]) -> None:
    lines.append(f"loading: batch writer vs one query per row ({r['articles']} articles)")
    for name, x in r.get("loaders", {}).items():
        lines.append(f"  {name[:56]:<56} {_f(x['elements_per_second'])} elements/s")
    ours = next((x for n, x in r.get("loaders", {}).items() if n.startswith("claimgraph")), None)
    if ours:
        ok = ours["elements_per_second"] >= 20_000
        lines.append(f"  writer absolute target >= 20,000 elements/s{_verdict(ok)}")
    for name, ratio in r.get("ratios", {}).items():
        lines.append(
            f"  ratio writer / {name}: {ratio:.1f}x  (target >= 30x){_verdict(ratio >= 30)}"
        )
    if not r.get("loaders"):
        lines.extend("  | " + ln for ln in r.get("output", [])[-8:])


def _e2e(r: dict[str, Any], lines: list[str]) -> None:
    lines.append(
        f"end to end: claimgraph load DIR ({r['articles']} articles, {r['processes']} processes)"
    )
    lines.append(
        f"  wall {r['wall_seconds']:.1f}s, {r['articles_per_second']:.1f} articles/s; "
        f"graph {r['nodes']:,} nodes, {r['relationships']:,} relationships; "
        f"exit code {r['exit_code']}"
    )


def _import(r: dict[str, Any], lines: list[str]) -> None:
    if "skipped" in r:
        lines.append(f"bulk import: skipped ({r['skipped']})")
        return
    w, b = r["writer"], r["bulk"]
    lines.append(f"bulk import vs writer ({r['articles']} articles, {b['elements']:,} elements)")
    lines.append(f"  writer       {w['seconds']:.1f}s  {_f(w['elements_per_second'])} elements/s")
    lines.append(
        f"  bulk import  {b['total_seconds']:.1f}s  {_f(b['elements_per_second'])} elements/s "
        f"(CSV {b['csv_seconds']:.1f}s, stop {b['stop_seconds']:.1f}s, neo4j-admin "
        f"{b['admin_import_seconds']:.1f}s, restart {b['start_seconds']:.1f}s, "
        f"schema {b['schema_seconds']:.1f}s)"
    )
    lines.append(
        f"  ratio bulk / writer {r['ratio_bulk_to_writer']:.2f}x overall, "
        f"{r['ratio_import_tool_only_to_writer']:.2f}x for neo4j-admin alone; "
        f"same counts: {r['same_counts']}"
    )


# The build of each graph size, step by step (seconds), under the p95 columns.
_BUILD_ROWS = (
    ("(build seconds)", "total_seconds"),
    ("  CSV (records made too)", "csv_seconds"),
    ("  neo4j-admin import", "admin_import_seconds"),
    ("  server start", "start_seconds"),
    ("  constraints, indexes", "schema_seconds"),
)


def _load_range(build: dict[str, Any]) -> str:
    loads = build.get("load_average") or []
    return "-".join(f"{x:.1f}" for x in loads) if loads else ""


def _queries(r: dict[str, Any], lines: list[str]) -> None:
    built = r["build"]
    lines.append(
        f"queries on {r['articles']:,} articles ({r['nodes']:,} nodes, "
        f"{r['relationships']:,} relationships; built by {built['method']} in "
        f"{built.get('total_seconds', 0):.0f}s{', reused' if built.get('reused') else ''})"
    )
    if r.get("memory"):
        lines.append(f"  server heap {r['memory']['heap']}, page cache {r['memory']['pagecache']}")
    baseline = any("baseline" in q for q in r["queries"].values())
    lines.append(
        f"  {'query':<28} {'p50 ms':>8} {'p95 ms':>8} {'rows':>7}"
        + (f" {'baseline p95':>13} {'db hits':>9} {'baseline':>9}" if baseline else "")
    )
    for name, q in r["queries"].items():
        if q.get("timed_out_after_s"):
            lines.append(
                f"  {name:<28} timed out (> {q['timed_out_after_s']:.0f} s per run)"
                + ("  [BELOW target]" if q.get("target_p95_ms") else "")
            )
            continue
        target = (
            f"  (target p95 < {q['target_p95_ms']:.0f} ms){_verdict(q['meets_target'])}"
            if q.get("target_p95_ms")
            else ""
        )
        was = q.get("baseline") or {}
        old = (
            f" {_f(was.get('p95_ms'), 1):>13} {_f(q.get('db_hits')):>9} {_f(was.get('db_hits')):>9}"
            if baseline
            else ""
        )
        lines.append(
            f"  {name:<28} {q['p50_ms']:>8.1f} {q['p95_ms']:>8.1f} {q['mean_rows']:>7.0f}{old}{target}"
        )
    scale = r.get("scale") or {}
    if len(scale) > 1:
        sizes = list(scale.values())
        lines.append("  p95 ms by graph size")
        lines.append(f"  {'query':<28}" + "".join(f" {s['articles']:>12,}" for s in sizes))
        for label, key in _BUILD_ROWS:
            lines.append(
                f"  {label:<28}" + "".join(f" {_f(s['build'].get(key), 0):>12}" for s in sizes)
            )
        lines.append(
            f"  {'(load average at build)':<28}"
            + "".join(f" {_load_range(s['build']):>12}" for s in sizes)
        )
        for name in r["queries"]:
            cells = [(s["queries"].get(name) or {}).get("p95_ms") for s in sizes]
            lines.append(f"  {name:<28}" + "".join(f" {_f(c, 1):>12}" for c in cells))


_SECTIONS = (
    ("extract", _extract),
    ("load", _load),
    ("e2e", _e2e),
    ("import", _import),
    ("queries", _queries),
)


def print_summary(results: dict[str, Any]) -> None:
    """Print the table of every stage that ran."""
    m = results["machine"]
    lines = [
        "",
        f"claimgraph benchmarks — {m['cores']} cores, Python {m['python']}"
        + (" (quick)" if results.get("quick") else ""),
    ]
    load = results.get("load_average_at_start")
    if load:
        lines.append(
            f"load average at start {load[0]:.1f}, at end "
            f"{(results.get('load_average_at_end') or [0])[0]:.1f} (other work skews absolute figures)"
        )
    corpus = results.get("corpus")
    if corpus:
        lines.append(
            f"corpus: {corpus['articles']:,} synthetic articles, {corpus['words']:,} words, "
            f"generated at {corpus['articles_per_second']:,.0f} articles/s"
        )
    for name, section in _SECTIONS:
        r = results.get(name)
        if r is None:
            continue
        lines.append("")
        if "error" in r:
            lines.append(f"{name}: FAILED: {r['error']}")
            continue
        try:
            section(r, lines)
        except (KeyError, TypeError) as e:
            lines.append(f"{name}: incomplete figures ({e}); see the JSON file")
    print("\n".join(lines))
