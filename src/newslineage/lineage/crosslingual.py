"""Translations in the lineage graph: candidates from passage vectors, links from embeddings.

Articles in two languages share almost no words, so neither the lexical candidates (bands,
anchors, sentence keys) nor the lexical fast path of ``edges.py`` can see a translation. Two
additions, used only when the index has vectors:

* **candidates**: pairs of articles in different languages whose passage vectors (the ones
  ``sources`` searches, ``index/passages.py``) come close (cosine >= ``min_cosine``). Only
  articles outside the corpus's main language ask for neighbours: a pair of languages always
  has one side there, and a corpus in one language costs nothing.
* **comparison**: a candidate pair in two languages is compared by the full kernel with
  sentence embeddings (``compare_documents``) instead of the lexical fast path, which would
  link only sentences sharing names and numbers; its links (of kind ``translation``) become
  the pair's result, so the pair can become a reuse edge and join its original's story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..index.passages import EXACT_LIMIT
from ..model import Document
from ..store.passages import KEY_BITS
from ._db import IndexReader

__all__ = ["MIN_COSINE", "crosslingual_pairs", "is_crosslingual", "translation_links"]

#: Passage-vector cosine from which two articles in different languages are compared (a
#: translated sentence scores 0.6-0.9 with its original, unrelated news below ~0.45).
MIN_COSINE = 0.6
#: Nearest passages looked at per passage.
NEIGHBOURS = 8
#: Similarities computed at once (rows x passages), to bound memory.
_CELLS = 20_000_000


def is_crosslingual(lang_a: str | None, lang_b: str | None) -> bool:
    """True when both languages are known and differ."""
    known = {None, "", "und"}
    return lang_a not in known and lang_b not in known and lang_a != lang_b


def crosslingual_pairs(reader: IndexReader, min_rowid: int = 0, min_cosine: float = MIN_COSINE) -> dict[int, float]:
    """Pairs (key ``lo << 32 | hi``) of articles in different languages with close passages.

    Args:
        reader: The index.
        min_rowid: Incremental run: only pairs with at least one article newer than this.
        min_cosine: Passage cosine from which a pair is a candidate.
    """
    languages = reader.languages()
    counts = Counter(lang for lang in languages.values() if lang not in (None, "", "und"))
    if len(counts) < 2:
        return {}
    main = counts.most_common(1)[0][0]
    keys, mat = reader.passage_vectors()
    if not len(keys):
        return {}
    owners = (keys >> np.uint64(KEY_BITS)).astype(np.int64)
    langs = np.array([languages.get(int(r)) or "und" for r in owners], dtype=object)
    ask = np.nonzero((langs != main) & (langs != "und"))[0]
    if not len(ask):
        return {}
    vecs = mat.astype(np.float32) / 127.0
    out: dict[int, float] = {}
    position = {int(key): n for n, key in enumerate(keys)}
    for rows, found in _neighbours(reader, keys, vecs, ask):
        for r, hits in zip(rows, found):
            for key, cos in hits:
                c = position.get(key)
                if c is None:
                    continue
                x, y = int(owners[r]), int(owners[c])
                if cos < min_cosine or x == y or not is_crosslingual(langs[r], langs[c]):
                    continue
                lo, hi = (x, y) if x < y else (y, x)
                if min_rowid and hi <= min_rowid:
                    continue
                key = (lo << 32) | hi
                out[key] = max(out.get(key, -1.0), cos)
    return out


def _neighbours(reader: IndexReader, keys: np.ndarray, vecs: np.ndarray, ask: np.ndarray):
    """Blocks of ``(rows, per row [(passage key, cosine)])``: the usearch file that ``ingest``
    keeps beside a large index, else an exact search."""
    k = min(NEIGHBOURS + 1, len(keys))
    if len(keys) > EXACT_LIMIT:
        from ..index.passages import open_ann

        ann = open_ann(reader.path + ".passages.usearch", len(keys))
        if ann is not None:
            for start in range(0, len(ask), 1024):
                rows = ask[start : start + 1024]
                m = ann.search(vecs[rows], k)
                keys_, dist, counts = np.asarray(m.keys).reshape(len(rows), -1), np.asarray(m.distances).reshape(len(rows), -1), np.asarray(m.counts).reshape(-1)
                yield rows, [[(int(keys_[i, j]), 1.0 - float(dist[i, j])) for j in range(int(counts[i]))] for i in range(len(rows))]
            return
    block = max(1, _CELLS // len(keys))
    for start in range(0, len(ask), block):
        rows = ask[start : start + block]
        sims = vecs[rows] @ vecs.T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        yield rows, [[(int(keys[c]), float(sims[i, c])) for c in cols] for i, cols in enumerate(top)]


def translation_links(a: Document, b: Document, body_a: Sequence[int], body_b: Sequence[int]) -> list[tuple[int, int, str, float]]:
    """Sentence links ``(a index, b index, kind, score)`` of two documents in different languages.

    The full comparison with sentence embeddings; links to sentences left out of the fast path
    (structure lines, outlet boilerplate) are dropped.
    """
    from ..pairwise import compare_documents
    from ..settings import CompareSettings

    comparison = compare_documents(a, b, CompareSettings(embeddings=True, embedder="use"))
    keep_a, keep_b = set(body_a), set(body_b)
    return sorted(
        (i, j, link.kind, round(float(link.semantic if link.semantic is not None else link.score), 4))
        for link in comparison.links
        for i in link.a
        for j in link.b
        if i in keep_a and j in keep_b
    )
