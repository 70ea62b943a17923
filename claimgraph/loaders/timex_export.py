"""Write an article's time expressions as TimeML (TIMEX3 tags), for TimeML tools.

The output is one TimeML document per article, the form the TempEval-3
scorer reads: the publication date as the creation time ``t0`` in ``<DCT>``,
and the article text in ``<TEXT>`` with each time expression wrapped in a
``TIMEX3`` tag carrying ``tid``, ``type``, ``value`` and, for a relative
expression, ``anchorTimeID`` (the tid of the creation time or of the
expression it was counted from) and ``temporalFunction="true"``.

Example:

    claimgraph extract article.txt --format timeml
    claimgraph extract articles/ --format timeml --out tml/
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from claimgraph.schema.records import ArticleRecords, TimeExpression

__all__ = ["to_timeml", "timeml_name"]

_OFFSET = re.compile(r"@(\d+)$")


def _anchor_tid(t: TimeExpression, tids: dict[int, str]) -> str | None:
    anchor = t.anchor or ""
    if anchor.startswith("published:"):
        return "t0"
    m = _OFFSET.search(anchor)
    return tids.get(int(m[1])) if m else None


def _dct(published: date | None) -> str:
    if published is None:
        return ""
    value = published.isoformat()
    return (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{value}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{value}</TIMEX3></DCT>\n'
    )


def to_timeml(records: ArticleRecords, doc_id: str | None = None) -> str:
    """One TimeML document: the article's text with its time expressions tagged.

    Expressions without a TimeML value (a weekday in an undated article) stay
    untagged, and so does one that would overlap the tag before it, so the
    result is always well-formed XML.
    """
    article = records.article
    text = article.text or ""
    chosen: list[TimeExpression] = []
    for t in sorted(records.times, key=lambda t: (t.start, -t.end)):
        if not t.timeml or not 0 <= t.start < t.end <= len(text):
            continue
        if chosen and t.start < chosen[-1].end:
            continue
        chosen.append(t)
    tids = {t.start: f"t{i}" for i, t in enumerate(chosen, 1)}
    parts: list[str] = []
    at = 0
    for t in chosen:
        parts.append(escape(text[at : t.start]))
        attrs = [
            f'tid="{tids[t.start]}"',
            f"type={quoteattr(t.type or 'DATE')}",
            f"value={quoteattr(t.timeml or '')}",
        ]
        anchor = _anchor_tid(t, tids)
        if anchor is not None and anchor != tids[t.start]:
            attrs += ['temporalFunction="true"', f'anchorTimeID="{anchor}"']
        else:
            attrs.append('temporalFunction="false"')
        attrs.append('functionInDocument="NONE"')
        parts.append(f"<TIMEX3 {' '.join(attrs)}>{escape(text[t.start : t.end])}</TIMEX3>")
        at = t.end
    parts.append(escape(text[at:]))
    name = escape(doc_id or article.id)
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{name}</DOCID>\n"
        f"{_dct(article.published)}"
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


def timeml_name(records: ArticleRecords) -> str:
    """A file name for the article's TimeML: its source file's stem, else its id."""
    source = records.article.source or ""
    if source and not re.search(r"(?::\d+|\[\d+\])$", source) and source != "<stdin>":
        stem = Path(source).stem
        if stem:
            return f"{stem}.tml"
    return f"{records.article.id}.tml"
