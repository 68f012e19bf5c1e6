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
from .base import ANCHOR_BAND, ArticleEntry, ArticleRecord, Copy, IndexParams, StoredArticle, StoredText
from .migrate import UPGRADABLE, upgrade
from .passages import PASSAGE_SCHEMA, passage_state, read_passage_spans, read_passage_vectors, write_passages

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]

#: 2: texts (``content``) apart from articles, so identical texts of several articles are kept
#: once and every article is kept (1 kept one article per text). ``migrate.py`` upgrades 1.
SCHEMA_VERSION = 2
_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS content (
    rowid INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    language TEXT
);
CREATE TABLE IF NOT EXISTS article (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    given_id TEXT NOT NULL,
    outlet TEXT, url TEXT, title TEXT, published_at TEXT, origin TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    content INTEGER NOT NULL REFERENCES content(rowid)
);
CREATE UNIQUE INDEX IF NOT EXISTS article_identity ON article(given_id, IFNULL(outlet, ''), version);
CREATE INDEX IF NOT EXISTS article_content ON article(content);
CREATE TABLE IF NOT EXISTS sentence (
    content INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    role TEXT NOT NULL, paragraph INTEGER NOT NULL,
    PRIMARY KEY (content, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS signature (content INTEGER PRIMARY KEY, minhash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS band (band_no INTEGER NOT NULL, key INTEGER NOT NULL, content INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS band_lookup ON band(key, band_no, content);
CREATE TABLE IF NOT EXISTS vector (content INTEGER PRIMARY KEY, v BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_vector (
    content INTEGER NOT NULL, idx INTEGER NOT NULL, v BLOB NOT NULL,
    PRIMARY KEY (content, idx)
) WITHOUT ROWID;
""" + PASSAGE_SCHEMA

_COPY_COLUMNS = "rowid, id, given_id, outlet, title, published_at, url, origin, version"


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
        version = stored.get("schema_version")
        if version in UPGRADABLE:
            upgrade(self._db, self.path)
            stored = {**stored, "schema_version": str(SCHEMA_VERSION)}
        elif version != str(SCHEMA_VERSION):
            raise IncompatibleStoreError(
                f"{self.path}: index schema version {version} is not {SCHEMA_VERSION} (this newslineage); {_rebuild_hint(self.path)}"
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

    def identities(self, given_ids: Sequence[str]) -> dict[str, list[tuple[str | None, int, str, str]]]:
        """Per given id already stored: ``(outlet, version, content hash, stored id)`` of each article given it."""
        out: dict[str, list[tuple[str | None, int, str, str]]] = {}
        for chunk in _chunks(sorted(set(given_ids)), 500):
            q = f"SELECT a.given_id, a.outlet, a.version, c.hash, a.id FROM article a JOIN content c ON c.rowid = a.content WHERE a.given_id IN ({','.join('?' * len(chunk))}) ORDER BY a.rowid"
            for given, outlet, version, chash, aid in self._db.execute(q, chunk):
                out.setdefault(given, []).append((outlet, int(version), chash, aid))
        return out

    def taken(self, ids: Sequence[str]) -> set[str]:
        """Which of these stored ids are in use."""
        found: set[str] = set()
        for chunk in _chunks(list(ids), 500):
            found.update(r[0] for r in self._db.execute(f"SELECT id FROM article WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def texts_known(self, hashes: Sequence[str]) -> dict[str, str]:
        """Per content hash already stored: the id of the first article stored with that text."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(hashes), 500):
            q = f"""SELECT c.hash, (SELECT a.id FROM article a WHERE a.content = c.rowid ORDER BY a.rowid LIMIT 1)
                    FROM content c WHERE c.hash IN ({','.join('?' * len(chunk))})"""
            out.update((h, aid or "") for h, aid in self._db.execute(q, chunk))
        return out

    def add_batch(self, records: Sequence[ArticleRecord], entries: Sequence[ArticleEntry]) -> list[ArticleEntry]:
        """Write new texts, then the articles, in one transaction.

        A text whose hash is stored already is not written again. An article whose stored id or
        identity (given id, outlet, version) is taken by now (another writer), or whose text is
        neither stored nor in ``records``, is not written.

        Returns:
            The entries written.
        """
        db = self._db
        written: list[ArticleEntry] = []
        with self._tx():
            for rec in records:
                if db.execute("SELECT 1 FROM content WHERE hash = ?", (rec.content_hash,)).fetchone():
                    continue
                cur = db.execute("INSERT INTO content(hash, text, language) VALUES (?,?,?)", (rec.content_hash, rec.article.text, rec.language))
                rowid = cur.lastrowid
                db.executemany(
                    'INSERT INTO sentence(content, idx, start, "end", role, paragraph) VALUES (?,?,?,?,?,?)',
                    [(rowid, s.index, s.start, s.end, s.role, s.paragraph) for s in rec.sentences],
                )
                db.execute("INSERT INTO signature(content, minhash) VALUES (?, ?)", (rowid, rec.signature.astype("<u4").tobytes()))
                db.executemany("INSERT INTO band(band_no, key, content) VALUES (?,?,?)", [(b, k, rowid) for b, k in rec.band_keys])
                if rec.vector is not None:
                    db.execute("INSERT INTO vector(content, v) VALUES (?, ?)", (rowid, _f16(rec.vector)))
                if rec.sentence_vectors:
                    db.executemany(
                        "INSERT OR REPLACE INTO sentence_vector(content, idx, v) VALUES (?,?,?)",
                        [(rowid, i, _f16(v)) for i, v in rec.sentence_vectors.items()],
                    )
                write_passages(db, rowid, rec.passages)
            for entry in entries:
                art = entry.article
                row = db.execute("SELECT rowid FROM content WHERE hash = ?", (entry.content_hash,)).fetchone()
                if row is None:
                    continue
                cur = db.execute(
                    "INSERT OR IGNORE INTO article(id, given_id, outlet, url, title, published_at, origin, version, content) VALUES (?,?,?,?,?,?,?,?,?)",
                    (entry.id, art.id, art.outlet, art.url, art.title, art.published_at, art.origin, entry.version, row[0]),
                )
                if cur.rowcount:
                    written.append(entry)
        return written

    def put_sentence_vectors(self, rowid: int, vectors: dict[int, np.ndarray]) -> None:
        """Add sentence vectors of a text to the cache (best effort: a read-only file keeps no cache)."""
        if not vectors:
            return
        try:
            with self._tx():
                self._db.executemany(
                    "INSERT OR REPLACE INTO sentence_vector(content, idx, v) VALUES (?,?,?)",
                    [(rowid, i, _f16(v)) for i, v in vectors.items()],
                )
        except sqlite3.OperationalError:
            pass

    # -- reading ---------------------------------------------------------------------------
    def count(self) -> int:
        """Number of stored articles."""
        return int(self._db.execute("SELECT COUNT(*) FROM article").fetchone()[0])

    def count_texts(self) -> int:
        """Number of distinct stored texts (articles sharing a text count once)."""
        return int(self._db.execute("SELECT COUNT(*) FROM content").fetchone()[0])

    def ids(self) -> list[str]:
        """Every stored article id, in ingest order."""
        return [r[0] for r in self._db.execute("SELECT id FROM article ORDER BY rowid")]

    def get(self, article_id: str) -> StoredArticle | None:
        """The article with this stored id (with its text and sentences), or None."""
        row = self._db.execute(f"SELECT {_COPY_COLUMNS}, content FROM article WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        copy, text_rowid = Copy(*row[:-1]), row[-1]
        stored = self.get_texts([text_rowid])[text_rowid]
        art = Article(
            text=stored.text, id=copy.id, outlet=copy.outlet, url=copy.url, title=copy.title,
            published_at=copy.published_at, language=stored.language, origin=copy.origin,
        )
        return StoredArticle(copy.rowid, text_rowid, art, stored.language, stored.content_hash, stored.sentences, copy.given_id, copy.version)

    def get_texts(self, rowids: Iterable[int]) -> dict[int, StoredText]:
        """Texts (with their sentences) by text row id."""
        out: dict[int, StoredText] = {}
        for chunk in _chunks(list(rowids), 500):
            marks = ",".join("?" * len(chunk))
            spans: dict[int, list[tuple]] = {}
            for row in self._db.execute(f'SELECT content, idx, start, "end", role, paragraph FROM sentence WHERE content IN ({marks}) ORDER BY content, idx', chunk):
                spans.setdefault(row[0], []).append(row[1:])
            for rowid, text, lang, chash in self._db.execute(f"SELECT rowid, text, language, hash FROM content WHERE rowid IN ({marks})", chunk):
                sents = tuple(Sentence(i, s, e, text[s:e], role, p, lang) for i, s, e, role, p in spans.get(rowid, []))
                out[rowid] = StoredText(rowid, text, lang, chash, sents)
        return out

    def copies(self, rowids: Iterable[int]) -> dict[int, list[Copy]]:
        """Every article carrying each text, by text row id, in ingest order."""
        out: dict[int, list[Copy]] = {}
        for chunk in _chunks(list(rowids), 500):
            q = f"SELECT content, {_COPY_COLUMNS} FROM article WHERE content IN ({','.join('?' * len(chunk))}) ORDER BY rowid"
            for content, *row in self._db.execute(q, chunk):
                out.setdefault(content, []).append(Copy(*row))
        return out

    def band_hits(self, keys: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """Per text row id: (LSH bands shared, anchors shared)."""
        wanted = set(keys)
        hits: dict[int, list[int]] = {}
        for chunk in _chunks(sorted({k for _, k in wanted}), 900):
            q = f"SELECT band_no, key, content FROM band WHERE key IN ({','.join('?' * len(chunk))})"
            for band_no, key, art in self._db.execute(q, chunk):
                if (band_no, key) in wanted:
                    counts = hits.setdefault(art, [0, 0])
                    counts[1 if band_no == ANCHOR_BAND else 0] += 1
        return {a: (c[0], c[1]) for a, c in hits.items()}

    def signatures(self, rowids: Sequence[int]) -> dict[int, np.ndarray]:
        """MinHash signatures by text row id."""
        out: dict[int, np.ndarray] = {}
        for chunk in _chunks(list(rowids), 500):
            q = f"SELECT content, minhash FROM signature WHERE content IN ({','.join('?' * len(chunk))})"
            for art, blob in self._db.execute(q, chunk):
                out[art] = np.frombuffer(blob, dtype="<u4")
        return out

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All article vectors as ``(text rowids, float16 matrix)`` (one per distinct text)."""
        rows = self._db.execute("SELECT content, v FROM vector ORDER BY content").fetchall()
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
        top = int(self._db.execute("SELECT COALESCE(MAX(content), 0) FROM vector").fetchone()[0])
        if self._vector_state is None or self._vector_state[1] != top:
            n = int(self._db.execute("SELECT COUNT(*) FROM vector").fetchone()[0])
            self._vector_state = (n, top)
        return self._vector_state

    def sentence_vectors(self, rowid: int) -> dict[int, np.ndarray]:
        """Cached sentence vectors of one text."""
        return {i: np.frombuffer(v, dtype="<f2").astype(np.float32) for i, v in self._db.execute("SELECT idx, v FROM sentence_vector WHERE content = ?", (rowid,))}

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
