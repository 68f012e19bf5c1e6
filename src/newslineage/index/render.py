"""Sources as a terminal table and as an HTML page (the JSON twin is ``SourcesResult.to_dict``)."""

from __future__ import annotations

import html

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from ..report.words import verdict_words
from .report import Source, SourcesResult

__all__ = ["render_sources_html", "render_sources_list", "render_sources_text", "reprint_words"]

def _pairs(source: Source, limit: int = 3) -> list[tuple[str, str, str, float]]:
    """The strongest linked sentence pairs: (query text, source text, kind, score)."""
    comp = source.comparison
    links = sorted(comp.links, key=lambda link: -link.score)[:limit]
    return [
        (
            " ".join(comp.a.sentences[i].text for i in link.a),
            " ".join(comp.b.sentences[j].text for j in link.b),
            link.kind,
            link.score,
        )
        for link in links
    ]


def _passage_words(source: Source) -> str:
    """Where in the source the query's passage was found: "passage: sentences 12-15 (cos 0.81)"."""
    first, last, cosine = source.passage  # type: ignore[misc]
    body = [s.index for s in source.comparison.b.body]
    pos = [n + 1 for n, i in enumerate(body) if i in (first, last)]
    where = f"sentences {pos[0]}-{pos[-1]} of {len(body)}" if pos else f"sentences {first}-{last}"
    return f"passage: {where} (cos {cosine:.2f})"


def _clip(text: str, n: int = 110) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _when(value: str | None) -> str:
    """``2022-09-12T11:10:32`` -> ``2022-09-12 11:10`` (as stored when it does not parse)."""
    from ..dates import parse_time

    parsed = parse_time(value)
    if parsed is None:
        return value or ""
    return parsed.strftime("%Y-%m-%d %H:%M") if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0) else parsed.strftime("%Y-%m-%d")


def _who(article) -> str:
    return " ".join(x for x in (article.outlet or article.id, _when(article.published_at)) if x)


def reprint_words(source: Source, limit: int = 5) -> str:
    """``and 3 reprints: KIFI 2022-09-12 17:09, ...`` (empty when the text has no other copy)."""
    if not source.reprints:
        return ""
    names = [_who(r) for r in source.reprints[:limit]]
    more = len(source.reprints) - limit
    noun = "reprint" if len(source.reprints) == 1 else "reprints"
    return f"and {len(source.reprints)} {noun}: " + ", ".join(names) + (f" and {more} more" if more > 0 else "")


def render_sources_text(result: SourcesResult) -> Group:
    """A rich renderable: one entry per source (identical copies in one), its strongest links below.

    A list rather than a table, so that it reads at 80 columns as well as at 200.
    """
    q = result.query
    head = Text.assemble(
        ("Query ", "bold"), (q.article.id, "cyan"), f"  {len(q.body)} sentences, {q.language}",
        f", published {q.article.published_at}" if q.article.published_at else "",
    )
    if not result.sources:
        return Group(head, Text(f"No source found among {result.candidates} candidates.", style="yellow"))
    parts: list = [head]
    for rank, src in enumerate(result.sources, 1):
        rel = src.comparison.relation
        art = src.article
        title = Text.assemble("\n", (f"{rank}. ", "bold"), (_who(art), "bold cyan"), (f"  id {art.id}", "dim"))
        lines: list = []
        if art.title:
            lines.append(Text(_clip(art.title, 100)))
        lines.append(Text.assemble((verdict_words(rel.verdict, style="sources"), "bold"), f": {rel.coverage_a_chars:.0%} of the query's text, score {src.score:.2f}"))
        if src.reprints:
            lines.append(Text(reprint_words(src), style="dim"))
        if src.passage is not None:
            lines.append(Text(_passage_words(src), style="dim"))
        for qa, sb, kind, score in _pairs(src, 2):
            lines.append(Text.assemble((f"[{kind} {score:.2f}] ", "magenta"), _clip(qa)))
            lines.append(Padding(Text.assemble(("⇐ ", "dim"), (_clip(sb), "green")), (0, 0, 0, 3), expand=False))
        # wrapped lines stay indented under their entry
        parts.extend([title, Padding(Group(*lines), (0, 0, 0, 3), expand=False)])
    parts.append(Text("\n" + result.sources[0].comparison.relation.explanation, style="italic"))
    return Group(*parts)


def render_sources_list(result: SourcesResult, *, side_by_side: bool = False) -> str:
    """The ranked sources as an HTML ``<ol>`` (escaped), identical copies in one item.

    Args:
        result: The sources.
        side_by_side: Add a "side by side" button per source (``data-id`` = the source's id),
            which the web page wires to the comparison of the query with that article.
    """
    e = html.escape
    if not result.sources:
        return f'<p class="meta">No source found among {result.candidates} candidates.</p>'
    items = []
    for src in result.sources:
        rel = src.comparison.relation
        art = src.article
        reprints = f'<div class="meta">{e(reprint_words(src, 20))}</div>' if src.reprints else ""
        button = f'<button type="button" class="link side-by-side" data-id="{e(art.id, quote=True)}">Side by side</button>' if side_by_side else ""
        items.append(
            f'<li data-id="{e(art.id, quote=True)}"><strong>{e(art.outlet or art.id)}</strong> <span class="meta">{e(_when(art.published_at))} · id {e(art.id)}</span>'
            + (f"<div>{e(art.title)}</div>" if art.title else "")
            + f'<div><b>{e(verdict_words(rel.verdict, style="sources"))}</b>: {rel.coverage_a_chars:.0%} of the text, score {src.score:.2f}</div>'
            + reprints
            + (f'<div class="meta">{e(_passage_words(src))}</div>' if src.passage is not None else "")
            + f'<div class="meta">{e(rel.explanation)}</div>{button}</li>'
        )
    return '<ol class="results sources">' + "".join(items) + "</ol>"


def render_sources_html(result: SourcesResult) -> str:
    """A self-contained page: the ranked list, then the top source's side-by-side comparison."""
    e = html.escape
    q = result.query
    detail = ""
    if result.sources:
        try:
            from ..report.html import render_comparison_fragment
        except ImportError:
            render_comparison_fragment = None
        top = result.sources[0]
        if render_comparison_fragment is not None:
            detail = render_comparison_fragment(top.comparison.to_dict())
        else:
            items = "".join(f"<li><em>{e(k)} {s:.2f}</em> {e(a)}<br>&lArr; {e(b)}</li>" for a, b, k, s in _pairs(top, 20))
            detail = f"<ol>{items}</ol>"
    body = (
        f"<h1>Sources of {e(q.article.id)}</h1>"
        f"<p>{len(q.body)} sentences, {e(q.language)}; {result.candidates} candidates compared.</p>"
        + render_sources_list(result)
        + (f"<h2>Top source, sentence by sentence</h2>{detail}" if detail else "")
    )
    style = "body{font-family:system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem}.meta{color:#555;font-size:.9em}ol.sources li{margin:0 0 1em}"
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sources of {e(q.article.id)}</title><style>{style}</style></head><body>{body}</body></html>'
