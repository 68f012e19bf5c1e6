"""``analyze``: the corpus analysis as a list of named, timed stages.

candidates -> boilerplate -> compare (process pool, resumable) -> edges and direction ->
stories -> exports. Only pairs never compared before are compared, so a run after a new ingest
batch costs what the batch costs.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ._db import IndexReader
from ._work import WorkStore
from .boilerplate import BoilerplateSettings, detect_boilerplate
from .candidates import CandidateSettings, find_candidates
from .direction import build_edges, is_same_story
from .edges import compare_chunk, init_worker, worker_count
from .exports import build_document, write_exports
from .reprints import with_reprints
from .stories import StorySettings, cluster_stories, lexical_vectors

__all__ = ["AnalysisSummary", "analyze", "default_output", "pointer_path"]

Progress = Callable[[str, int, int], None]


@dataclass
class AnalysisSummary:
    """What a run did (counts and seconds per stage)."""

    output: Path
    articles: int = 0
    new_pairs: int = 0
    candidates: int = 0
    edges: int = 0
    stories: int = 0
    multi_stories: int = 0
    boilerplate_outlets: int = 0
    mode: str = "lexical"
    timings: dict[str, float] = field(default_factory=dict)
    message: str = ""


def default_output(db: str | os.PathLike) -> Path:
    """The analysis folder used when none is given: ``<db without suffix>.lineage``."""
    p = Path(db)
    return p.with_name(p.stem + ".lineage")


def pointer_path(db: str | os.PathLike) -> Path:
    """The small file beside an index that says where its latest analysis is."""
    p = Path(db)
    return p.with_name(p.name + ".lineage.json")


def _chunks(pairs: list[tuple[int, int]], workers: int) -> list[list[tuple[int, int]]]:
    size = max(20, min(1000, len(pairs) // max(1, workers * 6) + 1))
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def _compare_all(db: str, chunks: list, work: WorkStore, init_args: tuple, workers: int, progress: Progress | None, total: int) -> None:
    done = 0
    if workers <= 1 or len(chunks) <= 1:
        init_worker(*init_args)
        for chunk in chunks:
            work.save_chunk(*compare_chunk(chunk))
            done += len(chunk)
            if progress:
                progress("compare", done, total)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker, initargs=init_args) as pool:
        futures = [pool.submit(compare_chunk, c) for c in chunks]
        for fut in as_completed(futures):
            pairs, results, comparisons = fut.result()
            work.save_chunk(pairs, results, comparisons)
            done += len(pairs)
            if progress:
                progress("compare", done, total)


def analyze(
    db: str | os.PathLike,
    output: str | os.PathLike | None = None,
    *,
    workers: int | None = None,
    embeddings: bool = True,
    comparisons: bool = True,
    progress: Progress | None = None,
    candidate_settings: CandidateSettings | None = None,
    story_settings: StorySettings | None = None,
    boilerplate_settings: BoilerplateSettings | None = None,
) -> AnalysisSummary:
    """Find the stories and the lineage graph of an index and write the exports.

    Args:
        db: The index file written by ``newslineage ingest --db``.
        output: The analysis folder (default ``<db stem>.lineage`` beside the index).
        workers: Processes comparing pairs (default: every core).
        embeddings: Use the index's article vectors for candidates and stories, and the sentence
            encoder in the stored comparisons; False = lexical only.
        comparisons: Keep the full ``newslineage.compare/2`` document of every edge (for the
            HTML report's side-by-side view).
        progress: Called as ``progress(stage, done, total)``.

    Returns:
        An ``AnalysisSummary``.

    Raises:
        StoreError: The index is missing, damaged or of an unknown schema.
    """
    out = Path(output) if output is not None else default_output(db)
    summary = AnalysisSummary(output=out, mode="embeddings" if embeddings else "lexical")
    t = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal t
        now = time.perf_counter()
        summary.timings[stage] = round(now - t, 3)
        t = now

    reader = IndexReader(db)
    try:
        work = WorkStore(out)
        try:
            return _run(reader, work, summary, lap, str(db), workers, embeddings, comparisons, progress, candidate_settings, story_settings, boilerplate_settings)
        finally:
            work.close()
    finally:
        reader.close()


def _run(reader, work, summary, lap, db, workers, embeddings, comparisons, progress, cand_settings, story_settings, bp_settings) -> AnalysisSummary:
    articles = reader.articles()
    summary.articles = len(articles)
    has_vectors = embeddings and reader.meta.get("embedder", "none") != "none"
    state = work.state()
    since = int(state.get("analysed_rowid", 0))
    lap("read")
    boilerplate = detect_boilerplate(reader, bp_settings)
    summary.boilerplate_outlets = len(boilerplate)
    lap("boilerplate")
    wire = reader.wire_articles()
    candidates = find_candidates(reader, articles, cand_settings, embeddings=has_vectors, min_rowid=since)
    seen = work.compared()
    pairs = [(c.a, c.b) for c in candidates if ((c.a << 32) | c.b) not in seen]
    summary.candidates, summary.new_pairs = len(candidates), len(pairs)
    lap("candidates")
    if progress:
        progress("compare", 0, len(pairs))
    if pairs:
        meta = {m.rowid: (m.id, m.outlet, m.title, m.published_at) for m in articles}
        outlets = {m.rowid: m.outlet for m in articles}
        n = worker_count(workers)
        init_args = (reader.path, boilerplate, outlets, meta, comparisons, has_vectors, wire)
        _compare_all(db, _chunks(pairs, n), work, init_args, n, progress, len(pairs))
    work.set_state(analysed_rowid=max((m.rowid for m in articles), default=0), index=os.path.abspath(db), mode=summary.mode)
    lap("compare")
    times = {m.rowid: m.published_at for m in articles}
    results = list(work.results())
    edges = build_edges(results, times, wire)
    same_story = [(r.a, r.b) for r in results if is_same_story(r)]
    lap("edges")
    vectors, lexical = None, False
    if has_vectors:
        vectors = reader.vectors()
    elif len(articles) <= (story_settings or StorySettings()).lexical_limit:
        vectors, lexical = lexical_vectors({r: text for r, (text, _l, _s) in reader.texts([m.rowid for m in articles]).items()}), True
    stories = cluster_stories(articles, edges, same_story, vectors, story_settings, lexical=lexical)
    # from texts back to articles: each reprint gets a verbatim edge from the text's first copy
    articles, edges, stories = with_reprints(reader, edges, stories)
    summary.articles, summary.edges, summary.stories = len(articles), len(edges), len(stories)
    summary.multi_stories = sum(1 for s in stories if len(s.members) > 1)
    lap("stories")
    info = {
        "generated_by": f"newslineage {__version__}",
        "index": os.path.abspath(db),
        "mode": summary.mode,
        "summary": {"articles": len(articles), "edges": len(edges), "stories": len(stories), "stories_with_several_articles": summary.multi_stories},
    }
    write_exports(build_document(articles, edges, stories, info), summary.output)
    _write_pointer(db, summary.output)
    if not articles:
        summary.message = f"{db}: the index holds no article; wrote empty exports. Add articles with: newslineage ingest PATH... --db {db}"
    lap("exports")
    return summary


def _write_pointer(db: str, output: Path) -> None:
    try:
        with open(pointer_path(db), "w", encoding="utf-8") as fh:
            json.dump({"output": str(output.resolve())}, fh)
    except OSError:  # a read-only folder beside the index: the default location still works
        pass
