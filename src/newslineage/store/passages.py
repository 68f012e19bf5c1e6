"""Passage vectors in the SQLite store: one row per passage of an article.

A passage is a run of consecutive body sentences (``IndexParams.passage_sentences`` of them);
its vector lets a text taken from inside a long document, in any language the encoder covers,
find that document. Vectors are kept as int8 (unit vectors scaled by 127: 512 bytes instead of
1 KB in float16; cosine ranking moves by less than 0.01) and written in the same transaction as
their article, so a killed ingest never leaves an article without its passages or the reverse.

Each passage has a 63-bit key, ``article rowid << KEY_BITS | passage number``, which is also its
key in the approximate-nearest-neighbour file: a search hit names its article without a lookup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["KEY_BITS", "MAX_PASSAGES", "PASSAGE_SCHEMA", "passage_key", "passage_state", "read_passage_spans", "read_passage_vectors", "to_int8", "write_passages"]

#: Bits of a passage key that hold the passage number.
KEY_BITS = 16
#: Passages kept per article (a 65,000-passage "article" is a data error, not news).
MAX_PASSAGES = (1 << KEY_BITS) - 1

PASSAGE_SCHEMA = """
CREATE TABLE IF NOT EXISTS passage (
    key INTEGER PRIMARY KEY,
    first INTEGER NOT NULL, last INTEGER NOT NULL,
    v BLOB NOT NULL
)
"""


def passage_key(rowid: int, number: int) -> int:
    """The key of passage ``number`` of article ``rowid``."""
    return (rowid << KEY_BITS) | number


def to_int8(vectors: np.ndarray) -> np.ndarray:
    """Unit vectors as int8 (x127, rounded)."""
    return np.clip(np.rint(np.asarray(vectors, dtype=np.float32) * 127.0), -127, 127).astype(np.int8)


def write_passages(db: sqlite3.Connection, rowid: int, passages: Sequence[tuple[int, int, np.ndarray]]) -> None:
    """Write an article's passages ``(first sentence index, last sentence index, vector)``."""
    if not passages:
        return
    vecs = to_int8(np.stack([v for _, _, v in passages[:MAX_PASSAGES]]))
    db.executemany(
        "INSERT OR REPLACE INTO passage(key, first, last, v) VALUES (?,?,?,?)",
        [(passage_key(rowid, n), first, last, vecs[n].tobytes()) for n, (first, last, _) in enumerate(passages[:MAX_PASSAGES])],
    )


def passage_state(db: sqlite3.Connection) -> tuple[int, int]:
    """(number of passages, largest key): changes whenever passages are added."""
    try:
        top = int(db.execute("SELECT COALESCE(MAX(key), 0) FROM passage").fetchone()[0])
        if not top:
            return (0, 0)
        n = int(db.execute("SELECT COUNT(*) FROM passage").fetchone()[0])
    except sqlite3.OperationalError:  # an index without the table: no passages
        return (0, 0)
    return (n, top)


def read_passage_vectors(db: sqlite3.Connection, after_key: int = 0, rowids: Iterable[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Passage ``(keys uint64, int8 matrix)`` with key above ``after_key`` (or of these articles), in key order."""
    try:
        if rowids is None:
            rows = db.execute("SELECT key, v FROM passage WHERE key > ? ORDER BY key", (after_key,)).fetchall()
        else:
            rows = []
            for r in sorted(set(rowids)):
                rows += db.execute("SELECT key, v FROM passage WHERE key >= ? AND key < ? ORDER BY key", (r << KEY_BITS, (r + 1) << KEY_BITS)).fetchall()
    except sqlite3.OperationalError:
        rows = []
    if not rows:
        return np.zeros(0, dtype=np.uint64), np.zeros((0, 0), dtype=np.int8)
    keys = np.fromiter((r[0] for r in rows), dtype=np.uint64, count=len(rows))
    mat = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.int8).reshape(len(rows), -1)
    return keys, mat


def read_passage_spans(db: sqlite3.Connection, keys: Iterable[int]) -> dict[int, tuple[int, int]]:
    """(first, last) sentence index of passages by key."""
    out: dict[int, tuple[int, int]] = {}
    keys = sorted(set(keys))
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        for key, first, last in db.execute(f"SELECT key, first, last FROM passage WHERE key IN ({','.join('?' * len(chunk))})", chunk):
            out[key] = (first, last)
    return out
