"""Terminal report (rich): the verdict in words, aligned sentences side by side, then what was
partly supported, added, omitted and changed. Headings read from the copy's side
(``words.side_words``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Comparison, Document
from .words import side_words, verdict_words

__all__ = ["KIND_STYLE", "print_comparison", "render_comparison"]

KIND_STYLE = {"verbatim": "bold green", "edit": "green", "paraphrase": "yellow", "translation": "cyan"}
_NEW_STYLE = "bold magenta underline"


def _clip(text: str, width: int = 400) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _refs(indexes) -> str:
    return f"[{', '.join(map(str, indexes))}]"


def _with_new_words(doc: Document, index: int, spans) -> Text:
    """A sentence with the words its source does not support underlined."""
    s = doc.sentences[index]
    out = Text(f"[{index}] ", style="dim")
    pos = s.start
    for start, end in sorted(spans):
        if start < pos or end > s.end:
            continue
        out.append(doc.article.text[pos:start])
        out.append(doc.article.text[start:end], style=_NEW_STYLE)
        pos = end
    out.append(doc.article.text[pos : s.end])
    return out


def render_comparison(comparison: Comparison, a_name: str = "A", b_name: str = "B") -> Group:
    """Build the rich renderable for a comparison."""
    rel = comparison.relation
    a, b = comparison.a, comparison.b
    words = side_words(rel.verdict, a_name, b_name)
    levels = [s.level for s in comparison.support]
    head = Text()
    head.append(verdict_words(rel.verdict, a_name, b_name, "short", rel.extent).upper(), style="bold")
    head.append(f"   confidence {rel.confidence:.0%}\n", style="dim")
    head.append(rel.explanation + "\n")
    head.append(
        f"Content: {rel.supported_a:.0%} of {a_name}'s is found in {b_name} ({levels.count('kept')} sentences kept, "
        f"{levels.count('partial')} partly, {levels.count('added')} not); {rel.supported_b:.0%} of {b_name}'s is carried "
        f"into {a_name}; {rel.copied_a:.0%} of {a_name}'s words stand in {b_name} word for word.",
        style="dim",
    )
    if rel.evidence:
        head.append("\nWhy: " + "; ".join(rel.evidence), style="dim")
    head.append(f"\nMode: {comparison.mode}" + (f" ({comparison.embedder})" if comparison.embedder else ""), style="dim")
    parts: list = [Panel(head, title=f"{a_name} vs {b_name}", expand=True)]

    if comparison.links:
        table = Table(title=words.kept, show_lines=True, expand=True)
        left, right = (b_name, a_name) if words.copy_is_b else (a_name, b_name)
        table.add_column(left, ratio=5)
        table.add_column("how", min_width=10, no_wrap=True)
        table.add_column(right, ratio=5)
        for link in comparison.links:
            a_cell = f"{_refs(link.a)} {_clip(' '.join(a.sentences[i].text for i in link.a))}"
            b_cell = f"{_refs(link.b)} {_clip(' '.join(b.sentences[j].text for j in link.b))}"
            how = Text(link.kind, style=KIND_STYLE[link.kind])
            how.append(f"\n{link.score:.2f}", style="dim")
            if link.changes:
                how.append("\nCHANGED", style="bold red")
            table.add_row(*((b_cell, how, a_cell) if words.copy_is_b else (a_cell, how, b_cell)))
        parts.append(table)

    partial = [s for s in comparison.support if s.level == "partial"]
    if partial:
        body = Text()
        for s in partial:
            body.append_text(_with_new_words(a, s.a, s.new))
            body.append(f"\n    {s.share:.0%} found in {b_name} {_refs(s.b)}", style="dim")
            if s.new_facts:
                names = ", ".join(dict.fromkeys(a.article.text[x:y] for x, y in s.new_facts))
                body.append(f"; names and figures not in {b_name}: {names}", style="magenta")
            body.append("\n")
        parts.append(Panel(body, title=f"{words.partial}: {len(partial)}", border_style="yellow"))

    def listing(title: str, doc, indexes, style: str) -> None:
        if not indexes:
            return
        body = Text()
        for i in indexes:
            body.append(f"[{i}] ", style="dim")
            body.append(_clip(doc.sentences[i].text) + "\n", style=style)
        parts.append(Panel(body, title=title, border_style=style))

    a_list = (f"{words.a_unsupported}: {len(comparison.added)}", a, comparison.added, "magenta" if not words.copy_is_b else "blue")
    b_list = (f"{words.b_unused}: {len(comparison.omitted)}", b, comparison.omitted, "blue" if not words.copy_is_b else "magenta")
    for title, doc, indexes, style in (b_list, a_list) if words.copy_is_b else (a_list, b_list):
        listing(title, doc, indexes, style)
    changed = comparison.changed
    if changed:
        body = Text()
        for link in changed:
            body.append(f"{_refs(link.a)} <- {_refs(link.b)}  ", style="dim")
            for ch in link.changes:
                body.append(f"{ch.type}: ", style="bold")
                body.append(f"{b_name} {ch.b_text or '(none)'!r} ", style="blue")
                body.append("-> ")
                body.append(f"{a_name} {ch.a_text or '(none)'!r}   ", style="red")
            body.append("\n")
        parts.append(Panel(body, title=f"Changed facts in kept sentences: {len(changed)}", border_style="red"))
    return Group(*parts)


def print_comparison(comparison: Comparison, console: Console | None = None, a_name: str = "A", b_name: str = "B") -> None:
    """Print a comparison to the terminal."""
    (console or Console()).print(render_comparison(comparison, a_name, b_name))
