"""Terminal report (rich): the verdict in words, aligned sentences side by side, then what was
added, omitted and changed."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Comparison
from .words import verdict_words

__all__ = ["KIND_STYLE", "print_comparison", "render_comparison"]

KIND_STYLE = {"verbatim": "bold green", "edit": "green", "paraphrase": "yellow", "translation": "cyan"}


def _clip(text: str, width: int = 400) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_comparison(comparison: Comparison, a_name: str = "A", b_name: str = "B") -> Group:
    """Build the rich renderable for a comparison."""
    rel = comparison.relation
    a, b = comparison.a, comparison.b
    head = Text()
    head.append(verdict_words(rel.verdict, a_name, b_name, "short").upper(), style="bold")
    head.append(f"   confidence {rel.confidence:.0%}\n", style="dim")
    head.append(rel.explanation + "\n")
    head.append(
        f"Coverage: {rel.coverage_a:.0%} of {a_name}'s sentences come from {b_name}; "
        f"{rel.coverage_b:.0%} of {b_name}'s sentences are reused in {a_name}; "
        f"{rel.copied_a:.0%} of {a_name}'s words stand in {b_name} word for word.",
        style="dim",
    )
    if rel.evidence:
        head.append("\nWhy: " + "; ".join(rel.evidence), style="dim")
    head.append(f"\nMode: {comparison.mode}" + (f" ({comparison.embedder})" if comparison.embedder else ""), style="dim")
    parts: list = [Panel(head, title=f"{a_name} vs {b_name}", expand=True)]

    if comparison.links:
        table = Table(title=f"Kept sentences ({a_name} <- {b_name})", show_lines=True, expand=True)
        table.add_column(a_name, ratio=5)
        table.add_column("how", min_width=10, no_wrap=True)
        table.add_column(b_name, ratio=5)
        for link in comparison.links:
            a_text = " ".join(a.sentences[i].text for i in link.a)
            b_text = " ".join(b.sentences[j].text for j in link.b)
            how = Text(link.kind, style=KIND_STYLE[link.kind])
            how.append(f"\n{link.score:.2f}", style="dim")
            if link.changes:
                how.append("\nCHANGED", style="bold red")
            table.add_row(f"[{', '.join(map(str, link.a))}] {_clip(a_text)}", how, f"[{', '.join(map(str, link.b))}] {_clip(b_text)}")
        parts.append(table)

    def listing(title: str, doc, indexes, style: str) -> None:
        if not indexes:
            return
        body = Text()
        for i in indexes:
            body.append(f"[{i}] ", style="dim")
            body.append(_clip(doc.sentences[i].text) + "\n", style=style)
        parts.append(Panel(body, title=title, border_style=style))

    listing(f"Added in {a_name} (not supported by {b_name}): {len(comparison.added)}", a, comparison.added, "magenta")
    listing(f"Omitted from {b_name} (not carried into {a_name}): {len(comparison.omitted)}", b, comparison.omitted, "blue")
    changed = comparison.changed
    if changed:
        body = Text()
        for link in changed:
            body.append(f"[{', '.join(map(str, link.a))}] <- [{', '.join(map(str, link.b))}]  ", style="dim")
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
