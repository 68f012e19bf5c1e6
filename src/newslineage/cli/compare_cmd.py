"""``newslineage compare A B``: how article A relates to article B."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import app


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def write_output(content: str, output: Path | None) -> None:
    """Write to a file, or to stdout when no file is given."""
    if output is None:
        sys.stdout.write(content)
        if not content.endswith("\n"):
            sys.stdout.write("\n")
    else:
        output.write_text(content, encoding="utf-8")
        Console(stderr=True).print(f"wrote {output}", highlight=False)


@app.command()
def compare(
    a: Annotated[Path, typer.Argument(help="The article to explain (possible copy): .txt, .md or .html file.")],
    b: Annotated[Path, typer.Argument(help="The possible source article.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="text (terminal), json (newslineage.compare/2) or html (self-contained page).")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    no_embeddings: Annotated[bool, typer.Option("--no-embeddings", help="Lexical only: no model needed, finds copies and light edits but not paraphrase or translation.")] = False,
    a_date: Annotated[Optional[str], typer.Option("--a-date", help="Publication time of A (ISO 8601), used for direction.")] = None,
    b_date: Annotated[Optional[str], typer.Option("--b-date", help="Publication time of B (ISO 8601).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file with a \\[compare] table.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Largest input accepted, in bytes (default 10 MB).")] = None,
) -> None:
    """Explain, sentence by sentence, how article A derives from article B (or not)."""
    from ..pairwise import compare as run_compare
    from ..settings import load_settings

    settings = load_settings(config, embeddings=False if no_embeddings else None, max_bytes=max_bytes)
    result = run_compare(str(a), str(b), settings=settings, a_meta={"published_at": a_date}, b_meta={"published_at": b_date})
    if format is Format.json:
        write_output(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), output)
    elif format is Format.html:
        from ..report.html import render_comparison_page

        write_output(render_comparison_page(result.to_dict()), output)
    else:
        from ..report.text import render_comparison

        console = Console(file=output.open("w", encoding="utf-8"), width=160) if output else Console()
        console.print(render_comparison(result, *result.names))
