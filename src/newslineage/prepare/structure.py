"""Find the structure of a news text: paragraphs, headline, agency tag, dateline, byline, subheadings.

Works on character spans of the text so every later offset indexes it. News copy comes in two
shapes: one paragraph per line (wire, CMS exports), or prose hard-wrapped at a fixed width with
blank lines or an indented first line between paragraphs (e-mail, archives, PAN corpora). The
shape is detected first; in the wrapped shape a single line break is just a space.

Furniture (``lang/boilerplate.py``: rules, desk and time-stamp lines, end marks, notes to editors,
photo captions and credits, "Read more" and sign-up prompts, copyright notices, a publisher's
address at the end) gets the role ``furniture``: never body, and not a unit of the article.
Reporters' credits ("Reporting by ...", "... contributed to this report", "Joe Bloggs, The
Associated Press") are bylines, and a copyright notice naming an agency is the agency's tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import AGENCIES
from ..lang.boilerplate import furniture_kind, is_address_line, line_kind
from .cjk import word_count

__all__ = ["Block", "detect_blocks", "split_inline_dateline"]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a structure line: ``text[start:end]`` with its role."""

    start: int
    end: int
    role: str  # body | headline | subheading | dateline | agency | byline | furniture


# CJK full-width stops and closing quotes too: a Chinese sentence line is not a heading
_TERMINAL = re.compile(r"""[.!?…:;。！？：；]["'”’»)\]」』）]*$""")
_BYLINE = re.compile(r"^(by|von|par|por|di|door)\s+\S", re.IGNORECASE)
# Words a byline may hold besides names: "By Jane Doe and John Roe | CNN", "By X, Chief Reporter, PA News".
_BYLINE_WORDS = frozenset("and und et y e & | , of the in for from de van von der la le du del da".split())
_AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
# "Joe Mcdonald, The Associated Press": a reporter's name and an agency, alone on a line.
_NAME_AGENCY = re.compile(rf"^(?:[A-Z][\w'’.-]+\s+){{1,3}}[A-Z][\w'’.-]+\s*,\s*(?:the\s+)?(?:{_AGENCY_NAMES})$", re.IGNORECASE)
_AGENCY_STRIP = re.compile(r"^[\s(\[©]+|[\s)\]:.,-]+$")
# "WASHINGTON (AP) — ", "Berlin (dpa) - ", "PARIS, June 4 (Reuters) - ", "LONDON — "
# No "^": the pattern is matched at a paragraph's offset (``match(text, pos)``), where "^"
# would only ever match at the very start of the text.
_INLINE_DATELINE = re.compile(
    r"""(?P<dl>
        (?:[A-ZÄÖÜÉ][\w'’.\-]*(?:[ /][A-ZÄÖÜÉ][\w'’.\-]*){0,3})      # place
        (?:,\s*[\w .]{1,20}?)?                                       # optional ", June 4"
        (?:\s*(?:\((?P<agency>[^()]{1,30})\))?                       # optional (agency)
           \s*[-–—:]\s+
         | \.?\s*/(?P<slashed>[^/]{1,20})/\.?\s+))                   # TASS: "BISHKEK, December 9. /TASS/. "
    """,
    re.VERBOSE,
)
# "(CNN) — ", "(AP) - ": an agency tag with no place; crawled copy often has "?" or U+FFFD
# where the dash was.
_AGENCY_LEAD = re.compile(r"\((?P<agency>[^()]{1,30})\)\s*[-–—:?\ufffd]\s+")


def _is_agency(line: str) -> bool:
    """A line that only names an agency, or several ("PA Media and Reuters", "AP/dpa")."""
    if len(line) > 80:
        return False
    core = _AGENCY_STRIP.sub("", line).strip().lower()
    if core in AGENCIES:
        return True
    parts = [p.strip() for p in re.split(r"\s+(?:and|und|et|&)\s+|\s*[/,]\s*", core)]
    return len(parts) > 1 and all(p in AGENCIES for p in parts)


def _is_byline(line: str) -> bool:
    """"By" and names (with "and", commas, an outlet), without sentence punctuation; or a
    reporter's name with an agency."""
    if _NAME_AGENCY.match(line):
        return True
    if not _BYLINE.match(line) or _TERMINAL.search(line):
        return False
    words = re.findall(r"[\w'’.-]+|[|,&]", line)[1:]
    if not words or len(words) > 24:
        return False
    return all(w[0].isupper() or w.casefold() in _BYLINE_WORDS for w in words)


def _furniture_role(line: str) -> str | None:
    """``furniture``, ``byline`` (a reporters' credit) or ``agency`` (a notice naming an agency)
    for a furniture line; None for story text."""
    kind = furniture_kind(line)
    if kind is None:
        return None
    if kind == "credit":
        return "byline"
    if kind == "copyright" and re.search(rf"\b(?:{_AGENCY_NAMES})\b", line, re.IGNORECASE):
        return "agency"
    return "furniture"


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
            # a time stamp or a credit line after a headline says nothing about wrapping
            wrapped += not (line_kind(first) or line_kind(second))
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
        indented = _indent_marks_paragraphs(lines, text)
        current: tuple[int, int] | None = None
        for s, e in lines:
            line = text[s:e]
            alone = line_kind(line) in ("rule", "timestamp")
            if not line.strip() or alone or (indented and current and line[:1] in " \t"):
                if current:
                    paragraphs.append(current)
                current = None
            if alone:
                paragraphs.append((s, e))
            elif line.strip():
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
        furniture = _furniture_role(line) if multi else None
        if multi and _is_agency(line):
            role = "agency"
        elif furniture:
            role = furniture
        elif multi and _is_byline(line):
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
    return _footer_addresses(blocks, text)


def _footer_addresses(blocks: list[Block], text: str) -> list[Block]:
    """A publisher's address or contact lines after the story are furniture."""
    out = list(blocks)
    for i in range(len(out) - 1, 0, -1):
        b = out[i]
        if b.role in ("furniture", "agency", "byline"):
            continue
        if not is_address_line(text[b.start : b.end]):
            break
        out[i] = Block(b.start, b.end, "furniture")
    return out


def _indent_marks_paragraphs(lines: list[tuple[int, int]], text: str) -> bool:
    """Wrapped prose whose paragraphs open with an indented line: some lines are indented,
    most are not."""
    filled = [text[s:e] for s, e in lines if text[s:e].strip()]
    indented = sum(1 for line in filled if line[:1] in " \t")
    return indented >= 2 and indented <= 0.6 * len(filled)


def _looks_like_place(line: str) -> bool:
    words = line.replace(",", " ").split()
    return bool(words) and all(w[:1].isupper() for w in words if w.isalpha())


def split_inline_dateline(text: str, start: int, end: int) -> int:
    """Length of an inline dateline at the start of a paragraph ("Berlin (dpa) - "), else 0.

    Only a dateline naming a known agency, or an all-capitals place followed by a dash, counts,
    so ordinary sentences starting with a name and a colon are left alone.
    """
    lead = _AGENCY_LEAD.match(text, start, end)
    if lead and lead.group("agency").strip().lower() in AGENCIES:
        return lead.end() - start
    m = _INLINE_DATELINE.match(text, start, end)
    if not m:
        return 0
    dl = m.group("dl")
    agency = m.group("agency") or m.group("slashed")
    place = dl.split("(")[0].split(",")[0].strip(" -–—:")
    if agency and agency.strip().lower() in AGENCIES:
        return len(dl)
    if place.isupper() and len(place) >= 3 and re.search(r"[-–—]\s+$", dl):
        return len(dl)
    return 0
