"""Sources as a terminal table and as an HTML page (the JSON twin is ``SourcesResult.to_dict``)."""

from __future__ import annotations

import html

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..report.words import verdict_words
from .report import Source, SourcesResult

__all__ = ["render_sources_html", "render_sources_text"]

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


def render_sources_text(result: SourcesResult) -> Group:
    """A rich renderable: one row per source, then its strongest linked sentences."""
    q = result.query
    head = Text.assemble(
        ("Query ", "bold"), (q.article.id, "cyan"), f"  {len(q.body)} sentences, {q.language}",
        f", published {q.article.published_at}" if q.article.published_at else "",
    )
    if not result.sources:
        return Group(head, Text(f"No source found among {result.candidates} candidates.", style="yellow"))
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", width=3)
    table.add_column("source", overflow="fold", ratio=2, min_width=18)
    table.add_column("verdict", ratio=1, min_width=12)
    table.add_column("score", justify="right", width=6)
    table.add_column("query covered", justify="right", width=8)
    table.add_column("strongest links (query ⇐ source)", ratio=6)
    for rank, src in enumerate(result.sources, 1):
        rel = src.comparison.relation
        art = src.article
        who = Text(art.id, style="cyan")
        if art.outlet or art.published_at:
            who.append(f"\n{art.outlet or ''} {art.published_at or ''}".rstrip(), style="dim")
        if art.title:
            who.append(f"\n{_clip(art.title, 60)}")
        if src.passage is not None:
            who.append(f"\n{_passage_words(src)}", style="dim")
        links = Text()
        for qa, sb, kind, score in _pairs(src):
            links.append(f"[{kind} {score:.2f}] ", style="magenta")
            links.append(_clip(qa))
            links.append("\n   ⇐ ", style="dim")
            links.append(_clip(sb) + "\n", style="green")
        table.add_row(str(rank), who, verdict_words(rel.verdict, style="sources"), f"{src.score:.2f}", f"{rel.coverage_a_chars:.0%}", links)
    return Group(head, table, Text(result.sources[0].comparison.relation.explanation, style="italic"))


def render_sources_html(result: SourcesResult) -> str:
    """A self-contained page: the ranked list, then the top source's side-by-side comparison."""
    e = html.escape
    q = result.query
    rows = []
    for rank, src in enumerate(result.sources, 1):
        rel = src.comparison.relation
        rows.append(
            f"<tr><td>{rank}</td><td><b>{e(src.article.id)}</b><br><small>{e(src.article.outlet or '')} {e(src.article.published_at or '')}</small><br>{e(src.article.title or '')}"
            f"{'<br><small>' + e(_passage_words(src)) + '</small>' if src.passage is not None else ''}</td>"
            f"<td>{e(verdict_words(rel.verdict, style='sources'))}</td><td>{src.score:.2f}</td><td>{rel.coverage_a_chars:.0%}</td><td>{e(rel.explanation)}</td></tr>"
        )
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
        + (
            "<table><thead><tr><th>#</th><th>source</th><th>verdict</th><th>score</th><th>query covered</th><th>why</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
            if rows
            else "<p>No source found.</p>"
        )
        + (f"<h2>Top source, sentence by sentence</h2>{detail}" if detail else "")
    )
    style = "body{font-family:system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}"
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sources of {e(q.article.id)}</title><style>{style}</style></head><body>{body}</body></html>'
