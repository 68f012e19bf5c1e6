"""Sentence keys: a second candidate source for short, edited passages.

The index's containment anchors are a sample of word 5-shingles (one in ``anchor_mod``). A
passage of two or three short sentences, lightly edited, keeps only a dozen intact 5-shingles,
and with one in eight sampled it shares no anchor at all about one time in six: two texts that
share such a passage were never compared (5 of 1,200 planted pairs of a 10k corpus).

Sentence keys look at every body sentence instead of a sample of shingles. Each sentence gets
``HASHES`` MinHash values of its word 4-shingles (shingles with fewer than two content words
left out: "said on the" is no evidence). A light edit breaks the shingles around a changed word
and leaves the rest, so an edited sentence keeps each value with probability about its shingle
Jaccard (~0.45 for one edit in a 15-word sentence). A pair needs two shared keys
(``CandidateSettings.min_sentence_keys``): a two-sentence passage with an edit in each sentence
keeps fewer than two of its twelve keys about one time in 120, and then it still has its chance
with the index's anchors (the two miss together about one time in 800). Word 3-shingles or
bigrams would survive edits better but are shared by chance far too often (on the 10k planted
corpus, 65,000 and 2,000,000 pairs of unrelated articles share one; 4-shingles: about 600, and
about 50 share two).
Keys held by more than ``max_holders`` articles are stock phrases or boilerplate, not evidence
of reuse, and are dropped.

The keys are computed from the stored texts and spans in the analysis (the index format is
unchanged), a chunk of articles at a time with numpy: one regex pass per article, shingle hashes
mixed from cached word hashes, per-sentence minima with ``minimum.reduceat``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from itertools import combinations

import numpy as np

from ..lang import ALL_STOPWORDS
from ._db import IndexReader, chunked

__all__ = ["HASHES", "article_keys", "sentence_key_pairs"]

#: MinHash values kept per sentence.
HASHES = 6
#: Words per shingle, and the most stopwords one may hold (two content words at least).
SHINGLE = 4
MAX_STOP = 2
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
# Odd 64-bit multipliers and offsets of the hash family (fixed: keys must agree across processes).
_FAMILY = np.random.default_rng(20240501).integers(1, 2**63, size=(2, 8), dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
_MUL, _ADD = _FAMILY[0][:HASHES], _FAMILY[1][:HASHES]


class _Words:
    """Word -> hash with the stopword flag in the low bit, cached across articles."""

    def __init__(self) -> None:
        self.cache: dict[str, int] = {}

    def values(self, words: list[str]) -> list[int]:
        cache = self.cache
        try:
            return [cache[w] for w in words]
        except KeyError:
            if len(cache) > 2_000_000:  # bound memory on huge vocabularies
                cache.clear()
            for w in {w for w in words if w not in cache}:
                cache[w] = (zlib.crc32(w.encode("utf-8")) << 1) | (w in ALL_STOPWORDS)
            return [cache[w] for w in words]


def article_keys(text: str, spans: Iterable[tuple], words: _Words | None = None) -> np.ndarray:
    """Sentence keys of one article's body sentences (unique, ``uint64``).

    Args:
        text: The stored text.
        spans: Stored sentence spans ``(idx, start, end, role, paragraph)``.
        words: A word-hash cache shared across calls.
    """
    words = words or _Words()
    per_sentence = [_WORD.findall(text[s:e].casefold()) for _i, s, e, role, _p in spans if role == "body"]
    toks = [w for ws in per_sentence for w in ws]
    if len(toks) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    coded = np.array(words.values(toks), dtype=np.uint64)
    stop = (coded & np.uint64(1)).astype(bool)
    h = (coded >> np.uint64(1)) | np.uint64(1)
    sid = np.repeat(np.arange(len(per_sentence)), [len(ws) for ws in per_sentence])
    n = len(toks) - SHINGLE + 1
    same = sid[:n] == sid[SHINGLE - 1 :]
    stops = sum(stop[i : i + n].astype(np.int8) for i in range(SHINGLE))
    keep = same & (stops <= MAX_STOP)
    if not keep.any():
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        shingle = np.zeros(int(keep.sum()), dtype=np.uint64)
        for i in range(SHINGLE):
            shingle = (shingle * np.uint64(0xFF51AFD7ED558CCD)) ^ h[i : i + n][keep]
        owner = sid[:n][keep]
        firsts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
        out = []
        for j in range(HASHES):
            mixed = (shingle * _MUL[j] + _ADD[j]) & _MASK
            mins = np.minimum.reduceat(mixed, firsts)
            # the hash number goes in the low bits so the HASHES families never collide
            out.append(((mins >> np.uint64(3)) << np.uint64(3)) | np.uint64(j))
    return np.unique(np.concatenate(out))


def _key_table(reader: IndexReader, rowids: list[int], chunk: int = 500) -> tuple[np.ndarray, np.ndarray]:
    keys, owners = [], []
    words = _Words()
    for part in chunked(rowids, chunk):
        for rowid, (text, _lang, spans) in reader.texts(part).items():
            k = article_keys(text, spans, words)
            keys.append(k)
            owners.append(np.full(len(k), rowid, dtype=np.int32))
    if not keys:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int32)
    return np.concatenate(keys), np.concatenate(owners)


def _groups(keys: np.ndarray, owners: np.ndarray, max_holders: int) -> Iterator[np.ndarray]:
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order]
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True])
    sizes = np.diff(bounds)
    for g in np.flatnonzero((sizes >= 2) & (sizes <= max_holders)):
        yield owners[bounds[g] : bounds[g + 1]]


def sentence_key_pairs(reader: IndexReader, rowids: list[int], max_holders: int = 64, min_rowid: int = 0) -> dict[int, int]:
    """Pairs of articles sharing sentence keys, with the number of keys shared.

    Args:
        reader: The index.
        rowids: Articles to key (every article of the index).
        max_holders: Keys held by more articles than this are ignored (stock phrases).
        min_rowid: Incremental run: only pairs with at least one article newer than this.

    Returns:
        ``(lo << 32) | hi`` -> shared keys.
    """
    keys, owners = _key_table(reader, rowids)
    out: dict[int, int] = {}
    for members in _groups(keys, owners, max_holders):
        if min_rowid and int(members.max()) <= min_rowid:
            continue
        for x, y in combinations(sorted(set(members.tolist())), 2):
            if min_rowid and y <= min_rowid:
                continue
            key = (x << 32) | y
            out[key] = out.get(key, 0) + 1
    return out
