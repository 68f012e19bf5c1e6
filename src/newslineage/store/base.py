"""The store protocol: what the index needs from a backend (SQLite now, PostgreSQL later).

A store keeps, per article, the text and metadata as ingested, its sentence spans, its MinHash
signature, its LSH band keys and containment anchors, an article vector and a lazily filled
cache of sentence vectors. Every write of a batch is one transaction: a killed ingest leaves
each committed batch whole and nothing of the batch in flight.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from ..model import Article, Sentence

__all__ = ["ANCHOR_BAND", "ArticleRecord", "IndexParams", "Store", "StoredArticle"]

#: ``band.band_no`` used for containment anchors (sampled shingles) beside the LSH bands 0..B-1.
ANCHOR_BAND = -1


@dataclass(frozen=True, slots=True)
class IndexParams:
    """How an index was built; a store refuses data built any other way.

    Attributes:
        schema_version: Layout of the store's tables.
        fingerprint_version: ``fingerprint.FINGERPRINT_VERSION`` (word tokenisation and hashing).
        shingle_size: Words per shingle.
        minhash: MinHash implementation and scheme (``datasketch-affine32``).
        num_perm: MinHash permutations.
        bands: LSH bands (``bands * rows <= num_perm``).
        rows: MinHash values per band.
        seed: MinHash permutation seed.
        anchor_mod: A shingle is a containment anchor when ``hash % anchor_mod == 0``.
        embedder: Name and version of the sentence encoder, or ``none``.
        segmenter: Sentence segmenter (``fast`` or ``pysbd``): stored sentence spans come from it.
        passage_sentences: Body sentences per passage vector (``store/passages.py``); 0 = none.
    """

    schema_version: int
    fingerprint_version: str
    shingle_size: int
    minhash: str
    num_perm: int
    bands: int
    rows: int
    seed: int
    anchor_mod: int
    embedder: str
    segmenter: str = "fast"
    passage_sentences: int = 0

    def as_meta(self) -> dict[str, str]:
        """The values as text, as kept in the store's ``meta`` table."""
        return {name: str(getattr(self, name)) for name in self.__dataclass_fields__}


@dataclass(slots=True)
class ArticleRecord:
    """Everything ingest computed for one article, ready to be written."""

    article: Article
    language: str
    content_hash: str
    sentences: tuple[Sentence, ...]
    signature: np.ndarray
    band_keys: list[tuple[int, int]]
    vector: np.ndarray | None = None
    sentence_vectors: dict[int, np.ndarray] = field(default_factory=dict)
    #: ``(first sentence index, last sentence index, unit vector)`` per passage (store/passages.py).
    passages: list[tuple[int, int, np.ndarray]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article read back from the store, with its sentences (no prepare needed)."""

    rowid: int
    article: Article
    language: str
    content_hash: str
    sentences: tuple[Sentence, ...]


@runtime_checkable
class Store(Protocol):
    """A place to keep an index. Implementations: ``SQLiteStore``."""

    params: IndexParams

    def known(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these article ids and content hashes are already stored."""
        ...

    def add_batch(self, records: Sequence[ArticleRecord]) -> int:
        """Write records in one transaction; returns how many were new (others are skipped)."""
        ...

    def count(self) -> int:
        """Number of stored articles."""
        ...

    def get(self, article_id: str) -> StoredArticle | None:
        """The article with this id, or None."""
        ...

    def get_many(self, rowids: Iterable[int]) -> dict[int, StoredArticle]:
        """Articles by row id."""
        ...

    def headers(self, rowids: Iterable[int]) -> dict[int, tuple[str, str | None, str | None]]:
        """(id, outlet, published_at) by row id."""
        ...

    def band_hits(self, keys: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """Per article row id: (LSH bands shared, anchors shared) with the given keys."""
        ...

    def vector_state(self) -> tuple[int, int]:
        """(number of vectors, largest row id with a vector): changes whenever vectors are added."""
        ...

    def signatures(self, rowids: Sequence[int]) -> dict[int, np.ndarray]:
        """MinHash signatures by row id."""
        ...

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All article vectors: ``(rowids int64, matrix float16)``."""
        ...

    def sentence_vectors(self, rowid: int) -> dict[int, np.ndarray]:
        """Cached sentence vectors of one article, by sentence index."""
        ...

    def put_sentence_vectors(self, rowid: int, vectors: dict[int, np.ndarray]) -> None:
        """Add sentence vectors to the cache."""
        ...

    def close(self) -> None:
        """Release the backend."""
        ...
