"""Transmission codes of wire copy, cleaned before the structure of a text is found.

Wire copy that went over 7-bit lines still carries the codes of the line: PA copy (as in the
METER corpus) opens each paragraph with a control byte (``\\x19``), ends it with ``<``, hard-wraps
it at 80 columns, writes ``#`` for the pound sign (ISO 646-GB put £ at the code of #), `` _ ``
for a dash, and TeX-style quotation marks (````...''``, ```...'``). Left as they are, a whole
PA paragraph or file reads as one sentence and ``#433`` is not ``£433``.

``clean_wire`` turns such text into plain text: control bytes dropped, paragraphs rebuilt from
their ``<`` ends (hard-wrapped lines joined, rules and desk lines kept on their own), quotation
marks made typographic, and, in PA copy only, ``#`` before a digit read as £ and a spaced
underscore as a dash. Text without these codes comes back unchanged, and cleaning clean text
changes nothing, so a stored article can be prepared again with the same offsets.
"""

from __future__ import annotations

import re

from ..lang.boilerplate import line_kind

__all__ = ["clean_wire", "is_pa_copy"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A paragraph end of PA copy: "<" closing a line (before any control byte of the next).
_PARA_END = re.compile(r"<[ \t\x00-\x08\x0b\x0c\x0e-\x1f]*$")
_POUND = re.compile(r"#(?=\d)")
_SPACED_UNDERSCORE = re.compile(r"(?<=\S) +_ +(?=\S)")
_OPEN_SINGLE = re.compile(r"`(?=\w)")
_BULLET = re.compile(r"^::\s+")
_TRAILING_END = re.compile(r"""(?<=[.!?"'”’])\s+(end|ends|mf|mfl|more)$""", re.IGNORECASE)
#: Share of a text's lines that must end in "<" for it to be read as PA copy.
_MIN_MARKED_SHARE = 0.2


def is_pa_copy(text: str) -> bool:
    """True when paragraphs end with ``<`` on at least two lines and a fifth of all lines, or
    on one line of a text whose paragraphs open with ``\x19``.

    A stray ``<`` at the end of a line (a formula, an arrow) is not enough.
    """
    if "<" not in text:
        return False
    lines = [line for line in text.splitlines() if line.strip() and line_kind(_CONTROL.sub("", line)) != "rule"]
    marked = sum(1 for line in lines if _PARA_END.search(line))
    if marked and "\x19" in text:  # the paragraph-opening byte and "<" together: a short take
        return True
    return marked >= 2 and marked >= _MIN_MARKED_SHARE * len(lines)


def _pa_paragraphs(text: str) -> list[str]:
    """Paragraphs of PA copy: lines joined up to the one that ends with ``<``; a blank line, a
    rule or a desk/time-stamp line also ends a paragraph (they stand on their own)."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraph = " ".join(current)
            mark = _TRAILING_END.search(paragraph)
            if mark:  # "... tomorrow afternoon. end": the end mark is a line of its own
                paragraphs.extend([paragraph[: mark.start()], mark.group(1)])
            else:
                paragraphs.append(paragraph)
            current.clear()

    for raw in text.splitlines():
        ends = bool(_PARA_END.search(raw))
        line = _CONTROL.sub("", raw).strip()
        if ends:
            line = line[:-1].rstrip() if line.endswith("<") else line
        if not line:
            flush()
            continue
        if line_kind(line) in ("rule", "timestamp"):
            flush()
            paragraphs.append(line)
            continue
        if not current:
            line = _BULLET.sub("", line)  # PA's "::" opens an item of a list
        current.append(line)
        if ends:
            flush()
    flush()
    return paragraphs


def _typographic_quotes(text: str) -> str:
    # ``...'' (TeX and 7-bit wire style) pairs up; a lone `...' is a single quotation
    text = text.replace("``", "“").replace("''", "”")
    return _OPEN_SINGLE.sub("‘", text)


def clean_wire(text: str) -> str:
    """Plain text from wire copy with transmission codes; other text unchanged.

    Args:
        text: An article's text as decoded.

    Returns:
        The text without control bytes; PA copy rebuilt one paragraph per line with blank lines
        between them, £ for ``#`` before digits and a dash for a spaced underscore; TeX-style
        quotation marks made typographic when the text uses ````.
    """
    pa = is_pa_copy(text)
    if pa:
        text = "\n\n".join(_pa_paragraphs(text))
        text = _SPACED_UNDERSCORE.sub(" – ", _POUND.sub("£", text))
    elif _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "``" in text:
        text = _typographic_quotes(text)
    return text
