"""Read articles from CSV or TSV (``.csv``, ``.tsv``, optionally gzip-compressed).

The first row is the header; columns are mapped with :class:`ColumnMap`. Text fields often
span several lines, so locations are the line where the row starts.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, RecordError
from ..model import Article
from ..textio import decode_bytes
from ._common import OnError, report
from .columns import ColumnMap, row_to_article

__all__ = ["read_csv"]

#: Whole articles live in one field; the csv module's default cap (128 kB) is below long reads.
_FIELD_LIMIT = 64 * 1024 * 1024


def read_csv(
    path: str | os.PathLike[str],
    *,
    columns: ColumnMap = ColumnMap(),
    on_error: OnError | None = None,
    strict: bool = False,
    delimiter: str | None = None,
) -> Iterator[Article]:
    """Yield one ``Article`` per row of a CSV or TSV file.

    Args:
        path: The file; ``.tsv`` (or ``.tsv.gz``) is tab-separated, anything else comma-separated.
        columns: Which columns hold which field.
        on_error: Called with each ``RecordError`` (bad row) before it is skipped.
        strict: Raise the first ``RecordError`` instead of skipping.
        delimiter: Override the delimiter guessed from the suffix.

    Yields:
        Articles in file order; ``origin`` is ``file:line``.

    Raises:
        InputError: The header has no text column (nothing in the file could be read).
        RecordError: Only when ``strict`` is true.
    """
    source = str(path)
    name = Path(path).name.lower()
    sep = delimiter or ("\t" if name.endswith((".tsv", ".tsv.gz")) else ",")
    return _rows(Path(path), source, sep, columns, on_error, strict)


def _rows(path: Path, source: str, sep: str, columns: ColumnMap, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    try:
        data = gzip.decompress(path.read_bytes()) if path.name.lower().endswith(".gz") else path.read_bytes()
    except (EOFError, OSError, zlib.error) as exc:
        report(
            RecordError(source, 1, f"the compressed file is truncated or corrupt ({exc}); re-download or re-compress it"),
            on_error,
            strict,
        )
        return
    try:
        text, encoding = decode_bytes(data, source)
    except InputError as exc:
        report(RecordError(source, 1, exc.message.removeprefix(f"{source}: ")), on_error, strict)
        return
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        report(RecordError(source, 1, f"the header cannot be parsed as CSV ({exc}); check the file"), on_error, strict)
        return
    if header is None:
        return
    resolved = columns.resolve(header)
    if "text" not in resolved:
        raise InputError(
            f"{source}: no text column (looked for {columns.text_candidates()}; the columns are {', '.join(map(repr, header))}); name it with ColumnMap(text=...) or --text-col"
        )
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The parser's position is unreliable after an error: stop rather than misread.
            report(
                RecordError(source, start, f"not valid CSV ({exc}); fix the quoting of this row; rows before it were read"),
                on_error,
                strict,
            )
            return
        if not row:
            continue
        record = dict(zip(header, row))
        if len(row) < len(header) and resolved["text"] not in record:
            report(
                RecordError(
                    source,
                    start,
                    f"the row has {len(row)} fields but the header has {len(header)}, so the text column '{resolved['text']}' is missing; check the row's quoting and delimiters",
                ),
                on_error,
                strict,
            )
            continue
        try:
            article = row_to_article(record, resolved, columns, source=source, location=start, encoding=encoding)
        except RecordError as err:
            report(err, on_error, strict)
            continue
        yield article
