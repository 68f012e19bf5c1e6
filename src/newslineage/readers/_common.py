"""Helpers every reader shares: error routing, guarded imports, dates and languages.

Readers never decide on their own whether a bad record stops the run: they hand each
``RecordError`` to :func:`report`, which raises it in strict mode, else passes it to the
caller's callback (or logs it) so the next record can be read.
"""

from __future__ import annotations

import email.utils
import importlib
import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from types import ModuleType

from ..errors import MissingDependencyError, RecordError
from ..textio import VisibleText

OnError = Callable[[RecordError], None]

_log = logging.getLogger("newslineage.readers")


def report(error: RecordError, on_error: OnError | None, strict: bool) -> None:
    """Raise ``error`` in strict mode, else hand it to ``on_error`` (or the log) and go on."""
    if strict:
        raise error
    if on_error is not None:
        on_error(error)
    else:
        # Without a callback a skipped record must still leave a trace somewhere.
        _log.warning("%s", error)


def require(module: str, feature: str) -> ModuleType:
    """Import an optional dependency, or say which extra installs it.

    Args:
        module: Dotted module name, e.g. ``"pyarrow.parquet"``.
        feature: What the user tried to use, for the message, e.g. ``"Parquet reading"``.

    Raises:
        MissingDependencyError: The module is not installed (or cannot be imported).
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(feature, "readers") from None


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def normalise_date(value: object, fmt: str | Sequence[str] | None = None) -> str | None:
    """Publication time as ISO 8601 text, or None when it cannot be read.

    Accepts ``datetime``/``date`` objects and strings in ISO 8601 (``2024-05-01``,
    ``2024-05-01 10:30:00``, ``2024-05-01T10:30:00Z``) or RFC 2822 (``Wed, 01 May 2024
    10:30:00 GMT``). ``fmt`` (a ``strptime`` format, or several) is tried first, for sources
    that use their own convention such as ``9/12/2022 11:12``.
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for pattern in (fmt,) if isinstance(fmt, str) else fmt or ():
        try:
            return datetime.strptime(text, pattern).isoformat()
        except ValueError:
            pass
    if _DATE_ONLY.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        # Python 3.10's fromisoformat does not take the common "Z" suffix.
        return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text).isoformat()
    except ValueError:
        pass
    slashed = _slash_date(text)
    if slashed:
        return slashed
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.isoformat() if parsed is not None else None


_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _slash_date(text: str) -> str | None:
    """``9/12/2022 03:41`` as spreadsheet and CMS exports write it.

    Day first, the convention of most of the world (and of the Ground News exports, which
    also hold ``18/2/2022``), unless the second number cannot be a month (``12/25/2022``).
    Pass an explicit format (``--date-format``) when a source writes month first.
    """
    m = _SLASH.fullmatch(text)
    if not m:
        return None
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day, month = (second, first) if second > 12 else (first, second)
    try:
        return datetime(year, month, day, int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0)).isoformat()
    except ValueError:
        return None


def struct_time_to_iso(value: object) -> str | None:
    """ISO 8601 text for a UTC ``time.struct_time`` (as feedparser gives), else None."""
    try:
        year, month, day, hour, minute, second = value[:6]  # type: ignore[index]
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def normalise_language(value: object) -> str | None:
    """Primary language subtag in lower case (``en-US`` -> ``en``), or None when absent."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def text_or_none(value: object) -> str | None:
    """A metadata value as stripped text; None for missing or blank values."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


class _FragmentText(VisibleText):
    """All text of an HTML fragment (a feed entry body), one line per block element.

    Unlike a page extractor it keeps every paragraph: a fragment has no navigation to drop.
    """

    BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"})
    SKIP = frozenset({"script", "style", "template"})


def strip_html_fragment(fragment: str) -> str:
    """Plain text of an HTML fragment: tags removed, entities decoded, blank lines dropped."""
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
