"""Saved web pages (``.html``, ``.htm``): the article on the page, read offline.

trafilatura finds the main text and drops what surrounds it (menus, cookie
banners, share buttons, related-links boxes, comments), and reads the page's
metadata: the title (``og:title``, the headline or ``<title>``), the
publication date (``article:published_time``, JSON-LD ``datePublished``,
``<time>``), the site name (``og:site_name``, the JSON-LD publisher) and the
URL (canonical link, ``og:url``). It works on the bytes it is given and
fetches nothing.

A page without a date takes the caller's ``published`` and says so; a page
with no article on it (a front page, an index of links) is an error for that
file, and the batch goes on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from claimgraph.loaders.readers_records import make_article
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, article_id_for

__all__ = ["HTML_SUFFIXES", "MAX_HTML_BYTES", "MIN_ARTICLE_CHARS", "looks_like_html", "read_html"]

HTML_SUFFIXES = (".html", ".htm")
# A page saved "complete" in one file can inline its images; 50 MB still
# parses in seconds, more is not a news page.
MAX_HTML_BYTES = 50 * 1024 * 1024
# Less main text than this is a teaser or an index, not an article to extract.
MIN_ARTICLE_CHARS = 120

_HTML_START = re.compile(
    rb"\A(\xef\xbb\xbf)?\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.I | re.S
)

logger = logging.getLogger(__name__)


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML document (for stdin, which has no file name)."""
    return bool(_HTML_START.match(data[:4096]))


def _extract(data: bytes) -> dict[str, Any] | None:
    """trafilatura's main text and metadata of one page, or None when it finds no article."""
    # Imported here: it costs half a second, and most runs read no web page.
    import trafilatura

    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        favor_precision=True,  # rather lose a paragraph than load a menu as text
        include_comments=False,
        include_tables=False,
        # The date from the page's markup only: a full-text search turns a
        # "© 2025" footer into 2025-01-01, which would anchor every relative date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def _paragraphs(text: str, title: str | None) -> str:
    """The main text, one blank line between paragraphs, the headline left out.

    trafilatura puts one paragraph per line; the text readers' articles
    separate paragraphs with a blank line, and so do we. The headline is kept
    in ``title``: as a sentence of the text, "Bridge destroyed, Varossa says;
    Kestria blames militia" would be parsed as a statement of its own.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)


def read_html(
    source: str, data: bytes, *, published: date | None, outlet: str | None
) -> Iterator[Article | InputProblem]:
    """The article of one saved page, preceded by any warnings; or one error."""
    if not data.strip():
        yield InputProblem(source, "empty file")
        return
    try:
        page = _extract(data) or {}
    except Exception as e:  # noqa: BLE001 - a page that breaks the parser is that page's problem
        logger.debug("trafilatura failed on %s", source, exc_info=True)
        yield InputProblem(source, f"cannot read the page: {type(e).__name__}: {e}")
        return
    title = page.get("title") if isinstance(page.get("title"), str) else None
    text = _paragraphs(str(page.get("text") or ""), title)
    if len(text) < MIN_ARTICLE_CHARS:
        yield InputProblem(source, "no article text found (a navigation or index page?); skipped")
        return
    fields: dict[str, Any] = {
        "text": text,
        "title": title,
        "url": page.get("url"),
        "outlet": page.get("sitename"),
    }
    if page.get("date"):
        fields["published"] = page["date"]
    elif published is not None:
        yield InputProblem(
            source, f"no publication date in the page; using --date {published}", "warning"
        )
    url = fields["url"]
    if isinstance(url, str) and url.strip():
        # The same story saved twice (other ads, another "most read" box) is
        # one article: the page's address names it better than its bytes.
        fields["id"] = article_id_for(url.strip())
    yield from make_article(fields, source, published=published, outlet=outlet)
