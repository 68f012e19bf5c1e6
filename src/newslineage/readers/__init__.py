"""Input readers: turn files of many kinds into ``Article`` records.

:func:`read_path` picks the reader from the path (a folder, or the file's suffix);
:func:`read_paths` chains several. Every reader handles bad records the same way: each is a
``RecordError`` naming the file and the line or record, passed to ``on_error`` and skipped,
or raised when ``strict`` is true. Readers that need an optional package (pyarrow, warcio,
feedparser, trafilatura) import it only when used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, InputNotFoundError, RecordError
from ..model import Article
from ._common import OnError, report
from .columns import ColumnMap
from .csv_reader import read_csv
from .feed import read_feed
from .folder import read_folder, read_text_file
from .html_page import html_article, read_html_page
from .jsonl import read_jsonl
from .parquet import read_parquet
from .warc import read_warc

__all__ = [
    "ColumnMap",
    "OnError",
    "SUPPORTED_SUFFIXES",
    "html_article",
    "read_csv",
    "read_feed",
    "read_folder",
    "read_html_page",
    "read_jsonl",
    "read_parquet",
    "read_path",
    "read_paths",
    "read_text_file",
    "read_warc",
]

_JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CSV = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
_PARQUET = (".parquet",)
_HTML = (".html", ".htm")
_WARC = (".warc", ".warc.gz", ".arc", ".arc.gz")
_FEED = (".xml", ".rss", ".atom", ".feed")
_TEXT = (".txt", ".md")

#: Every file suffix :func:`read_path` understands (a folder is read too).
SUPPORTED_SUFFIXES: tuple[str, ...] = _JSONL + _CSV + _PARQUET + _HTML + _WARC + _FEED + _TEXT


def read_path(
    path: str | os.PathLike[str],
    *,
    columns: ColumnMap = ColumnMap(),
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Read the articles in a file or folder, choosing the reader from the path.

    A folder is read file by file (``.txt``, ``.md``, ``.html``, ``.htm``); a file by its suffix:
    JSON Lines (``.jsonl``, ``.ndjson``, ``.jsonl.gz``), CSV/TSV, Parquet, an HTML page, a
    WARC/ARC archive, an RSS/Atom feed (``.xml``, ``.rss``, ``.atom``, ``.feed``), or a single
    ``.txt``/``.md`` article whose id is the file name.

    Args:
        path: The file or folder.
        columns: Column mapping for tables (JSON Lines, CSV, Parquet); ignored otherwise.
        on_error: Called with each ``RecordError`` before the bad record is skipped; without it
            skipped records are logged on the ``newslineage.readers`` logger.
        strict: Raise the first ``RecordError`` instead of skipping.

    Returns:
        An iterator of articles, read lazily.

    Raises:
        InputNotFoundError: The path does not exist.
        InputError: The file type is not supported (the message lists those that are).
        MissingDependencyError: The reader needs an optional package that is not installed.
        RecordError: Only when ``strict`` is true.
    """
    target = Path(path)
    if not target.exists():
        raise InputNotFoundError(f"{target}: no such file or folder; check the path")
    if target.is_dir():
        return read_folder(target, on_error=on_error, strict=strict)
    name = target.name.lower()
    if name.endswith(_JSONL):
        return read_jsonl(target, columns=columns, on_error=on_error, strict=strict)
    if name.endswith(_CSV):
        return read_csv(target, columns=columns, on_error=on_error, strict=strict)
    if name.endswith(_PARQUET):
        return read_parquet(target, columns=columns, on_error=on_error, strict=strict)
    if name.endswith(_HTML):
        return read_html_page(target, on_error=on_error, strict=strict)
    if name.endswith(_WARC):
        return read_warc(target, on_error=on_error, strict=strict)
    if name.endswith(_FEED):
        return read_feed(target, on_error=on_error, strict=strict)
    if name.endswith(_TEXT):
        return _single_text(target, on_error, strict)
    raise InputError(f"{target}: unsupported file type; give a folder or a file ending in {', '.join(SUPPORTED_SUFFIXES)}")


def _single_text(path: Path, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    try:
        article = read_text_file(path, id=path.name, source=str(path), location=1)
    except RecordError as err:
        report(err, on_error, strict)
        return
    yield article


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    columns: ColumnMap = ColumnMap(),
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Read several files or folders one after another (see :func:`read_path`).

    Every path is checked (exists, supported type, dependencies installed) before the first
    article is yielded, so a typo in the last path fails fast instead of after hours of reading.

    Raises:
        InputNotFoundError, InputError, MissingDependencyError: For the first bad path.
        RecordError: Only when ``strict`` is true.
    """
    readers = [read_path(p, columns=columns, on_error=on_error, strict=strict) for p in paths]
    return _chain(readers)


def _chain(readers: list[Iterator[Article]]) -> Iterator[Article]:
    for reader in readers:
        yield from reader
