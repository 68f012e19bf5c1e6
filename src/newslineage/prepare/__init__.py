"""Prepare stage: normalise, identify the language, find structure, segment sentences.

``prepare(article) -> Document`` is a pure function; the language identifier and the sentence
segmenters are loaded once per process and cached.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Article, Document, Sentence
from .language import detect_language
from .structure import detect_blocks, split_inline_dateline

__all__ = ["normalize", "prepare", "segment"]

_PYSBD_LANGUAGES = frozenset(
    "en hi mr zh es am ar hy bg ur ru pl fa nl da fr my el it ja de kk sk".split()
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "\u00a0": " "})


def normalize(text: str) -> str:
    """Normalised form of a sentence for comparison (never for offsets).

    NFKC, typographic quotes and dashes folded to ASCII, whitespace collapsed.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=32)
def _segmenter(language: str):
    import pysbd

    return pysbd.Segmenter(language=language if language in _PYSBD_LANGUAGES else "en", clean=False)


def segment(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, as absolute offsets into ``text``.

    pysbd is given the paragraph with line breaks turned into spaces (same length), and each
    sentence it returns is located in the original, so offsets survive any text it returns.
    """
    chunk = text[start:end].replace("\r", " ").replace("\n", " ")
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter(language).segment(chunk):
        stripped = piece.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, cursor)
        if found < 0:  # pysbd altered the text; fall back to its length from the cursor
            found = cursor + (len(piece) - len(piece.lstrip()))
        s, e = found, min(len(chunk), found + len(stripped))
        spans.append((start + s, start + e))
        cursor = e
    if not spans and chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + len(chunk.rstrip())))
    return spans


def prepare(article: Article) -> Document:
    """Prepare an article for comparison.

    Args:
        article: The article as read.

    Returns:
        A ``Document`` whose sentences (structure lines included, each with its role) carry
        character offsets into ``article.text``.
    """
    text = article.text
    blocks = detect_blocks(text)
    body_text = " ".join(text[b.start : b.end] for b in blocks if b.role == "body")
    language = article.language or detect_language(body_text or text)
    sentences: list[Sentence] = []
    for paragraph, block in enumerate(blocks):
        if block.role != "body":
            sentences.append(Sentence(len(sentences), block.start, block.end, text[block.start : block.end], block.role, paragraph, language))  # type: ignore[arg-type]
            continue
        start = block.start
        if paragraph == _first_body(blocks):
            cut = split_inline_dateline(text, block.start, block.end)
            if cut:
                dl_end = block.start + len(text[block.start : block.start + cut].rstrip(" -–—:"))
                sentences.append(Sentence(len(sentences), block.start, dl_end, text[block.start : dl_end], "dateline", paragraph, language))
                start = block.start + cut
        for s, e in segment(text, start, block.end, language):
            sentences.append(Sentence(len(sentences), s, e, text[s:e], "body", paragraph, language))
    return Document(article=article, language=language, sentences=tuple(sentences))


def _first_body(blocks) -> int:
    for i, b in enumerate(blocks):
        if b.role == "body":
            return i
    return -1
