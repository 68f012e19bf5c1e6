"""Upgrade an index file written by an older newslineage, in place, in one transaction.

Schema 1 kept one row per distinct text in ``article`` (a reprint of a stored text was dropped),
with the features keyed by that row. Schema 2 keeps texts (``content``) and articles apart; a
schema-1 row becomes one text and one article with the same row id, so every feature row stays
valid and only its column is renamed. Nothing is recomputed: a 100k-article index upgrades in
seconds. The reprints schema 1 dropped are not in the file; ingest the input again to add them.
"""

from __future__ import annotations

import sqlite3

from ..errors import IncompatibleStoreError

__all__ = ["UPGRADABLE", "upgrade"]

#: Schema versions this module upgrades to the current one.
UPGRADABLE = frozenset({"1"})

_FROM_1 = """
ALTER TABLE article RENAME TO article_v1;
DROP INDEX IF EXISTS article_content_hash;
CREATE TABLE content (
    rowid INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    language TEXT
);
INSERT INTO content(rowid, hash, text, language) SELECT rowid, content_hash, text, language FROM article_v1;
CREATE TABLE article (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    given_id TEXT NOT NULL,
    outlet TEXT, url TEXT, title TEXT, published_at TEXT, origin TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    content INTEGER NOT NULL REFERENCES content(rowid)
);
INSERT INTO article(rowid, id, given_id, outlet, url, title, published_at, origin, version, content)
    SELECT rowid, id, id, outlet, url, title, published_at, origin, 1, rowid FROM article_v1;
DROP TABLE article_v1;
CREATE UNIQUE INDEX article_identity ON article(given_id, IFNULL(outlet, ''), version);
CREATE INDEX article_content ON article(content);
ALTER TABLE sentence RENAME COLUMN article TO content;
ALTER TABLE signature RENAME COLUMN article TO content;
ALTER TABLE band RENAME COLUMN article TO content;
ALTER TABLE vector RENAME COLUMN article TO content;
ALTER TABLE sentence_vector RENAME COLUMN article TO content;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
"""


def upgrade(db: sqlite3.Connection, path: str) -> None:
    """Upgrade an open schema-1 index to schema 2 (one transaction: all or nothing).

    Args:
        db: A connection in autocommit mode (``isolation_level=None``).
        path: The file, for messages.

    Raises:
        IncompatibleStoreError: The file cannot be written (read-only), so it cannot be upgraded.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise IncompatibleStoreError(
            f"{path}: index schema version 1 is from an older newslineage and must be upgraded, but the file cannot be written ({exc}); "
            f"copy it somewhere writable and open it there, or rebuild with: newslineage ingest ... --db NEW.db"
        ) from None
    try:
        if db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1":  # not upgraded by another process meanwhile
            for stmt in _FROM_1.split(";"):
                if stmt.strip():
                    db.execute(stmt)
        db.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        db.execute("ROLLBACK")
        raise IncompatibleStoreError(
            f"{path}: index schema version 1 could not be upgraded ({exc}); the file was left as it was; rebuild with: newslineage ingest ... --db NEW.db"
        ) from None
