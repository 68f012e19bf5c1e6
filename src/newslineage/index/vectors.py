"""Nearest article vectors: exact numpy search for small indexes, usearch (HNSW) beyond.

Below ``EXACT_LIMIT`` vectors an exact float32 matrix product is both simpler and fast enough
(20k x 512 is ~10 ms on one core) and has perfect recall. Above it, an HNSW index is kept in a
file beside the database (``<db>.usearch``) and rebuilt from the stored vectors whenever the
file is missing or its sidecar says it was built from another set of vectors. A fresh file is
memory-mapped (``view``), not read, and one process keeps one open HNSW index per file: the web
server opens the index once per request, and reading 100k vectors back each time cost more than
the search.
"""

from __future__ import annotations

import json
import os
import threading

import numpy as np

__all__ = ["EXACT_LIMIT", "VectorSearch"]

EXACT_LIMIT = 20000

#: ``ann path -> (vector state, usearch index)``: the open HNSW index of each file in this process.
_OPEN: dict[str, tuple[tuple[int, int], object]] = {}
_OPEN_LOCK = threading.Lock()


class VectorSearch:
    """Top-k cosine search over the store's article vectors.

    Args:
        store: The store (``vectors()`` and ``vector_state()``).
        ann_path: Where the usearch file lives (``<db>.usearch``), or None to stay exact.
        exact_limit: Largest number of vectors searched exactly.
    """

    def __init__(self, store, ann_path: str | None, exact_limit: int = EXACT_LIMIT) -> None:
        self._store = store
        self._ann_path = ann_path
        self._exact_limit = exact_limit
        self._state: tuple[int, int] | None = None
        self._ids = np.zeros(0, dtype=np.int64)
        self._matrix: np.ndarray | None = None
        self._ann = None

    def _refresh(self) -> None:
        state = self._store.vector_state()
        if state == self._state:
            return
        self._state = state
        self._ann = None
        self._matrix = None
        if state[0] == 0:
            self._ids = np.zeros(0, dtype=np.int64)
            return
        if state[0] <= self._exact_limit or self._ann_path is None:
            ids, mat = self._store.vectors()
            self._ids, self._matrix = ids, mat.astype(np.float32)
        else:
            self._ann = self._load_or_build_ann(state)

    def _load_or_build_ann(self, state: tuple[int, int]):
        from usearch.index import Index as UIndex

        path = self._ann_path
        assert path is not None
        with _OPEN_LOCK:
            hit = _OPEN.get(path)
            if hit is not None and hit[0] == state:
                return hit[1]
            index = self._open_fresh(path, state)
            if index is None:
                ids, mat = self._store.vectors()
                index = UIndex(ndim=mat.shape[1], metric="cos", dtype="f16")
                index.add(ids, mat.astype(np.float32))
                tmp = path + ".tmp"
                index.save(tmp)
                os.replace(tmp, path)
                with open(path + ".json", "w", encoding="utf-8") as fh:
                    json.dump({"state": list(state)}, fh)
            _OPEN[path] = (state, index)
            return index

    @staticmethod
    def _open_fresh(path: str, state: tuple[int, int]):
        """The file's index, memory-mapped, when its sidecar says it holds exactly these vectors."""
        from usearch.index import Index as UIndex

        try:
            with open(path + ".json", encoding="utf-8") as fh:
                if tuple(json.load(fh)["state"]) != tuple(state):
                    return None
            index = UIndex.restore(path, view=True)
        except (OSError, ValueError, KeyError, RuntimeError):  # missing, stale or damaged: rebuild
            return None
        return index if index is not None and len(index) == state[0] else None

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(row id, cosine) of the ``k`` nearest article vectors, best first."""
        self._refresh()
        if self._ann is not None:
            matches = self._ann.search(np.asarray(vector, dtype=np.float32), k)
            return [(int(key), float(1.0 - dist)) for key, dist in zip(matches.keys, matches.distances)]
        if self._matrix is None or not len(self._ids):
            return []
        sims = self._matrix @ np.asarray(vector, dtype=np.float32)
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top])]
        return [(int(self._ids[i]), float(sims[i])) for i in top]

    def cosines(self, vector: np.ndarray, rowids: list[int]) -> dict[int, float]:
        """Cosine of the vector with given articles (exact, from the loaded matrix or the store)."""
        self._refresh()
        if self._matrix is not None and len(self._ids):
            pos = np.searchsorted(self._ids, rowids)
            out = {}
            for r, p in zip(rowids, pos):
                if p < len(self._ids) and self._ids[p] == r:
                    out[r] = float(self._matrix[p] @ vector)
            return out
        return {}
