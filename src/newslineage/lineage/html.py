"""The lineage report: one self-contained HTML page, no script, no external asset.

A table of stories (label, origin, outlets, time span, size) links to one section per story:
its summary in words (who published first, the origin of the copied text, how it spread), the
copy tree drawn as a static SVG (``lineage.view`` and ``lineage.svg``, the same drawing as the
web pages) with its legend, a timeline of every article saying what it took from whom, and
every edge in a table. Edges link to their side-by-side comparison kept by ``analyze``, shown
in place through ``:target`` (no script needed). Every text taken from the corpus is
HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from .svg import GRAPH_CSS, KIND_COLORS, legend_html, story_svg, timeline_html
from .view import fmt_time, plural, story_summary, story_view, timeline

__all__ = ["render_report"]

MAX_STORIES = 200
MAX_COMPARISONS = 25
MAX_EDGE_ROWS = 500
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
section.story{border-top:3px solid #0072B2;margin-top:2em}section.story:target{background:#f4f9ff}
.muted{color:#666}.kind{font-weight:600}
section.cmp{display:none;border:2px solid #0072B2;border-radius:6px;padding:.5em;margin:.8em 0}section.cmp:target{display:block}
table.edges td{font-size:.92em}
""" + GRAPH_CSS


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _safe_id(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)


def _fragment(doc: dict[str, Any], prefix: str) -> str:
    """The compare view of an edge, ids prefixed so that many fit in one page."""
    try:
        from ..report.html import render_comparison_fragment
    except ImportError:  # the report module is not part of this build: a plain escaped table
        return _plain_comparison(doc)
    body = render_comparison_fragment(doc)
    body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', body)
    return re.sub(r'\bhref="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', body)


def _plain_comparison(doc: dict[str, Any]) -> str:
    sides = {k: {s.get("index"): s.get("text") for s in (doc.get(k) or {}).get("sentences", [])} for k in ("a", "b")}
    rows = [
        f"<tr><td>{_e(' '.join(str(sides['a'].get(i, '')) for i in link.get('a', [])))}</td><td class=kind>{_e(link.get('kind'))}</td>"
        f"<td>{_e(' '.join(str(sides['b'].get(j, '')) for j in link.get('b', [])))}</td></tr>"
        for link in doc.get("links", [])
    ]
    return "<table><tr><th>derived</th><th>kind</th><th>source</th></tr>" + "".join(rows) + "</table>"


_VERDICT = {"derives_from": "takes text from", "shared_source": "shares a source with", "indirect": "took it, through another, from"}


def _story_section(story: dict[str, Any], arts: dict[str, dict], edges: list[dict], comparisons, sid: str) -> str:
    view = story_view(story, arts, edges)
    # the comparisons shown: the copy tree's edges first, then the other drawn ones, in row order
    wanted = [row.edge for row in view.rows if row.edge is not None] + view.extra + view.indirect_drawn + view.shared_drawn
    anchors: dict[tuple[str, str], str] = {}
    docs = []
    for e in wanted:
        if len(docs) >= MAX_COMPARISONS:
            break
        doc = comparisons(e["derived_id"], e["source_id"])
        if doc:
            anchor = f"{sid}-e{len(docs)}"
            anchors[(e["source_id"], e["derived_id"])] = anchor
            docs.append((e, anchor, doc))

    def href(e: dict[str, Any]) -> str | None:
        anchor = anchors.get((e["source_id"], e["derived_id"]))
        return f"#{anchor}" if anchor else None

    out = [f'<section class="story" id="{sid}"><h2>{_e(story["label"])}</h2>']
    out.append(f'<p class="nl-summary">{_e(story_summary(view))}</p>')
    out.append(legend_html())
    out.append(f'<div class="nl-graph-wrap">{story_svg(view, sid=sid, edge_href=href)}</div>')
    out.append("<h3>Timeline</h3>")
    out.append(timeline_html(view, timeline(view), href=href))
    for e, anchor, doc in docs:
        who = f"{arts[e['derived_id']].get('outlet') or e['derived_id']} {_VERDICT.get(e['verdict'], e['verdict'])} {arts[e['source_id']].get('outlet') or e['source_id']}"
        out.append(f'<section class="cmp" id="{anchor}"><p><b>{_e(who)}</b> · <a href="#{sid}">back to the story</a></p>{_fragment(doc, anchor)}</section>')
    if edges:
        out.append(f"<details><summary>All {len(edges)} reuse edges</summary><table class=edges><tr><th>source</th><th>derived</th><th>kind</th><th>verdict</th><th>of the copy</th><th>of the source</th></tr>")
        for e in edges[:MAX_EDGE_ROWS]:
            link = href(e)
            kind = f'<span class=kind style="color:{KIND_COLORS.get(e["kind"], "#555")}">{_e(e["kind"])}</span>'
            src = _e(arts.get(e["source_id"], {}).get("outlet") or e["source_id"])
            der = _e(arts.get(e["derived_id"], {}).get("outlet") or e["derived_id"])
            out.append(
                f"<tr><td>{src}</td><td>{der}</td><td>{kind}</td><td>{_e(e['verdict'].replace('_', ' '))}"
                + (f' · <a href="{_e(link)}">side by side</a>' if link else "")
                + f"</td><td>{float(e['coverage_derived']):.0%}</td><td>{float(e['coverage_source']):.0%}</td></tr>"
            )
        out.append("</table>")
        if len(edges) > MAX_EDGE_ROWS:
            out.append(f'<p class="muted">+{len(edges) - MAX_EDGE_ROWS} more edges (see edges.csv)</p>')
        out.append("</details>")
    out.append("</section>")
    return "".join(out)


def render_report(doc: dict[str, Any], folder: Path | None = None) -> str:
    """The HTML page of a ``newslineage.lineage/1`` document.

    Args:
        doc: The lineage document (``load_lineage``).
        folder: The analysis folder, whose ``work.sqlite`` holds the edges' comparisons.
    """
    from ._work import WORK_FILE, WorkStore

    work = WorkStore(folder, readonly=True) if folder is not None and (folder / WORK_FILE).exists() else None
    comparisons = work.comparison if work is not None else (lambda d, s: None)
    try:
        arts = {a["id"]: a for a in doc["articles"]}
        story_edges: dict[str, list[dict]] = {}
        for e in doc["edges"]:
            stories_of = {arts[e["derived_id"]].get("story_id"), arts[e["source_id"]].get("story_id")}
            for story_id in stories_of:
                story_edges.setdefault(story_id, []).append(e)
        shown = [s for s in doc["stories"] if s["size"] > 1][:MAX_STORIES]
        singles = sum(1 for s in doc["stories"] if s["size"] == 1)
        out = [
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>newslineage: stories and lineage</title>',
            f"<style>{_CSS}</style></head><body><h1>Stories and lineage</h1>",
        ]
        s = doc.get("summary", {})
        n_arts, n_edges = int(s.get("articles", len(arts))), int(s.get("edges", len(doc["edges"])))
        out.append(
            f"<p>{plural(n_arts, 'article')}, {plural(n_edges, 'reuse edge')}, {plural(len(shown), 'story', 'stories')} with several articles shown; "
            f"{plural(singles, 'article stands', 'articles stand')} alone. Mode: {_e(doc.get('mode'))}.</p>"
        )
        if not arts:
            out.append("<p>The index holds no article.</p>")
        if shown:
            out.append("<table><tr><th>Story</th><th>Origin</th><th>Outlets</th><th>Time span</th><th>Articles</th><th>Edges</th></tr>")
            for n, st in enumerate(shown):
                outlets = ", ".join(st["outlets"][:5]) + (f" +{len(st['outlets']) - 5}" if len(st["outlets"]) > 5 else "")
                origin = arts.get(st.get("origin_id") or "")
                out.append(
                    f'<tr><td><a href="#story-{n}">{_e(st["label"])}</a></td><td>{_e((origin.get("outlet") or st["origin_id"]) if origin else "none")}</td><td>{_e(outlets)}</td>'
                    f'<td>{_e(fmt_time(st.get("first_published")))} – {_e(fmt_time(st.get("last_published")))}</td><td>{st["size"]}</td><td>{len(story_edges.get(st["story_id"], []))}</td></tr>'
                )
            out.append("</table>")
        extra = sum(1 for s in doc["stories"] if s["size"] > 1) - len(shown)
        if extra > 0:
            out.append(f'<p class="muted">+{extra} more stories (see stories.csv)</p>')
        for n, st in enumerate(shown):
            out.append(_story_section(st, arts, story_edges.get(st["story_id"], []), comparisons, f"story-{n}"))
        out.append("</body></html>")
        return "".join(out)
    finally:
        if work is not None:
            work.close()
