"""Read articles from Parquet (passim's output and most data-lake exports).

Only the mapped columns are read, in record batches, so wide tables and large files stream
without loading whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, RecordError
from ..model import Article
from ._common import OnError, report, require
from .columns import ColumnMap, row_to_article

__all__ = ["read_parquet"]

_BATCH_ROWS = 1024


def read_parquet(
    path: str | os.PathLike[str],
    *,
    columns: ColumnMap = ColumnMap(),
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Yield one ``Article`` per row of a Parquet file.

    Args:
        path: The ``.parquet`` file.
        columns: Which columns hold which field.
        on_error: Called with each ``RecordError`` (bad row, unreadable file) before it is skipped.
        strict: Raise the first ``RecordError`` instead of skipping.

    Yields:
        Articles in row order; ``origin`` is ``file:row`` (1-based).

    Raises:
        MissingDependencyError: pyarrow is not installed (raised on the call, not on iteration).
        InputError: The file has no text column.
        RecordError: Only when ``strict`` is true.
    """
    pq = require("pyarrow.parquet", "Parquet reading")
    return _rows(pq, Path(path), columns, on_error, strict)


def _rows(pq: object, path: Path, columns: ColumnMap, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    source = str(path)
    try:
        file = pq.ParquetFile(path)  # type: ignore[attr-defined]
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError subclasses that vary by version
        report(RecordError(source, 1, f"not a readable Parquet file ({exc}); check that it was fully written"), on_error, strict)
        return
    names = list(file.schema_arrow.names)
    resolved = columns.resolve(names)
    if "text" not in resolved:
        raise InputError(
            f"{source}: no text column (looked for {columns.text_candidates()}; the columns are {', '.join(map(repr, names))}); name it with ColumnMap(text=...) or --text-col"
        )
    wanted = sorted(set(resolved.values()))
    rowno = 0
    batches = file.iter_batches(batch_size=_BATCH_ROWS, columns=wanted)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # a damaged row group: the rest of the file cannot be trusted
            report(
                RecordError(source, rowno + 1, f"the file is damaged from this row on ({exc}); rows before it were read"),
                on_error,
                strict,
            )
            return
        for row in batch.to_pylist():
            rowno += 1
            try:
                article = row_to_article(row, resolved, columns, source=source, location=rowno)
            except RecordError as err:
                report(err, on_error, strict)
                continue
            yield article
