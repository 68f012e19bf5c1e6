"""Passage vectors: finding the part of a long document a text came from, in any language.

An article's vector (headline and lead) finds a whole article retold or translated, but not a
paragraph taken from the middle of a long text, nor a translation whose lead was reworded. So
every article is also cut into passages of ``passage_sentences`` consecutive body sentences
(a setting recorded in the index), and each passage gets a vector.

What a passage's vector is, and why: embedding every sentence of every article costs 7-10 times
the lead (USE's cost is linear in tokens: a 500-word article is ~145 ms on one shared core,
its lead ~13 ms), which would put ingest far below 100 articles/s on two cores. A passage is
instead represented by the vector of its first sentence (a sample, like the lexical containment
anchors): a query embeds all of its own sentences anyway, so a passage of the query translated
from the source contains the translation of a sampled sentence whenever it spans
``passage_sentences`` sentences, and its neighbours on the same subject come close when it is
shorter. The first two passages reuse the lead's vectors.

Search: exact (float32 matrix) up to ``EXACT_LIMIT`` passages, above that a usearch HNSW file
(int8, memory-mapped) beside the index, ``<db>.passages.usearch``. New passages are added to
the file after each ingest (``PassageSearch.update``), not rebuilt from scratch.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Document
from ..prepare.cjk import word_count
from ..store.passages import KEY_BITS, MAX_PASSAGES

__all__ = ["EXACT_LIMIT", "PASSAGE_K", "PassageHit", "PassageSearch", "document_passages", "passage_evidence", "open_ann", "passage_vectors", "query_pairs"]

#: Largest number of passages searched exactly.
EXACT_LIMIT = 20000
#: Nearest passages looked at per query sentence.
PASSAGE_K = 10
#: A sampled sentence has at least this many words when its passage has one (a one-word
#: "No." says nothing of the passage).
_MIN_WORDS = 4
_MAX_CHARS = 400
#: Adjacent sentence pairs of a query embedded for the passage search (see ``query_pairs``).
MAX_QUERY_PAIRS = 16
#: Cosines below this say nothing about a passage's source (unrelated news sentences score up
#: to ~0.4, translations of each other 0.6-0.9).
PASSAGE_FLOOR = 0.45

_OPEN: dict[str, tuple[tuple[int, int], object]] = {}
_OPEN_LOCK = threading.Lock()


def document_passages(doc: Document, size: int) -> list[tuple[int, int, int]]:
    """``(first, last, sampled)`` sentence indexes of each passage of a document's body."""
    body = doc.body
    if not body:
        return []
    out = []
    # The first sentence is a passage of its own, then windows of ``size`` follow: the two lead
    # sentences, already embedded for the article vector, are both samples (one embedding fewer
    # per article) and any ``size`` consecutive sentences still hold a sampled one.
    starts = [0, *range(1, min(len(body), size * MAX_PASSAGES), size)] if size > 1 else range(min(len(body), MAX_PASSAGES))
    for start, stop in zip(starts, [*starts[1:], len(body)]):
        window = body[start:stop]
        # the window's first sentence, so any run of ``size`` body sentences holds exactly one
        # sampled sentence; a fragment ("No.", a lone name) is passed over for the next one
        sampled = next((s for s in window if word_count(s.text) >= _MIN_WORDS), window[0])
        out.append((window[0].index, window[-1].index, sampled.index))
    return out


def passage_vectors(docs: Sequence[Document], embedder, size: int, known: Sequence[dict[int, np.ndarray]]) -> list[list[tuple[int, int, np.ndarray]]]:
    """Passages of each document with their vectors (see module doc).

    Args:
        docs: Prepared documents.
        embedder: The sentence encoder.
        size: Body sentences per passage.
        known: Per document, sentence vectors already computed (the lead's), by sentence index.
    """
    if size <= 0:
        return [[] for _ in docs]
    plans = [document_passages(d, size) for d in docs]
    todo: dict[tuple[int, int], str] = {}
    for n, (doc, plan) in enumerate(zip(docs, plans)):
        for _first, _last, sampled in plan:
            if sampled not in known[n]:
                todo[(n, sampled)] = doc.sentences[sampled].text[:_MAX_CHARS]
    vecs = embedder.encode(list(todo.values())) if todo else np.zeros((0, embedder.dim), dtype=np.float32)
    fresh = dict(zip(todo, vecs))
    return [
        [(first, last, known[n][s] if s in known[n] else fresh[(n, s)]) for first, last, s in plan]
        for n, plan in enumerate(plans)
    ]


def query_pairs(doc: Document, limit: int = MAX_QUERY_PAIRS) -> list[str]:
    """Texts of adjacent body-sentence pairs of a query, the first ``limit`` of them.

    Translators split and merge sentences (an English sentence often becomes two Chinese ones,
    each only half as close to it), so a query is matched by its sentences and by each pair of
    neighbours. Only the query pays for this: it is one text, the index holds millions.
    """
    body = doc.body
    glue = "" if doc.language in ("zh", "ja") else " "
    return [body[i].text[:_MAX_CHARS] + glue + body[i + 1].text[:_MAX_CHARS] for i in range(min(len(body) - 1, limit))]


@dataclass(frozen=True, slots=True)
class PassageHit:
    """How a query meets one indexed article through its passages.

    Attributes:
        key: The best-matching passage (``rowid << KEY_BITS | number``).
        cosine: Its cosine with the closest query sentence.
        support: Summed excess over ``PASSAGE_FLOOR`` of each query sentence's best cosine with
            this article's passages: several query sentences close to one source count more
            than one sentence that happens to be close.
        sentences: Query sentences (rows) whose best passage cosine with it passes the floor.
    """

    key: int
    cosine: float
    support: float
    sentences: int

    @property
    def score(self) -> float:
        """Ranking score: the best cosine, plus a little for every other close query sentence.

        On the translated passages of bench/crosslingual.py (W=3) the gold source ranks first
        93% of the time by this, 92% by support alone, 93% by the cosine alone.
        """
        return self.cosine + 0.2 * self.support

    @property
    def rowid(self) -> int:
        return self.key >> KEY_BITS

    @property
    def number(self) -> int:
        return self.key & ((1 << KEY_BITS) - 1)


def passage_evidence(hits: list[list[tuple[int, float]]]) -> dict[int, PassageHit]:
    """Per indexed article: its passage evidence from the nearest passages of each query sentence."""
    best: dict[int, tuple[int, float]] = {}
    support: dict[int, float] = {}
    count: dict[int, int] = {}
    for row in hits:
        seen: dict[int, float] = {}
        for key, cos in row:
            r = key >> KEY_BITS
            if cos > seen.get(r, -1.0):
                seen[r] = cos
            if cos > best.get(r, (0, -1.0))[1]:
                best[r] = (key, cos)
        for r, cos in seen.items():
            if cos >= PASSAGE_FLOOR:
                support[r] = support.get(r, 0.0) + cos - PASSAGE_FLOOR
                count[r] = count.get(r, 0) + 1
    return {r: PassageHit(key, cos, round(support.get(r, 0.0), 4), count.get(r, 0)) for r, (key, cos) in best.items()}


class PassageSearch:
    """Nearest passage vectors of the store (exact when few, HNSW file beyond).

    Args:
        store: The store (``passage_state``, ``passage_vectors``).
        ann_path: The usearch file (``<db>.passages.usearch``), or None to stay exact.
        exact_limit: Largest number of passages searched exactly.
    """

    def __init__(self, store, ann_path: str | None, exact_limit: int = EXACT_LIMIT) -> None:
        self._store = store
        self._ann_path = ann_path
        self._exact_limit = exact_limit
        self._state: tuple[int, int] | None = None
        self._keys = np.zeros(0, dtype=np.uint64)
        self._matrix: np.ndarray | None = None
        self._ann = None

    def __len__(self) -> int:
        return self._store.passage_state()[0]

    def _refresh(self) -> None:
        state = self._store.passage_state()
        if state == self._state:
            return
        self._state, self._ann, self._matrix = state, None, None
        self._keys = np.zeros(0, dtype=np.uint64)
        if state[0] == 0:
            return
        if state[0] <= self._exact_limit or self._ann_path is None:
            keys, mat = self._store.passage_vectors()
            self._keys, self._matrix = keys, mat.astype(np.float32) / 127.0
        else:
            self.update(state)

    def update(self, state: tuple[int, int] | None = None):
        """Bring the HNSW file up to the store's passages (adding only new ones); returns the index.

        Called after an ingest, so the first search does not pay for it. Does nothing below
        ``exact_limit`` passages.
        """
        state = state or self._store.passage_state()
        if self._ann_path is None or state[0] <= self._exact_limit:
            return None
        from usearch.index import Index as UIndex

        path = self._ann_path
        with _OPEN_LOCK:
            hit = _OPEN.get(path)
            if hit is not None and hit[0] == state:
                self._state, self._ann, self._matrix = state, hit[1], None
                return hit[1]
            built = _sidecar(path)
            index = None
            if built == state:
                index = _restore(path, view=True, size=state[0])
            if index is None:
                base = _restore(path, view=False, size=built[0]) if built and built[0] < state[0] and built[1] < state[1] else None
                after = built[1] if base is not None else 0
                keys, mat = self._store.passage_vectors(after_key=after)
                index = base or UIndex(ndim=mat.shape[1], metric="cos", dtype="i8", expansion_add=64)
                if len(keys):
                    index.add(keys, mat.astype(np.float32) / 127.0, threads=os.cpu_count() or 1)
                if len(index) != state[0]:  # passages were written meanwhile: take what is there
                    state = (len(index), int(keys[-1]) if len(keys) else after)
                tmp = f"{path}.{os.getpid()}.tmp"
                index.save(tmp)
                os.replace(tmp, path)
                with open(path + ".json", "w", encoding="utf-8") as fh:
                    json.dump({"state": list(state)}, fh)
                index = _restore(path, view=True, size=state[0]) or index
            _OPEN[path] = (state, index)
            self._state, self._ann, self._matrix = state, index, None
            return index

    def search(self, vectors: np.ndarray, k: int = PASSAGE_K) -> list[list[tuple[int, float]]]:
        """Per query vector: ``(passage key, cosine)`` of its ``k`` nearest passages, best first."""
        self._refresh()
        vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        if not vectors.size:
            return []
        if self._ann is not None:
            matches = self._ann.search(vectors, k)
            keys = np.asarray(matches.keys).reshape(len(vectors), -1)
            dist = np.asarray(matches.distances).reshape(len(vectors), -1)
            counts = np.asarray(matches.counts).reshape(-1)
            return [[(int(keys[i, j]), float(1.0 - dist[i, j])) for j in range(int(counts[i]))] for i in range(len(vectors))]
        if self._matrix is None or not len(self._keys):
            return [[] for _ in vectors]
        sims = vectors @ self._matrix.T
        k = min(k, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        out = []
        for i, cols in enumerate(top):
            cols = cols[np.argsort(-sims[i, cols])]
            out.append([(int(self._keys[c]), float(sims[i, c])) for c in cols])
        return out


def open_ann(path: str, size: int):
    """The passage HNSW file at ``path``, memory-mapped, when it holds exactly ``size`` passages."""
    built = _sidecar(path)
    return _restore(path, view=True, size=size) if built is not None and built[0] == size else None


def _sidecar(path: str) -> tuple[int, int] | None:
    try:
        with open(path + ".json", encoding="utf-8") as fh:
            n, top = json.load(fh)["state"]
        return int(n), int(top)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _restore(path: str, *, view: bool, size: int):
    """The usearch file (memory-mapped when ``view``), or None when missing, damaged or not of this size."""
    from usearch.index import Index as UIndex

    try:
        index = UIndex.restore(path, view=view)
    except (OSError, ValueError, RuntimeError):
        return None
    return index if index is not None and len(index) == size else None
