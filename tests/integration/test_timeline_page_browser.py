"""``claimgraph timeline PLACE --html`` in headless Chromium: marks, links to claims, no leaks.

The example corpus and one hostile article (its speaker's name and its
statement carry markup, about Dravik) are loaded through ``claimgraph load``;
the page is written by ``claimgraph timeline Dravik --html``. In the browser
the chart renders with a mark per incident, clicking a mark jumps to that
incident's claims, the hostile text is shown as text, and nothing is fetched.
"""

from __future__ import annotations

import json
import re
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
from tests.integration.test_viz_interaction import (
    CHROMEDRIVER,
    CHROMIUM,
    browser,
    requested_urls,
    screenshot,
    wait_for,
)

pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="no Chromium and chromedriver (apt-get install chromium chromium-driver)",
    ),
]

HOSTILE = "<img src=x onerror=\"document.title='PWNED'\"><script>document.title='PWNED2'</script>"


def _hostile_article() -> ArticleRecords:
    text = f"Gunmen {HOSTILE} raided the Dravik market"
    art = Article(
        id="tl-hostile-1",
        title=f"Raid {HOSTILE}",
        published=date(2025, 6, 19),
        outlet=f"Outlet {HOSTILE}",
        text=text,
        sha256=sha256_of(text),
        source="hostile.jsonl:1",
    )
    speaker = Entity("p0", f"Zed {HOSTILE}", "Person")
    place = Entity("l0", "Dravik", "Place", kind="town")
    st = Statement(
        id="tl-hostile-1:s1",
        speaker="p0",
        speaker_name=speaker.name,
        cue="said",
        mode="indirect",
        text=text,
        said_on=date(2025, 6, 19),
        said_on_precision="day",
        about=["l0"],
        polarity="asserts",
    )
    ev = Event(
        id="tl-hostile-1:v1",
        type="attack",
        summary=text,
        date=date(2025, 6, 18),
        precision="day",
        places=["l0"],
        claimed_by=[st.id],
    )
    return ArticleRecords(art, [speaker, place], [st], [ev])


@pytest.fixture(scope="module")
def timeline_page(neo4j_target, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """``claimgraph timeline Dravik --html`` over the examples and one hostile article."""
    wipe(neo4j_target)
    apply_schema(neo4j_target.driver, neo4j_target.database)
    tmp = tmp_path_factory.mktemp("timeline")
    records = tmp / "hostile.jsonl"
    records.write_text(json.dumps(_hostile_article().to_json()) + "\n", encoding="utf-8")
    runner = CliRunner()
    folder = resources.files("claimgraph") / "data" / "examples"
    with resources.as_file(folder) as path:
        loaded = runner.invoke(main, ["load", str(path)], env=neo4j_target.env())
    assert loaded.exit_code == 0, loaded.output
    loaded = runner.invoke(main, ["load", "--records", str(records)], env=neo4j_target.env())
    assert loaded.exit_code == 0, loaded.output
    page = tmp / "dravik.html"
    result = runner.invoke(
        main, ["timeline", "Dravik", "--html", str(page)], env=neo4j_target.env()
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {page}" in result.output
    # the summary counts incidents apart from events no incident holds yet
    assert re.search(
        r"\(\d+ incidents(, \d+ events not yet in an incident)?, \d+ claims\)", result.output
    )
    return page


@pytest.fixture()
def page(timeline_page: Path) -> Any:
    driver = browser()
    try:
        driver.get(timeline_page.as_uri())
        wait_for(driver, lambda d: d.execute_script("return document.body.dataset.ready") == "1")
        yield driver
    finally:
        driver.quit()


def test_the_chart_renders_a_mark_per_incident(page: Any, tmp_path: Path) -> None:
    sections = page.find_elements(By.CSS_SELECTOR, "section.incident")
    assert len(sections) >= 3
    marks = page.find_elements(By.CSS_SELECTOR, ".scatterlayer .trace path.point")
    # one per dated incident above, and at least one per incident below
    dated = page.execute_script(
        "return claimgraphTimeline.chart.data.filter(function (t) { return t.mode === 'markers'; })"
        ".map(function (t) { return t.x.length; })"
    )
    assert len(marks) == sum(dated) and 3 <= dated[0] <= len(sections)
    # asserted and denied claims both have marks
    names = page.execute_script(
        "return claimgraphTimeline.chart.data.map(function (t) { return t.name; })"
    )
    assert "asserts" in names and "denies" in names
    denied = page.execute_script(
        "return claimgraphTimeline.chart.data.filter(function (t) { return t.name === 'denies'; })[0].x.length"
    )
    assert denied >= 1
    screenshot(page, tmp_path / "timeline-dravik.png")


def test_a_mark_links_to_its_claims(page: Any, tmp_path: Path) -> None:
    marks = page.find_elements(By.CSS_SELECTOR, ".scatterlayer .trace path.point")
    target = marks[-1]  # a mark in the lower panel: one side's claims on one incident
    ActionChains(page).move_to_element(target).pause(0.3).click().perform()
    picked = wait_for(page, lambda d: d.execute_script("return document.body.dataset.picked"))
    assert page.execute_script("return window.location.hash") == f"#{picked}"
    section = page.find_element(By.ID, picked)
    assert "picked" in section.get_attribute("class")
    assert section.find_elements(By.CSS_SELECTOR, "li.claim"), "the incident has no claims"
    # the section is scrolled into view
    top = page.execute_script("return arguments[0].getBoundingClientRect().top", section)
    assert 0 <= top < 200
    screenshot(page, tmp_path / "timeline-claims.png")


def test_hostile_text_stays_text_and_nothing_is_fetched(page: Any, timeline_page: Path) -> None:
    html = timeline_page.read_text(encoding="utf-8")
    assert HOSTILE not in html
    assert page.title == "Timeline of Dravik"
    assert page.execute_script("return document.querySelectorAll('img').length") == 0
    claims = [li.text for li in page.find_elements(By.CSS_SELECTOR, "li.claim")]
    assert any(f"Zed {HOSTILE}" in t for t in claims), "the hostile claim is not listed as text"
    # Hover the hostile speaker's mark: plotly shows the name as text, builds no markup.
    hover = page.execute_script(
        """
        var gd = claimgraphTimeline.chart, hit = null;
        gd.data.forEach(function (t, ti) {
          (t.customdata || []).forEach(function (c, pi) {
            if (String(c[1]).indexOf('Zed') >= 0) { hit = [ti, pi, t.xaxis + t.yaxis]; }
          });
        });
        if (!hit) { return null; }
        Plotly.Fx.hover(gd, [{curveNumber: hit[0], pointNumber: hit[1]}], hit[2]);
        return document.querySelector('.hoverlayer').textContent;
        """
    )
    assert hover is not None and "Zed <img src=x" in hover, hover
    assert page.title == "Timeline of Dravik"
    assert page.execute_script("return document.querySelectorAll('img, foreignObject').length") == 0
    assert requested_urls(page) == []
