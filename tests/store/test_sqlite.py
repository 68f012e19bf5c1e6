"""The SQLite store: opening, refusing, writing in transactions."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import numpy as np
import pytest

from newslineage.errors import CorruptStoreError, IncompatibleStoreError, StoreError
from newslineage.index import default_params
from newslineage.model import Article, Sentence
from newslineage.store import ArticleEntry, ArticleRecord, SQLiteStore, Store

PARAMS = default_params("none")


def _record(i: int, text: str | None = None) -> ArticleRecord:
    text = text or f"Article number {i} says something."
    return ArticleRecord(
        article=Article(text=text, id=f"a{i}", outlet="wire", published_at="2024-01-01"),
        language="en",
        content_hash=f"sha1:{i}",
        sentences=(Sentence(0, 0, len(text), text, "body", 0, "en"),),
        signature=np.arange(PARAMS.num_perm, dtype=np.uint32) + i,
        band_keys=[(0, 1000 + i), (-1, 7)],
        vector=np.ones(4, dtype=np.float32) / 2,
    )


def _entry(rec: ArticleRecord, stored_id: str | None = None, **fields) -> ArticleEntry:
    art = replace(rec.article, **fields) if fields else rec.article
    return ArticleEntry(art, stored_id or art.id, 1, rec.content_hash)


def _add(store: SQLiteStore, *records: ArticleRecord) -> int:
    return len(store.add_batch(records, [_entry(r) for r in records]))


def test_store_implements_the_protocol(tmp_path):
    store = SQLiteStore(tmp_path / "x.db", PARAMS)
    assert isinstance(store, Store)
    store.close()


def test_new_file_is_wal_and_records_parameters(tmp_path):
    path = tmp_path / "x.db"
    SQLiteStore(path, PARAMS).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["fingerprint_version"] == PARAMS.fingerprint_version
    assert meta["num_perm"] == str(PARAMS.num_perm) and meta["embedder"] == "none"
    assert {"content", "article", "sentence", "signature", "band", "vector", "sentence_vector"} <= {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    db.close()


def test_write_and_read_back(tmp_path):
    store = SQLiteStore(tmp_path / "x.db", PARAMS)
    assert _add(store, _record(1), _record(2)) == 2
    assert _add(store, _record(1)) == 0  # same id: stored once
    assert store.count() == 2
    got = store.get("a1")
    assert got is not None and got.article.outlet == "wire" and got.sentences[0].text == got.article.text
    assert store.band_hits([(0, 1001), (-1, 7)]) == {got.text_rowid: (1, 1), store.get("a2").text_rowid: (0, 1)}
    ids, mat = store.vectors()
    assert mat.dtype == np.float16 and mat.shape == (2, 4)
    store.put_sentence_vectors(got.text_rowid, {0: np.ones(4, dtype=np.float32)})
    assert list(store.sentence_vectors(got.text_rowid)) == [0]
    store.close()


def test_articles_with_one_text_share_it_and_are_all_kept(tmp_path):
    store = SQLiteStore(tmp_path / "x.db", PARAMS)
    rec = _record(1)
    entries = [_entry(rec), _entry(rec, "k1", id="k1", outlet="KIFI"), _entry(rec, "k2", id="k2", outlet="KRDO")]
    assert len(store.add_batch([rec], entries)) == 3
    assert (store.count(), store.count_texts()) == (3, 1)
    text = store.get("k1").text_rowid
    assert store.get("a1").text_rowid == store.get("k2").text_rowid == text
    assert [c.id for c in store.copies([text])[text]] == ["a1", "k1", "k2"]
    assert store.texts_known([rec.content_hash, "sha1:none"]) == {rec.content_hash: "a1"}
    assert store.identities(["k1", "nope"]) == {"k1": [("KIFI", 1, rec.content_hash, "k1")]}
    # an article whose text is neither stored nor given is not written
    lost = ArticleEntry(Article(text="x", id="lost"), "lost", 1, "sha1:missing")
    assert store.add_batch([], [lost]) == [] and store.get("lost") is None
    store.close()


_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE article (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, outlet TEXT, url TEXT, title TEXT,
    published_at TEXT, language TEXT, origin TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL);
CREATE INDEX article_content_hash ON article(content_hash);
CREATE TABLE sentence (article INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    role TEXT NOT NULL, paragraph INTEGER NOT NULL, PRIMARY KEY (article, idx)) WITHOUT ROWID;
CREATE TABLE signature (article INTEGER PRIMARY KEY, minhash BLOB NOT NULL);
CREATE TABLE band (band_no INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL);
CREATE INDEX band_lookup ON band(key, band_no, article);
CREATE TABLE vector (article INTEGER PRIMARY KEY, v BLOB NOT NULL);
CREATE TABLE sentence_vector (article INTEGER NOT NULL, idx INTEGER NOT NULL, v BLOB NOT NULL, PRIMARY KEY (article, idx)) WITHOUT ROWID;
"""


def _v1_index(path) -> None:
    """An index as schema 1 wrote it: one row per text in ``article``."""
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA_V1)
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted({**PARAMS.as_meta(), "schema_version": "1"}.items()))
    text = "Article number 5 says something."
    db.execute("INSERT INTO article VALUES (5, 'a5', 'wire', NULL, 'T', '2024-01-01', 'en', 'f.txt', ?, 'sha1:5')", (text,))
    db.execute("INSERT INTO sentence VALUES (5, 0, 0, ?, 'body', 0)", (len(text),))
    db.execute("INSERT INTO signature VALUES (5, ?)", (np.arange(PARAMS.num_perm, dtype="<u4").tobytes(),))
    db.executemany("INSERT INTO band VALUES (?, ?, 5)", [(0, 1005), (-1, 7)])
    db.commit()
    db.close()


def test_schema_1_index_is_upgraded_in_place_without_losing_anything(tmp_path):
    path = tmp_path / "old.db"
    _v1_index(path)
    store = SQLiteStore(path, PARAMS)
    got = store.get("a5")
    assert got is not None and got.article.title == "T" and got.given_id == "a5" and got.sentences[0].text.startswith("Article")
    assert store.band_hits([(0, 1005)]) == {got.text_rowid: (1, 0)}
    assert store.signatures([got.text_rowid])[got.text_rowid][3] == 3
    assert _add(store, _record(6)) == 1 and store.count() == 2
    store.close()
    db = sqlite3.connect(path)
    assert dict(db.execute("SELECT key, value FROM meta"))["schema_version"] == "2"
    db.close()


def test_schema_1_index_that_cannot_be_written_gets_a_clear_message(tmp_path):
    from newslineage.store.migrate import upgrade

    path = tmp_path / "old.db"
    _v1_index(path)
    before = path.read_bytes()
    readonly = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(IncompatibleStoreError, match=r"old.db: index schema version 1 could not be upgraded .*left as it was; rebuild with: newslineage ingest"):
        upgrade(readonly, str(path))
    readonly.close()
    assert path.read_bytes() == before


def test_unknown_schema_version_is_refused_with_a_rebuild_hint(tmp_path):
    path = tmp_path / "future.db"
    SQLiteStore(path, PARAMS).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(IncompatibleStoreError, match=r"schema version 9 is not 2.*rebuild with: newslineage ingest"):
        SQLiteStore(path, PARAMS)


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "garbage.db"
    garbage = bytes(range(256)) * 20
    path.write_bytes(garbage)
    with pytest.raises(CorruptStoreError, match="garbage.db"):
        SQLiteStore(path, PARAMS)
    assert path.read_bytes() == garbage


def test_sqlite_file_that_is_not_an_index_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(CorruptStoreError, match="not a newslineage index"):
        SQLiteStore(path, PARAMS)


def test_other_parameters_are_refused_with_a_rebuild_hint(tmp_path):
    path = tmp_path / "x.db"
    SQLiteStore(path, PARAMS).close()
    with pytest.raises(IncompatibleStoreError, match=r"num_perm=64 \(wanted 128\).*rebuild with: newslineage ingest"):
        SQLiteStore(path, replace(PARAMS, num_perm=128))
    with pytest.raises(IncompatibleStoreError, match="embedder"):
        SQLiteStore(path, replace(PARAMS, embedder="hashing-256"))
    store = SQLiteStore(path, replace(PARAMS, embedder="hashing-256"), adopt_embedder=True)
    assert store.params.embedder == "none"
    store.close()


def test_another_segmenter_is_refused_with_a_rebuild_hint(tmp_path):
    path = tmp_path / "x.db"
    SQLiteStore(path, PARAMS).close()
    db = sqlite3.connect(path)
    assert dict(db.execute("SELECT key, value FROM meta"))["segmenter"] == "fast"
    db.close()
    with pytest.raises(IncompatibleStoreError, match=r"segmenter=fast \(wanted pysbd\).*rebuild with: newslineage ingest"):
        SQLiteStore(path, replace(PARAMS, segmenter="pysbd"))


def test_index_from_before_the_segmenter_was_recorded_counts_as_pysbd(tmp_path):
    path = tmp_path / "old.db"
    SQLiteStore(path, PARAMS).close()
    db = sqlite3.connect(path)
    db.execute("DELETE FROM meta WHERE key = 'segmenter'")
    db.commit()
    db.close()
    with pytest.raises(IncompatibleStoreError, match=r"segmenter=pysbd \(wanted fast\)"):
        SQLiteStore(path, PARAMS)
    store = SQLiteStore(path, replace(PARAMS, segmenter="pysbd"))
    assert store.params.segmenter == "pysbd"
    store.close()


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError, match="newslineage ingest"):
        SQLiteStore(tmp_path / "none.db", PARAMS, create=False)


def test_failed_batch_leaves_nothing(tmp_path):
    store = SQLiteStore(tmp_path / "x.db", PARAMS)
    bad = _record(2)
    bad.sentences = (None,)  # type: ignore[assignment]
    with pytest.raises(AttributeError):  # the record fails half-way through the batch
        store.add_batch([_record(1), bad], [_entry(_record(1)), _entry(bad)])
    assert store.count() == 0
    store.close()
