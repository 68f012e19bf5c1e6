"""``newslineage analyze --db X -o DIR`` and ``newslineage report DIR --format html``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..errors import InputError
from . import app


class ReportFormat(StrEnum):
    html = "html"
    json = "json"
    csv = "csv"
    graphml = "graphml"


@app.command()
def analyze(
    db: Annotated[Path, typer.Option("--db", help="Index file built by ingest.")] = Path("newslineage.db"),
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Analysis folder (default: <db stem>.lineage beside the index).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Processes comparing pairs (default: every core).")] = None,
    embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings", help="Use the index's article vectors and the sentence encoder; --no-embeddings: lexical only.")] = True,
    comparisons: Annotated[bool, typer.Option("--comparisons/--no-comparisons", help="Keep each edge's full comparison for the side-by-side views; --no-comparisons: smaller and faster, the HTML report then has no side-by-side views.")] = True,
) -> None:
    """Find the stories of an index and the lineage graph of who reused whom."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..lineage import analyze as run_analyze

    console = Console(stderr=True)
    bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}[/]"), BarColumn(bar_width=None), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)
    with bar:
        task = bar.add_task("analyze", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"{stage} pairs", completed=done, total=total)

        summary = run_analyze(db, output, workers=workers, embeddings=embeddings, comparisons=comparisons, progress=progress)
    if summary.message:
        console.print(summary.message, highlight=False, markup=False, soft_wrap=True)
    seconds = sum(summary.timings.values())
    console.print(
        f"{summary.articles} articles, {summary.new_pairs} new pairs compared ({summary.candidates} candidates), "
        f"{summary.edges} reuse edges, {summary.multi_stories} stories with several articles "
        f"({summary.stories} in all) in {seconds:.1f} s; wrote {summary.output}",
        highlight=False,
        soft_wrap=True,
        markup=False,
    )


@app.command()
def report(
    folder: Annotated[Path, typer.Argument(help="Analysis folder written by analyze (or the index file).")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="html (self-contained page), json, csv (a folder of three tables) or graphml.")] = ReportFormat.html,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (a folder for csv; - for standard output); default: report.html, lineage.json, the CSV tables or lineage.graphml in the analysis folder.")] = None,
) -> None:
    """Write the report of an analysis: an HTML page, or the JSON, CSV or GraphML exports."""
    import json

    from ..lineage import load_lineage
    from ..lineage.exports import write_csv, write_graphml
    from ._io import write_output

    doc = load_lineage(folder)
    if doc is None:
        raise InputError(f"{folder}: no analysis there; run: newslineage analyze --db INDEX -o {folder}")
    doc_folder = Path(doc.pop("folder"))
    if format is ReportFormat.json:
        write_output(json.dumps(doc, ensure_ascii=False, indent=1), output, default=doc_folder / "lineage.json")
    elif format is ReportFormat.csv:
        paths = write_csv(doc, output or doc_folder)
        Console(stderr=True).print("wrote " + ", ".join(str(p) for p in paths), highlight=False, markup=False, soft_wrap=True)
    elif format is ReportFormat.graphml:
        target = output or doc_folder / "lineage.graphml"
        write_graphml(doc, target)
        Console(stderr=True).print(f"wrote {target}", highlight=False, markup=False, soft_wrap=True)
    else:
        from ..lineage.html import render_report

        write_output(render_report(doc, doc_folder), output, page=True, default=doc_folder / "report.html")
