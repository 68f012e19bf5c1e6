"""The store protocol: what the index needs from a backend (SQLite now, PostgreSQL later).

A store keeps two things apart. A **text** is what was computed from one distinct text: its
sentence spans, its MinHash signature, its LSH band keys and containment anchors, an article
vector and a lazily filled cache of sentence vectors. An **article** is one record as ingested
(its id, outlet, title, time, URL, origin) and points at its text. A wire story reprinted by
five outlets is five articles sharing one text: computed once, stored once, and every one of
them is a source a reader may want to see. Search works on texts and lists their articles.

Every write of a batch is one transaction: a killed ingest leaves each committed batch whole
and nothing of the batch in flight.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from ..model import Article, Sentence

__all__ = ["ANCHOR_BAND", "ArticleEntry", "ArticleRecord", "Copy", "IndexParams", "Store", "StoredArticle", "StoredText"]

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
    """Everything ingest computed for one distinct text, ready to be written.

    ``article`` is the first article that brought the text (its text and language are used);
    the articles themselves are written as ``ArticleEntry`` rows.
    """

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
class ArticleEntry:
    """One article to store: its record as read, the id it is stored under, and its text.

    Attributes:
        article: The record as read (``article.id`` is the id given in the input).
        id: The id it is stored and shown under: the given id, or the given id qualified
            (``57@Channel News Asia``) when another outlet already uses it, or a version
            (``57~v2``) when the same record came back with another text.
        version: 1, or the version number of a repeated id kept as a new version.
        content_hash: Hash of its text (``index.ingest.content_hash``).
    """

    article: Article
    id: str
    version: int
    content_hash: str


@dataclass(frozen=True, slots=True)
class Copy:
    """One stored article carrying a text (no text attached): what a source list shows."""

    rowid: int
    id: str
    given_id: str
    outlet: str | None
    title: str | None
    published_at: str | None
    url: str | None
    origin: str | None
    version: int = 1


@dataclass(frozen=True, slots=True)
class StoredText:
    """A distinct text read back from the store, with its sentences (no prepare needed)."""

    rowid: int
    text: str
    language: str
    content_hash: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article read back from the store, with its sentences (no prepare needed).

    Attributes:
        rowid: Row id of the article.
        text_rowid: Row id of its text (shared by every article with the same text).
        article: The article (``article.id`` is the stored id).
        given_id: The id as given in the input.
        version: Version number (1 unless the id was kept as a new version).
    """

    rowid: int
    text_rowid: int
    article: Article
    language: str
    content_hash: str
    sentences: tuple[Sentence, ...]
    given_id: str = ""
    version: int = 1


@runtime_checkable
class Store(Protocol):
    """A place to keep an index. Implementations: ``SQLiteStore``."""

    params: IndexParams

    def identities(self, given_ids: Sequence[str]) -> dict[str, list[tuple[str | None, int, str, str]]]:
        """Per given id already stored: ``(outlet, version, content hash, stored id)`` of each article given it."""
        ...

    def taken(self, ids: Sequence[str]) -> set[str]:
        """Which of these stored ids are in use."""
        ...

    def texts_known(self, hashes: Sequence[str]) -> dict[str, str]:
        """Per content hash already stored: the id of the first article stored with it."""
        ...

    def add_batch(self, records: Sequence[ArticleRecord], entries: Sequence[ArticleEntry]) -> list[ArticleEntry]:
        """Write new texts and the articles in one transaction; returns the entries written."""
        ...

    def count(self) -> int:
        """Number of stored articles."""
        ...

    def count_texts(self) -> int:
        """Number of distinct stored texts."""
        ...

    def get(self, article_id: str) -> StoredArticle | None:
        """The article with this stored id, or None."""
        ...

    def get_texts(self, rowids: Iterable[int]) -> dict[int, StoredText]:
        """Texts (with their sentences) by text row id."""
        ...

    def copies(self, rowids: Iterable[int]) -> dict[int, list[Copy]]:
        """Every article carrying each text, by text row id, in ingest order."""
        ...

    def band_hits(self, keys: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """Per text row id: (LSH bands shared, anchors shared) with the given keys."""
        ...

    def vector_state(self) -> tuple[int, int]:
        """(number of vectors, largest text row id with a vector): changes whenever vectors are added."""
        ...

    def signatures(self, rowids: Sequence[int]) -> dict[int, np.ndarray]:
        """MinHash signatures by text row id."""
        ...

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All article vectors: ``(text rowids int64, matrix float16)``."""
        ...

    def sentence_vectors(self, rowid: int) -> dict[int, np.ndarray]:
        """Cached sentence vectors of one text, by sentence index."""
        ...

    def put_sentence_vectors(self, rowid: int, vectors: dict[int, np.ndarray]) -> None:
        """Add sentence vectors to the cache."""
        ...

    def close(self) -> None:
        """Release the backend."""
        ...
