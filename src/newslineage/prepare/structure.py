"""Find the structure of a news text: paragraphs, headline, agency tag, dateline, byline, subheadings.

Works on character spans of the original text so every later offset indexes the text as read.
News copy comes in two shapes: one paragraph per line (wire, CMS exports), or prose hard-wrapped
at a fixed width with blank lines between paragraphs (e-mail, archives, PAN corpora). The shape is
detected first; in the wrapped shape a single line break is just a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import AGENCIES
from .cjk import word_count

__all__ = ["Block", "detect_blocks", "split_inline_dateline"]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a structure line: ``text[start:end]`` with its role."""

    start: int
    end: int
    role: str  # body | headline | subheading | dateline | agency | byline


# CJK full-width stops and closing quotes too: a Chinese sentence line is not a heading
_TERMINAL = re.compile(r"""[.!?…:;。！？：；]["'”’»)\]」』）]*$""")
_BYLINE = re.compile(r"^(by|von|par|por|di|door)\s+\S", re.IGNORECASE)
_AGENCY_STRIP = re.compile(r"^[\s(\[©]+|[\s)\]:.,-]+$")
# "WASHINGTON (AP) — ", "Berlin (dpa) - ", "PARIS, June 4 (Reuters) - ", "LONDON — "
# No "^": the pattern is matched at a paragraph's offset (``match(text, pos)``), where "^"
# would only ever match at the very start of the text.
_INLINE_DATELINE = re.compile(
    r"""(?P<dl>
        (?:[A-ZÄÖÜÉ][\w'’.\-]*(?:[ /][A-ZÄÖÜÉ][\w'’.\-]*){0,3})      # place
        (?:,\s*[\w .]{1,20}?)?                                       # optional ", June 4"
        \s*(?:\((?P<agency>[^()]{1,30})\))?                          # optional (agency)
        \s*[-–—:]\s+)""",
    re.VERBOSE,
)


def _is_agency(line: str) -> bool:
    core = _AGENCY_STRIP.sub("", line).strip().lower()
    return core in AGENCIES


def _word_count(line: str) -> int:
    # CJK text has no spaces: its characters are counted as words (prepare/cjk.py)
    return word_count(line)


def _is_heading_like(line: str) -> bool:
    """Short and without sentence-final punctuation (a question of few words also counts)."""
    n = _word_count(line)
    if n == 0 or n > 18:
        return False
    if line.rstrip().endswith("?"):
        return n <= 9
    return not _TERMINAL.search(line.rstrip())


def _is_soft_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """True when single line breaks fall mid-sentence (fixed-width wrapped prose)."""
    breaks = wrapped = 0
    for (s1, e1), (s2, e2) in zip(lines, lines[1:]):
        first, second = text[s1:e1].rstrip(), text[s2:e2].lstrip()
        if not first or not second or s2 - e1 > 1:
            continue
        breaks += 1
        if re.search(r"[\w,;]$", first) and (second[0].islower() or second[0].isdigit()):
            wrapped += 1
    return breaks >= 3 and wrapped / breaks > 0.2


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def detect_blocks(text: str) -> list[Block]:
    """Split a text into paragraphs and structure lines.

    Args:
        text: The article text as read.

    Returns:
        Blocks in reading order; ``body`` blocks are paragraphs to segment into sentences.
    """
    lines = _line_spans(text)
    paragraphs: list[tuple[int, int]] = []
    if _is_soft_wrapped(lines, text):
        current: tuple[int, int] | None = None
        for s, e in lines:
            if not text[s:e].strip():
                if current:
                    paragraphs.append(current)
                current = None
            else:
                current = (current[0], e) if current else (s, e)
        if current:
            paragraphs.append(current)
    else:
        paragraphs = [(s, e) for s, e in lines if text[s:e].strip()]
    paragraphs = [_strip_span(text, s, e) for s, e in paragraphs]

    blocks: list[Block] = []
    seen_body = False
    has_headline = False
    n_paragraphs = len(paragraphs)
    for i, (s, e) in enumerate(paragraphs):
        line = text[s:e]
        is_last = i == n_paragraphs - 1
        multi = n_paragraphs > 1
        if multi and _is_agency(line):
            role = "agency"
        elif multi and _BYLINE.match(line) and _word_count(line) <= 8 and not _TERMINAL.search(line):
            role = "byline"
        elif multi and not is_last and _is_heading_like(line):
            if not seen_body:
                words = _word_count(line)
                if words <= 3 and not has_headline and _looks_like_place(line):
                    role = "dateline"
                elif not has_headline:
                    role = "headline"
                    has_headline = True
                else:
                    role = "dateline" if words <= 3 and _looks_like_place(line) else "subheading"
            else:
                role = "subheading"
        else:
            role = "body"
            seen_body = True
        blocks.append(Block(s, e, role))
    return blocks


def _looks_like_place(line: str) -> bool:
    words = line.replace(",", " ").split()
    return bool(words) and all(w[:1].isupper() for w in words if w.isalpha())


def split_inline_dateline(text: str, start: int, end: int) -> int:
    """Length of an inline dateline at the start of a paragraph ("Berlin (dpa) - "), else 0.

    Only a dateline naming a known agency, or an all-capitals place followed by a dash, counts,
    so ordinary sentences starting with a name and a colon are left alone.
    """
    m = _INLINE_DATELINE.match(text, start, end)
    if not m:
        return 0
    dl = m.group("dl")
    agency = m.group("agency")
    place = dl.split("(")[0].split(",")[0].strip(" -–—:")
    if agency and agency.strip().lower() in AGENCIES:
        return len(dl)
    if place.isupper() and len(place) >= 3 and re.search(r"[-–—]\s+$", dl):
        return len(dl)
    return 0
