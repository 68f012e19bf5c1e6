"""Prepare stage: clean wire codes, identify the language, find structure, segment sentences.

``prepare(article) -> Document`` is a pure function; the language identifier and pysbd (when
chosen as the sentence segmenter) are loaded once per process and cached.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..model import Article, Document, Sentence
from .language import detect_language
from .segment import DEFAULT_SEGMENTER, SEGMENTERS, segment
from .structure import detect_blocks, split_inline_dateline
from .wire import clean_wire

__all__ = ["DEFAULT_SEGMENTER", "SEGMENTERS", "clean_wire", "normalize", "prepare", "segment"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "\u00a0": " "})


def normalize(text: str) -> str:
    """Normalised form of a sentence for comparison (never for offsets).

    NFKC, typographic quotes and dashes folded to ASCII, whitespace collapsed.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def prepare(article: Article, segmenter: str = DEFAULT_SEGMENTER) -> Document:
    """Prepare an article for comparison.

    Args:
        article: The article as read.
        segmenter: Sentence segmenter, ``fast`` or ``pysbd`` (see ``prepare/segment.py``).

    Returns:
        A ``Document`` whose sentences (structure lines included, each with its role; furniture
        such as rules, end marks and captions left out) carry character offsets into
        ``Document.article.text``. That is ``article.text`` itself unless the text is wire copy
        with transmission codes, which ``clean_wire`` turns into plain text first (the
        Document's article carries the cleaned text; storing and showing it keeps offsets right).
    """
    text = clean_wire(article.text)
    if text != article.text:
        article = replace(article, text=text)
    blocks = detect_blocks(text)
    body_text = " ".join(text[b.start : b.end] for b in blocks if b.role == "body")
    language = article.language or detect_language(body_text or text)
    sentences: list[Sentence] = []
    for paragraph, block in enumerate(blocks):
        if block.role == "furniture":
            continue  # not part of the article: no unit, never compared
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
        for s, e in segment(text, start, block.end, language, segmenter):
            sentences.append(Sentence(len(sentences), s, e, text[s:e], "body", paragraph, language))
    return Document(article=article, language=language, sentences=tuple(sentences))


def _first_body(blocks) -> int:
    for i, b in enumerate(blocks):
        if b.role == "body":
            return i
    return -1
