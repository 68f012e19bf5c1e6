"""Where an index keeps its data: a small protocol and the default SQLite backend."""

from __future__ import annotations

from .base import ANCHOR_BAND, ArticleEntry, ArticleRecord, Copy, IndexParams, Store, StoredArticle, StoredText
from .sqlite import SCHEMA_VERSION, SQLiteStore

__all__ = ["ANCHOR_BAND", "SCHEMA_VERSION", "ArticleEntry", "ArticleRecord", "Copy", "IndexParams", "SQLiteStore", "Store", "StoredArticle", "StoredText"]
