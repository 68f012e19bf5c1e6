"""Direct quotations: how much of each sentence is someone's quoted words.

Two reporters at one press conference, or two desks quoting one statement, print the same
quoted words without either copying the other. Lineage therefore does not take sentences that
are quotes on both sides for evidence of reuse (``lineage.direction.is_reuse``).

Quote marks differ by language (“…”, „…“, «…», »…«, "…", '…') and are often damaged in crawled
text (U+FFFD where a curly quote was), so a mark opens or closes by where it stands, not by which
mark it is: before a word it opens, after one it closes. Inside a word (``it’s``, ``side�s``) it
is an apostrophe. A quotation runs on across sentences until it closes; a new paragraph ends it
(news style opens every paragraph of a long quote again). A closing mark with no opening one in
its paragraph closes a quote that began at the paragraph's start.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["QUOTE_SHARE", "is_quote", "quoted_shares"]

#: Share of a sentence's characters inside quotation marks from which it is a quote.
QUOTE_SHARE = 0.5

_DOUBLE = frozenset('"“”„‟«»〝〞＂\ufffd')
_SINGLE = frozenset("'‘’‚‛‹›")


def _side(text: str, i: int) -> str:
    """``open``, ``close``, ``either`` (spaced on both sides) or ``word`` (an apostrophe)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "word"
    spaced_before = before.isspace() or before in "([{—–-:/"
    if spaced_before and after.isspace():
        return "either"  # French spacing: « text »
    if spaced_before:
        return "open" if after.isalnum() or after in _DOUBLE or after in _SINGLE or after in "¿¡.…$€£([" else "close"
    return "close" if after.isspace() or not after.isalnum() else "open"


def _paragraph_shares(text: str) -> list[bool]:
    """For each character of one paragraph: inside a quotation or not."""
    inside = [False] * len(text)
    open_at: int | None = None
    single = False  # the open quotation began with a single mark
    for i, ch in enumerate(text):
        if ch not in _DOUBLE and ch not in _SINGLE:
            if open_at is not None:
                inside[i] = True
            continue
        is_single = ch in _SINGLE
        side = _side(text, i)
        if side == "word":
            if open_at is not None:
                inside[i] = True
            continue
        if side == "either":
            side = "open" if ch in "«‹" else "close" if ch in "»›" else ("open" if open_at is None else "close")
        if open_at is None:
            if side == "open":
                open_at, single = i, is_single
            elif not is_single:  # a close with no open: the quotation began the paragraph
                for j in range(i):
                    inside[j] = True
        elif side == "close" and is_single == single:
            open_at = None
        elif open_at is not None:
            inside[i] = True
    return inside


def quoted_shares(texts: Sequence[str], paragraphs: Sequence[int]) -> list[float]:
    """Share of each sentence's non-space characters that stand inside a direct quotation.

    Args:
        texts: The sentences of an article, in order (structure lines may be included).
        paragraphs: The paragraph of each sentence; a quotation does not run across paragraphs.
    """
    shares = [0.0] * len(texts)
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and paragraphs[j] == paragraphs[i]:
            j += 1
        joined = " ".join(texts[i:j])
        inside = _paragraph_shares(joined)
        pos = 0
        for k in range(i, j):
            t = texts[k]
            chars = [inside[pos + n] for n, c in enumerate(t) if not c.isspace()]
            shares[k] = sum(chars) / len(chars) if chars else 0.0
            pos += len(t) + 1
        i = j
    return shares


def is_quote(share: float) -> bool:
    """True when a sentence with this quoted share is a quotation (an attribution may trail)."""
    return share >= QUOTE_SHARE
