"""The HTML pages: the single page at ``/`` and the same page with a comparison result in it.

The page is one static template (``static/index.html``) with a few ``$name`` slots; every value
put into a slot is escaped here, except the result, which is the fragment rendered (and escaped)
by ``newslineage.report.html``. The page needs nothing from outside this server.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote, urlencode

from .errors import ApiError

__all__ = [
    "STATIC_DIR",
    "comparison_fragment",
    "error_box",
    "message_page",
    "pair_page",
    "pair_url",
    "render_page",
    "render_shell",
    "stories_page",
    "story_page",
    "story_url",
]

STATIC_DIR = Path(__file__).parent / "static"


@lru_cache(maxsize=1)
def _template() -> Template:
    return Template((STATIC_DIR / "index.html").read_text(encoding="utf-8"))


def comparison_fragment(doc: dict[str, Any]) -> str:
    """The server-rendered result section for a ``newslineage.compare/2`` document."""
    try:
        from ..report.html import render_comparison_fragment
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("newslineage"):
            raise ApiError(501, "not_available", "the HTML report is not part of this build; use /api/compare for JSON") from None
        raise
    return render_comparison_fragment(doc)


def error_box(code: str, detail: str) -> str:
    """A short, escaped error message for the page."""
    return (
        f'<div class="error" role="alert"><strong>{html.escape(code.replace("_", " "))}</strong>: '
        f"{html.escape(detail)}</div>"
    )


def render_page(*, a_text: str = "", b_text: str = "", a_date: str = "", b_date: str = "", a_name: str = "", b_name: str = "", result: str = "") -> str:
    """The page, with the given inputs filled in and ``result`` (trusted, already escaped HTML) below them."""
    values = {
        "a_text": html.escape(a_text),
        "b_text": html.escape(b_text),
        "a_date": html.escape(a_date, quote=True),
        "b_date": html.escape(b_date, quote=True),
        "a_name": html.escape(a_name, quote=True),
        "b_name": html.escape(b_name, quote=True),
        "result": result,
    }
    return _template().substitute(values)


# ---- corpus pages: stories, one story, a pair side by side ---------------------------------

def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def pair_url(source_id: str, derived_id: str) -> str:
    """The side-by-side page of two stored articles (the derived one on the left)."""
    return "/pair?" + urlencode({"source": source_id, "derived": derived_id})


def story_url(story_id: str) -> str:
    """The page of one story."""
    return "/stories/" + quote(story_id, safe="")


def render_shell(title: str, body: str, *, heading: str | None = None) -> str:
    """A corpus page: the site's header and navigation around ``body`` (trusted, escaped HTML)."""
    from ..lineage.svg import GRAPH_CSS

    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)} · newslineage</title>"
        f'<link rel="stylesheet" href="/static/style.css"><style>{GRAPH_CSS}</style></head><body>'
        '<header class="top"><nav class="nav" aria-label="site"><a href="/">Compare and search</a><a href="/stories">Stories</a><a href="/docs">API reference</a></nav>'
        f"<h1>{_e(heading or title)}</h1></header><main>{body}</main>"
        '<footer class="bottom"><p>Every page has a JSON twin under <code>/api</code>; API reference: <a href="/docs">/docs</a>, <a href="/redoc">/redoc</a>.</p></footer>'
        "</body></html>"
    )


def stories_page(stories: list[dict[str, Any]], db_name: str, arts: dict[str, dict[str, Any]] | None = None) -> str:
    """The list of the stories an analysis found, largest first (``arts``: articles by id, to name origins)."""
    from ..lineage.view import fmt_time, plural

    several = [s for s in stories if s.get("size", 0) > 1]
    single = [s for s in stories if s.get("size", 0) <= 1]
    rows = []
    for s in several:
        outlets = s.get("outlets") or []
        names = ", ".join(outlets[:4]) + (f" and {len(outlets) - 4} more" if len(outlets) > 4 else "")
        span = f"{fmt_time(s.get('first_published'))} – {fmt_time(s.get('last_published'))}" if s.get("first_published") else "no date"
        origin = (arts or {}).get(s.get("origin_id") or "")
        origin_words = f"{origin.get('outlet') or origin['id']}, {fmt_time(origin.get('published_at'))}" if origin else "no copying"
        rows.append(
            f'<tr><td><a href="{_e(story_url(s["story_id"]))}">{_e(s.get("label") or s["story_id"])}</a></td>'
            f'<td>{_e(origin_words)}</td><td class="num">{_e(plural(int(s.get("size", 0)), "article"))}</td><td>{_e(names)}</td><td class="nowrap">{_e(span)}</td></tr>'
        )
    body = [
        f'<p class="lead">{_e(plural(len(several), "story", "stories"))} with several articles in <code>{_e(db_name)}</code>'
        + (f", and {_e(plural(len(single), 'article'))} that no other article reports." if single else ".")
        + " Open a story to see who published first and who copied whom.</p>"
    ]
    if rows:
        body.append('<div class="card"><table class="stories"><thead><tr><th>Story</th><th>Origin</th><th>Size</th><th>Outlets</th><th>Published</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>")
    if single:
        items = "".join(f'<li><a href="{_e(story_url(s["story_id"]))}">{_e(s.get("label") or s["story_id"])}</a></li>' for s in single[:500])
        body.append(f'<details class="card"><summary>{_e(plural(len(single), "article"))} alone</summary><ul>{items}</ul></details>')
    return render_shell("Stories", "".join(body))


def story_page(story: dict[str, Any]) -> str:
    """One story: its summary, the copy tree, the timeline and every edge, linked to the side-by-side views."""
    from ..lineage.svg import KIND_COLORS, legend_html, story_svg, timeline_html
    from ..lineage.view import plural, story_summary, story_view, timeline

    arts = {a["id"]: a for a in story.get("articles", [])}
    edges = story.get("edges", [])
    view = story_view(story, arts, edges)

    def href(e: dict[str, Any]) -> str:
        return pair_url(e["source_id"], e["derived_id"])

    inside = [e for e in edges if e["source_id"] in arts and e["derived_id"] in arts]
    rows = "".join(
        f'<tr><td>{_e(arts[e["source_id"]].get("outlet") or e["source_id"])}</td><td>{_e(arts[e["derived_id"]].get("outlet") or e["derived_id"])}</td>'
        f'<td><span style="color:{KIND_COLORS.get(e["kind"], "#555")};font-weight:600">{_e(e["kind"])}</span></td><td>{_e(e["verdict"].replace("_", " "))}</td>'
        f'<td class="num">{float(e.get("coverage_derived") or 0):.0%}</td><td><a href="{_e(href(e))}">side by side</a></td></tr>'
        for e in inside[:1000]
    )
    body = [
        f'<p class="nl-summary">{_e(story_summary(view))}</p>',
        legend_html(),
        f'<div class="nl-graph-wrap">{story_svg(view, sid="g", edge_href=href)}</div>',
        "<h2>Timeline</h2>",
        timeline_html(view, timeline(view), href=href),
    ]
    if inside:
        body.append(
            f'<details class="card"><summary>{_e(plural(len(inside), "reuse edge"))}</summary><table class="edges"><thead><tr><th>source</th><th>derived</th><th>kind</th><th>verdict</th><th>of the copy</th><th></th></tr></thead><tbody>{rows}</tbody></table></details>'
        )
    body.append('<p><a href="/stories">All stories</a></p>')
    return render_shell(story.get("label") or story.get("story_id", "Story"), "".join(body))


def pair_page(doc: dict[str, Any], source_id: str, derived_id: str, arts: dict[str, dict[str, Any]] | None = None) -> str:
    """Two stored articles side by side (the comparison fragment of ``newslineage.report.html``).

    Args:
        doc: The ``newslineage.compare/2`` document, the derived article as A.
        source_id, derived_id: The two articles.
        arts: Analysed articles by id (outlets, times and the story to link back to), may be empty.
    """
    from ..lineage.view import fmt_time

    arts = arts or {}

    def who(i: str) -> str:
        a = arts.get(i)
        return f"{a.get('outlet') or i} ({fmt_time(a.get('published_at'))})" if a else i

    story = (arts.get(derived_id) or {}).get("story_id")
    back = f'<a href="{_e(story_url(story))}">Back to the story</a> · ' if story else ""
    return render_shell(
        f"{who(derived_id)} and its source {who(source_id)}",
        comparison_fragment(doc) + f'<p>{back}<a href="/stories">All stories</a></p>',
    )


def message_page(title: str, detail: str, status_hint: str = "") -> str:
    """A page that only says what is missing and what to do."""
    return render_shell(title, f'<div class="error" role="alert">{_e(detail)}</div>' + (f"<p>{_e(status_hint)}</p>" if status_hint else ""))
