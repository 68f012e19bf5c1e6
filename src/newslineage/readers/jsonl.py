"""Read articles from JSON Lines (``.jsonl``, ``.ndjson``, optionally gzip-compressed).

One JSON object per line; columns are mapped with :class:`ColumnMap`. A bad line (not JSON,
not an object, no text) is reported with its line number and skipped, so one broken line in
a million-line corpus does not stop a run.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import RecordError
from ..model import Article
from ._common import OnError, report
from .columns import ColumnMap, row_to_article

__all__ = ["read_jsonl"]


def _open(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_jsonl(
    path: str | os.PathLike[str],
    *,
    columns: ColumnMap = ColumnMap(),
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Yield one ``Article`` per line of a JSON Lines file.

    Args:
        path: The ``.jsonl``/``.ndjson`` file; ``.gz`` files are decompressed on the fly.
        columns: Which keys hold which field.
        on_error: Called with each ``RecordError`` (bad line) before it is skipped.
        strict: Raise the first ``RecordError`` instead of skipping.

    Yields:
        Articles in file order; ``origin`` is ``file:line``.

    Raises:
        RecordError: Only when ``strict`` is true.
    """
    source = str(path)
    lineno = 0
    with _open(Path(path)) as stream:
        while True:
            try:
                raw = stream.readline()
            except (EOFError, OSError, zlib.error) as exc:
                # A cut-off .gz cannot be read past the damage: keep what came before.
                report(
                    RecordError(
                        source,
                        lineno + 1,
                        f"the compressed file is truncated or corrupt ({exc}); lines before it were read; re-download or re-compress it",
                    ),
                    on_error,
                    strict,
                )
                return
            if not raw:
                return
            lineno += 1
            if not raw.strip():
                continue
            try:
                article = _parse_line(raw, columns, source, lineno)
            except RecordError as err:
                report(err, on_error, strict)
                continue
            yield article


def _parse_line(raw: bytes, columns: ColumnMap, source: str, lineno: int) -> Article:
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(
            source,
            lineno,
            f"not UTF-8 (byte {exc.start + 1} cannot be decoded); JSON Lines must be UTF-8, re-save the file as UTF-8",
        ) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(source, lineno, f"not valid JSON: {exc.msg} at column {exc.colno}; fix or remove the line") from None
    if not isinstance(record, dict):
        raise RecordError(
            source,
            lineno,
            f'a JSON {type(record).__name__}, not an object; put each article as an object such as {{"id": ..., "text": ...}}',
        )
    return row_to_article(record, columns.resolve(record), columns, source=source, location=lineno, encoding="utf-8")
