"""The SQLite store: opening, refusing, writing in transactions."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import numpy as np
import pytest

from newslineage.errors import CorruptStoreError, IncompatibleStoreError, StoreError
from newslineage.index import default_params
from newslineage.model import Article, Sentence
from newslineage.store import ArticleRecord, SQLiteStore, Store

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
    assert {"article", "sentence", "signature", "band", "vector", "sentence_vector"} <= {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    db.close()


def test_write_and_read_back(tmp_path):
    store = SQLiteStore(tmp_path / "x.db", PARAMS)
    assert store.add_batch([_record(1), _record(2)]) == 2
    assert store.add_batch([_record(1)]) == 0  # same id: stored once
    assert store.count() == 2
    got = store.get("a1")
    assert got is not None and got.article.outlet == "wire" and got.sentences[0].text == got.article.text
    assert store.band_hits([(0, 1001), (-1, 7)]) == {got.rowid: (1, 1), store.get("a2").rowid: (0, 1)}
    ids, mat = store.vectors()
    assert mat.dtype == np.float16 and mat.shape == (2, 4)
    store.put_sentence_vectors(got.rowid, {0: np.ones(4, dtype=np.float32)})
    assert list(store.sentence_vectors(got.rowid)) == [0]
    store.close()


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
        store.add_batch([_record(1), bad])
    assert store.count() == 0
    store.close()
