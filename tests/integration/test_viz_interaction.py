"""The graph page used as a researcher uses it, in headless Chromium driven by Selenium.

The example corpus (and records whose names and statements carry markup) is
loaded through ``claimgraph load`` and drawn with ``claimgraph viz``. In the
browser: labels kept at the default zoom are at least 13 screen pixels; the
search box selects and centres the node typed; the date slider hides every
incident and claim outside its range and every actor left without a claim;
isolated nodes are off until asked for; hostile text stays text; and the
page asks the network for nothing. Screenshots go to ``tmp_path`` (and to
``$CLAIMGRAPH_SCREENSHOTS`` when set) and must not be blank.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.schema.cypher import apply_schema
from claimgraph.schema.records import Article, ArticleRecords, Entity, Event, Statement, sha256_of
from tests.integration.conftest import wipe

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="no Chromium and chromedriver (apt-get install chromium chromium-driver)",
    ),
]

HOSTILE = "<img src=x onerror=\"document.title='PWNED'\"><script>document.title='PWNED2'</script>"


def browser() -> Any:
    """A headless Chromium with its performance log on (every request it makes)."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    return webdriver.Chrome(service=service, options=options)


def requested_urls(driver: Any) -> list[str]:
    """URLs the page asked for since the last call that are not the page's own file.

    Anything but ``file:`` (the page itself) and inline ``data:`` counts: a
    request that leaves the file, to the network or elsewhere, is a leak.
    """
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file:", "data:")):
                urls.append(url)
    return urls


def wait_for(driver: Any, condition: Callable[[Any], Any], timeout: float = 30) -> Any:
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def screenshot(driver: Any, path: Path) -> Path:
    """Save a screenshot; also to ``$CLAIMGRAPH_SCREENSHOTS`` when set. Fails if blank."""
    driver.save_screenshot(str(path))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000, f"{path.name} looks blank ({len(data)} bytes)"
    folder = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
    if folder:
        shutil.copyfile(path, Path(folder) / path.name)
    return path


def _hostile_records() -> list[ArticleRecords]:
    text = f"Payload said {HOSTILE} at the checkpoint"
    art = Article(
        id="viz-hostile-1",
        title=f"Report {HOSTILE}",
        published=date(2025, 6, 18),
        outlet=f"Outlet {HOSTILE}",
        text=text,
        sha256=sha256_of(text),
        source="hostile.jsonl:1",
    )
    speaker = Entity("p0", f"Zed {HOSTILE}", "Person")
    place = Entity("l0", f"Hamlet {HOSTILE}", "Place", kind="village")
    st = Statement(
        id="viz-hostile-1:s1",
        speaker="p0",
        speaker_name=speaker.name,
        cue="said",
        mode="indirect",
        text=text,
        said_on=date(2025, 6, 18),
        said_on_precision="day",
        about=["l0"],
        polarity="asserts",
    )
    ev = Event(
        id="viz-hostile-1:v1",
        type="attack",
        summary=text,
        date=date(2025, 6, 17),
        precision="day",
        agents=["p0"],
        places=["l0"],
        claimed_by=[st.id],
    )
    return [ArticleRecords(art, [speaker, place], [st], [ev])]


@pytest.fixture(scope="module")
def viz_page(neo4j_target, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The examples plus hostile records, loaded through the CLI and drawn by ``claimgraph viz``."""
    wipe(neo4j_target)
    apply_schema(neo4j_target.driver, neo4j_target.database)
    tmp = tmp_path_factory.mktemp("viz")
    records = tmp / "hostile.jsonl"
    records.write_text(
        "".join(json.dumps(r.to_json()) + "\n" for r in _hostile_records()), encoding="utf-8"
    )
    runner = CliRunner()
    folder = resources.files("claimgraph") / "data" / "examples"
    with resources.as_file(folder) as path:
        loaded = runner.invoke(main, ["load", str(path)], env=neo4j_target.env())
    assert loaded.exit_code == 0, loaded.output
    loaded = runner.invoke(main, ["load", "--records", str(records)], env=neo4j_target.env())
    assert loaded.exit_code == 0, loaded.output
    page = tmp / "claims.html"
    drawn = runner.invoke(main, ["viz", "--out", str(page)], env=neo4j_target.env())
    assert drawn.exit_code == 0, drawn.output
    return page


@pytest.fixture()
def page(viz_page: Path) -> Iterator[Any]:
    """The page open in a fresh browser, laid out and labelled."""
    driver = browser()
    try:
        driver.get(viz_page.as_uri())
        wait_for(driver, lambda d: d.execute_script("return document.body.dataset.ready") == "1")
        yield driver
    finally:
        driver.quit()


def _drawn_label_sizes(driver: Any) -> list[float]:
    # The on-screen size of every label vis-network draws (it skips those
    # under its drawThreshold - 1).
    return driver.execute_script(
        """
        var s = claimgraph.network.getScale();
        return claimgraph.nodes.get({filter: function (n) { return !n.hidden; }})
          .map(function (n) { return (n.font ? n.font.size : 16) * s; })
          .filter(function (px) { return px >= 11; });
        """
    )


def test_labels_are_readable_at_the_default_zoom(page: Any, tmp_path: Path) -> None:
    sizes = _drawn_label_sizes(page)
    assert len(sizes) >= 20, sizes  # an overview, not one label
    assert min(sizes) >= 12.9, sorted(sizes)[:5]
    # Labels kept do not overlap, so each one can be read.
    assert int(page.execute_script("return document.body.dataset.labelsDrawn")) == len(sizes)
    screenshot(page, tmp_path / "viz-default.png")


def test_search_finds_and_focuses_a_node(page: Any, tmp_path: Path) -> None:
    box = page.find_element(By.ID, "search")
    box.send_keys("dravik", Keys.ENTER)
    dravik = wait_for(page, lambda d: d.execute_script("return document.body.dataset.focused"))
    label = page.execute_script("return claimgraph.nodes.get(arguments[0]).label", dravik)
    assert label == "Dravik"

    def centred(d: Any) -> bool:
        gap = d.execute_script(
            """
            var id = arguments[0], net = claimgraph.network;
            var p = net.getPositions([id])[id], v = net.getViewPosition();
            return Math.hypot(p.x - v.x, p.y - v.y) * net.getScale();
            """,
            dravik,
        )
        return gap < 3

    wait_for(page, centred, timeout=10)
    assert page.execute_script("return claimgraph.network.getSelectedNodes()") == [dravik]
    assert page.execute_script("return claimgraph.network.getScale()") >= 1.0
    # Its label is drawn, large enough to read.
    size = page.execute_script(
        "return claimgraph.nodes.get(arguments[0]).font.size * claimgraph.network.getScale()",
        dravik,
    )
    assert size >= 13
    screenshot(page, tmp_path / "viz-search.png")

    box.clear()
    box.send_keys("no such name anywhere", Keys.ENTER)
    status = page.find_element(By.ID, "status").text
    assert "no node matches" in status


def _visible_state(driver: Any) -> dict[str, Any]:
    return driver.execute_script(
        """
        return {
          nodes: claimgraph.nodes.get().map(function (n) {
            return {id: n.id, kind: n.kind, dates: n.dates, hidden: !!n.hidden}; }),
          edges: claimgraph.edges.get().map(function (e) {
            return {from: e.from, to: e.to, kind: e.kind, date: e.date, hidden: !!e.hidden}; }),
          from: document.getElementById("date-from-text").textContent,
          to: document.getElementById("date-to-text").textContent
        };
        """
    )


def test_date_slider_shows_only_claims_and_incidents_in_range(page: Any, tmp_path: Path) -> None:
    before = _visible_state(page)
    shown_before = sum(not n["hidden"] for n in before["nodes"])
    # Drag the "to" end down to the earliest day most reports are about:
    # step it left with the keyboard until it reads 2025-06-14.
    to = page.find_element(By.ID, "date-to")
    for _ in range(200):
        if page.find_element(By.ID, "date-to-text").text <= "2025-06-14":
            break
        to.send_keys(Keys.ARROW_LEFT)
    frm = page.find_element(By.ID, "date-from")
    for _ in range(200):
        if page.find_element(By.ID, "date-from-text").text >= "2025-06-13":
            break
        frm.send_keys(Keys.ARROW_RIGHT)
    state = _visible_state(page)
    lo, hi = state["from"], state["to"]
    assert "2025-06-13" <= lo <= hi <= "2025-06-14", (lo, hi)
    nodes = {n["id"]: n for n in state["nodes"]}
    happenings = [n for n in nodes.values() if n["kind"] in ("Event", "Incident")]
    shown = [n for n in happenings if not n["hidden"]]
    assert shown, "no incident left in range"
    linked = {x for e in state["edges"] if not e["hidden"] for x in (e["from"], e["to"])}
    for n in happenings:
        in_range = n["dates"] is not None and n["dates"][1] >= lo and n["dates"][0] <= hi
        if not in_range:
            assert n["hidden"], n
        else:  # shown, unless nothing links to it (isolated nodes are off)
            assert n["hidden"] == (n["id"] not in linked), n
    claims = [e for e in state["edges"] if e["kind"] in ("claims", "mentions")]
    for e in claims:
        if not e["hidden"]:
            assert e["date"] is not None and lo <= e["date"] <= hi, e
            assert not nodes[e["to"]]["hidden"] and not nodes[e["from"]]["hidden"]
    # Every actor or place still shown has a claim or an incident in range.
    for n in nodes.values():
        if not n["hidden"] and n["kind"] not in ("Event", "Incident"):
            assert n["id"] in linked, n
    shown_after = int(page.execute_script("return document.body.dataset.visibleNodes"))
    assert 0 < shown_after < shown_before
    screenshot(page, tmp_path / "viz-dates.png")


def test_isolated_nodes_are_off_until_asked_for(page: Any) -> None:
    state = _visible_state(page)
    linked = {x for e in state["edges"] if not e["hidden"] for x in (e["from"], e["to"])}
    isolated = [n["id"] for n in state["nodes"] if n["id"] not in linked]
    assert isolated, "the example graph has speakers whose statements claim and mention nothing"
    hidden = {n["id"] for n in state["nodes"] if n["hidden"]}
    assert set(isolated) <= hidden
    page.find_element(By.ID, "isolated").click()
    state = _visible_state(page)
    hidden = {n["id"] for n in state["nodes"] if n["hidden"]}
    assert not set(isolated) & hidden


def test_hostile_text_stays_text_and_nothing_is_fetched(page: Any, viz_page: Path) -> None:
    html = viz_page.read_text(encoding="utf-8")
    assert HOSTILE not in html and "<img src=x" not in html
    assert page.title == "Claims in the whole graph"
    assert page.execute_script("return document.querySelectorAll('img').length") == 0
    # The hostile name is searchable as the text it is, and its label is that text.
    box = page.find_element(By.ID, "search")
    box.send_keys("Zed <img", Keys.ENTER)
    found = wait_for(page, lambda d: d.execute_script("return document.body.dataset.focused"))
    label = page.execute_script("return claimgraph.nodes.get(arguments[0]).label", found)
    assert label == f"Zed {HOSTILE}"
    # Tooltips were built from the escaped markup when the page loaded: an
    # escaping mistake would have run the payload by now.
    assert page.title == "Claims in the whole graph"
    assert page.execute_script("return document.querySelectorAll('img').length") == 0
    assert requested_urls(page) == []
