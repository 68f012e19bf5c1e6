"""The default store: one SQLite file in WAL mode, no server.

WAL with ``synchronous=NORMAL`` survives a killed process (not a power cut) with every committed
transaction intact, and lets ``sources`` read while an ingest writes. Vectors are float16 blobs
(half the space of float32; cosine ranking does not notice the precision).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from ..errors import CorruptStoreError, IncompatibleStoreError, StoreError
from ..model import Article, Sentence
from .base import ANCHOR_BAND, ArticleRecord, IndexParams, StoredArticle
from .passages import PASSAGE_SCHEMA, passage_state, read_passage_spans, read_passage_vectors, write_passages

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]

SCHEMA_VERSION = 1
_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    outlet TEXT, url TEXT, title TEXT, published_at TEXT, language TEXT, origin TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_content_hash ON article(content_hash);
CREATE TABLE IF NOT EXISTS sentence (
    article INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    role TEXT NOT NULL, paragraph INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS signature (article INTEGER PRIMARY KEY, minhash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS band (band_no INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS band_lookup ON band(key, band_no, article);
CREATE TABLE IF NOT EXISTS vector (article INTEGER PRIMARY KEY, v BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_vector (
    article INTEGER NOT NULL, idx INTEGER NOT NULL, v BLOB NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
""" + PASSAGE_SCHEMA


def _rebuild_hint(path: str) -> str:
    return f"rebuild with: newslineage ingest ... --db NEW.db (or open {path} with the parameters it was built with)"


class SQLiteStore:
    """An index kept in one SQLite file.

    Args:
        path: The database file (created when missing and ``create`` is true).
        params: The parameters the caller builds with; an existing file must match them.
        adopt_embedder: Take the embedder the file was built with instead of ``params.embedder``
            (for readers, which embed queries with whatever the index used).
        create: Create the file when it does not exist (False: a missing file is an error).

    Raises:
        CorruptStoreError: The file is not SQLite, is damaged, or is not a newslineage index.
        IncompatibleStoreError: Built with other parameters or another schema version.
        StoreError: Missing file with ``create=False``.
    """

    def __init__(self, path: str | os.PathLike, params: IndexParams, *, adopt_embedder: bool = False, create: bool = True) -> None:
        self.path = str(path)
        self._vector_state: tuple[int, int] | None = None
        exists = os.path.exists(self.path) and os.path.getsize(self.path) > 0
        if not exists and not create:
            raise StoreError(f"{self.path}: no index there; build one with: newslineage ingest PATH... --db {self.path}")
        if exists:
            self._check_magic()
        try:
            self._db = sqlite3.connect(self.path, timeout=60.0, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA busy_timeout = 60000")
            stored = self._read_meta() if exists else None
            if exists and stored is None:
                raise CorruptStoreError(f"{self.path}: is an SQLite database but not a newslineage index (no meta table); give another --db file")
        except sqlite3.DatabaseError as exc:
            raise CorruptStoreError(f"{self.path}: cannot be opened as a newslineage index ({exc}); move it aside and rebuild with: newslineage ingest ... --db NEW.db") from None
        if stored is not None:
            self.params = self._check_params(stored, params, adopt_embedder)
        else:
            self.params = params
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            if stored is None:
                with self._tx():
                    for stmt in _SCHEMA.split(";"):
                        if stmt.strip():
                            self._db.execute(stmt)
                    self._db.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", sorted(params.as_meta().items()))
        except sqlite3.DatabaseError as exc:
            raise CorruptStoreError(f"{self.path}: cannot be written as a newslineage index ({exc})") from None

    # -- opening -------------------------------------------------------------------------
    def _check_magic(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                head = fh.read(len(_MAGIC))
        except OSError as exc:
            raise CorruptStoreError(f"{self.path}: cannot be read ({exc.strerror})") from None
        if head != _MAGIC:
            raise CorruptStoreError(f"{self.path}: is not an SQLite file (not a newslineage index); it was left untouched; give another --db file")

    def _read_meta(self) -> dict[str, str] | None:
        row = self._db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if row is None:
            return None
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def _check_params(self, stored: dict[str, str], wanted: IndexParams, adopt_embedder: bool) -> IndexParams:
        if stored.get("schema_version") != str(SCHEMA_VERSION):
            raise IncompatibleStoreError(
                f"{self.path}: index schema version {stored.get('schema_version')} is not {SCHEMA_VERSION} (this newslineage); {_rebuild_hint(self.path)}"
            )
        stored = dict(stored)
        # indexes from before the segmenter was recorded were all segmented by pysbd
        stored.setdefault("segmenter", "pysbd")
        mine = wanted.as_meta()
        if adopt_embedder and "embedder" in stored:
            mine["embedder"] = stored["embedder"]
        diffs = [f"{k}={stored.get(k)!s} (wanted {v})" for k, v in mine.items() if stored.get(k) != v]
        if diffs:
            raise IncompatibleStoreError(f"{self.path}: index was built with other parameters: {', '.join(diffs)}; {_rebuild_hint(self.path)}")
        kinds = {f: type(getattr(wanted, f)) for f in wanted.__dataclass_fields__}
        return IndexParams(**{k: kinds[k](stored[k]) for k in kinds})

    # -- writing ---------------------------------------------------------------------------
    def _tx(self):
        return _Transaction(self._db)

    def known(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these ids and content hashes are already stored."""
        found_ids: set[str] = set()
        found_hashes: set[str] = set()
        for chunk in _chunks(list(ids), 500):
            q = f"SELECT id FROM article WHERE id IN ({','.join('?' * len(chunk))})"
            found_ids.update(r[0] for r in self._db.execute(q, chunk))
        for chunk in _chunks(list(hashes), 500):
            q = f"SELECT content_hash FROM article WHERE content_hash IN ({','.join('?' * len(chunk))})"
            found_hashes.update(r[0] for r in self._db.execute(q, chunk))
        return found_ids, found_hashes

    def add_batch(self, records: Sequence[ArticleRecord]) -> int:
        """Write records in one transaction; ids or content hashes already stored are skipped."""
        added = 0
        db = self._db
        with self._tx():
            for rec in records:
                art = rec.article
                dup = db.execute("SELECT 1 FROM article WHERE id = ? OR content_hash = ? LIMIT 1", (art.id, rec.content_hash)).fetchone()
                if dup:
                    continue
                cur = db.execute(
                    "INSERT INTO article(id, outlet, url, title, published_at, language, origin, text, content_hash) VALUES (?,?,?,?,?,?,?,?,?)",
                    (art.id, art.outlet, art.url, art.title, art.published_at, rec.language, art.origin, art.text, rec.content_hash),
                )
                rowid = cur.lastrowid
                db.executemany(
                    'INSERT INTO sentence(article, idx, start, "end", role, paragraph) VALUES (?,?,?,?,?,?)',
                    [(rowid, s.index, s.start, s.end, s.role, s.paragraph) for s in rec.sentences],
                )
                db.execute("INSERT INTO signature(article, minhash) VALUES (?, ?)", (rowid, rec.signature.astype("<u4").tobytes()))
                db.executemany("INSERT INTO band(band_no, key, article) VALUES (?,?,?)", [(b, k, rowid) for b, k in rec.band_keys])
                if rec.vector is not None:
                    db.execute("INSERT INTO vector(article, v) VALUES (?, ?)", (rowid, _f16(rec.vector)))
                if rec.sentence_vectors:
                    db.executemany(
                        "INSERT OR REPLACE INTO sentence_vector(article, idx, v) VALUES (?,?,?)",
                        [(rowid, i, _f16(v)) for i, v in rec.sentence_vectors.items()],
                    )
                write_passages(db, rowid, rec.passages)
                added += 1
        return added

    def put_sentence_vectors(self, rowid: int, vectors: dict[int, np.ndarray]) -> None:
        """Add sentence vectors to the cache (best effort: a read-only file keeps no cache)."""
        if not vectors:
            return
        try:
            with self._tx():
                self._db.executemany(
                    "INSERT OR REPLACE INTO sentence_vector(article, idx, v) VALUES (?,?,?)",
                    [(rowid, i, _f16(v)) for i, v in vectors.items()],
                )
        except sqlite3.OperationalError:
            pass

    # -- reading ---------------------------------------------------------------------------
    def count(self) -> int:
        """Number of stored articles."""
        return int(self._db.execute("SELECT COUNT(*) FROM article").fetchone()[0])

    def ids(self) -> list[str]:
        """Every stored article id, in ingest order."""
        return [r[0] for r in self._db.execute("SELECT id FROM article ORDER BY rowid")]

    def get(self, article_id: str) -> StoredArticle | None:
        """The article with this id, or None."""
        row = self._db.execute("SELECT rowid FROM article WHERE id = ?", (article_id,)).fetchone()
        return self.get_many([row[0]]).get(row[0]) if row else None

    def get_many(self, rowids: Iterable[int]) -> dict[int, StoredArticle]:
        """Articles (with their sentences) by row id."""
        out: dict[int, StoredArticle] = {}
        for chunk in _chunks(list(rowids), 500):
            marks = ",".join("?" * len(chunk))
            spans: dict[int, list[tuple]] = {}
            for row in self._db.execute(f'SELECT article, idx, start, "end", role, paragraph FROM sentence WHERE article IN ({marks}) ORDER BY article, idx', chunk):
                spans.setdefault(row[0], []).append(row[1:])
            q = f"SELECT rowid, id, outlet, url, title, published_at, language, origin, text, content_hash FROM article WHERE rowid IN ({marks})"
            for rowid, aid, outlet, url, title, date, lang, origin, text, chash in self._db.execute(q, chunk):
                art = Article(text=text, id=aid, outlet=outlet, url=url, title=title, published_at=date, language=lang, origin=origin)
                sents = tuple(Sentence(i, s, e, text[s:e], role, p, lang) for i, s, e, role, p in spans.get(rowid, []))
                out[rowid] = StoredArticle(rowid, art, lang, chash, sents)
        return out

    def headers(self, rowids: Iterable[int]) -> dict[int, tuple[str, str | None, str | None]]:
        """(id, outlet, published_at) by row id: enough to filter candidates before loading them."""
        out: dict[int, tuple[str, str | None, str | None]] = {}
        for chunk in _chunks(list(rowids), 500):
            q = f"SELECT rowid, id, outlet, published_at FROM article WHERE rowid IN ({','.join('?' * len(chunk))})"
            for rowid, aid, outlet, date in self._db.execute(q, chunk):
                out[rowid] = (aid, outlet, date)
        return out

    def band_hits(self, keys: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """Per article row id: (LSH bands shared, anchors shared)."""
        wanted = set(keys)
        hits: dict[int, list[int]] = {}
        for chunk in _chunks(sorted({k for _, k in wanted}), 900):
            q = f"SELECT band_no, key, article FROM band WHERE key IN ({','.join('?' * len(chunk))})"
            for band_no, key, art in self._db.execute(q, chunk):
                if (band_no, key) in wanted:
                    counts = hits.setdefault(art, [0, 0])
                    counts[1 if band_no == ANCHOR_BAND else 0] += 1
        return {a: (c[0], c[1]) for a, c in hits.items()}

    def signatures(self, rowids: Sequence[int]) -> dict[int, np.ndarray]:
        """MinHash signatures by row id."""
        out: dict[int, np.ndarray] = {}
        for chunk in _chunks(list(rowids), 500):
            q = f"SELECT article, minhash FROM signature WHERE article IN ({','.join('?' * len(chunk))})"
            for art, blob in self._db.execute(q, chunk):
                out[art] = np.frombuffer(blob, dtype="<u4")
        return out

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All article vectors as ``(rowids, float16 matrix)``."""
        rows = self._db.execute("SELECT article, v FROM vector ORDER BY article").fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float16)
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        mat = np.frombuffer(b"".join(r[1] for r in rows), dtype="<f2").reshape(len(rows), -1)
        return ids, mat

    def vector_state(self) -> tuple[int, int]:
        """(number of vectors, largest row id): changes whenever vectors are added."""
        # COUNT(*) walks the whole table (19 ms at 100k articles, on every search). Article
        # vectors are only ever added, with new articles, so the largest row id (a B-tree lookup)
        # tells whether the count can have changed; caching sentence vectors does not touch it.
        top = int(self._db.execute("SELECT COALESCE(MAX(article), 0) FROM vector").fetchone()[0])
        if self._vector_state is None or self._vector_state[1] != top:
            n = int(self._db.execute("SELECT COUNT(*) FROM vector").fetchone()[0])
            self._vector_state = (n, top)
        return self._vector_state

    def sentence_vectors(self, rowid: int) -> dict[int, np.ndarray]:
        """Cached sentence vectors of one article."""
        return {i: np.frombuffer(v, dtype="<f2").astype(np.float32) for i, v in self._db.execute("SELECT idx, v FROM sentence_vector WHERE article = ?", (rowid,))}

    def passage_state(self) -> tuple[int, int]:
        """(number of passage vectors, largest passage key): changes whenever passages are added."""
        return passage_state(self._db)

    def passage_vectors(self, after_key: int = 0, rowids: Iterable[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Passage ``(keys, int8 matrix)`` above ``after_key`` or of these articles (store/passages.py)."""
        return read_passage_vectors(self._db, after_key, rowids)

    def passage_spans(self, keys: Iterable[int]) -> dict[int, tuple[int, int]]:
        """(first, last) body sentence index of passages by key."""
        return read_passage_spans(self._db, keys)

    def integrity(self) -> str:
        """SQLite's own integrity check (``ok`` when sound)."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        """Close the connection (committed data is already on disk)."""
        self._db.close()


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")


def _f16(vec: np.ndarray) -> bytes:
    return np.asarray(vec, dtype="<f2").tobytes()


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
