"""``newslineage ingest PATH... --db FILE`` and ``newslineage sources FILE --db FILE``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import app

_DB_HELP = "Index file (SQLite); created by ingest when missing."


class SourcesFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class OnDuplicateId(StrEnum):
    error = "error"
    version = "version"
    skip = "skip"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Folders of .txt/.md/.html, JSON Lines, CSV, Parquet, WARC, RSS/Atom files.")],
    db: Annotated[Path, typer.Option("--db", help=_DB_HELP)] = Path("newslineage.db"),
    embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings", help="Store article vectors for paraphrase and translation search; --no-embeddings: lexical retrieval only (faster).")] = True,
    id_col: Annotated[Optional[str], typer.Option("--id-col", help="Column holding the article id (tables).")] = None,
    text_col: Annotated[Optional[str], typer.Option("--text-col", help="Column holding the text.")] = None,
    title_col: Annotated[Optional[str], typer.Option("--title-col", help="Column holding the headline.")] = None,
    outlet_col: Annotated[Optional[str], typer.Option("--outlet-col", help="Column holding the outlet or series.")] = None,
    date_col: Annotated[Optional[str], typer.Option("--date-col", help="Column holding the publication time.")] = None,
    url_col: Annotated[Optional[str], typer.Option("--url-col", help="Column holding the URL.")] = None,
    lang_col: Annotated[Optional[str], typer.Option("--lang-col", help="Column holding the language code.")] = None,
    date_format: Annotated[Optional[list[str]], typer.Option("--date-format", help="strptime format of the date column, e.g. '%m/%d/%Y %H:%M' for US month-first dates (repeatable; ISO 8601 and RFC 2822 are always read; d/m/Y is assumed for other slashed dates).")] = None,
    on_duplicate_id: Annotated[OnDuplicateId, typer.Option("--on-duplicate-id", help="A record whose id and outlet are stored already with another text: error (refuse it and list it), version (store it as ID~v2) or skip (ignore it and list it).")] = OnDuplicateId.error,
    summary: Annotated[Optional[Path], typer.Option("--summary", help="CSV listing every record not plainly stored (reprints, renamed ids, versions, duplicates, refused and bad records) and why (default: <db>.ingest.csv beside the index).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad or refused record instead of skipping it.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles written per transaction.")] = 256,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Worker processes (default: one per CPU).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file with a [compare] table.")] = None,
) -> None:
    """Add articles to an index: every record is an article (identical texts are computed once and shared); what is stored already is skipped."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..errors import InputError
    from ..index import Index
    from ..readers import ColumnMap
    from ..settings import load_settings
    from ._io import is_index_file

    for path in paths:
        if is_index_file(path) and path.is_file():
            raise InputError(f"{path}: is an index file, not articles to read; give the index with --db {path}")
    given = {"id": id_col, "text": text_col, "title": title_col, "outlet": outlet_col, "date": date_col, "url": url_col, "language": lang_col}
    columns = ColumnMap(**{k: v for k, v in given.items() if v}, date_format=tuple(date_format) if date_format else None)
    settings = load_settings(config)
    embedder = settings.embedder if (embeddings and settings.embeddings) else "none"
    console = Console(stderr=True)
    with Index(db, embedder=embedder, settings=settings, batch_size=batch_size, workers=workers) as index:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[done]} records  {task.fields[rate]:.0f}/s  added {task.fields[added]}  duplicates {task.fields[dups]}  skipped {task.fields[skipped]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        with progress:
            task = progress.add_task("ingest", total=None, done=0, rate=0.0, added=0, dups=0, skipped=0)

            def update(report) -> None:
                progress.update(task, done=report.processed, rate=report.rate, added=report.added, dups=report.duplicates, skipped=report.skipped + report.refused)

            report = index.ingest([str(p) for p in paths], columns=columns, strict=strict, on_duplicate_id=on_duplicate_id.value, on_progress=update)
        total, texts = index.count(), index.count_texts()
    listed = report.write_summary(summary or db.with_name(db.name + ".ingest.csv"))
    notes = [f"{n} {what}" for n, what in ((report.reprints, "reprints of a text already there"), (report.renamed, "under a new id"), (report.versions, "as new versions")) if n]
    others = [f"{n} {what}" for n, what in ((report.duplicates, "already stored"), (report.refused, "refused"), (report.skipped, "bad records skipped")) if n]
    console.print(
        f"[bold]{report.added}[/] added" + (f" ({', '.join(notes)})" if notes else "") + (f", {', '.join(others)}" if others else "")
        + f" in {report.seconds:.1f} s ({report.rate:.0f} records/s); {total} articles ({texts} distinct texts) in {db}",
        highlight=False,
        soft_wrap=True,
    )
    if report.refused:
        how = "refused" if report.on_duplicate_id == "error" else "ignored"
        console.print(f"  {report.refused} records {how}: their id is stored already with another text (--on-duplicate-id version keeps both)", highlight=False, markup=False, soft_wrap=True)
    for message in report.errors[:5]:
        console.print(f"  skipped: {message}", highlight=False, markup=False, soft_wrap=True)
    if len(report.errors) > 5:
        console.print(f"  ... and {len(report.errors) - 5} more", highlight=False)
    console.print(f"  every record not plainly stored, and why: {listed} ({len(report.events)} rows)", highlight=False, markup=False, soft_wrap=True)


@app.command()
def sources(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The text whose sources to find: a .txt, .md or .html file (- reads standard input).", show_default=False)],
    db: Annotated[Path, typer.Option("--db", help="Index file built by ingest.")] = Path("newslineage.db"),
    top: Annotated[int, typer.Option("--top", min=1, help="How many sources to show (identical copies count once).")] = 5,
    format: Annotated[SourcesFormat, typer.Option("--format", "-f", help="text, json (newslineage.sources/1) or html.")] = SourcesFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    before: Annotated[Optional[str], typer.Option("--before", help="Only sources published at or before this time (ISO 8601).")] = None,
    after: Annotated[Optional[str], typer.Option("--after", help="Only sources published at or after this time (ISO 8601).")] = None,
    exclude_outlet: Annotated[Optional[list[str]], typer.Option("--exclude-outlet", help="Never take sources from this outlet (repeatable).")] = None,
    exclude_id: Annotated[Optional[list[str]], typer.Option("--exclude-id", help="Never take this article as a source (repeatable); the text's own record in the index (same id, or ingested from the same file) never is.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Publication time of the text (ISO 8601): sources must not be later.")] = None,
    embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings", help="Use the index's vectors and the sentence encoder; --no-embeddings: lexical retrieval and comparison only.")] = True,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file with a [compare] table.")] = None,
) -> None:
    """Find the indexed articles a text was made from, best first."""
    from ..index import Index
    from ..settings import load_settings
    from ._io import read_input, write_output

    settings = load_settings(config)
    query = read_input(file, max_bytes=settings.max_bytes, role="the text", published_at=date)
    with Index(db, settings=settings, create=False) as index:
        result = index.sources(query, top=top, before=before, after=after, exclude_outlet=exclude_outlet, exclude_id=exclude_id, embeddings=None if embeddings else False)
    if format is SourcesFormat.json:
        write_output(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), output)
    elif format is SourcesFormat.html:
        from ..index.render import render_sources_html

        write_output(render_sources_html(result), output, page=True)
    else:
        from ..index.render import render_sources_text

        console = Console(file=output.open("w", encoding="utf-8"), width=160) if output else Console()
        console.print(render_sources_text(result))
