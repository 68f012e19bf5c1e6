"""``Index``: a corpus of articles kept on disk, and the search for a text's sources."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

from ..errors import ConfigError, IncompatibleStoreError, RecordError
from ..fingerprint import FINGERPRINT_VERSION
from ..model import Article
from ..prepare import DEFAULT_SEGMENTER, SEGMENTERS
from ..settings import CompareSettings, load_settings
from ..store import SCHEMA_VERSION, ArticleRecord, IndexParams, SQLiteStore
from .identity import BatchPlan, IngestPlanner
from .ingest import process_batch
from .report import IngestEvent, IngestReport, SourcesResult
from .sketch import MINHASH_KIND

__all__ = ["DEFAULT_BATCH_SIZE", "Index"]

DEFAULT_BATCH_SIZE = 256
#: Below this many articles in the first batch, a worker pool costs more than it saves.
_POOL_MIN = 64


def _embedder_name(key: str) -> str:
    if key == "none":
        return "none"
    from ..embed import get_embedder

    return get_embedder(key).name


def _embedder_key(name: str) -> str:
    if name == "none":
        return "none"
    if name.startswith("hashing"):
        return "hashing"
    if name.startswith("use-"):
        return "use"
    raise IncompatibleStoreError(f"index embedder {name!r} is unknown to this newslineage; rebuild with: newslineage ingest ... --db NEW.db")


def default_params(embedder: str, segmenter: str = DEFAULT_SEGMENTER, passage_sentences: int = 0) -> IndexParams:
    """The parameters new indexes are built with (see ``index/sketch.py`` for the choice)."""
    return IndexParams(
        schema_version=SCHEMA_VERSION,
        fingerprint_version=FINGERPRINT_VERSION,
        shingle_size=5,
        minhash=MINHASH_KIND,
        num_perm=64,
        bands=32,
        rows=2,
        seed=1,
        anchor_mod=8,
        embedder=embedder,
        segmenter=segmenter,
        passage_sentences=passage_sentences,
    )


class Index:
    """A corpus index: articles, their fingerprints and vectors, in one SQLite file.

    Args:
        path: The index file (``newslineage.db``); created when missing unless ``create`` is False.
        embedder: ``use``, ``hashing`` or ``none`` (no vectors, lexical retrieval only). None: what
            the file was built with, or the settings' embedder for a new file.
        settings: Comparison settings used by ``sources`` (defaults < config < environment).
        workers: Processes that prepare, fingerprint and embed during ``add``. 1 (the default
            here): in-process, safe anywhere. None: one per CPU for large inputs (what the CLI
            does); worker processes are started with "spawn", so a script that asks for them
            must guard its entry point with ``if __name__ == "__main__":``.
        batch_size: Articles written per transaction.
        create: Create the file when missing.

    Raises:
        CorruptStoreError: The file is not an index or is damaged (it is left untouched).
        IncompatibleStoreError: The file was built with other parameters.

    Example:
        >>> with Index("newslineage.db") as index:            # doctest: +SKIP
        ...     index.add(articles)
        ...     print(index.sources("suspicious.txt").to_dict())
    """

    def __init__(
        self,
        path: str | os.PathLike = "newslineage.db",
        *,
        embedder: str | None = None,
        settings: CompareSettings | None = None,
        workers: int | None = 1,
        batch_size: int = DEFAULT_BATCH_SIZE,
        create: bool = True,
    ) -> None:
        self.settings = settings or load_settings()
        if embedder not in (None, "use", "hashing", "none"):
            raise ConfigError(f"unknown embedder {embedder!r}; choose 'use', 'hashing' or 'none'")
        if self.settings.segmenter not in SEGMENTERS:
            raise ConfigError(f"unknown segmenter {self.settings.segmenter!r}; choose {' or '.join(repr(s) for s in SEGMENTERS)}")
        if batch_size < 1:
            raise ConfigError(f"batch size must be at least 1, not {batch_size}")
        if self.settings.passage_sentences < 0:
            raise ConfigError(f"passage_sentences must be 0 (no passage vectors) or more, not {self.settings.passage_sentences}")
        key = embedder or (self.settings.embedder if self.settings.embeddings else "none")
        self.path = str(path)
        self._store = SQLiteStore(path, default_params(_embedder_name(key), self.settings.segmenter, self.settings.passage_sentences), adopt_embedder=embedder is None, create=create)
        self.params = self._store.params
        self.embedder_key = _embedder_key(self.params.embedder)
        if self.embedder_key != "none" and _embedder_name(self.embedder_key) != self.params.embedder:
            raise IncompatibleStoreError(
                f"{self.path}: index was built with embedder {self.params.embedder}, this install has {_embedder_name(self.embedder_key)}; rebuild with: newslineage ingest ... --db NEW.db"
            )
        self.workers = workers
        self.batch_size = batch_size
        self._vectors = None
        self._passages = None

    # -- context manager and basics -----------------------------------------------------------
    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the index file."""
        self._store.close()

    def count(self) -> int:
        """Number of articles in the index (reprints of one text each count)."""
        return self._store.count()

    def count_texts(self) -> int:
        """Number of distinct texts in the index."""
        return self._store.count_texts()

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id (the id it is stored under), or None."""
        found = self._store.get(article_id)
        return found.article if found else None

    @property
    def store(self) -> SQLiteStore:
        """The backend (for maintenance and tests)."""
        return self._store

    # -- ingest ---------------------------------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[str | os.PathLike],
        *,
        columns: Any = None,
        strict: bool = False,
        on_duplicate_id: str = "error",
        on_progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Read files and folders (any format the readers know) and add their articles.

        Args:
            paths: Files and folders: text/HTML folders, JSON Lines, CSV, Parquet, WARC, feeds.
            columns: A ``readers.ColumnMap`` for tables (None: the defaults).
            strict: Stop at the first bad or refused record instead of skipping it.
            on_duplicate_id: A record whose id and outlet are stored already with another
                text: ``error`` (refuse it, and list it), ``version`` (store it as ``ID~v2``)
                or ``skip`` (ignore it, and list it).
            on_progress: Called with the running report after every batch.

        Raises:
            InputError: A path is missing or of an unsupported type.
            RecordError: A bad record, only when ``strict``.
        """
        from ..readers import ColumnMap, read_paths

        report = IngestReport()

        def on_error(err: RecordError) -> None:
            report.skipped += 1
            report.errors.append(str(err))
            report.events.append(IngestEvent("bad", str(err.location), None, err.source, err.reason))

        articles = read_paths(paths, columns=columns or ColumnMap(), on_error=on_error, strict=strict)
        return self.add(articles, on_progress=on_progress, report=report, on_duplicate_id=on_duplicate_id, strict=strict)

    def add(
        self,
        articles: Iterable[Article],
        *,
        on_progress: Callable[[IngestReport], None] | None = None,
        report: IngestReport | None = None,
        on_duplicate_id: str = "error",
        strict: bool = False,
    ) -> IngestReport:
        """Add articles. Every record is an article of its own, identified by its id and outlet.

        Articles with the same text (a wire story and its reprints) are all stored; the text is
        computed once and shared. A record whose id, outlet and text are stored already is a
        duplicate (nothing written); one whose id and outlet are stored with another text is
        handled as ``on_duplicate_id`` says. ``report.events`` lists every such record and why.

        Each batch is written in one transaction, so an interrupted run keeps every finished
        batch and the next run resumes by skipping them.

        Args:
            articles: Articles to add (any iterable, read lazily).
            on_progress: Called with the running report after every batch.
            report: A report to continue (used by ``ingest`` to count bad records).
            on_duplicate_id: ``error`` (refuse), ``version`` (store as a new version) or ``skip``.
            strict: Raise ``RecordError`` on a refused record instead of listing it.

        Returns:
            Counts of added, reprinted, duplicate, refused and skipped articles, the events,
            stage timings.
        """
        report = report or IngestReport()
        planner = IngestPlanner(self._store, on_duplicate_id, strict)
        report.on_duplicate_id = on_duplicate_id
        started = time.perf_counter()
        batches = self._batches(iter(articles), report)
        first = next(batches, None)
        if first is None:
            report.seconds = time.perf_counter() - started
            return report
        workers = self.workers if self.workers is not None else (os.cpu_count() or 1)
        if workers <= 1 or len(first) < min(_POOL_MIN, self.batch_size):
            for batch in _prepend(first, batches):
                plan = planner.plan(batch, report)
                records, errors = process_batch(plan.texts, self.params, self.embedder_key) if plan.texts else ([], [])
                self._write(plan, records, errors, report, started, on_progress)
                planner.settle(plan)
        else:
            self._add_pooled(_prepend(first, batches), planner, workers, report, started, on_progress)
        t0 = time.perf_counter()
        self.passage_search().update()
        report.timings["ann"] += time.perf_counter() - t0
        report.seconds = time.perf_counter() - started
        self._vectors = None
        return report

    def passage_search(self):
        """Nearest-passage search over this index (``index/passages.py``)."""
        if self._passages is None:
            from .passages import PassageSearch

            self._passages = PassageSearch(self._store, self.path + ".passages.usearch")
        return self._passages

    def _add_pooled(self, batches: Iterator[list[Article]], planner: IngestPlanner, workers: int, report: IngestReport, started: float, on_progress) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("spawn")
        chunks_per_batch = workers * 2
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            inflight: list[tuple[BatchPlan, list]] = []
            try:
                for batch in batches:
                    plan = planner.plan(batch, report)
                    texts = plan.texts
                    size = max(1, -(-len(texts) // chunks_per_batch))
                    futures = [pool.submit(process_batch, texts[i : i + size], self.params, self.embedder_key) for i in range(0, len(texts), size)]
                    inflight.append((plan, futures))
                    if len(inflight) > 2:
                        self._collect(*inflight.pop(0), planner, report, started, on_progress)
                while inflight:
                    self._collect(*inflight.pop(0), planner, report, started, on_progress)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def _collect(self, plan: BatchPlan, futures: list, planner: IngestPlanner, report: IngestReport, started: float, on_progress) -> None:
        records: list[ArticleRecord] = []
        errors: list[str] = []
        for fut in futures:
            r, e = fut.result()
            records.extend(r)
            errors.extend(e)
        self._write(plan, records, errors, report, started, on_progress)
        planner.settle(plan)

    def _batches(self, articles: Iterator[Article], report: IngestReport) -> Iterator[list[Article]]:
        while True:
            t0 = time.perf_counter()
            batch = list(islice(articles, self.batch_size))
            report.timings["parse"] += time.perf_counter() - t0
            if not batch:
                return
            yield batch

    def _write(self, plan: BatchPlan, records: list[ArticleRecord], errors: list[str], report: IngestReport, started: float, on_progress) -> None:
        t0 = time.perf_counter()
        written = self._store.add_batch(records, [p.entry for p in plan.entries]) if plan.entries else []
        report.timings["write"] += time.perf_counter() - t0
        for rec in records:
            for stage, secs in rec.timings.items():
                report.timings[stage] += secs
        done = {entry.id for entry in written}
        failed = {e.split(": ", 1)[0]: e for e in errors}
        report.texts += len(records)
        for planned in plan.entries:
            entry, art = planned.entry, planned.entry.article
            if entry.id not in done:
                # its text could not be prepared (said once, for the record that brought it),
                # or another ingest took the id meanwhile
                where = art.origin or art.id
                reason = failed.get(where, f"{where}: not stored: its text could not be prepared, or another ingest stored id {entry.id} meanwhile")
                report.skipped += 1
                report.errors.append(reason)
                report.note("bad", art, reason.split(": ", 1)[-1], stored_id=entry.id)
                continue
            report.added += 1
            report.reprints += planned.shared
            report.renamed += planned.action == "renamed"
            report.versions += planned.action == "version"
            if planned.action is not None:
                report.note(planned.action, art, planned.detail, stored_id=entry.id)
        report.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(report)

    # -- sources --------------------------------------------------------------------------------
    def sources(
        self,
        query: str | os.PathLike | bytes | Article,
        *,
        top: int = 5,
        before: str | None = None,
        after: str | None = None,
        exclude_outlet: str | Sequence[str] | None = None,
        exclude_id: str | Sequence[str] | None = None,
        embeddings: bool | None = None,
        compare_top: int = 8,
    ) -> SourcesResult:
        """Find the indexed articles the query text was made from, best first.

        Args:
            query: A path, bytes, text or ``Article``.
            top: How many sources to return.
            before, after: Only sources published before / after these ISO 8601 times. Without
                either, a source may not be later than the query when both dates are known.
            exclude_outlet: Outlet(s) whose articles are never sources (e.g. the query's own).
            exclude_id: Article id(s) never taken as sources. The query's own record never is:
                the stored article with the query's id, or ingested from the query's file.
            embeddings: False: lexical retrieval and comparison only (None: as the index).
            compare_top: Candidates that get the full sentence-level comparison.

        Raises:
            InputError: The query is empty, binary or unreadable.
        """
        from .retrieve import find_sources

        use_vectors = self.embedder_key != "none" and embeddings is not False
        settings = replace(self.settings, embeddings=use_vectors, embedder=self.embedder_key if use_vectors else self.settings.embedder)
        if use_vectors and self._vectors is None:
            from .vectors import VectorSearch

            self._vectors = VectorSearch(self._store, self.path + ".usearch")
        excluded = {exclude_outlet} if isinstance(exclude_outlet, str) else set(exclude_outlet or ())
        excluded_ids = {exclude_id} if isinstance(exclude_id, str) else set(exclude_id or ())
        return find_sources(
            self._store,
            query,
            settings=settings,
            vectors=self._vectors if use_vectors else None,
            passages=self.passage_search() if use_vectors else None,
            top=top,
            before=before,
            after=after,
            exclude_outlets=excluded,
            exclude_ids=excluded_ids,
            compare_top=compare_top,
        )


def _prepend(first: list[Article], rest: Iterator[list[Article]]) -> Iterator[list[Article]]:
    yield first
    yield from rest
