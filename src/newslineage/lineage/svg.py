"""Draw a ``StoryView`` as one static SVG (no script), and its legend; shared by the report and the web.

x is publication time, with long empty stretches cut (a row dated months apart would squeeze
the rest of the story into a pixel: the cut is marked on the axis); y is one row per text in
copy-tree order (``lineage.view``). Each row's node is its first copy; identical reprints sit on
the same row as small rings joined by a line. An arrow runs down from a text to each text that
took most from it, then along to it: coloured by kind, thicker for a larger share of the copy,
with that share written at its head. Other edges are drawn over it: a second source as a thin
curved arrow, a shared source (two texts taking from a third the tree does not place above both)
as a dotted curve, an indirect chain as a dashed one. Every text taken from the corpus is
escaped; links come from the caller (``edge_href``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape
from statistics import median
from typing import Any

from .view import StoryView, fmt_time, plural

__all__ = ["GRAPH_CSS", "KIND_COLORS", "MAX_ROWS", "legend_html", "story_svg", "timeline_html"]

KIND_COLORS = {"verbatim": "#0072B2", "edit": "#009E73", "paraphrase": "#D55E00", "translation": "#8E44AD"}
_GREY = "#6b6b6b"
MAX_ROWS = 150
_W, _LABEL, _ROW, _TOP = 980, 210, 24, 40

EdgeHref = Callable[[dict[str, Any]], "str | None"]

#: Styles of the graph, its legend and the timeline (the report and the web pages embed them).
GRAPH_CSS = """
.nl-graph-wrap{overflow-x:auto;border:1px solid #d6d6d6;border-radius:6px;background:#fff}
.nl-graph{display:block;width:100%;min-width:720px;height:auto}
.nl-graph a:hover .nl-edge{filter:drop-shadow(0 0 2px #0009)}
.nl-graph-note{color:#555;font-size:.9em;margin:.3em 0 0}
.nl-legend-graph{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.88em;color:#333;margin:.4em 0}
.nl-key{display:inline-flex;align-items:center;gap:4px}
.nl-summary{font-size:1.02em;margin:.4em 0 .6em}
ol.nl-timeline{list-style:none;padding:0;margin:.4em 0}
ol.nl-timeline li{display:grid;grid-template-columns:9.5em 12em minmax(0,1fr);gap:.2em .8em;padding:.25em 0;border-bottom:1px solid #eee}
ol.nl-timeline .nl-t{color:#555;font-variant-numeric:tabular-nums}
ol.nl-timeline .nl-o{font-weight:600;overflow-wrap:anywhere}
ol.nl-timeline .nl-what{color:#333}
ol.nl-timeline .nl-origin .nl-o::after{content:" ★ origin";color:#a07000;font-weight:700}
@media (max-width:640px){ol.nl-timeline li{grid-template-columns:1fr}}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


class _TimeScale:
    """Publication time -> x, with gaps much longer than the story's usual spacing cut short."""

    _STEPS = (600, 1800, 3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400, 91 * 86400, 365 * 86400)

    def __init__(self, stamps: list[float], x0: float, x1: float) -> None:
        self.times = sorted(set(stamps))
        self.x0, self.x1 = x0, x1
        gaps = [b - a for a, b in zip(self.times, self.times[1:])]
        # a gap over 6 times the median spacing (and over a day) is cut to that length
        cap = max(6 * median(gaps), 86400) if gaps else 0.0
        self.cut = [g > cap for g in gaps]
        widths = [min(g, cap) for g in gaps]
        total = sum(widths)
        self.xs = [x0]
        for w in widths:
            self.xs.append(self.xs[-1] + ((x1 - x0) * w / total if total else 0.0))
        if not total:
            self.xs = [(x0 + x1) / 2] * len(self.times)

    def x(self, t: float) -> float:
        """x of a time (times outside the story are clamped to its ends)."""
        i = bisect_right(self.times, t) - 1
        if i < 0:
            return self.xs[0]
        if i >= len(self.times) - 1:
            return self.xs[-1]
        a, b = self.times[i], self.times[i + 1]
        return self.xs[i] + (self.xs[i + 1] - self.xs[i]) * (t - a) / (b - a)

    def breaks(self) -> list[tuple[float, float, float, float]]:
        """(x where the cut starts, x where it ends, first time, second time) of every cut gap."""
        return [(self.xs[i], self.xs[i + 1], self.times[i], self.times[i + 1]) for i, c in enumerate(self.cut) if c]

    def ticks(self) -> list[tuple[float, str]]:
        """Axis ticks (x, label), about every 90 px, never inside a cut gap."""
        if len(self.times) < 2:
            return [(self.xs[0], _label(self.times[0], 86400))] if self.times else []
        shown = sum(b - a for (a, b), c in zip(zip(self.times, self.times[1:]), self.cut) if not c) or 1.0
        per_px = shown / max(1.0, (self.x1 - self.x0) - 20 * sum(self.cut))
        step = next((s for s in self._STEPS if s >= 90 * per_px), self._STEPS[-1])
        out: list[tuple[float, str]] = []
        t = (self.times[0] // step + 1) * step
        last_day = None
        while t <= self.times[-1]:
            i = bisect_right(self.times, t) - 1
            if i < len(self.cut) and not self.cut[i]:
                x = self.x(t)
                if not out or x - out[-1][0] >= 60:
                    day = datetime.fromtimestamp(t, UTC).date()
                    out.append((x, _label(t, step, day != last_day)))
                    last_day = day
            t += step
        return out


def _label(t: float, step: float, new_day: bool = True) -> str:
    when = datetime.fromtimestamp(t, UTC)
    if step >= 86400:
        return when.strftime("%d %b %Y" if step >= 30 * 86400 else "%d %b")
    return when.strftime("%d %b %H:%M") if new_day else when.strftime("%H:%M")


def _hit(d: str, tip: str) -> str:
    """A wide invisible stroke along an edge: a thin line is hard to hit with a mouse or a finger."""
    return f'<path d="{d}" fill="none" stroke="transparent" stroke-width="12" pointer-events="stroke"><title>{_e(tip)}</title></path>'


def _marker(sid: str, kind: str) -> str:
    return f"{sid}-m-{kind}"


def story_svg(view: StoryView, *, sid: str, edge_href: EdgeHref | None = None) -> str:
    """The story's lineage graph as inline SVG (plus a note of what is counted rather than drawn).

    Args:
        view: The copy tree (``lineage.view.story_view``).
        sid: A prefix unique in the page (marker ids).
        edge_href: Link of an edge (its side-by-side view), or None for no link.
    """
    arts = view.arts
    rows = view.rows[:MAX_ROWS]
    stamps = [t.timestamp() for row in rows for i in row.ids if (t := view.time(i)) is not None]
    undated = any(view.time(i) is None for row in rows for i in row.ids)
    x0, x1 = _LABEL + 24, _W - (90 if undated else 40)
    scale = _TimeScale(stamps, x0, x1)
    undated_x = _W - 45
    height = _TOP + _ROW * len(rows) + 12

    def y(r: int) -> float:
        return _TOP + _ROW * r + _ROW / 2

    def x(i: str) -> float:
        t = view.time(i)
        return undated_x if t is None else scale.x(t.timestamp())

    pos: dict[str, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        used: list[float] = []
        for i in row.ids:
            px = x(i)
            while any(abs(px - u) < 5 for u in used):  # same moment on one row: side by side
                px += 6
            used.append(px)
            pos[i] = (px, y(r))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="nl-graph" viewBox="0 0 {_W} {height}" width="{_W}" role="img" aria-label="copy tree of the story: who took text from whom, in time order" font-family="system-ui,sans-serif">']
    out.append("<defs>" + "".join(
        f'<marker id="{_marker(sid, k)}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{c}"/></marker>'
        for k, c in {**KIND_COLORS, "other": _GREY}.items()
    ) + "</defs>")
    # rows: stripes and labels (indented by generation)
    for r, row in enumerate(rows):
        top = _TOP + _ROW * r
        if r % 2 == 0:
            out.append(f'<rect x="0" y="{top}" width="{_W}" height="{_ROW}" fill="#f3f5f8"/>')
        first = arts[row.first]
        indent = min(row.depth, 6) * 10
        name = first.get("outlet") or f"id {row.first}"
        name = name if len(name) <= 24 - min(row.depth, 6) else name[: 23 - min(row.depth, 6)] + "…"
        more = f" +{len(row.ids) - 1}" if len(row.ids) > 1 else ""
        weight = ' font-weight="700"' if row.first == view.origin else ""
        tip = f"{first.get('outlet') or ''} · {fmt_time(first.get('published_at'))} · {first.get('title') or row.first} (id {row.first})"
        if len(row.ids) > 1:
            tip += "; identical reprints: " + ", ".join(f"{arts[i].get('outlet') or i} {fmt_time(arts[i].get('published_at'))}" for i in row.ids[1:])
        out.append(
            f'<text x="{6 + indent}" y="{y(r) + 4}" font-size="12"{weight}><title>{_e(tip)}</title>{"└ " if row.depth else ""}{_e(name)}'
            + (f'<tspan fill="{_GREY}" font-size="11">{_e(more)}</tspan>' if more else "") + "</text>"
        )
    # axis on top: ticks, cuts, the undated column
    out.append(f'<line x1="{x0}" y1="{_TOP - 6}" x2="{x1}" y2="{_TOP - 6}" stroke="#999"/>')
    for tx, label in scale.ticks():
        out.append(f'<line x1="{tx:.1f}" y1="{_TOP - 10}" x2="{tx:.1f}" y2="{height - 6}" stroke="#dde1e6"/>')
        out.append(f'<text x="{tx:.1f}" y="{_TOP - 14}" font-size="11" fill="#444" text-anchor="middle">{_e(label)}</text>')
    for bx0, bx1, ta, tb in scale.breaks():
        mid = (bx0 + bx1) / 2
        days = (tb - ta) / 86400
        tip = f"{fmt_time(datetime.fromtimestamp(ta, UTC).isoformat())} to {fmt_time(datetime.fromtimestamp(tb, UTC).isoformat())}: {days:.0f} days without an article, not drawn to scale"
        out.append(f'<g><title>{_e(tip)}</title><rect x="{mid - 5:.1f}" y="{_TOP - 6}" width="10" height="{height - _TOP}" fill="#fff" opacity="0.85"/>'
                   f'<path d="M{mid - 7:.1f},{_TOP - 2}l4,-8M{mid + 1:.1f},{_TOP - 2}l4,-8" stroke="#555" stroke-width="1.5"/>'
                   f'<text x="{mid:.1f}" y="{_TOP - 14}" font-size="10" fill="#a00" text-anchor="middle">{days:.0f} d</text></g>')
    if stamps:
        first_t = datetime.fromtimestamp(min(stamps), UTC)
        out.append(f'<text x="{x0}" y="12" font-size="11" fill="#444">{_e(first_t.strftime("%Y"))} · times UTC</text>')
    if undated:
        out.append(f'<text x="{undated_x}" y="{_TOP - 14}" font-size="11" fill="#444" text-anchor="middle">no date</text>')

    def link(e: dict[str, Any], body: str) -> str:
        href = edge_href(e) if edge_href is not None else None
        return f'<a href="{_e(href)}">{body}</a>' if href else body

    def tip(e: dict[str, Any]) -> str:
        s, d = arts[e["source_id"]], arts[e["derived_id"]]
        what = {"shared_source": "shares a source with", "indirect": "took text, through another article, from"}.get(e["verdict"], "takes text from")
        return (
            f"{d.get('outlet') or e['derived_id']} {what} {s.get('outlet') or e['source_id']}: {e['kind']}, "
            f"{float(e.get('coverage_derived') or 0):.0%} of {d.get('outlet') or 'it'} from {float(e.get('coverage_source') or 0):.0%} of the source"
            + (" (click for the side-by-side view)" if edge_href else "")
        )

    # the copy tree: down from the source, then along to the copy
    for row in rows:
        e = row.edge
        if e is None or e["source_id"] not in pos or row.first not in pos:
            continue
        (sx, sy), (cx, cy) = pos[e["source_id"]], pos[row.first]
        color = KIND_COLORS.get(e["kind"], _GREY)
        width = 1.2 + 3 * float(e.get("coverage_derived") or 0)
        end = cx - 7 if cx >= sx else cx + 7
        d = f"M{sx:.1f},{sy + 5:.1f}V{cy:.1f}H{end:.1f}"
        path = (
            f'<path class="nl-edge" d="{d}" fill="none" stroke="{color}" stroke-width="{width:.1f}" marker-end="url(#{_marker(sid, e["kind"] if e["kind"] in KIND_COLORS else "other")})"><title>{_e(tip(e))}</title></path>'
            + _hit(d, tip(e))
        )
        share = ""
        if abs(end - sx) > 40:
            anchor, tx = ("end", end - 11) if cx >= sx else ("start", end + 11)
            share = f'<text x="{tx:.1f}" y="{cy - 4:.1f}" font-size="10" fill="{color}" text-anchor="{anchor}">{float(e.get("coverage_derived") or 0):.0%}</text>'
        out.append(link(e, path + share))
    # everything else the tree does not show
    def curve(e: dict[str, Any], stroke: str, dash: str, marker: str | None) -> None:
        if e["source_id"] not in pos or e["derived_id"] not in pos:
            return
        (sx, sy), (dx, dy) = pos[e["source_id"]], pos[e["derived_id"]]
        # leave the source to the right and come into the copy from the left, like the tree's arrows
        bend = 24 + min(80, abs(dx - sx) / 3)
        end = dx - 7
        d = f"M{sx + 5:.1f},{sy:.1f}C{sx + bend:.1f},{sy:.1f} {end - bend:.1f},{dy:.1f} {end:.1f},{dy:.1f}"
        mark = f' marker-end="url(#{marker})"' if marker else ""
        out.append(link(e, f'<path class="nl-edge" d="{d}" fill="none" stroke="{stroke}" stroke-width="1.2"{dash}{mark} opacity="0.6"><title>{_e(tip(e))}</title></path>' + _hit(d, tip(e))))

    for e in view.extra:
        curve(e, KIND_COLORS.get(e["kind"], _GREY), "", _marker(sid, e["kind"] if e["kind"] in KIND_COLORS else "other"))
    for e in view.indirect_drawn:
        curve(e, _GREY, ' stroke-dasharray="6 4"', _marker(sid, "other"))
    for e in view.shared_drawn:
        curve(e, _GREY, ' stroke-dasharray="1.5 3"', None)
    # nodes last, on top: reprint rings on a line, the first copy filled, the origin ringed
    for r, row in enumerate(rows):
        xs = [pos[i][0] for i in row.ids]
        if len(xs) > 1:
            out.append(f'<line x1="{min(xs):.1f}" y1="{y(r):.1f}" x2="{max(xs):.1f}" y2="{y(r):.1f}" stroke="{KIND_COLORS["verbatim"]}" stroke-width="2" opacity="0.5"/>')
        for n, i in enumerate(row.ids):
            a = arts[i]
            px, py = pos[i]
            what = "origin of the copied text" if i == view.origin else ("identical reprint of " + (arts[row.first].get("outlet") or row.first) if n else "")
            node_tip = f"{a.get('outlet') or ''} · {fmt_time(a.get('published_at'), seconds=True)} · {a.get('title') or i} (id {i})" + (f" — {what}" if what else "")
            if n:
                shape = f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="#fff" stroke="{KIND_COLORS["verbatim"]}" stroke-width="1.6">'
            elif i == view.origin:
                shape = f'<circle cx="{px:.1f}" cy="{py:.1f}" r="7" fill="#ffd54a" stroke="#222" stroke-width="2">'
            else:
                shape = f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="#fff" stroke="#222" stroke-width="1.5">'
            out.append(f"{shape}<title>{_e(node_tip)}</title></circle>")
    out.append("</svg>")
    notes = []
    if len(view.rows) > len(rows):
        hidden = sum(len(row.ids) for row in view.rows[len(rows):])
        notes.append(f"{plural(hidden, 'more article')} in {plural(len(view.rows) - len(rows), 'row')} not drawn (see the timeline and articles.csv)")
    if view.shared_implied:
        notes.append(f"{plural(view.shared_implied, 'pair')} of articles sharing a source within one family of copies: not drawn one by one (the arrows join them)")
    if view.indirect_implied:
        notes.append(f"{plural(view.indirect_implied, 'indirect edge')} (material taken through another article): the chains of arrows drawn")
    if view.outside:
        notes.append(f"{plural(view.outside, 'edge')} to other stories")
    return "".join(out) + (f'<p class="nl-graph-note">{_e("; ".join(notes))}.</p>' if notes else "")


def legend_html() -> str:
    """The graph's legend as a row of small inline SVG keys (same look in the report and the web)."""

    def key(svg: str, words: str) -> str:
        return f'<span class="nl-key"><svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">{svg}</svg>{_e(words)}</span>'

    keys = [
        key('<circle cx="17" cy="7" r="6" fill="#ffd54a" stroke="#222" stroke-width="2"/>', "origin"),
        key(f'<line x1="4" y1="7" x2="30" y2="7" stroke="{KIND_COLORS["verbatim"]}" stroke-width="2" opacity="0.5"/><circle cx="6" cy="7" r="4.5" fill="#fff" stroke="#222" stroke-width="1.5"/><circle cx="20" cy="7" r="3" fill="#fff" stroke="{KIND_COLORS["verbatim"]}" stroke-width="1.5"/><circle cx="29" cy="7" r="3" fill="#fff" stroke="{KIND_COLORS["verbatim"]}" stroke-width="1.5"/>', "identical reprints (one row)"),
    ]
    for kind, color in KIND_COLORS.items():
        keys.append(key(f'<path d="M3,7H26" stroke="{color}" stroke-width="3"/><path d="M25,2L32,7L25,12z" fill="{color}"/>', {"verbatim": "copied word for word", "edit": "lightly edited", "paraphrase": "rewritten", "translation": "translated"}[kind]))
    keys += [
        key(f'<path d="M3,3H8V11H26" fill="none" stroke="{_GREY}" stroke-width="1.2"/><path d="M3,3H8V11H26" fill="none" stroke="{_GREY}" stroke-width="4" opacity="0.35"/>', "thicker: more of the copy taken"),
        key(f'<path d="M3,10C12,0 22,0 31,10" fill="none" stroke="{_GREY}" stroke-width="1.6" stroke-dasharray="1.5 3"/>', "share a source"),
        key(f'<path d="M3,10C12,0 22,0 29,9" fill="none" stroke="{_GREY}" stroke-width="1.6" stroke-dasharray="6 4"/>', "took it through another"),
    ]
    return '<div class="nl-legend-graph">' + "".join(keys) + "</div>"


def timeline_html(view: StoryView, entries: list[dict[str, Any]], *, href: EdgeHref | None = None, limit: int = 400) -> str:
    """The timeline as a list: when, who, and what it took from whom (``lineage.view.timeline``).

    Args:
        view: The copy tree.
        entries: ``timeline(view)``.
        href: Link of the side-by-side view of an entry's edge (given a dict with ``source_id``
            and ``derived_id``), or None.
        limit: Entries listed at most.
    """
    arts = view.arts
    items = []
    for entry in entries[:limit]:
        i = entry["id"]
        src = entry["source_id"]
        src_name = (arts[src].get("outlet") or src) if src else ""
        if entry["role"] == "reprint":
            what = f"identical reprint of {src_name} ({fmt_time(arts[src].get('published_at'))})"
        elif entry["role"] == "copy":
            what = f"takes {entry['share']:.0%} of its text from {src_name}, {_KIND_WORDS.get(entry['kind'], entry['kind'])}"
        elif entry["role"] == "origin":
            what = "the text the others copy"
        elif entry["role"] == "source":
            n = int(entry["share"] or 0)
            what = f"copies no article of the story; {n} {'article takes' if n == 1 else 'articles take'} its text"
        else:
            what = "copies no article of the story"
        link = href({"source_id": src, "derived_id": i}) if (href is not None and src and entry["role"] == "copy") else None
        what_html = _e(what) + (f' · <a href="{_e(link)}">side by side</a>' if link else "")
        title = entry.get("title") or i
        items.append(
            f'<li class="nl-{entry["role"]}"><span class="nl-t">{_e(fmt_time(entry.get("published_at")))}</span>'
            f'<span class="nl-o">{_e(entry.get("outlet") or i)}</span>'
            f'<span class="nl-what"><span class="nl-title">{_e(title)}</span><br>{what_html} <span class="nl-id">· id {_e(i)}</span></span></li>'
        )
    more = f'<p class="nl-graph-note">+{len(entries) - limit} more (see articles.csv)</p>' if len(entries) > limit else ""
    return '<ol class="nl-timeline">' + "".join(items) + "</ol>" + more


_KIND_WORDS = {"verbatim": "word for word", "edit": "lightly edited", "paraphrase": "rewritten", "translation": "translated"}
