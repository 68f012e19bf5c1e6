"""Read a folder of article files (``.txt``, ``.md``, ``.html``, ``.htm``), recursively.

One file is one article; its id is its path relative to the folder (``sub/a.txt``), so ids
stay the same wherever the folder is moved. Hidden files and folders (``.git``, ``.DS_Store``)
are skipped: they are never articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, InputNotFoundError, RecordError
from ..model import Article
from ..textio import DEFAULT_MAX_BYTES, decode_bytes, html_to_text, looks_like_html
from ._common import OnError, report

__all__ = ["FOLDER_SUFFIXES", "read_folder", "read_text_file"]

#: File types read from a folder; anything else (images, PDFs, notes) is left alone.
FOLDER_SUFFIXES = (".txt", ".md", ".html", ".htm")

_HTML_SUFFIXES = (".html", ".htm")


def read_text_file(path: str | os.PathLike[str], *, id: str, source: str, location: int | str) -> Article:
    """Read one text, Markdown or HTML file as an article.

    HTML (by suffix, or a ``.txt`` that holds a whole page) is reduced to its main text, as
    :func:`newslineage.textio.read_article` does, so a file reads the same either way.

    Args:
        path: The file.
        id: The article id.
        source: Name for messages (the folder, or the file itself).
        location: Where in ``source`` (the relative path, or 1).

    Raises:
        RecordError: The file is too large, binary, in an unknown encoding or empty.
    """
    file = Path(path)
    size = file.stat().st_size
    if size > DEFAULT_MAX_BYTES:
        raise RecordError(
            source,
            location,
            f"is {size / (1024 * 1024):.1f} MB, over the {DEFAULT_MAX_BYTES // (1024 * 1024)} MB limit for one article; split it into articles",
        )
    label = f"{source}:{location}"
    try:
        text, encoding = decode_bytes(file.read_bytes(), label)
    except InputError as exc:
        raise RecordError(source, location, exc.message.removeprefix(f"{label}: ")) from None
    if file.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise RecordError(
                source, location, "an HTML page with no article text in it; give the article's own page or its plain text"
            )
    if not text.strip():
        raise RecordError(source, location, "is empty (no text to compare); remove it or fill in the article text")
    return Article(text=text, id=id, origin=str(file), encoding=encoding)


def read_folder(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Yield one ``Article`` per article file under a folder, in sorted path order.

    Args:
        path: The folder.
        on_error: Called with each ``RecordError`` (unreadable or empty file) before it is skipped;
            its location is the file's relative path.
        strict: Raise the first ``RecordError`` instead of skipping.

    Raises:
        InputNotFoundError: The folder does not exist (raised on the call).
        RecordError: Only when ``strict`` is true.
    """
    root = Path(path)
    if not root.is_dir():
        raise InputNotFoundError(f"{root}: no such folder; check the path")
    return _files(root, on_error, strict)


def _files(root: Path, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    source = str(root)
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or file.suffix.lower() not in FOLDER_SUFFIXES or not file.is_file():
            continue
        rel_id = rel.as_posix()
        try:
            article = read_text_file(file, id=rel_id, source=source, location=rel_id)
        except RecordError as err:
            report(err, on_error, strict)
            continue
        yield article
