"""Ingest stages for one article: prepare, fingerprint, embed -> an ``ArticleRecord``.

``process_batch`` is a pure function of a batch of articles and the index parameters, so it runs
the same in-process and in a worker pool. Only the article-level vector is embedded here
(headline plus the first body sentences, averaged) and one sampled sentence per passage
(``index/passages.py``): vectors of the other sentences are computed when an article is first
compared, and cached.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence

import numpy as np

from ..fingerprint import shingles
from ..model import Article, Document
from ..prepare import normalize, prepare
from ..prepare.segment import widen_regex_cache  # noqa: F401  (kept importable here: lineage uses it)
from ..store import ArticleRecord, IndexParams
from .passages import passage_vectors
from .sketch import sketch_many

__all__ = ["LEAD_SENTENCES", "content_hash", "lead_texts", "process_batch", "widen_regex_cache"]

#: Body sentences (after the headline) that make an article's vector: the lead carries the
#: story. USE costs about the same per token whether the lead is one string or several, so
#: the sentences are embedded one by one (their vectors are cached for comparisons) and the
#: count sets the cost. Measured on 10k synthetic articles: 2 instead of 4 sentences, ingest
#: 86 -> 126 articles/s, sources recall@1 0.960 -> 0.955 (one query of 200); WMT21 de->en
#: recall@1 1.0 either way. One joined string of the same sentences: 4% cheaper to embed,
#: same WMT recall, but no sentence vectors to cache (WMT sources p50 44 -> 101 ms).
LEAD_SENTENCES = 2
_MAX_SENTENCE_CHARS = 400


def content_hash(text: str) -> str:
    """Hash of the normalised text: the same article re-published with other spacing or quotes is a duplicate."""
    return "sha1:" + hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def lead_texts(doc: Document) -> list[tuple[int | None, str]]:
    """(sentence index or None for a metadata title, text) of the headline and lead sentences."""
    out: list[tuple[int | None, str]] = []
    headline = next((s for s in doc.sentences if s.role == "headline"), None)
    if headline is not None:
        out.append((None, headline.text[:_MAX_SENTENCE_CHARS]))
    elif doc.article.title:
        out.append((None, doc.article.title[:_MAX_SENTENCE_CHARS]))
    for s in doc.body[:LEAD_SENTENCES]:
        out.append((s.index, s.text[:_MAX_SENTENCE_CHARS] if len(s.text) > _MAX_SENTENCE_CHARS else s.text))
    return out


def article_vectors(docs: Sequence[Document], embedder) -> list[tuple[np.ndarray | None, dict[int, np.ndarray]]]:
    """Per document: the mean of its lead's vectors (unit length) and the lead's sentence vectors.

    All leads go to the encoder in one call: it packs them into token-budget micro-batches,
    which is cheaper than one call per article.
    """
    leads = [lead_texts(d) for d in docs]
    flat = [t for lead in leads for _, t in lead]
    vecs = embedder.encode(flat) if flat else np.zeros((0, embedder.dim), dtype=np.float32)
    out: list[tuple[np.ndarray | None, dict[int, np.ndarray]]] = []
    pos = 0
    for doc, lead in zip(docs, leads):
        if not lead:
            out.append((None, {}))
            continue
        mine = vecs[pos : pos + len(lead)]
        pos += len(lead)
        mean = mine.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        # Only untruncated sentences go to the cache: it must hold the vector of the whole sentence.
        cache = {i: mine[k] for k, (i, t) in enumerate(lead) if i is not None and len(t) == len(doc.sentences[i].text)}
        out.append((mean / norm if norm > 0 else mean, cache))
    return out


def article_vector(doc: Document, embedder) -> tuple[np.ndarray | None, dict[int, np.ndarray]]:
    """The article vector of one document (see ``article_vectors``)."""
    return article_vectors([doc], embedder)[0]


def _prepare_all(articles: Sequence[Article], segmenter: str) -> tuple[list[Article], list[Document], list[str], list[str]]:
    kept: list[Article] = []
    hashes: list[str] = []
    docs: list[Document] = []
    errors: list[str] = []
    for art in articles:
        where = art.origin or art.id
        if not art.text.strip():
            errors.append(f"{where}: empty text; skipped")
            continue
        try:
            docs.append(prepare(art, segmenter))
        except Exception as exc:  # one odd article must not stop an ingest of millions
            errors.append(f"{where}: could not be prepared ({type(exc).__name__}: {exc}); skipped")
            continue
        # the prepared article: wire copy comes back cleaned, and the stored sentence offsets
        # index that text
        kept.append(docs[-1].article)
        # identity is the text as given (ingest planned reprints and duplicates on it)
        hashes.append(content_hash(art.text))
    return kept, docs, errors, hashes


def process_batch(articles: Sequence[Article], params: IndexParams, embedder_key: str) -> tuple[list[ArticleRecord], list[str]]:
    """Prepare, fingerprint and embed a batch of articles.

    Args:
        articles: Articles as read.
        params: The index parameters (segmenter, shingle size, MinHash settings).
        embedder_key: ``use``, ``hashing`` or ``none`` (no vectors).

    Returns:
        The records, and one message per article that could not be used (empty text...).
    """
    t0 = time.perf_counter()
    articles, docs, errors, hashes = _prepare_all(articles, params.segmenter)
    t1 = time.perf_counter()
    sets = [shingles(a.text, params.shingle_size) for a in articles]
    sketches = sketch_many(sets, num_perm=params.num_perm, seed=params.seed, bands=params.bands, rows=params.rows, anchor_mod=params.anchor_mod)
    t2 = time.perf_counter()
    vectors: list[tuple[np.ndarray | None, dict[int, np.ndarray]]] = [(None, {})] * len(docs)
    passages: list[list[tuple[int, int, np.ndarray]]] = [[] for _ in docs]
    t3 = t2
    if embedder_key != "none":
        from ..embed import get_embedder

        embedder = get_embedder(embedder_key)
        vectors = article_vectors(docs, embedder)
        t3 = time.perf_counter()
        passages = passage_vectors(docs, embedder, params.passage_sentences, [cache for _, cache in vectors])
    t4 = time.perf_counter()
    n = max(1, len(articles))
    timing = {"prepare": (t1 - t0) / n, "fingerprint": (t2 - t1) / n, "embed": (t3 - t2) / n, "passages": (t4 - t3) / n}
    records = [
        ArticleRecord(
            article=a,
            language=d.language,
            content_hash=h,
            sentences=d.sentences,
            signature=sk.signature,
            band_keys=sk.keys,
            vector=None if v is None else v.astype(np.float32),
            sentence_vectors=cache,
            passages=ps,
            timings=timing,
        )
        for a, h, d, sk, (v, cache), ps in zip(articles, hashes, docs, sketches, vectors, passages)
    ]
    return records, errors
