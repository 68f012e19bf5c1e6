"""Read the articles of an RSS or Atom feed (one article per entry).

Feeds are how wire copy reaches many newsrooms, so they are a natural source to compare
against. The full text is taken from the entry's ``content`` when the feed carries it, else
from its summary; HTML is reduced to plain text either way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import RecordError
from ..model import Article
from ._common import (
    OnError,
    normalise_date,
    normalise_language,
    report,
    require,
    strip_html_fragment,
    struct_time_to_iso,
    text_or_none,
)

__all__ = ["read_feed"]

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feed(
    path: str | os.PathLike[str],
    *,
    on_error: OnError | None = None,
    strict: bool = False,
) -> Iterator[Article]:
    """Yield one ``Article`` per entry of an RSS or Atom feed file.

    The outlet is the feed's title; the id is the entry's id (guid), else its link, else a
    content hash; ``origin`` is ``file:entry`` (1-based).

    Args:
        path: The feed file (``.xml``, ``.rss``, ``.atom``, ``.feed``).
        on_error: Called with each ``RecordError`` (entry without text, file that is not a
            feed) before it is skipped.
        strict: Raise the first ``RecordError`` instead of skipping.

    Raises:
        MissingDependencyError: feedparser is not installed (raised on the call).
        RecordError: Only when ``strict`` is true.
    """
    feedparser = require("feedparser", "Reading RSS/Atom feeds")
    return _entries(feedparser, Path(path), on_error, strict)


def _entries(feedparser: Any, path: Path, on_error: OnError | None, strict: bool) -> Iterator[Article]:
    source = str(path)
    # Bytes, never the path string: given a string feedparser may treat it as a URL and fetch it.
    parsed = feedparser.parse(path.read_bytes())
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        line = _line_of(problem)
        detail = f": {problem}" if problem else ""
        report(
            RecordError(
                source,
                line,
                f"not an RSS or Atom feed{detail}; give the feed's XML as served (not the web page that links to it)",
            ),
            on_error,
            strict,
        )
        return
    outlet = text_or_none(parsed.feed.get("title"))
    feed_language = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        text, language = _entry_text(entry)
        if not text:
            report(
                RecordError(
                    source,
                    number,
                    "the entry has no content or summary text; the feed carries only headlines, so read the linked pages instead",
                ),
                on_error,
                strict,
            )
            continue
        yield Article(
            text=text,
            id=text_or_none(entry.get("id")) or text_or_none(entry.get("link")) or "",
            outlet=outlet,
            url=_web_link(entry),
            title=text_or_none(entry.get("title")),
            published_at=_entry_date(entry),
            language=normalise_language(language or feed_language),
            origin=f"{source}:{number}",
            encoding=text_or_none(parsed.get("encoding")),
        )


def _entry_text(entry: Any) -> tuple[str, str | None]:
    """The entry's fullest text as plain text, and the language its content declares."""
    candidates = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    for item in candidates:
        value = item.get("value") or ""
        kind = (item.get("type") or "text/html").lower()
        text = strip_html_fragment(value) if kind in _HTML_TYPES else value.strip()
        if text:
            return text, item.get("language")
    return "", None


def _web_link(entry: Any) -> str | None:
    # feedparser copies an Atom id into ``link`` when there is no link; a ``urn:`` is no address.
    link = text_or_none(entry.get("link"))
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        parsed = struct_time_to_iso(entry.get(f"{key}_parsed"))
        if parsed:
            return parsed
        raw = normalise_date(entry.get(key))
        if raw:
            return raw
    return None


def _line_of(problem: object) -> int:
    get_line = getattr(problem, "getLineNumber", None)
    try:
        line = int(get_line()) if callable(get_line) else 1
    except (TypeError, ValueError):
        line = 1
    return max(line, 1)
