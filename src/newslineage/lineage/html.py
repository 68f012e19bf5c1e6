"""The lineage report: one self-contained HTML page, no script, no external asset.

A table of stories (label, outlets, time span, size) links to one section per story with its
timeline, a static inline SVG of its lineage graph (x = publication time, y = one lane per
outlet; arrows from source to copy, coloured by kind, thicker for higher coverage) and the list
of its edges, each opening (``<details>``, ``:target``) the side-by-side comparison kept by
``analyze``. Big stories stay readable: lanes beyond ``MAX_LANES`` fold into "other outlets",
at most ``MAX_NODES`` articles and ``MAX_EDGES`` edges are drawn, and a "+N more" note says
what was left out. Every text taken from the corpus is HTML-escaped.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any

from ..dates import parse_time

__all__ = ["render_report"]

MAX_STORIES = 200
MAX_LANES = 12
MAX_NODES = 150
MAX_EDGES = 120
MAX_COMPARISONS = 25
_KIND_COLORS = {"verbatim": "#0072B2", "edit": "#007A5E", "paraphrase": "#A35F00", "translation": "#6B3FA0"}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
section.story{border-top:3px solid #0072B2;margin-top:2em}section.story:target{background:#f4f9ff}
.muted{color:#666}.kind{font-weight:600}svg{max-width:100%;height:auto;background:#fafafa;border:1px solid #ddd}
details.cmp{margin:.3em 0 .3em 1em}details.cmp:target{outline:2px solid #0072B2}
ol.timeline li{margin:.15em 0}
"""


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


def _svg(story: dict[str, Any], arts: dict[str, dict], edges: list[dict], anchors: dict[int, str]) -> str:
    ids = story["article_ids"]
    lanes_count = Counter(arts[i].get("outlet") or "(no outlet)" for i in ids)
    top = [o for o, _ in lanes_count.most_common(MAX_LANES)]
    folded = len(lanes_count) > MAX_LANES
    lanes = top[: MAX_LANES - 1] + ["other outlets"] if folded else top
    lane_of = {o: (o if o in lanes else "other outlets") for o in lanes_count}
    drawn_ids = ids[:MAX_NODES]
    times = {i: parse_time(arts[i].get("published_at")) for i in drawn_ids}
    dated = [t.timestamp() for t in times.values() if t]
    lo, hi = (min(dated), max(dated)) if dated else (0.0, 0.0)
    left, width, lane_h = 170, 760, 26
    undated_x = left + width + 40
    height = 30 + lane_h * len(lanes)
    pos = {}
    stack: Counter = Counter()
    for i in drawn_ids:
        t = times[i]
        x = undated_x if t is None else left + (width * (t.timestamp() - lo) / (hi - lo) if hi > lo else width / 2)
        lane = lanes.index(lane_of[arts[i].get("outlet") or "(no outlet)"])
        key = (round(x), lane)
        jitter = (stack[key] % 5) * 3
        stack[key] += 1
        pos[i] = (x + jitter, 20 + lane * lane_h + lane_h / 2)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {undated_x + 60} {height}" role="img" aria-label="lineage graph">']
    out.append('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>')
    for n, lane in enumerate(lanes):
        y = 20 + n * lane_h + lane_h / 2
        out.append(f'<line x1="{left - 10}" y1="{y}" x2="{undated_x + 20}" y2="{y}" stroke="#e5e5e5"/>')
        label = lane if len(lane) <= 24 else lane[:23] + "…"
        extra = f" ({sum(c for o, c in lanes_count.items() if lane_of[o] == lane)})" if lane == "other outlets" else ""
        out.append(f'<text x="4" y="{y + 4}" font-size="11">{_e(label + extra)}</text>')
    if dated:
        out.append(f'<text x="{left}" y="{height - 2}" font-size="10" fill="#666">{_e(min(a for a in times.values() if a).isoformat()[:16])}</text>')
        out.append(f'<text x="{left + width}" y="{height - 2}" font-size="10" fill="#666" text-anchor="end">{_e(max(a for a in times.values() if a).isoformat()[:16])}</text>')
    if len(dated) < len(drawn_ids):
        out.append(f'<text x="{undated_x}" y="12" font-size="10" fill="#666" text-anchor="middle">no date</text>')
    drawn = 0
    for n, e in enumerate(edges):
        if drawn >= MAX_EDGES:
            break
        a, b = pos.get(e["source_id"]), pos.get(e["derived_id"])
        if a is None or b is None:
            continue
        drawn += 1
        color = _KIND_COLORS.get(e["kind"], "#555")
        dash = ' stroke-dasharray="4 3"' if e["verdict"] in ("shared_source", "indirect") else ""
        w = 1 + 3 * float(e.get("coverage_derived") or 0)
        tip = f"{e['source_id']} → {e['derived_id']}: {e['kind']}, {e['verdict']}, {float(e['coverage_derived']):.0%} of the copy"
        line = f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" stroke="{color}" stroke-width="{w:.1f}"{dash} marker-end="url(#arrow)" opacity="0.8"><title>{_e(tip)}</title></line>'
        out.append(f'<a href="#{anchors[n]}">{line}</a>' if n in anchors else line)
    for i, (x, y) in pos.items():
        art = arts[i]
        tip = f"{art.get('outlet') or ''} {art.get('published_at') or 'no date'}: {art.get('title') or i}"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#fff" stroke="#333"><title>{_e(tip)}</title></circle>')
    out.append("</svg>")
    notes = []
    if len(ids) > len(drawn_ids):
        notes.append(f"+{len(ids) - len(drawn_ids)} more articles not drawn")
    hidden = len(edges) - drawn
    if hidden > 0:
        notes.append(f"+{hidden} more edges not drawn")
    return "".join(out) + (f'<p class="muted">{_e("; ".join(notes))}</p>' if notes else "")


def _story_section(story: dict[str, Any], arts: dict[str, dict], edges: list[dict], comparisons, sid: str) -> str:
    out = [f'<section class="story" id="{sid}"><h2>{_e(story["label"])}</h2>']
    span = f"{story.get('first_published') or 'no date'} – {story.get('last_published') or 'no date'}"
    out.append(f'<p class="muted">{story["size"]} articles from {len(story["outlets"])} outlets, {_e(span)}; {len(edges)} reuse edges</p>')
    anchors = {n: f"{sid}-e{n}" for n in range(min(len(edges), MAX_COMPARISONS))}
    out.append(_svg(story, arts, edges, anchors))
    ids = story["article_ids"]
    out.append("<details><summary>Timeline</summary><ol class=timeline>")
    for i in ids[:MAX_NODES]:
        a = arts[i]
        out.append(f"<li><span class=muted>{_e(a.get('published_at') or 'no date')}</span> <b>{_e(a.get('outlet') or '')}</b> {_e(a.get('title') or i)} <span class=muted>({_e(i)})</span></li>")
    if len(ids) > MAX_NODES:
        out.append(f"<li class=muted>+{len(ids) - MAX_NODES} more</li>")
    out.append("</ol></details>")
    if edges:
        out.append("<h3>Reuse edges</h3>")
        for n, e in enumerate(edges[:MAX_COMPARISONS]):
            head = (
                f"<span class=kind style=\"color:{_KIND_COLORS.get(e['kind'], '#555')}\">{_e(e['kind'])}</span> "
                f"{_e(arts[e['derived_id']].get('outlet') or e['derived_id'])} ← {_e(arts[e['source_id']].get('outlet') or e['source_id'])}: "
                f"{_e(e['verdict'].replace('_', ' '))}, {float(e['coverage_derived']):.0%} of the copy, {float(e['coverage_source']):.0%} of the source"
            )
            doc = comparisons(e["derived_id"], e["source_id"])
            body = _fragment(doc, anchors[n]) if doc else '<p class="muted">no stored comparison (analyze --no-comparisons)</p>'
            out.append(f'<details class="cmp" id="{anchors[n]}"><summary>{head}</summary>{body}</details>')
        if len(edges) > MAX_COMPARISONS:
            out.append(f'<p class="muted">+{len(edges) - MAX_COMPARISONS} more edges (see edges.csv)</p>')
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
            story_edges.setdefault(arts[e["derived_id"]].get("story_id"), []).append(e)
        shown = [s for s in doc["stories"] if s["size"] > 1][:MAX_STORIES]
        singles = sum(1 for s in doc["stories"] if s["size"] == 1)
        out = [
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>newslineage: stories and lineage</title>',
            f"<style>{_CSS}</style></head><body><h1>Stories and lineage</h1>",
        ]
        s = doc.get("summary", {})
        out.append(f'<p>{_e(s.get("articles", len(arts)))} articles, {_e(s.get("edges", len(doc["edges"])))} reuse edges, {len(shown)} stories with several articles shown; {singles} articles stand alone. Mode: {_e(doc.get("mode"))}.</p>')
        if not arts:
            out.append("<p>The index holds no article.</p>")
        if shown:
            out.append("<table><tr><th>Story</th><th>Outlets</th><th>Time span</th><th>Size</th><th>Edges</th></tr>")
            for n, st in enumerate(shown):
                outlets = ", ".join(st["outlets"][:5]) + (f" +{len(st['outlets']) - 5}" if len(st["outlets"]) > 5 else "")
                out.append(
                    f'<tr><td><a href="#story-{n}">{_e(st["label"])}</a></td><td>{_e(outlets)}</td>'
                    f'<td>{_e(st.get("first_published") or "")} – {_e(st.get("last_published") or "")}</td><td>{st["size"]}</td><td>{len(story_edges.get(st["story_id"], []))}</td></tr>'
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
