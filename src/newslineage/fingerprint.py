"""Lexical fingerprints: hashed word features of sentences and articles.

A sentence's features are its content words (cut to a 5-letter prefix, a cheap stemmer that
works across languages: "accusation", "accusing" and "accused" all become ``accus``) and
its word bigrams that contain at least one content word (these keep word order, so a verbatim
copy scores 1.0 and a reordered paraphrase scores lower). Features are hashed with CRC-32 so
they are identical in every process and on every machine (Python's ``hash`` is salted per
process and cannot be stored). Chinese and Japanese, written without spaces, are cut into
overlapping character bigrams (``prepare/cjk.py``), which play the part of words.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence

import numpy as np

from .lang import ALL_STOPWORDS
from .prepare import normalize
from .prepare.cjk import cjk_bigrams, has_cjk

__all__ = ["FINGERPRINT_VERSION", "content_stems", "features", "shingles", "similarity_matrix", "tokens"]

#: Bumped whenever features change: an index built with another version must be rebuilt.
FINGERPRINT_VERSION = "words-p5-bigram-crc32-cjk2/2"

_TOKEN = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
_PREFIX = 5


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of a text ("n't" becomes "not"; CJK runs become character bigrams)."""
    out = []
    norm = normalize(text).casefold()
    cjk = has_cjk(norm)
    for tok in _TOKEN.findall(norm):
        if cjk and has_cjk(tok):
            out.extend(cjk_bigrams(tok))
        elif tok.endswith("n't"):
            out.append(tok[:-3])
            out.append("not")
        else:
            out.append(tok)
    return out


def _is_content(tok: str) -> bool:
    return tok not in ALL_STOPWORDS and (len(tok) > 1 or tok.isdigit())


def content_stems(text: str) -> frozenset[str]:
    """Stems (5-letter prefixes) of the content words of a text, unhashed."""
    return frozenset(t[:_PREFIX] for t in tokens(text) if _is_content(t))


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def features(text: str) -> frozenset[int]:
    """Hashed lexical features of one sentence (see module doc)."""
    toks = tokens(text)
    feats: set[int] = set()
    content = [_is_content(t) for t in toks]
    for tok, is_content in zip(toks, content):
        if is_content:
            feats.add(_hash("u:" + tok[:_PREFIX]))
    for i in range(len(toks) - 1):
        if content[i] or content[i + 1]:
            feats.add(_hash("b:" + toks[i] + " " + toks[i + 1]))
    return frozenset(feats)


def shingles(text: str, size: int = 5) -> set[int]:
    """Hashed word ``size``-grams of a whole text (for MinHash and passage retrieval)."""
    toks = tokens(text)
    if len(toks) < size:
        return {_hash(" ".join(toks))} if toks else set()
    return {_hash(" ".join(toks[i : i + size])) for i in range(len(toks) - size + 1)}


def _incidence(rows: Sequence[Iterable[int]], vocab: dict[int, int]) -> tuple[list[int], list[int], np.ndarray]:
    indptr = [0]
    indices: list[int] = []
    for feats in rows:
        for f in feats:
            col = vocab.get(f)
            if col is None:
                col = vocab[f] = len(vocab)
            indices.append(col)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return indptr, indices, data


def similarity_matrix(a: Sequence[frozenset[int]], b: Sequence[frozenset[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise lexical similarity of two lists of feature sets.

    Returns:
        ``(shared, dice)``: the number of shared features and the Dice coefficient, both
        ``len(a) x len(b)`` arrays.
    """
    from scipy.sparse import csr_matrix

    if not a or not b:
        z = np.zeros((len(a), len(b)), dtype=np.float32)
        return z, z.copy()
    vocab: dict[int, int] = {}
    ia = _incidence(a, vocab)
    ib = _incidence(b, vocab)
    ma = csr_matrix((ia[2], ia[1], ia[0]), shape=(len(a), len(vocab)))
    mb = csr_matrix((ib[2], ib[1], ib[0]), shape=(len(b), len(vocab)))
    shared = (ma @ mb.T).toarray().astype(np.float32)
    size_a = np.array([len(x) for x in a], dtype=np.float32)[:, None]
    size_b = np.array([len(x) for x in b], dtype=np.float32)[None, :]
    denom = size_a + size_b
    dice = np.divide(2 * shared, denom, out=np.zeros_like(shared), where=denom > 0)
    return shared, dice
