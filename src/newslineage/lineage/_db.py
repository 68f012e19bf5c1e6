"""Read-only access to an index file for the lineage stage.

The lineage stage only reads the index (articles, sentence spans, LSH band keys, article
vectors). It opens the SQLite file read-only through its own connection, so it can run while an
ingest writes, and never changes the index; everything it produces goes to the output folder.
(A file from an older newslineage is upgraded once, in place, before it is read.)

The stages compare **texts**: the row ids they see (``ArticleMeta.rowid`` of ``articles()``,
band members, ``texts()`` keys, vector ids) are text row ids, and each text carries the
metadata of its first copy (``reprints.ReprintGroup``). ``reprint_groups()`` gives every article
behind each text, for ``reprints.expand``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import CorruptStoreError, IncompatibleStoreError, StoreError
from ..store.migrate import UPGRADABLE, upgrade

if TYPE_CHECKING:  # reprints imports ArticleMeta from here
    from .reprints import ReprintGroup

__all__ = ["ArticleMeta", "IndexReader"]

#: The index layout this stage understands (``store.sqlite.SCHEMA_VERSION``).
_SCHEMA_VERSIONS = {"2"}


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the lineage graph needs of one article (no text); ``rowid`` is the text's row id in
    the stages and the article's own row id after ``reprints.expand``."""

    rowid: int
    id: str
    outlet: str | None
    title: str | None
    published_at: str | None
    #: After ``reprints.expand``: row id of the first copy of the same text (None: it is the first).
    copy_of: int | None = None


class IndexReader:
    """Read-only view of a newslineage index file.

    Args:
        path: The SQLite file written by ``newslineage ingest``.

    Raises:
        StoreError: The file does not exist.
        CorruptStoreError: It is not a newslineage index.
        IncompatibleStoreError: It has a schema version this code does not know.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = os.fspath(path)
        if not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no index there; build one with: newslineage ingest PATH... --db {self.path}")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60.0, check_same_thread=False)
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise CorruptStoreError(f"{self.path}: is not a newslineage index ({exc}); give the file written by newslineage ingest --db") from None
        if meta.get("schema_version") in UPGRADABLE:
            self._db.close()
            self._upgrade()
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60.0, check_same_thread=False)
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema_version") not in _SCHEMA_VERSIONS:
            raise IncompatibleStoreError(
                f"{self.path}: index schema version {meta.get('schema_version')} is not supported by this analyze; rebuild with: newslineage ingest ... --db NEW.db"
            )
        self.meta = meta
        self._groups: dict[int, ReprintGroup] | None = None

    def _upgrade(self) -> None:
        db = sqlite3.connect(self.path, timeout=60.0, isolation_level=None)
        try:
            upgrade(db, self.path)
        finally:
            db.close()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def count(self) -> int:
        """Number of articles."""
        return int(self._db.execute("SELECT COUNT(*) FROM article").fetchone()[0])

    def reprint_groups(self) -> dict[int, ReprintGroup]:
        """Every text's articles by text row id, its first copy first (see ``reprints``)."""
        if self._groups is None:
            from .reprints import group_reprints

            q = "SELECT content, rowid, id, outlet, title, published_at FROM article ORDER BY rowid"
            self._groups = group_reprints((row[0], ArticleMeta(*row[1:])) for row in self._db.execute(q))
        return self._groups

    def articles(self) -> list[ArticleMeta]:
        """Every text, under its first copy's metadata, in ingest order of the texts."""
        return [g.unit for g in self.reprint_groups().values()]

    def band_groups(self, min_rowid: int = 0) -> Iterator[list[int]]:
        """Articles sharing one LSH band key or anchor, one list per key with two or more articles.

        Args:
            min_rowid: Only keys held by at least one article with a larger row id (the new
                batch of an incremental run) are returned.
        """
        q = "SELECT group_concat(content) FROM band GROUP BY key, band_no HAVING COUNT(*) > 1"
        if min_rowid:
            q += f" AND MAX(content) > {int(min_rowid)}"
        for (members,) in self._db.execute(q):
            yield [int(x) for x in members.split(",")]

    def anchor_groups(self, min_rowid: int = 0) -> Iterator[tuple[bool, list[int]]]:
        """Like ``band_groups`` but telling LSH bands (False) from containment anchors (True)."""
        q = "SELECT band_no < 0, group_concat(content) FROM band GROUP BY key, band_no HAVING COUNT(*) > 1"
        if min_rowid:
            q += f" AND MAX(content) > {int(min_rowid)}"
        for is_anchor, members in self._db.execute(q):
            yield bool(is_anchor), [int(x) for x in members.split(",")]

    def texts(self, rowids: Iterable[int]) -> dict[int, tuple[str, str | None, list[tuple[int, int, int, str, int]]]]:
        """Per text: (text, language, spans ``(idx, start, end, role, paragraph)``)."""
        out: dict[int, tuple[str, str | None, list[tuple[int, int, int, str, int]]]] = {}
        ids = sorted(set(rowids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            spans: dict[int, list[tuple[int, int, int, str, int]]] = {}
            q = f'SELECT content, idx, start, "end", role, paragraph FROM sentence WHERE content IN ({marks}) ORDER BY content, idx'
            for art, idx, s, e, role, par in self._db.execute(q, chunk):
                spans.setdefault(art, []).append((idx, s, e, role, par))
            for rowid, text, lang in self._db.execute(f"SELECT rowid, text, language FROM content WHERE rowid IN ({marks})", chunk):
                out[rowid] = (text, lang, spans.get(rowid, []))
        return out

    def wire_articles(self) -> frozenset[int]:
        """Row ids of texts that carry an agency tag or an agency dateline ("(Reuters) -")."""
        q = """SELECT DISTINCT s.content FROM sentence s JOIN content a ON a.rowid = s.content
               WHERE s.role = 'agency' OR (s.role = 'dateline' AND instr(substr(a.text, s.start + 1, s."end" - s.start), '(') > 0)"""
        return frozenset(r[0] for r in self._db.execute(q))

    def texts_by_outlet(self) -> Iterator[tuple[str | None, list[int]]]:
        """Text row ids grouped by the outlets that print them (a text reprinted by three outlets is in each)."""
        groups: dict[str | None, list[int]] = {}
        for content, outlet in self._db.execute("SELECT DISTINCT content, outlet FROM article ORDER BY content"):
            groups.setdefault(outlet, []).append(content)
        yield from groups.items()

    def languages(self) -> dict[int, str | None]:
        """Language of every text by text row id."""
        return dict(self._db.execute("SELECT rowid, language FROM content"))

    def passage_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """Passage vectors ``(keys uint64, int8 matrix)``; empty when the index has none (store/passages.py)."""
        from ..store.passages import read_passage_vectors

        return read_passage_vectors(self._db)

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """Article vectors ``(rowids, float32 unit matrix)``; empty when the index has none."""
        try:
            rows = self._db.execute("SELECT content, v FROM vector ORDER BY content").fetchall()
        except sqlite3.OperationalError:
            rows = []
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        mat = np.frombuffer(b"".join(r[1] for r in rows), dtype="<f2").reshape(len(rows), -1).astype(np.float32)
        norms = np.linalg.norm(mat, axis=1, keepdims=True)
        np.divide(mat, norms, out=mat, where=norms > 0)
        return ids, mat


def chunked(items: Sequence, size: int) -> Iterator[Sequence]:
    """Successive slices of at most ``size`` items."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
