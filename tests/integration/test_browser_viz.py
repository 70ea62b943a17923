"""The ``claimgraph viz`` page in headless Chromium: hostile article text never runs, nothing leaves.

End to end: the example corpus (with ``99_defaced-website.txt`` and its
``<script>`` and ``<img onerror>`` strings) and records full of our own
payloads are loaded through ``claimgraph load``, drawn with ``claimgraph viz``
and opened in a real headless Chromium. Payloads that ran would change
``document.title``, set an attribute on ``<body>`` or fetch an image from a
local HTTP server; the dumped DOM, the server's hit count and Chromium's own
network log show that none did. A raw page with the same payloads is the
control: there they do run, so the checks can fail.

The demo page's screenshot is written too (to ``$CLAIMGRAPH_DEMO_SCREENSHOT``
when set), and must not be blank.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.schema.cypher import apply_schema
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Statement, sha256_of
from tests.integration.conftest import wipe

CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium)"),
]

MARK = "PWNED-'+(6*7)+'"  # evaluates to PWNED-42 only if it runs


def _payloads(port: int) -> list[str]:
    return [
        f"<img src=x onerror=\"document.title='{MARK}'\">",
        f"<script>document.title='{MARK}'</script>",
        "</script><script>document.body.setAttribute('data-owned','x'+(6*7))</script>",
        "<svg onload=\"document.body.setAttribute('data-owned','x'+(6*7))\"></svg>",
        f'"><img src="http://127.0.0.1:{port}/leak.png">',
        f"<iframe srcdoc=\"<script>parent.document.title='{MARK}'</script>\"></iframe>",
        "</ScRiPt ><!-- \u2028\u2029 <script>document.body.setAttribute('data-owned','x'+(6*7))</script>",
        f"<style>@import url(http://127.0.0.1:{port}/leak.css);</style>",
        f"<a href=\"javascript:document.title='{MARK}'\">x</a>",
    ]


def _hostile_records(payloads: list[str]) -> list[ArticleRecords]:
    out = []
    for i, p in enumerate(payloads):
        text = f"Payload {i}: {p}"
        art = Article(
            id=f"xss-{i}",
            title=p,
            published=date(2025, 6, 16),
            outlet=p,
            url=f"javascript:alert({i})",
            text=text,
            sha256=sha256_of(text),
            source=f"xss.jsonl:{i + 1}",
        )
        speaker = Entity("p0", f"Speaker {i} {p}", "Person")
        place = Entity("l0", f"Town {i} {p}", "Place", kind="town")
        st = Statement(
            id=f"xss-{i}:s1",
            speaker="p0",
            speaker_name=speaker.name,
            cue=p,
            mode="direct",
            text=text,
            quote=p,
            said_on=date(2025, 6, 16),
            said_on_precision="day",
            about=["l0"],
            polarity="denies",
        )
        ev = Event(
            id=f"xss-{i}:v1",
            type="strike",
            summary=p,
            date=date(2025, 6, 15),
            precision="day",
            agents=["p0"],
            targets=["l0"],
            places=["l0"],
            claimed_by=[st.id],
        )
        out.append(ArticleRecords(art, [speaker, place], [st], [ev]))
    return out


class _Sink(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        type(self).hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def sink() -> Iterator[tuple[int, list[str]]]:
    """A local HTTP server that records every request made to it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], _Sink.hits
    finally:
        server.shutdown()


def _chromium(tmp: Path, *args: str) -> tuple[str, str]:
    """Run headless Chromium with a fresh profile; return stdout and its network log."""
    assert CHROMIUM is not None
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    netlog = profile.with_suffix(".netlog.json")
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={profile}",
        f"--log-net-log={netlog}",
        "--virtual-time-budget=8000",
        *args,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    log = netlog.read_text(encoding="utf-8", errors="replace") if netlog.exists() else ""
    shutil.rmtree(profile, ignore_errors=True)
    return proc.stdout, log


def _requested_urls(netlog: str) -> set[str]:
    """http(s) URLs a *page* asked for, from Chromium's network log.

    Chromium's own background requests (update and time checks, which its
    flags do not fully silence) have no initiating origin; a file:// page's
    requests have the opaque origin "null". Both are refused by the resolver
    rules, so nothing leaves the machine either way.
    """
    if not netlog.strip():
        return set()
    try:
        data = json.loads(netlog)
    except json.JSONDecodeError:  # a log cut short: close the events list
        data = json.loads(netlog.rstrip().rstrip(",") + "]}")
    start_job = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in data.get("events", []):
        params = event.get("params") or {}
        url = str(params.get("url", ""))
        if (
            event.get("type") == start_job
            and url.startswith(("http:", "https:"))
            and params.get("initiator") != "not an origin"
        ):
            urls.add(url)
    return urls


def _title(dom: str) -> str:
    match = re.search(r"<title>([^<]*)</title>", dom)
    assert match, dom[:500]
    return match.group(1)


@pytest.fixture(scope="module")
def examples_graph(neo4j_target):  # type: ignore[no-untyped-def]
    """The example corpus, loaded through ``claimgraph load``."""
    wipe(neo4j_target)
    apply_schema(neo4j_target.driver, neo4j_target.database)
    folder = resources.files("claimgraph") / "data" / "examples"
    with resources.as_file(folder) as path:
        assert (Path(path) / "99_defaced-website.txt").exists()
        result = CliRunner().invoke(main, ["load", str(path)], env=neo4j_target.env())
    assert result.exit_code == 0, result.output
    return neo4j_target


def test_demo_page_renders_offline_and_screenshot(examples_graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "demo.html"
    result = CliRunner().invoke(main, ["viz", "--out", str(page)], env=examples_graph.env())
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    # The defaced site's markup arrives as data, never as elements.
    assert "<script>alert(1)" not in html and "<img src=x onerror" not in html
    assert "\\u003cscript\\u003ealert(1)" in html or "&lt;script&gt;alert(1)" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?https?:", html, re.I)

    shot = tmp_path / "demo.png"
    dom, netlog = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "claimgraphNetwork" in dom and _title(dom) == "Claims in the whole graph"
    assert _requested_urls(netlog) == set(), _requested_urls(netlog)
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,900", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, "the screenshot looks blank"  # a blank 1400x900 PNG is ~5 kB
    target = os.environ.get("CLAIMGRAPH_DEMO_SCREENSHOT")
    if target:
        shutil.copyfile(shot, target)


def test_hostile_markup_never_runs_in_the_viz_page(examples_graph, sink, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    port, hits = sink
    payloads = _payloads(port)
    records = tmp_path / "xss.jsonl"
    records.write_text(
        "".join(json.dumps(r.to_json()) + "\n" for r in _hostile_records(payloads)),
        encoding="utf-8",
    )
    runner = CliRunner()
    loaded = runner.invoke(main, ["load", "--records", str(records)], env=examples_graph.env())
    assert loaded.exit_code == 0, loaded.output
    page = tmp_path / "claims.html"
    drawn = runner.invoke(main, ["viz", "--out", str(page)], env=examples_graph.env())
    assert drawn.exit_code == 0, drawn.output
    html = page.read_text(encoding="utf-8")
    assert f"127.0.0.1:{port}" in html  # the payloads are in the page, as data

    # Control: the same payloads in a raw page do run and do fetch.
    raw = tmp_path / "raw.html"
    raw.write_text(
        "<html><head><title>raw</title></head><body>" + "".join(payloads) + "</body></html>",
        encoding="utf-8",
    )
    dom, netlog = _chromium(tmp_path, "--dump-dom", raw.as_uri())
    assert "PWNED-42" in _title(dom) or 'data-owned="x42"' in dom, dom[:1000]
    assert hits, "the control page made no request to the local sink"
    assert any(f"127.0.0.1:{port}" in u for u in _requested_urls(netlog))
    hits.clear()

    dom, netlog = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "claimgraphNetwork" in dom, "the page's own script did not run"
    assert _title(dom) == "Claims in the whole graph"
    assert "PWNED-42" not in dom
    assert 'data-owned="x42"' not in dom and "x42" not in dom
    assert hits == [], hits
    assert _requested_urls(netlog) == set(), _requested_urls(netlog)
