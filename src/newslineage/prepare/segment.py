"""Sentence segmentation: a fast rule-based segmenter (default) and pysbd (selectable).

Both return spans of the original text, so offsets survive whatever a segmenter does. The rules
of ``fast`` follow pysbd's on news text (quotes and parentheses keep their sentences together,
abbreviations, initials, German ordinals) at a fraction of its cost: pysbd runs a few thousand
regular expressions per paragraph, ``fast`` one scan. Its words (abbreviations, titles, sentence
starters) are language data in ``lang/sentences.py``. ``bench/segmenter.py`` measures the
agreement of the two and their speed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import ConfigError
from ..lang.sentences import (
    ABBREVIATIONS,
    ALL_ABBREVIATIONS,
    ALL_NUMBER_PREFIXES,
    ALL_SENTENCE_STARTERS,
    ALL_SPEECH_VERBS,
    ALL_TITLES,
    NUMBER_PREFIXES,
    ORDINAL_PERIOD_LANGUAGES,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    TITLES,
    TYPOGRAPHIC_QUOTES_LANGUAGES,
)
from .cjk import split_cjk_spans

__all__ = ["DEFAULT_SEGMENTER", "SEGMENTERS", "segment", "widen_regex_cache"]

#: Segmenters by name; the name is recorded in an index (``meta.segmenter``).
SEGMENTERS = ("fast", "pysbd")
DEFAULT_SEGMENTER = "fast"

_PYSBD_LANGUAGES = frozenset("en hi mr zh es am ar hy bg ur ru pl fa nl da fr my el it ja de kk sk".split())

# Terminal punctuation, then closing quotes and brackets that belong to the ending sentence
# ("... now." He said / "... ernst.“ Dann / ... fin. » Il), then a space or the end.
_CANDIDATE = re.compile(r"""(?:\.\.+|…|[.!?])[.!?…]*(?:[\s\u00a0\u202f]?[»›]|["'”’“)\]])*(?=\s|$)""")
# Spans whose terminal punctuation is not a boundary (a quotation, a parenthesis) unless it
# closes them: "We won. We are strong," he said.
_PROTECTED_SPANS = r"""
      “[^”]*”
    | „[^“”]*[“”]
    | «[^»]*»
    | (?:^|(?<=\s))‘(?:[^’]|’\w)*’
    | (?:^|(?<=\s))'(?:[^']|'\w)*'(?!\w)
    | \([^()]*\)
    | \[[^\[\]]*\]
"""
_PROTECTED = re.compile(_PROTECTED_SPANS, re.VERBOSE)
# Straight double quotes pair up only as an opening at a word start and a closing at a word end.
_PROTECTED_STRAIGHT = re.compile(r"""(?:^|(?<=[\s(\[/–—-]))"[^"]*"(?!\w) |""" + _PROTECTED_SPANS, re.VERBOSE)
_QUOTE_OR_BRACKET = frozenset("\"“„«‘'([")
_OPENERS = "\"'“„«‹‘([{¿¡"
# Characters that continue a sentence when they follow terminal punctuation and a space.
_NO_START = frozenset(".,;:!?…)]}%»›")
# Initialisms written with periods ("U.S", "e.g", "z.B", "a.m"; the final period is the candidate).
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")
_AM_PM = frozenset({"a.m", "p.m"})


@lru_cache(maxsize=64)
def _words_for(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(titles, number prefixes, abbreviations, sentence starters) for a language.

    English is always included (English names and titles appear in copy in any language);
    a language without data gets the union of all.
    """
    if language not in TITLES:
        return ALL_TITLES, ALL_NUMBER_PREFIXES, ALL_ABBREVIATIONS, ALL_SENTENCE_STARTERS
    return (
        TITLES[language] | TITLES["en"],
        NUMBER_PREFIXES[language] | NUMBER_PREFIXES["en"],
        ABBREVIATIONS[language] | ABBREVIATIONS["en"],
        SENTENCE_STARTERS[language] | SENTENCE_STARTERS["en"],
    )


def _protected(chunk: str, language: str) -> list[tuple[int, int]]:
    if not any(c in _QUOTE_OR_BRACKET for c in chunk):
        return []
    pattern = _PROTECTED if language in TYPOGRAPHIC_QUOTES_LANGUAGES else _PROTECTED_STRAIGHT
    return [m.span() for m in pattern.finditer(chunk)]


def _next_word(chunk: str, pos: int) -> str:
    end = pos
    n = len(chunk)
    while end < n and (chunk[end].isalnum() or chunk[end] in "-'’"):
        end += 1
    return chunk[pos:end]


def _is_boundary(chunk: str, m: re.Match, nxt: int, language: str, protected: list[tuple[int, int]]) -> bool:
    start, end = m.span()
    for ps, pe in protected:
        # inside a quotation or parenthesis: only its own closing ends a sentence
        if ps < start < pe - 1 and not (start < pe <= end):
            return False
    c = chunk[nxt]
    if c in _NO_START:
        return False
    first = nxt
    while first < len(chunk) - 1 and chunk[first] in _OPENERS:
        first += 1
    c = chunk[first]
    lower_next = c.islower()
    body = m.group()
    if body[0] in "!?…" or body[:2] == ".." or len(body) > 1:
        # a question, an exclamation, an ellipsis, or a quotation or parenthesis that the
        # period closes: a boundary before anything but a lower-case word ("Yahoo! said",
        # "Why?" he asked, "and then... nothing") or a speech tag after a quoted question
        # ("Does that hurt?" Mr Aylett alleged.)
        if body[0] in "!?" and body[-1] in "\"”’»'" and _speech_tag(chunk, first, language):
            return False
        return not lower_next
    w = start
    while w > 0 and not chunk[w - 1].isspace() and chunk[w - 1] not in _OPENERS:
        w -= 1
    word = chunk[w:start]  # the word before the period
    if not word:
        return not lower_next
    titles, number_prefixes, abbreviations, starters = _words_for(language)
    lw = word.lower()
    if _INITIALISM.match(word) or (len(word) == 1 and word.isalpha() and _spaced_initialism(chunk, w, first)):
        # "U.S.", "e.g.", "z. B.", "u. a.": a boundary only before a word that starts sentences
        if lw in _AM_PM:
            return not lower_next and not c.isdigit()
        return _next_word(chunk, first) in starters
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    if lw in titles:
        return False
    if c.isdigit() and lw in number_prefixes:
        return False
    if lw in abbreviations:
        return not (lower_next or c.isdigit())
    if word.isdigit() and len(word) <= 3 and language in ORDINAL_PERIOD_LANGUAGES:
        # "am 16. Juni", "die 2. Bundesliga", "zum 100. Geburtstag"; "Es waren 3. Er ..." ends
        return _next_word(chunk, first) in starters
    return True


_TAG_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_TAG_END = re.compile(r"[.!?;:]")


def _speech_tag(chunk: str, first: int, language: str) -> bool:
    """A short clause with a speech verb runs from ``first`` to the next sentence end."""
    end = _TAG_END.search(chunk, first)
    words = _TAG_WORDS.findall(chunk, first, end.start() if end else len(chunk))
    if not 1 <= len(words) <= 5:
        return False
    verbs = SPEECH_VERBS.get(language, ALL_SPEECH_VERBS) | SPEECH_VERBS["en"]
    return words[-1].casefold() in verbs or words[0].casefold() in verbs


def _spaced_initialism(chunk: str, w: int, nxt: int) -> bool:
    """The single letter at ``w`` belongs to "z. B.", "d. h.", "u. a.": another lone letter with
    a period stands just before or just after it."""
    if w >= 3 and chunk[w - 1].isspace() and chunk[w - 2] == "." and chunk[w - 3].isalpha() and (w == 3 or not chunk[w - 4].isalpha()):
        return True
    return nxt + 1 < len(chunk) and chunk[nxt].isalpha() and chunk[nxt + 1] == "." and (nxt + 2 == len(chunk) or not chunk[nxt + 2].isalpha())


def _fast_spans(chunk: str, language: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(chunk)
    pos = 0
    while pos < n and chunk[pos].isspace():
        pos += 1
    protected: list[tuple[int, int]] | None = None
    for m in _CANDIDATE.finditer(chunk):
        end = m.end()
        nxt = end
        while nxt < n and chunk[nxt].isspace():
            nxt += 1
        if nxt >= n or m.start() < pos:
            continue
        if protected is None:
            protected = _protected(chunk, language)
        if _is_boundary(chunk, m, nxt, language, protected):
            stop = len(chunk[pos:end].rstrip()) + pos
            spans.append((pos, stop))
            pos = nxt
    if pos < n:
        stop = len(chunk[pos:].rstrip()) + pos
        if stop > pos:
            spans.append((pos, stop))
    return spans


@lru_cache(maxsize=32)
def _pysbd(language: str):
    import pysbd

    widen_regex_cache()
    return pysbd.Segmenter(language=language if language in _PYSBD_LANGUAGES else "en", clean=False)


def widen_regex_cache() -> None:
    """Let ``re`` keep pysbd's patterns compiled (only the ``pysbd`` segmenter needs this).

    pysbd builds a few thousand regular expressions per language and ``re`` caches only 512,
    so every sentence split recompiled them: 35 ms per article instead of 15 ms. The cache is
    process-wide and only ever grows, so it is set once and never restored.
    """
    if getattr(re, "_MAXCACHE", 0) < 8192:
        re._MAXCACHE = 8192  # type: ignore[attr-defined]


def _pysbd_spans(chunk: str, language: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _pysbd(language).segment(chunk):
        stripped = piece.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, cursor)
        if found < 0:  # pysbd altered the text; fall back to its length from the cursor
            found = cursor + (len(piece) - len(piece.lstrip()))
        s, e = found, min(len(chunk), found + len(stripped))
        spans.append((s, e))
        cursor = e
    return spans


def segment(text: str, start: int, end: int, language: str, segmenter: str = DEFAULT_SEGMENTER) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, as absolute offsets into ``text``.

    Args:
        text: The whole text.
        start, end: The paragraph to split.
        language: ISO 639-1 code (abbreviations and ordinals depend on it).
        segmenter: ``fast`` (rules of ``lang/sentences.py``) or ``pysbd``.

    Line breaks inside the paragraph count as spaces (same length, so offsets hold).
    """
    chunk = text[start:end].replace("\r", " ").replace("\n", " ")
    if segmenter == "fast":
        spans = _fast_spans(chunk, language)
    elif segmenter == "pysbd":
        spans = _pysbd_spans(chunk, language)
    else:
        raise ConfigError(f"unknown segmenter {segmenter!r}; choose one of: {', '.join(SEGMENTERS)}")
    spans = split_cjk_spans(chunk, spans)  # Chinese/Japanese full stops need no space after them
    if not spans and chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((lead, len(chunk.rstrip())))
    return [(start + s, start + e) for s, e in spans]
