"""Saved web pages as input: the article, its metadata, and what is not an article.

The pages in ``tests/data/html/`` are our own, fictional, in the shape of real
news sites: article markup and Open Graph tags, JSON-LD, a byline, cookie
banners, share bars, newsletter boxes, related and most-read links,
comments, a legacy windows-1252 page, a front page and a paywall.
"""

from __future__ import annotations

import io
import shutil
import socket
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimgraph.loaders import readers, readers_html
from claimgraph.loaders.readers import FOLDER_SUFFIXES, iter_articles
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, article_id_for

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"
ARTICLE = PAGES / "tidewater-lunsk-bridge.html"
JSON_LD = PAGES / "mirovest-prisoner-exchange.html"
UNDATED = PAGES / "calderin-undated-blog.html"
LEGACY = PAGES / "kestpress-ceasefire-cp1252.html"
FRONT_PAGE = PAGES / "tidewater-front-page.html"
PAYWALL = PAGES / "radio-sentinel-paywall.html"


def read(*paths: Path | str, **kwargs: Any) -> list[Article | InputProblem]:
    return list(iter_articles([str(p) for p in paths], **kwargs))


def only_article(items: list[Article | InputProblem]) -> Article:
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 1, items
    return articles[0]


def test_an_article_page_gives_its_text_and_metadata() -> None:
    items = read(ARTICLE)
    assert not [i for i in items if isinstance(i, InputProblem)], items
    a = only_article(items)
    assert a.title == "Bridge near Lunsk destroyed, Varossa says; Kestria blames militia"
    assert a.published == date(2025, 6, 19)
    assert a.outlet == "Tidewater News"
    assert a.url == "https://tidewater.example/world/2025/06/19/lunsk-bridge-destroyed"
    assert a.source == str(ARTICLE)
    assert "Kestrian drones had destroyed the only road bridge" in a.text
    assert "ministry spokeswoman Ilona Marek told reporters in Calderin" in a.text
    assert a.text.rstrip().endswith("crossed by a footbridge further north.")


def test_what_surrounds_the_article_is_left_out() -> None:
    text = only_article(read(ARTICLE)).text
    for boilerplate in (
        "We use cookies",  # cookie banner
        "Manage preferences",
        "Newsletters",  # navigation
        "Share on Facebook",  # share bar
        "Get the Oskaryn briefing",  # newsletter box
        "More on the Oskaryn conflict",  # related links
        "Thousands leave Dravik",
        "All rights reserved",  # footer
        "Search Tidewater News",
    ):
        assert boilerplate not in text, boilerplate


def test_paragraphs_are_separated_like_text_articles_and_the_headline_is_the_title() -> None:
    for page in (ARTICLE, JSON_LD):
        a = only_article(read(page))
        paragraphs = a.text.split("\n\n")
        assert len(paragraphs) >= 4
        assert all(p.strip() and "\n" not in p for p in paragraphs)
        assert a.title and a.title not in a.text  # not parsed again as a sentence


def test_json_ld_metadata_gives_date_outlet_and_url() -> None:
    a = only_article(read(JSON_LD))
    assert a.published == date(2025, 6, 20)  # datePublished, not dateModified
    assert a.outlet == "Mirovest Today"
    assert a.url == "https://mirovest-today.example/news/kestria-offers-pilot-exchange-4412"
    assert a.title == "Kestria offers to exchange captured pilot"
    assert "Prime Minister Lidia Vorn said on Friday" in a.text
    for boilerplate in ("Finally some good news", "Most read", "Fuel prices", "This site uses"):
        assert boilerplate not in a.text, boilerplate


def test_a_page_without_a_date_takes_date_and_says_so() -> None:
    items = read(UNDATED, published=date(2025, 6, 17), outlet="Calderin Press Agency")
    notes = [i for i in items if isinstance(i, InputProblem)]
    assert [(n.source, n.message, n.severity) for n in notes] == [
        (str(UNDATED), "no publication date in the page; using --date 2025-06-17", "warning")
    ]
    a = only_article(items)
    assert a.published == date(2025, 6, 17)
    assert a.outlet == "Calderin Press Agency"  # no site name in the page: --outlet
    assert a.title == "Inside the shelters of Pellinor"
    assert "about four hundred people from Dravik" in a.text


def test_a_page_without_a_date_and_no_date_given_loads_undated() -> None:
    items = read(UNDATED)
    # The "© 2025" footer is not a publication date.
    assert only_article(items).published is None
    warnings = [i for i in items if isinstance(i, InputProblem)]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    assert "no publication date" in warnings[0].message


def test_a_page_in_a_legacy_encoding_is_decoded_by_its_meta_charset() -> None:
    assert "’".encode() not in LEGACY.read_bytes()  # really windows-1252
    items = read(LEGACY)
    a = only_article(items)
    assert a.title == "Kestria’s parliament backs truce extension"
    assert "Kestria’s parliament voted on Saturday" in a.text and "\ufffd" not in a.text
    assert a.published == date(2025, 6, 21) and a.outlet == "Kestpress"
    assert "Horoscope" not in a.text


@pytest.mark.parametrize("page", [FRONT_PAGE, PAYWALL], ids=lambda p: p.name)
def test_a_page_without_an_article_is_one_error_naming_the_file(page: Path) -> None:
    items = read(page)
    assert len(items) == 1 and isinstance(items[0], InputProblem), items
    problem = items[0]
    assert problem.severity == "error" and problem.source == str(page)
    assert str(problem) == f"{page}: no article text found (a navigation or index page?); skipped"


def test_a_folder_mixing_pages_text_and_jsonl_reads_them_all_in_order(tmp_path: Path) -> None:
    for page in (ARTICLE, FRONT_PAGE, JSON_LD):
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "b-notes.htm").write_bytes(UNDATED.read_bytes())
    (tmp_path / "c-wire.txt").write_text(
        "date 2025-06-18 Kestria's Foreign Ministry said on Wednesday that it would attend "
        "the talks in Lisombe.\n",
        encoding="utf-8",
    )
    (tmp_path / "d-feed.jsonl").write_text(
        '{"id": "feed-1", "published": "2025-06-19", "text": "Varossa said talks would go on."}\n',
        encoding="utf-8",
    )
    (tmp_path / "page.css").write_text("body { color: red }", encoding="utf-8")  # not read
    items = read(tmp_path, published=date(2025, 6, 17))
    seen = [(Path(i.source).name, type(i).__name__) for i in items]
    assert seen == [
        ("b-notes.htm", "InputProblem"),  # warning: no date in the page
        ("b-notes.htm", "Article"),
        ("c-wire.txt", "Article"),
        ("d-feed.jsonl:1", "Article"),
        ("mirovest-prisoner-exchange.html", "Article"),
        ("tidewater-front-page.html", "InputProblem"),  # error: not an article
        ("tidewater-lunsk-bridge.html", "Article"),
    ]
    assert {".html", ".htm"} <= set(FOLDER_SUFFIXES)


def test_pages_are_read_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"network used: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    items = read(ARTICLE, JSON_LD, UNDATED, LEGACY, FRONT_PAGE)
    assert len([i for i in items if isinstance(i, Article)]) == 4


def test_the_same_page_saved_twice_is_one_article() -> None:
    first = only_article(read(ARTICLE))
    # Saved again after a correction, with another related-links box.
    resaved = (
        ARTICLE.read_text(encoding="utf-8")
        .replace("Thousands leave Dravik as shelling continues", "Grain prices climb")
        .replace("two loud explosions", "three loud explosions")
    )
    items = list(
        readers_html.read_html("again.html", resaved.encode(), published=None, outlet=None)
    )
    again = only_article(items)
    assert again.id == first.id == article_id_for(first.url or "")
    assert again.sha256 != first.sha256  # so the load replaces the first version
    # A page without a URL is named by its text, like a text file.
    undated = only_article(read(UNDATED))
    assert undated.id == article_id_for(undated.text)


def test_html_on_stdin_is_read_as_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(JSON_LD.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    a = only_article(read("-"))
    assert a.source == "<stdin>" and a.outlet == "Mirovest Today"
    assert readers_html.looks_like_html(b"\xef\xbb\xbf  <!-- saved -->\n<!DOCTYPE html><html>")
    assert not readers_html.looks_like_html(b"date 2025-06-14 The <b>ministry</b> said.")


def test_an_oversized_or_broken_page_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>x</p>" * 200 + b"</body></html>")
    monkeypatch.setattr(readers, "MAX_HTML_BYTES", 1000)
    items = read(big)
    assert len(items) == 1 and "larger than 1000 bytes" in str(items[0])
    monkeypatch.undo()

    def explode(data: bytes) -> None:
        raise ValueError("parser gave up")

    monkeypatch.setattr(readers_html, "_extract", explode)
    items = read(ARTICLE)
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert str(items[0]) == f"{ARTICLE}: cannot read the page: ValueError: parser gave up"
    empty = tmp_path / "empty.htm"
    empty.write_bytes(b"  \n")
    assert [str(i) for i in read(empty)] == [f"{empty}: empty file"]
