"""``newslineage compare A B``: how article A relates to article B."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import app
from ._io import read_input, write_output

__all__ = ["Format", "compare", "write_output"]

#: Inputs from this size on (both together) get a progress note: aligning two long texts takes
#: seconds to minutes (two 2 MB transcripts: over two minutes).
LONG_INPUT_BYTES = 200_000


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} kB"


@app.command()
def compare(
    a: Annotated[str, typer.Argument(metavar="A", help="The article to explain (possible copy): a .txt, .md or .html file (- reads standard input).", show_default=False)],
    b: Annotated[str, typer.Argument(metavar="B", help="The possible source article (a file).", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="text (terminal), json (newslineage.compare/2) or html (self-contained page).")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings", help="Use the sentence encoder; --no-embeddings: lexical only, no model needed, finds copies and light edits but not paraphrase or translation.")] = True,
    a_date: Annotated[Optional[str], typer.Option("--a-date", help="Publication time of A (ISO 8601), used for direction.")] = None,
    b_date: Annotated[Optional[str], typer.Option("--b-date", help="Publication time of B (ISO 8601).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file with a [compare] table.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Largest input accepted, in bytes (default 10 MB).")] = None,
) -> None:
    """Explain, sentence by sentence, how article A derives from article B (or not)."""
    from ..pairwise import compare as run_compare
    from ..settings import load_settings

    settings = load_settings(config, embeddings=None if embeddings else False, max_bytes=max_bytes)
    article_a = read_input(a, max_bytes=settings.max_bytes, role="A", published_at=a_date)
    article_b = read_input(b, max_bytes=settings.max_bytes, role="B", published_at=b_date)
    size = len(article_a.text.encode("utf-8")) + len(article_b.text.encode("utf-8"))
    err = Console(stderr=True)
    if size >= LONG_INPUT_BYTES:
        err.print(f"comparing {_size(len(article_a.text.encode()))} with {_size(len(article_b.text.encode()))}: long texts take a while", highlight=False, markup=False, soft_wrap=True)
        with err.status("aligning sentences…"):
            result = run_compare(article_a, article_b, settings=settings)
        err.print(f"compared in {sum(result.timings.values()):.1f} s", highlight=False, markup=False, soft_wrap=True)
    else:
        result = run_compare(article_a, article_b, settings=settings)
    if format is Format.json:
        write_output(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), output)
    elif format is Format.html:
        from ..report.html import render_comparison_page

        write_output(render_comparison_page(result.to_dict()), output, page=True)
    else:
        from ..report.text import render_comparison

        console = Console(file=output.open("w", encoding="utf-8"), width=160) if output else Console()
        console.print(render_comparison(result, *result.names))
