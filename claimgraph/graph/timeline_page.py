"""The timeline as a page: incidents over time, who asserts and who denies, by side.

One self-contained HTML file drawn with plotly (its JavaScript inlined, no
CDN). The upper panel puts each incident of the ``timeline`` rows on a lane
of its type, sized by how many claims carry it and marked when some claim
denies it; the lower panel has a lane per side, with one mark per incident,
side and polarity, sized by the number of claims. Every mark links to the
incident's claims, listed below the chart (click a mark, or follow the
anchors). Incidents are shown with their label and reports when the rows come
from incidents; plain event rows otherwise.

Safety: every string from an article is HTML-escaped in the list and in the
chart (plotly shows entities as text and parses only tags), and the figure
arrives as JSON with ``<`` written ``\\u003c``.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs
from plotly.subplots import make_subplots

from claimgraph.errors import InputError
from claimgraph.graph.viz_groups import date_window, happening_label

__all__ = ["POLARITY_STYLE", "render_timeline", "write_timeline"]

# polarity -> (colour, plotly marker symbol), the graph page's claim colours
POLARITY_STYLE = {
    "asserts": ("#4e4e4e", "circle"),
    "denies": ("#d62728", "x"),
    "unconfirmed": ("#bcbd22", "diamond-open"),
}
NO_SIDE = "side unknown"


def _e(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return html.escape(", ".join(str(v) for v in value), quote=True)
    return html.escape(str(value), quote=True)


def _label(row: dict[str, Any]) -> str:
    lo, hi = date_window(row)
    # an incident's main place first, then the other places its reports name
    places = [row["place"]] if row.get("place") else []
    places += [p for p in row.get("places") or [] if p not in places]
    return happening_label(row.get("type"), row.get("mode"), [str(p) for p in places], lo, hi)


def _reports(row: dict[str, Any]) -> int:
    for name in ("reports", "sources", "articles"):
        if isinstance(row.get(name), int):
            return int(row[name])
    return len({c["article"] for c in row.get("claims") or []}) or 1


def _counts(row: dict[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((c.get("side") or NO_SIDE, c["polarity"]) for c in row.get("claims") or [])


def _slots(dated: list[tuple[int, dict[str, Any]]]) -> dict[int, timedelta]:
    """Hours to shift each row by, so rows of one day sit side by side, not on top."""
    by_day: dict[Any, list[int]] = {}
    for i, r in dated:
        by_day.setdefault(date_window(r)[0], []).append(i)
    out = {}
    for rows in by_day.values():
        step = 16 / max(len(rows), 1)
        for k, i in enumerate(rows):
            out[i] = timedelta(hours=(k - (len(rows) - 1) / 2) * step)
    return out


def _at(day: date | None, shift: timedelta) -> datetime | None:
    return None if day is None else datetime.combine(day, time()) + shift


def _figure(rows: list[dict[str, Any]]) -> go.Figure:
    dated = [(i, r) for i, r in enumerate(rows) if date_window(r)[0] is not None]
    shift = _slots(dated)
    types = sorted({str(r.get("type") or "event") for _, r in dated})
    sides = sorted({s for _, r in dated for s, _ in _counts(r)}, key=lambda s: (s == NO_SIDE, s))
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        row_heights=[max(1, len(types)), max(1, len(sides))],
        subplot_titles=("Incidents by type", "Claims by side: asserted, denied, unconfirmed"),
    )
    # Upper panel: one mark per incident; a window is a line from its first to last day.
    xs, ys, sizes, colors, data, texts = [], [], [], [], [], []
    for i, r in dated:
        lo, hi = date_window(r)
        denied = any(c["polarity"] == "denies" for c in r.get("claims") or [])
        lane = _e(r.get("type") or "event")
        if hi and lo and hi != lo:
            fig.add_trace(
                go.Scatter(
                    x=[lo, hi],
                    y=[lane, lane],
                    mode="lines",
                    line={"color": "#7b4f9d", "width": 4},
                    hoverinfo="skip",
                    showlegend=False,
                ),
                row=1,
                col=1,
            )
        xs.append(_at(lo, shift[i]))
        ys.append(lane)
        sizes.append(10 + 4 * min(_reports(r), 8))
        colors.append("#d62728" if denied else "#7b4f9d")
        texts.append(_e(_label(r)).replace("\n", "<br>"))
        counts = _counts(r)
        summary = "<br>".join(f"{_e(s)} {p}: {n}" for (s, p), n in sorted(counts.items()))
        summary += "".join(f"<br>{_e(c)}" for c in (r.get("counts") or [])[:3])
        data.append(
            [f"row-{i}", f"{_reports(r)} report(s), {sum(counts.values())} claim(s)", summary]
        )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            name="incident (red: some claim denies it)",
            marker={"size": sizes, "color": colors, "line": {"color": "#222", "width": 1}},
            text=texts,
            customdata=data,
            hovertemplate="<b>%{text}</b><br>%{customdata[1]}<br>%{customdata[2]}"
            "<br><i>click for the claims</i><extra></extra>",
        ),
        row=1,
        col=1,
    )
    # Lower panel: per incident, side and polarity, sized by the number of claims.
    for polarity, (color, symbol) in POLARITY_STYLE.items():
        xs, ys, sizes, data, texts = [], [], [], [], []
        for i, r in dated:
            for (side, p), n in sorted(_counts(r).items()):
                if p != polarity:
                    continue
                speakers = sorted(
                    {
                        str(c["speaker"])
                        for c in r["claims"]
                        if (c.get("side") or NO_SIDE) == side and c["polarity"] == p
                    }
                )
                # within a row's slot, denials just right of assertions
                nudge = timedelta(hours={"asserts": -2, "denies": 2}.get(p, 0))
                xs.append(_at(date_window(r)[0], shift[i] + nudge))
                ys.append(_e(side))
                sizes.append(9 + 3 * min(n, 8))
                texts.append(_e(_label(r)).replace("\n", "<br>"))
                data.append([f"row-{i}", f"{n} claim(s) by {_e(', '.join(speakers[:4]))}"])
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                name=polarity,
                marker={"size": sizes, "color": color, "symbol": symbol, "line": {"width": 2}},
                text=texts,
                customdata=data,
                hovertemplate=f"<b>%{{text}}</b><br>{polarity}: %{{customdata[1]}}"
                "<br><i>click for the claims</i><extra></extra>",
            ),
            row=2,
            col=1,
        )
    fig.update_layout(
        height=260 + 34 * (len(types) + len(sides)),
        margin={"l": 160, "r": 30, "t": 50, "b": 40},
        font={"size": 14, "family": "system-ui, sans-serif"},
        legend={"orientation": "h", "y": -0.12},
        hoverlabel={"font": {"size": 14}},
        plot_bgcolor="#fafafa",
    )
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#e5e5e5")
    fig.update_yaxes(type="category", showgrid=True, gridcolor="#eeeeee")
    return fig


EMPTY_NOTE = (
    "Nothing in this range: no incident or claimed event involves it. "
    "Widen --from/--to, or see who-said for what was said about it."
)


def _claims_list(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return f'<p class="empty">{_e(EMPTY_NOTE)}</p>'
    out = []
    for i, r in enumerate(rows):
        claims = r.get("claims") or []
        label = _e(_label(r)).replace("\n", " &middot; ")
        counts = _counts(r)
        badge = "; ".join(f"{_e(s)} {_e(p)} {n}" for (s, p), n in sorted(counts.items()))
        who = [f"by {_e(r['agents'])}"] if r.get("agents") else []
        who += [f"against {_e(r['targets'])}"] if r.get("targets") else []
        what = "incident, " if r.get("incident") else ""
        out.append(
            f'<section class="incident" id="row-{i}"><h3>{label}</h3>'
            f'<p class="facts">{what}{_reports(r)} report(s) &middot; {" &middot; ".join(who)}'
            f"{' &middot; ' if who else ''}{badge or 'no claim recorded'}</p>"
        )
        counts_said = [str(c) for c in r.get("counts") or []]
        if counts_said:
            out.append(f'<p class="facts">counts: {_e("; ".join(counts_said))}</p>')
        if r.get("summary"):
            out.append(f'<p class="summary">{_e(r["summary"])}</p>')
        out.append("<ul>")
        for c in claims:
            side = f" ({_e(c['side'])})" if c.get("side") else ""
            out.append(
                f'<li class="claim {_e(c["polarity"])}" data-statement="{_e(c["statement"])}">'
                f'<span class="pol">{_e(c["polarity"])}</span> '
                f"<b>{_e(c['speaker']) or '<i>no speaker</i>'}</b>{side}, "
                f"{_e(c['said_on']) or 'undated'}: "
                f"&ldquo;{_e(c['text'])}&rdquo; <i>{_e(c['article'])}</i>"
                f"{' &middot; ' + _e(c['outlet']) if c.get('outlet') else ''}</li>"
            )
        out.append("</ul></section>")
    return "\n".join(out)


def _script_json(text: str) -> str:
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_timeline(rows: list[dict[str, Any]], title: str = "Timeline", meta: str = "") -> str:
    """The whole timeline page for ``rows`` (timeline query rows with ``claims``) as a string.

    Example:

        page = render_timeline(rows, "Timeline of Dravik")
    """
    figure = pio.to_json(_figure(rows), validate=False)
    config = {"displaylogo": False, "responsive": True}
    plotly_js = get_plotlyjs().replace("</script", "<\\/script")
    template = (resources.files("claimgraph.graph") / "assets" / "timeline_page.html").read_text(
        encoding="utf-8"
    )
    values = {
        "@@TITLE@@": _e(title),
        "@@META@@": _e(meta),
        "@@PLOTLY_JS@@": plotly_js,
        "@@FIGURE@@": _script_json(figure),
        "@@CONFIG@@": _script_json(json.dumps(config)),
        "@@CLAIMS@@": _claims_list(rows),
    }
    # One pass, so text put in is never scanned for placeholders again.
    out: list[str] = []
    rest = template
    while True:
        found = [(rest.find(k), k) for k in values if rest.find(k) >= 0]
        if not found:
            out.append(rest)
            break
        pos, key = min(found)
        out.extend((rest[:pos], values[key]))
        rest = rest[pos + len(key) :]
    return "".join(out)


def write_timeline(
    rows: list[dict[str, Any]], out: str | Path, title: str = "Timeline", meta: str = ""
) -> Path:
    """Write the timeline page to ``out`` (one self-contained .html file)."""
    path = Path(out)
    if not path.parent.exists():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    path.write_text(render_timeline(rows, title, meta), encoding="utf-8")
    return path
