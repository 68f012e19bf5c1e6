"""The analysis folder's own database: compared pairs, their results and comparisons.

``work.sqlite`` in the output folder remembers every pair already compared, so a new batch of
ingested articles is compared with the corpus without redoing old pairs, and an interrupted run
resumes where it stopped: each chunk of pairs is committed in one transaction with its results.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from .edges import PairResult

__all__ = ["WORK_FILE", "WorkStore"]

WORK_FILE = "work.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS compared (pair INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS result (a INTEGER NOT NULL, b INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS comparison (derived TEXT NOT NULL, source TEXT NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (derived, source));
"""


class WorkStore:
    """Read and write ``work.sqlite`` of an analysis folder."""

    def __init__(self, folder: Path, *, readonly: bool = False) -> None:
        self.path = folder / WORK_FILE
        if readonly:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def state(self) -> dict[str, str]:
        """Key/value state of the analysis (index path, last analysed row id, mode)."""
        return dict(self._db.execute("SELECT key, value FROM state").fetchall())

    def set_state(self, **values: object) -> None:
        """Record state values."""
        self._db.executemany("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)", [(k, str(v)) for k, v in values.items()])

    def compared(self) -> set[int]:
        """Keys ``(a << 32) | b`` of every pair compared so far."""
        return {r[0] for r in self._db.execute("SELECT pair FROM compared")}

    def save_chunk(self, pairs: Iterable[tuple[int, int]], results: Iterable[PairResult], comparisons: Iterable[tuple[str, str, bytes]]) -> None:
        """Commit one chunk: the pairs compared, their results and comparison documents."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR IGNORE INTO compared(pair) VALUES (?)", [((a << 32) | b,) for a, b in pairs])
            db.executemany("INSERT OR REPLACE INTO result(a, b, data) VALUES (?,?,?)", [(r.a, r.b, r.to_json()) for r in results])
            db.executemany("INSERT OR REPLACE INTO comparison(derived, source, doc) VALUES (?,?,?)", list(comparisons))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def results(self) -> Iterator[PairResult]:
        """Every stored pair result."""
        for a, b, data in self._db.execute("SELECT a, b, data FROM result"):
            yield PairResult.from_json(a, b, data)

    def comparison(self, derived: str, source: str) -> dict | None:
        """The stored ``newslineage.compare/2`` document of an edge (by article ids), or None."""
        row = self._db.execute("SELECT doc FROM comparison WHERE derived = ? AND source = ?", (derived, source)).fetchone()
        return json.loads(gzip.decompress(row[0])) if row else None
