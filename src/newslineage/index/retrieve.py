"""Retrieve stage: candidate sources of a query, cheaply ranked, then compared sentence by sentence.

Candidates are the union of lexical hits (LSH bands and containment anchors shared with the
query), the nearest article vectors (paraphrase, translation) and the articles whose passage
vectors are nearest to the query's sentences (a passage from inside a long source, translated
or not: ``index/passages.py``). They are filtered by time
(a source is not later than the query) and outlet, ranked by the strongest cheap signal, and
the best ``compare_top`` get the full comparison kernel; the comparison's coverage of the query,
weighted by link strength, gives the final order.
"""

from __future__ import annotations

import os
import time
from datetime import datetime

import numpy as np

from ..dates import parse_time
from ..errors import ConfigError
from ..fingerprint import shingles
from ..judge import MIN_REUSE_LINKS
from ..lineage.reprints import copy_order
from ..model import Article, Comparison, Document
from ..pairwise import compare_documents
from ..prepare import prepare
from ..settings import CompareSettings
from ..store import Copy, StoredText
from ..textio import read_article
from .ingest import article_vector
from .passages import passage_evidence, query_pairs
from .report import Source, SourcesResult
from .sketch import jaccard, sketch

__all__ = ["find_sources", "source_score"]

#: Nearest article vectors taken as candidates.
ANN_K = 30
#: Lexical candidates (most shared bands and anchors) looked at before filtering.
LEXICAL_K = 200
#: Vector-only candidates compared: those within this cosine of the nearest one.
SEMANTIC_MARGIN = 0.05
#: Articles met through their passages that are looked at (by ``PassageHit.score``) before filtering.
PASSAGE_CANDIDATES = 30
#: Passage candidates compared: those whose passage score is within this of the best one.
PASSAGE_MARGIN = 0.15
#: Cosines below this say nothing about reuse (same language, unrelated story).
_COSINE_FLOOR = 0.4
#: A query sharing this much with an indexed article (containment or Jaccard of word 5-grams)
#: is reuse that words find: vector-only candidates are then not compared. They cost 50-60 ms
#: each (every sentence embedded) and, next to a source found by its words, they are articles
#: on the same topic (10k synthetic corpus: never the source, and the top one in 8% of
#: queries). Translations share almost no 5-grams with their source (WMT21: at most 0.03).
LEXICAL_STRONG = 0.1


def _time(value: str | None, what: str | None = None) -> datetime | None:
    parsed = parse_time(value)
    if parsed is None and value and what:
        raise ConfigError(f"{what}: {value!r} is not an ISO 8601 date or time (e.g. 2024-05-01 or 2024-05-01T12:00)")
    return parsed


def _self_test(query: Article, exclude_ids: set[str] | frozenset[str]):
    """A test telling whether a stored article is the query's own record (or excluded by id).

    Its own record: stored under the query's id (or given that id, by the query's outlet), or
    read from the same file as the query.
    """
    origin = _real(query.origin)

    def test(c: Copy) -> bool:
        if c.id in exclude_ids or c.given_id in exclude_ids or c.id == query.id:
            return True
        if c.given_id == query.id and (query.outlet is None or c.outlet == query.outlet):
            return True
        return origin is not None and _real(c.origin) == origin

    return test


def _real(path: str | None) -> str | None:
    """The file a stored origin names (``file.jsonl:12`` names a record, not a file of its own)."""
    if not path or not os.path.isfile(path):
        return None
    return os.path.realpath(path)


def _article(copy: Copy, text: StoredText) -> Article:
    """The stored article behind a copy, with its text."""
    return Article(
        text=text.text, id=copy.id, outlet=copy.outlet, url=copy.url, title=copy.title,
        published_at=copy.published_at, language=text.language, origin=copy.origin,
    )


def _in_window(date: str | None, query_date: datetime | None, before: datetime | None, after: datetime | None) -> bool:
    when = _time(date)
    if when is None:
        return True
    if before is None and after is None:
        return query_date is None or when <= query_date
    return (before is None or when <= before) and (after is None or when >= after)


def _interleave(lexical: list[int], semantic: list[int], limit: int) -> list[int]:
    """Alternate the best lexical and the nearest semantic candidates.

    The two signals are not on one scale (cosines of unrelated texts sit anywhere from 0.2 to
    0.8 depending on language and genre), so neither list may crowd the other out of the
    comparison slots.
    """
    out: list[int] = []
    seen: set[int] = set()
    for pair in zip(lexical + [None] * len(semantic), semantic + [None] * len(lexical)):
        for r in pair:
            if r is not None and r not in seen:
                seen.add(r)
                out.append(r)
            if len(out) == limit:
                return out
    return out


def source_score(comparison: Comparison) -> float:
    """Share of the query's body characters the candidate explains: a linked sentence counts
    for its link's score, a sentence the candidate supports otherwise (fused from several of its
    sentences, or in part) for the share of its words found there."""
    body = {s.index: s.end - s.start for s in comparison.a.body}
    total = sum(body.values())
    if not total:
        return 0.0
    weight = {s.a: s.share for s in comparison.support if s.level != "added"}
    for link in comparison.links:
        for i in link.a:
            weight[i] = max(weight.get(i, 0.0), link.score)
    return min(1.0, sum(body.get(i, 0) * w for i, w in weight.items()) / total)


def _body_vectors(doc: Document, embedder) -> np.ndarray:
    return embedder.encode([s.text for s in doc.body])


def _candidate_vectors(store, docs: dict[int, Document], embedder) -> dict[int, np.ndarray]:
    """Body-sentence vectors of stored articles: from the cache, computing (and caching) the rest.

    The missing sentences of all candidates go to the encoder in one call (fuller micro-batches).
    """
    cached = {r: store.sentence_vectors(r) for r in docs}
    missing = [(r, s) for r, doc in docs.items() for s in doc.body if s.index not in cached[r]]
    if missing:
        fresh = embedder.encode([s.text for _, s in missing])
        new: dict[int, dict[int, np.ndarray]] = {}
        for (r, s), v in zip(missing, fresh):
            new.setdefault(r, {})[s.index] = v
        for r, vecs in new.items():
            store.put_sentence_vectors(r, vecs)
            cached[r].update(vecs)
    return {
        r: np.stack([cached[r][s.index] for s in doc.body]).astype(np.float32) if doc.body else np.zeros((0, embedder.dim), dtype=np.float32)
        for r, doc in docs.items()
    }


def _compare_candidates(store, doc: Document, ranked: list[int], usable, evidence, by_passage, embedder, query_vectors, settings: CompareSettings) -> list[Source]:
    """Compare the ranked candidates with the query; those that are sources, unsorted."""
    if not ranked:
        return []
    stored = store.get_texts(ranked)
    firsts = {r: _article(usable[r][0], stored[r]) for r in ranked}
    cand_docs = {r: Document(article=firsts[r], language=stored[r].language, sentences=stored[r].sentences) for r in ranked}
    b_vectors = _candidate_vectors(store, cand_docs, embedder) if embedder is not None and query_vectors is not None else {}
    spans = store.passage_spans([by_passage[r].key for r in ranked if r in by_passage]) if by_passage else {}
    found: list[Source] = []
    for r in ranked:
        cand_doc = cand_docs[r]
        comparison = compare_documents(
            doc, cand_doc, settings,
            a_vectors=query_vectors if r in b_vectors else None,
            b_vectors=b_vectors.get(r),
            a_name="the query", b_name=firsts[r].id,
        )
        # a source shares a sentence with the query; a brief of one or two sentences may instead
        # fuse several of its sentences (no single sentence to link) when the verdict says so
        brief = len(doc.body) <= MIN_REUSE_LINKS and comparison.relation.verdict not in ("unrelated", "same_story")
        if not comparison.links and not brief:
            continue
        reprints = tuple(_article(c, stored[r]) for c in usable[r][1:])
        hit = by_passage.get(r)
        passage = (*spans[hit.key], hit.cosine) if hit is not None and hit.key in spans else None
        found.append(Source(firsts[r], source_score(comparison), comparison, evidence[r], reprints, passage))
    return found


def find_sources(
    store,
    query: str | os.PathLike | bytes | Article,
    *,
    settings: CompareSettings,
    vectors=None,
    passages=None,
    top: int = 5,
    before: str | None = None,
    after: str | None = None,
    exclude_outlets: set[str] | frozenset[str] = frozenset(),
    exclude_ids: set[str] | frozenset[str] = frozenset(),
    compare_top: int = 8,
) -> SourcesResult:
    """Ranked sources of ``query`` among the stored articles (see module doc).

    Args:
        store: The store.
        query: A path, bytes, text or ``Article``.
        settings: Comparison settings; ``embeddings`` on means vectors are used too.
        vectors: A ``VectorSearch`` over the article vectors, or None (lexical only).
        passages: A ``PassageSearch`` over the passage vectors, or None.
        top: Sources returned.
        before, after: Time window (ISO 8601); see ``Index.sources``.
        exclude_outlets: Outlets never taken as sources.
        exclude_ids: Article ids never taken as sources (the query's own record is never one:
            the stored article with the query's id, or read from the query's file).
        compare_top: Candidates compared sentence by sentence.
    """
    before_t, after_t = _time(before, "--before"), _time(after, "--after")
    params = store.params
    t0 = time.perf_counter()
    article = read_article(query, max_bytes=settings.max_bytes)
    doc = prepare(article, params.segmenter)
    t1 = time.perf_counter()

    sk = sketch(shingles(doc.article.text, params.shingle_size), num_perm=params.num_perm, seed=params.seed, bands=params.bands, rows=params.rows, anchor_mod=params.anchor_mod)
    hits = store.band_hits(sk.keys)
    lexical = sorted(hits, key=lambda r: (-hits[r][1], -hits[r][0], r))[:LEXICAL_K]
    cosines: dict[int, float] = {}
    query_vectors = None
    embedder = None
    if vectors is not None and settings.embeddings and doc.body:
        from ..embed import get_embedder

        embedder = get_embedder(settings.embedder)
        q_vec, _ = article_vector(doc, embedder)
        query_vectors = _body_vectors(doc, embedder)
        if q_vec is not None:
            cosines = dict(vectors.search(q_vec, ANN_K))
            missing = [r for r in lexical if r not in cosines]
            cosines.update(vectors.cosines(q_vec, missing))
    by_passage = {}
    # a query whose words already meet a source does not need its passages (see LEXICAL_STRONG);
    # the containment of its anchors tells that before any candidate is loaded
    words_meet = len(sk.anchors) >= 3 and any(hits[r][1] / len(sk.anchors) >= LEXICAL_STRONG for r in lexical)
    if passages is not None and query_vectors is not None and len(query_vectors) and not words_meet:
        pairs = query_pairs(doc)
        units = np.vstack([query_vectors, embedder.encode(pairs)]) if pairs else query_vectors
        found_passages = passage_evidence(passages.search(units))
        best_passages = sorted(found_passages, key=lambda r: (-found_passages[r].score, r))[:PASSAGE_CANDIDATES]
        by_passage = {r: found_passages[r] for r in best_passages}
    candidates = set(lexical) | set(cosines) | set(by_passage)
    # Candidates are texts; their articles are filtered one by one. A text stays when one of
    # its articles may be a source: the first of those is the source shown, the others are
    # listed as its reprints.
    copies = store.copies(candidates)
    query_date = _time(article.published_at)
    is_query = _self_test(article, exclude_ids)
    usable: dict[int, list[Copy]] = {}
    for r, arts in copies.items():
        ok = [c for c in arts if not is_query(c) and (c.outlet is None or c.outlet not in exclude_outlets) and _in_window(c.published_at, query_date, before_t, after_t)]
        if ok:
            usable[r] = sorted(ok, key=lambda c: copy_order(c.published_at, c.outlet, c.rowid))
    kept = sorted(usable)
    sigs = store.signatures(kept)
    n_anchors = len(sk.anchors)
    evidence: dict[int, dict[str, float]] = {}
    for r in kept:
        bands, anchors = hits.get(r, (0, 0))
        ev = {
            "bands": float(bands),
            "anchors": float(anchors),
            "containment": anchors / n_anchors if n_anchors else 0.0,
            "jaccard": jaccard(sk.signature, sigs[r]) if r in sigs else 0.0,
        }
        if r in cosines:
            ev["cosine"] = cosines[r]
        if r in by_passage:
            ev["passage_cosine"] = by_passage[r].cosine
            ev["passage_support"] = by_passage[r].support
        lexical_signal = max(ev["containment"], ev["jaccard"]) if n_anchors >= 3 else ev["jaccard"] + 0.1 * min(anchors, 3)
        semantic_signal = max(0.0, (max(ev.get("cosine", 0.0), ev.get("passage_cosine", 0.0)) - _COSINE_FLOOR) / (1 - _COSINE_FLOOR))
        ev["lexical"] = lexical_signal if (bands or anchors) else 0.0
        ev["cheap"] = max(lexical_signal, semantic_signal)
        evidence[r] = ev
    # Comparing a candidate first met through its vector costs embedding all its sentences; only
    # those about as close as the nearest one are worth it (a translation is the nearest).
    best_cos = max((ev["cosine"] for ev in evidence.values() if "cosine" in ev), default=0.0)
    best_lexical = max((ev["lexical"] for ev in evidence.values()), default=0.0)

    def semantic_ranked() -> list[int]:
        near = [r for r in kept if evidence[r].get("cosine", -1.0) >= best_cos - SEMANTIC_MARGIN]
        # Passage scores (PassageHit.score) and article cosines are different scales: the two
        # lists take turns, like lexical and semantic below.
        passage_score = {r: by_passage[r].score for r in kept if r in by_passage}
        best_passage = max(passage_score.values(), default=0.0)
        by_passage_score = sorted(
            (r for r, v in passage_score.items() if v >= best_passage - PASSAGE_MARGIN and evidence[r]["passage_cosine"] >= _COSINE_FLOOR), key=lambda r: (-passage_score[r], r)
        )
        return _interleave(by_passage_score, sorted(near, key=lambda r: (-evidence[r]["cosine"], r)), compare_top)

    words_strong = best_lexical >= LEXICAL_STRONG
    ranked = _interleave(
        sorted((r for r in kept if evidence[r]["lexical"] > 0), key=lambda r: (-evidence[r]["lexical"], r)),
        [] if words_strong else semantic_ranked(),
        compare_top,
    )
    t2 = time.perf_counter()
    found = _compare_candidates(store, doc, ranked, usable, evidence, by_passage, embedder, query_vectors, settings)
    if not found and words_strong:
        # the shared words pointed at texts that are not sources after all (another version of
        # the story, a stock paragraph): fall back on meaning
        again = [r for r in semantic_ranked() if r not in ranked]
        found = _compare_candidates(store, doc, again, usable, evidence, by_passage, embedder, query_vectors, settings)
    # at the same share of the query explained, the closer copy first: the one the query holds
    # more of (an identical text before a longer version of it)
    found.sort(key=lambda s: (-round(s.score, 4), -s.comparison.relation.coverage_b_chars, -s.retrieval["cheap"], s.article.id))
    t3 = time.perf_counter()
    timings = {"prepare": round(t1 - t0, 4), "retrieve": round(t2 - t1, 4), "compare": round(t3 - t2, 4)}
    return SourcesResult(query=doc, sources=tuple(found[:top]), candidates=len(kept), timings=timings)
