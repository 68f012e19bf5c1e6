"""Read one saved web page: the article's main text and the metadata the page declares.

trafilatura removes navigation, footers and comments and reads title, date, URL and site
name from the page's metadata. When it finds no main text (very short articles) the visible
text is used instead, as :func:`newslineage.textio.html_to_text` does for single inputs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from ..errors import InputError, RecordError
from ..model import Article
from ..textio import DEFAULT_MAX_BYTES, decode_bytes, html_to_text
from ._common import OnError, normalise_date, normalise_language, report, require, text_or_none

__all__ = ["html_article", "read_html_page"]

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)


def _trafilatura() -> ModuleType:
    return require("trafilatura", "Reading HTML pages")


def html_article(
    html: str,
    *,
    source: str,
    location: int | str,
    id: str = "",
    url: str | None = None,
    outlet: str | None = None,
    origin: str | None = None,
    encoding: str | None = None,
) -> Article:
    """Make an ``Article`` from the HTML of one page.

    Args:
        html: The page's HTML, decoded.
        source: File name for messages.
        location: Record number (or 1 for a single page) for messages.
        id: Article id; defaults to a content hash.
        url: The page's address when known (a WARC target URI); else the page's canonical URL.
        outlet: Outlet when known; else the site name the page declares.
        origin: Where it was read from; defaults to ``source:location``.
        encoding: The encoding the bytes were decoded with.

    Raises:
        RecordError: The page has no article text.
        MissingDependencyError: trafilatura is not installed.
    """
    trafilatura = _trafilatura()
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = html_to_text(html).strip()
    if not text:
        raise RecordError(
            source,
            location,
            "an HTML page with no article text in it; give the article's own page (not an index or a login page) or its plain text",
        )
    page_url = url or text_or_none(getattr(doc, "url", None))
    lang_match = _HTML_LANG.search(html[:4096])
    return Article(
        text=text,
        id=id,
        outlet=outlet or text_or_none(getattr(doc, "sitename", None)) or _host(page_url),
        url=page_url,
        title=text_or_none(getattr(doc, "title", None)),
        published_at=normalise_date(getattr(doc, "date", None)),
        language=normalise_language(getattr(doc, "language", None) or (lang_match.group(1) if lang_match else None)),
        origin=origin or f"{source}:{location}",
        encoding=encoding,
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def read_html_page(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Yield the article of one saved HTML page (nothing if the page is bad and not strict).

    The id is the file name, as for a single text file.

    Args:
        path: The ``.html``/``.htm`` file.
        on_error: Called with the ``RecordError`` when the page cannot be used.
        strict: Raise the ``RecordError`` instead.

    Raises:
        MissingDependencyError: trafilatura is not installed (raised on the call).
        RecordError: Only when ``strict`` is true.
    """
    _trafilatura()
    return _page(Path(path), on_error, strict)


def _page(path: Path, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    source = str(path)
    try:
        data = path.read_bytes()
        if len(data) > DEFAULT_MAX_BYTES:
            raise RecordError(
                source, 1, f"is {len(data) // (1024 * 1024)} MB, too large for one web page; save only the article's page"
            )
        try:
            html, encoding = decode_bytes(data, source)
        except InputError as exc:
            raise RecordError(source, 1, exc.message.removeprefix(f"{source}: ")) from None
        article = html_article(html, source=source, location=1, id=path.name, origin=source, encoding=encoding)
    except RecordError as err:
        report(err, on_error, strict)
        return
    yield article
