"""Chinese and Japanese text: sentences and lexical units without spaces between words.

Chinese and Japanese end a sentence with a full-width stop (。！？) and no space, and write
words without spaces, so the rules for alphabetic text see one sentence per paragraph and one
"word" per clause. Two fixes, both data-light:

* **sentences**: a full-width stop, with the closing quotes that follow it (」』”), ends a
  sentence unless it sits inside a quotation that goes on (「我们赢了。我们很强。」他说 stays
  one sentence), or a Japanese quotative particle continues it (「…。」と言った);
* **lexical units**: runs of CJK characters become overlapping character bigrams, the unit of
  CJK search engines (Lucene's CJKBigramFilter). Measured on ECCE's Chinese editorials against a
  word segmenter (jieba): the same separation of lightly edited from unrelated sentences (Dice
  of edited sentences >= 0.4 in 99.6% of cases for both, unrelated pairs at most 0.19 for both),
  3.4x faster, no dictionary, and it works for Japanese too.
"""

from __future__ import annotations

import re

from ..lang.sentences import CJK_CHARS, CJK_CLOSERS, CJK_QUOTATIVES, CJK_QUOTE_PAIRS, CJK_TERMINALS

__all__ = ["CJK_RUN", "cjk_bigrams", "has_cjk", "split_cjk_spans", "word_count"]

#: One run of CJK characters.
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
_CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
_TERMINAL = re.compile(f"[{re.escape(CJK_TERMINALS)}]+[{re.escape(CJK_CLOSERS)}]*")
_WORD = re.compile(f"[^\\W{CJK_CHARS}]+")
_OPENERS = "".join(CJK_QUOTE_PAIRS)
_CLOSING = "".join(CJK_QUOTE_PAIRS.values())


def has_cjk(text: str) -> bool:
    """True when the text holds at least one Chinese character or Japanese kana."""
    return _CJK_CHAR.search(text) is not None


def cjk_bigrams(token: str) -> list[str]:
    """A word token with its CJK runs cut into overlapping character bigrams.

    ``"奥巴马"`` -> ``["奥巴", "巴马"]``; a lone CJK character stays whole; letters and digits
    around a run stay one token each (``"g20峰会"`` -> ``["g20", "峰会"]``).
    """
    out: list[str] = []
    pos = 0
    for m in CJK_RUN.finditer(token):
        if m.start() > pos:
            out.append(token[pos : m.start()])
        run = m.group()
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        pos = m.end()
    if pos < len(token):
        out.append(token[pos:])
    return out


def word_count(text: str) -> int:
    """Words of a text, CJK characters counted at 1.5 characters a word (the Chinese average)."""
    cjk = len(_CJK_CHAR.findall(text))
    return len(_WORD.findall(text)) + -(-cjk * 2 // 3)


def _quote_depths(chunk: str) -> list[int] | None:
    """Quotation depth after each character, or None when the quotes do not balance (then a
    stray mark must not glue the rest of the paragraph into one sentence)."""
    depth = 0
    out = []
    for ch in chunk:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSING and depth:
            depth -= 1
        out.append(depth)
    return out if depth == 0 else None


def split_cjk_spans(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentence spans of ``chunk`` further at CJK sentence ends (see module doc).

    Args:
        chunk: The paragraph.
        spans: Sentence spans found by the alphabetic rules (offsets into ``chunk``).
    """
    if not has_cjk(chunk):
        return spans
    depths = _quote_depths(chunk)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        pos = start
        for m in _TERMINAL.finditer(chunk, start, end):
            stop = m.end()
            if depths is not None and depths[stop - 1] > 0:
                continue  # inside a quotation that goes on
            if "!" in m.group() or "?" in m.group():
                # half-width marks end a sentence only between CJK characters ("Yahoo!" stays)
                if not (m.start() > 0 and has_cjk(chunk[m.start() - 1])):
                    continue
            nxt = stop
            while nxt < end and chunk[nxt].isspace():
                nxt += 1
            if nxt >= end:
                break
            if m.group()[-1] in CJK_CLOSERS and chunk.startswith(CJK_QUOTATIVES, nxt):
                continue  # 「…。」と彼は言った: the quotation is part of the sentence
            out.append((pos, stop))
            pos = nxt
        out.append((pos, end))
    return out
