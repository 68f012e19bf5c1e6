"""Turn user input (a path, bytes or a string) into text, or a clear one-line error.

Decoding tries UTF-8 first (the common case, and unambiguous when it succeeds), then UTF-16 by
BOM, then asks charset-normalizer; the encoding used is reported on the ``Article``. Binary data,
empty text and oversized files are refused before any work is done.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
    InputTooLargeError,
)
from .model import Article

__all__ = ["DEFAULT_MAX_BYTES", "VisibleText", "decode_bytes", "html_to_text", "looks_like_html", "read_article"]

#: One news article is rarely above 100 kB; 10 MB leaves room for books and transcripts while
#: refusing dumps that would take minutes and gigabytes to align.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_PATH_SUFFIXES = {".txt", ".md", ".html", ".htm", ".text", ".xml", ".json"}


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text.

    Args:
        data: Raw bytes.
        name: How to name the input in error messages.

    Returns:
        ``(text, encoding)``.

    Raises:
        BinaryInputError: The bytes are not text.
        EncodingError: No encoding decodes them sensibly.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingError(f"{name}: has a UTF-16 mark but does not decode as UTF-16 ({exc.reason}); re-save it as UTF-8") from None
    head = data[:8192]
    if b"\x00" in head or _control_share(head) > 0.05:
        raise BinaryInputError(
            f"{name}: looks like a binary file, not text; give a plain-text, Markdown or HTML file (extract the text from PDFs or Word files first)"
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError(f"{name}: is not UTF-8 and its encoding could not be detected; re-save it as UTF-8")
    text = str(best)
    # charset-normalizer always proposes something; prose decoded with the right encoding is
    # mostly letters, while a wrong guess yields symbols and stray marks
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    if visible and letters / len(visible) < 0.6:
        raise EncodingError(
            f"{name}: is not UTF-8 and no encoding decodes it as text (best guess {best.encoding} gives mostly symbols); re-save it as UTF-8"
        )
    return text, best.encoding


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for byte in data if byte < 32 and byte not in (9, 10, 12, 13))
    return bad / len(data)


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 1024:
        return False
    if os.path.exists(value):
        return True
    return Path(value).suffix.lower() in _PATH_SUFFIXES and " " not in value.strip()


class VisibleText(HTMLParser):
    """Visible text of an HTML page: drops scripts, styles, navigation and form chrome.

    Subclasses change ``SKIP`` (elements whose text is dropped) and ``BLOCK`` (elements that
    end a line).
    """

    SKIP: frozenset[str] = frozenset({"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "svg", "template"})
    BLOCK: frozenset[str] = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_HTML_RE = re.compile(r"<\s*(!doctype\s+html|html|body|p|div|article)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than prose."""
    head = text[:4096]
    return bool(_HTML_RE.search(head)) and head.count("<") >= 3


def html_to_text(html: str) -> str:
    """Main text of an HTML page.

    Uses trafilatura (boilerplate removal) when the ``readers`` extra is installed, else a
    plain visible-text extractor from the standard library.
    """
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None:
        extracted = trafilatura.extract(html, include_comments=False, include_tables=False)
        if extracted and extracted.strip():
            return extracted
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def read_article(
    source: str | os.PathLike | bytes | Article,
    *,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **metadata: str | None,
) -> Article:
    """Make an ``Article`` from a path, raw bytes, a text string or an ``Article``.

    A ``str`` is taken as a path when it names an existing file (or looks like a file name),
    otherwise as the article text itself.

    Args:
        source: What to read.
        name: Name used in messages (defaults to the path, or "text").
        max_bytes: Refuse inputs larger than this.
        **metadata: Article fields to set (``title``, ``published_at``, ``outlet``, ``url``, ``id``).

    Raises:
        InputNotFoundError, EmptyInputError, BinaryInputError, EncodingError, InputTooLargeError.
    """
    if isinstance(source, Article):
        _check_text(source.text, name or source.origin or source.id, max_bytes)
        return source
    fields = {k: v for k, v in metadata.items() if v is not None}
    encoding: str | None = None
    if isinstance(source, (os.PathLike, str)) and (isinstance(source, os.PathLike) or _looks_like_path(source)):
        path = Path(source)
        label = name or str(path)
        if not path.exists():
            raise InputNotFoundError(f"{label}: no such file; check the path")
        if path.is_dir():
            raise InputNotFoundError(f"{label}: is a folder; give one text file per article (use 'ingest' for folders)")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"{label}: is {_mb(size)}, over the {_mb(max_bytes)} limit for one article; split it into articles or raise --max-bytes"
            )
        text, encoding = decode_bytes(path.read_bytes(), label)
        fields.setdefault("origin", str(path))
        fields.setdefault("id", path.name)
    elif isinstance(source, bytes):
        label = name or "input"
        if len(source) > max_bytes:
            raise InputTooLargeError(
                f"{label}: is {_mb(len(source))}, over the {_mb(max_bytes)} limit for one article; split it into articles or raise the limit"
            )
        text, encoding = decode_bytes(source, label)
    else:
        label = name or "text"
        text = str(source)
        if len(text) > max_bytes:
            raise InputTooLargeError(
                f"{label}: is {_mb(len(text.encode('utf-8', 'replace')))}, over the {_mb(max_bytes)} limit for one article; split it into articles or raise the limit"
            )
    if looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise EmptyInputError(f"{label}: is an HTML page with no article text in it; give the article's page or its plain text")
    _check_text(text, label, max_bytes)
    if name and "origin" not in fields:
        fields["origin"] = name
    return Article(text=text, encoding=encoding, **fields)


def _check_text(text: str, label: str, max_bytes: int) -> None:
    if not text.strip():
        raise EmptyInputError(f"{label}: is empty (no text to compare); give a file with the article text")
