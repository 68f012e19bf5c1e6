"""Read the articles in a web archive (WARC or ARC, plain or gzip-compressed).

Each HTML ``response`` (or ``resource``) record with a 2xx status becomes one article, its text
extracted as for a saved page. The record's WARC-Date is when the page was *crawled*, not
published, so it is never used as the publication date.

Damaged archives are common (interrupted crawls, partial downloads). warcio yields a cut-off
record without complaint, so each record is checked against its declared length, and the file against the end of the last
whole record; at the first damage the reader reports the record number
and stops that file, keeping the articles already read.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, RecordError
from ..model import Article
from ..textio import decode_bytes
from ._common import OnError, report, require
from .html_page import html_article

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_CHUNK = 1 << 16


def read_warc(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Yield one ``Article`` per HTML page in a WARC/ARC archive.

    The id and url are the record's WARC-Target-URI; ``origin`` is ``file:record`` (1-based,
    counting every record in the archive). Non-HTML records, requests, metadata and non-2xx
    responses (redirects, errors) are skipped silently: they are not articles.

    Args:
        path: A ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` file.
        on_error: Called with each ``RecordError`` (page without article text, undecodable page,
            damaged archive) before it is skipped.
        strict: Raise the first ``RecordError`` instead of skipping.

    Raises:
        MissingDependencyError: warcio or trafilatura is not installed (raised on the call).
        RecordError: Only when ``strict`` is true.
    """
    archive = require("warcio.archiveiterator", "Reading WARC archives")
    require("trafilatura", "Reading WARC archives")
    return _records(archive.ArchiveIterator, Path(path), on_error, strict)


def _records(iterator_class: Any, path: Path, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    source = str(path)
    number = 0
    end = 0  # where the last whole record ends, in the file's own (compressed) bytes
    with path.open("rb") as stream:
        if not _starts_like_archive(stream):
            # warcio would read any text as one odd ARC record and find nothing in it.
            report(
                RecordError(
                    source,
                    1,
                    "not a WARC or ARC archive (it does not start with a WARC/ or filedesc:// header); give the crawl's .warc/.warc.gz file",
                ),
                on_error,
                strict,
            )
            return
        archive = iterator_class(stream, arc2warc=True)
        records = iter(archive)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib and parsing errors alike
                report(_damaged(source, number + 1, exc), on_error, strict)
                return
            number += 1
            try:
                payload, content_type, complete = _html_payload(record)
                if complete:
                    end = archive.get_record_offset() + archive.get_record_length()
            except Exception as exc:
                report(_damaged(source, number, exc), on_error, strict)
                return
            if not complete:
                report(_damaged(source, number, None), on_error, strict)
                return
            if payload is None:
                continue
            try:
                article = _article(record, payload, content_type, source, number)
            except RecordError as err:
                report(err, on_error, strict)
                continue
            yield article
        # warcio ends quietly when the last record's header (or gzip member) is cut short;
        # anything but blank lines after the last whole record is such a remnant.
        stream.seek(end)
        if stream.read(4096).strip():
            report(_damaged(source, number + 1, None), on_error, strict)


def _starts_like_archive(stream: BinaryIO) -> bool:
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def _damaged(source: str, number: int, cause: object) -> RecordError:
    detail = f" ({cause})" if cause else ""
    return RecordError(
        source,
        number,
        f"the archive is truncated or corrupt at this record{detail}; the records before it were read, the rest of the file is skipped; re-download or repair the archive",
    )


def _drain(record: Any) -> bool:
    """Read what is left of the record; True when it had all the bytes its header declares."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    # warcio bounds a record by its Content-Length; a record with no length (a header cut
    # short, since WARC requires one) has no bound and is taken as damaged too.
    return getattr(raw, "limit", None) == 0


def _html_payload(record: Any) -> tuple[bytes | None, str, bool]:
    """The HTML bytes of an article record (None for other records), its content type, and
    whether the record is whole."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        status = "200"
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None, "", _drain(record)
    if not status.startswith("2") or content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None, content_type, _drain(record)
    payload = record.content_stream().read()
    return payload, content_type, _drain(record)


def _article(record: Any, payload: bytes, content_type: str, source: str, number: int) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    html, encoding = _decode(payload, content_type, source, number)
    return html_article(
        html, source=source, location=number, id=uri, url=uri or None, origin=f"{source}:{number}", encoding=encoding
    )


def _decode(payload: bytes, content_type: str, source: str, number: int) -> tuple[str, str]:
    match = _CHARSET.search(content_type)
    if match:
        try:
            return payload.decode(match.group(1)), match.group(1).lower()
        except (LookupError, UnicodeDecodeError):
            pass  # servers often declare the wrong charset: detect it instead
    try:
        return decode_bytes(payload, f"{source}:{number}")
    except InputError as exc:
        raise RecordError(source, number, exc.message.removeprefix(f"{source}:{number}: ")) from None
