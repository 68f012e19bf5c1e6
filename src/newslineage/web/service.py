"""The glue between HTTP request models and library calls; no logic of its own.

Client texts are always handed to the library as bytes (never as ``str``): a ``str`` that looks
like a file name would be read as a path, and a web client must never name files on the server.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..model import Article
from ..pairwise import compare
from ..settings import CompareSettings, load_settings
from ..textio import read_article
from .errors import ApiError
from .schemas import ArticleIn, CompareRequest, TextIn

__all__ = ["Comparer", "Corpus", "to_article"]


def to_article(item: TextIn, name: str, max_bytes: int) -> Article:
    """An ``Article`` from a request item; ``name`` labels it in error messages (``a``, ``articles[3]``).

    An uploaded file's name (``item.name``) labels the article in messages and in the comparison
    (``article-a.txt`` rather than ``A``); it never names a file on the server.
    """
    meta: dict[str, Any] = {"title": item.title, "published_at": item.published_at, "outlet": item.outlet}
    if isinstance(item, ArticleIn):
        meta.update(id=item.id, url=item.url)
    elif item.name:
        meta["id"] = item.name
    article = read_article(item.text.encode("utf-8"), name=item.name or name, max_bytes=max_bytes, **meta)
    # The label was only for messages; the article's origin is the uploaded file's name, if any
    # (the comparison names the texts after it), else unknown (it did not come from a file).
    return replace(article, origin=item.name or None, encoding=None)


def _result_dict(value: Any) -> Any:
    return value.to_dict() if hasattr(value, "to_dict") else value


def _embedder_guard(settings: CompareSettings) -> AbstractContextManager[Any]:
    """One at a time when the sentence encoder is used: its in-memory cache (an ``OrderedDict``
    it reorders on every hit) is not safe to share between threads. Lexical work runs in parallel."""
    return _EMBEDDER_LOCK if settings.embeddings else nullcontext()


_EMBEDDER_LOCK = threading.Lock()


class Comparer:
    """Runs ``compare`` with the server's settings."""

    def __init__(self, embeddings: bool) -> None:
        self.settings: CompareSettings = load_settings(embeddings=embeddings)

    def warm_up(self) -> None:
        """Load the sentence encoder now rather than on the first request."""
        if self.settings.embeddings:
            from ..embed import get_embedder

            get_embedder(self.settings.embedder)

    def compare(self, request: CompareRequest) -> dict[str, Any]:
        """The ``newslineage.compare/2`` document for the pair."""
        a = to_article(request.a, "a", self.settings.max_bytes)
        b = to_article(request.b, "b", self.settings.max_bytes)
        with _embedder_guard(self.settings):
            return compare(a, b, settings=self.settings).to_dict()


class Corpus:
    """The index the server was started with (``--db``), opened per use.

    Each call opens the index in the calling thread and closes it again: the file is SQLite in
    WAL mode, so searches run side by side while one job writes.
    """

    def __init__(self, db: Path | None, settings: CompareSettings) -> None:
        self.db = db
        self.settings = settings

    @property
    def loaded(self) -> bool:
        """True when the server was started with an index."""
        return self.db is not None

    def _require(self) -> Path:
        if self.db is None:
            raise ApiError(
                409,
                "no_index",
                "this server runs without an index; restart it with: newslineage serve --db PATH",
            )
        return self.db

    def _open(self) -> Any:
        db = self._require()
        try:
            from ..index import Index
        except ImportError as exc:
            if exc.name is None or exc.name.startswith("newslineage"):
                raise ApiError(501, "not_available", "the corpus index is not part of this build of newslineage") from None
            raise
        # One worker: a process pool started from a server thread would fork a threaded process.
        return Index(db, settings=self.settings, workers=1)

    def count(self) -> int:
        """Number of articles in the index."""
        with self._open() as index:
            return int(index.count())

    def get(self, article_id: str) -> dict[str, Any]:
        """One stored article as JSON; 404 when the id is unknown."""
        with self._open() as index:
            article = index.get(article_id)
        if article is None:
            raise ApiError(404, "not_found", f"no article with id {article_id!r} in the index")
        return {
            "id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "published_at": article.published_at,
            "language": article.language,
            "text": article.text,
        }

    def sources(self, text: TextIn, **options: Any) -> dict[str, Any]:
        """The ``newslineage.sources/1`` document: where the text may come from."""
        return _result_dict(self.sources_result(text, **options))

    def sources_result(self, text: TextIn, **options: Any) -> Any:
        """The ``SourcesResult`` (for the page's HTML list)."""
        article = to_article(text, "text", self.settings.max_bytes)
        embeddings = None if self.settings.embeddings else False
        with self._open() as index, _embedder_guard(self.settings):
            return index.sources(article, embeddings=embeddings, **options)

    def articles(self, items: list[ArticleIn]) -> list[Article]:
        """Check and convert every item first, so a bad one refuses the batch before any is stored."""
        return [to_article(item, f"articles[{i}]", self.settings.max_bytes) for i, item in enumerate(items)]

    def ingest(self, articles: list[Article], progress: Callable[[int, dict[str, Any]], None] | None = None) -> dict[str, Any]:
        """Add articles to the index; ``progress(done, counts)`` is called after every batch."""

        def on_progress(report: Any) -> None:
            if progress is not None:
                progress(report.processed, report.to_dict())

        with self._open() as index:
            return _result_dict(index.add(articles, on_progress=on_progress))

    def pair(self, source_id: str, derived_id: str) -> dict[str, Any]:
        """The ``newslineage.compare/2`` document of two stored articles, the derived one as A.

        The comparison ``analyze`` kept for the edge when there is one, else the two stored
        articles compared now (a reprint, an edge of an analysis without comparisons).
        """
        db = self._require()
        try:
            from ..lineage.load import load_comparison
        except ModuleNotFoundError:
            load_comparison = None
        doc = load_comparison(db, derived_id, source_id) if load_comparison is not None else None
        if doc is not None:
            return doc
        with self._open() as index:
            derived, source = index.get(derived_id), index.get(source_id)
        for wanted, found in ((derived_id, derived), (source_id, source)):
            if found is None:
                raise ApiError(404, "not_found", f"no article with id {wanted!r} in the index")
        names = (derived.outlet or derived.id, source.outlet or source.id)
        if names[0] == names[1]:
            names = (derived.id, source.id)
        with _embedder_guard(self.settings):
            from ..pairwise import compare_documents
            from ..prepare import prepare

            result = compare_documents(prepare(derived, self.settings.segmenter), prepare(source, self.settings.segmenter), self.settings, a_name=names[0], b_name=names[1])
        return result.to_dict()

    def story_page(self, story_id: str) -> dict[str, Any]:
        """One story with its articles and edges, for the story page (404 when unknown)."""
        result = self.stories(story_id)
        return result if isinstance(result, dict) else {}

    def articles_meta(self) -> dict[str, dict[str, Any]]:
        """Every analysed article's metadata by id (outlet, title, time, story), or {} without an analysis."""
        db = self._require()
        try:
            from ..lineage import load_lineage
        except ModuleNotFoundError:
            return {}
        doc = load_lineage(db)
        return {a["id"]: a for a in doc["articles"]} if doc else {}

    def stories(self, story_id: str | None = None) -> Any:
        """Stories found by the corpus analysis (``newslineage analyze``), or one story."""
        db = self._require()
        try:
            lineage = importlib.import_module("newslineage.lineage")
        except ModuleNotFoundError as exc:
            if exc.name not in ("newslineage.lineage", "newslineage"):
                raise
            lineage = None
        load_stories = getattr(lineage, "load_stories", None)
        load_story = getattr(lineage, "load_story", None)
        result = None
        if story_id is not None and load_story is not None:
            result = load_story(db, story_id)
        stories = None
        if result is None and load_stories is not None:
            # also tells a missing story from a missing analysis (load_story says None to both)
            stories = load_stories(db)
        if result is None and stories is None:
            raise ApiError(
                404,
                "no_analysis",
                f"this index has not been analysed yet; run: newslineage analyze --db {db.name}",
            )
        if story_id is None:
            result = stories
        elif result is None:
            raise ApiError(404, "not_found", f"no story with id {story_id!r}")
        if isinstance(result, (list, tuple)):
            return {"stories": [_result_dict(item) for item in result]}
        return _result_dict(result)
