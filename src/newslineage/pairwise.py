"""Pairwise comparison: ``compare(a, b)`` explains, sentence by sentence, how article A relates to
article B; ``compare_documents`` is the kernel on prepared documents (index, analyze, Spark).

The module is not called ``compare`` so that ``newslineage.compare`` is unambiguously the function.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from typing import Any

import numpy as np

from .align import align
from .judge import judge
from .model import Article, Comparison, Document
from .prepare import prepare
from .settings import CompareSettings, load_settings
from .textio import read_article

__all__ = ["compare", "compare_documents"]

Source = str | os.PathLike | bytes | Article


def compare_documents(
    a: Document,
    b: Document,
    settings: CompareSettings | None = None,
    a_vectors: np.ndarray | None = None,
    b_vectors: np.ndarray | None = None,
    a_name: str = "A",
    b_name: str = "B",
) -> Comparison:
    """Compare two prepared documents (the kernel shared by the CLI, the index and Spark).

    Args:
        a: The article to explain (possible copy).
        b: The possible source.
        settings: Comparison settings (defaults when None).
        a_vectors, b_vectors: Precomputed body-sentence embeddings, if any.
        a_name, b_name: Names used in the explanation.
    """
    settings = settings or CompareSettings()
    t0 = time.perf_counter()
    alignment = align(a, b, settings, a_vectors, b_vectors)
    t1 = time.perf_counter()
    relation = judge(a, b, alignment.links, alignment.support, alignment.carried, a_name, b_name)
    relation = replace(relation, copied_a=alignment.copied_a, copied_b=alignment.copied_b)
    t2 = time.perf_counter()
    embedder = None
    if alignment.similarity.semantic is not None:
        from .embed import get_embedder

        embedder = get_embedder(settings.embedder).name
    return Comparison(
        a=a,
        b=b,
        links=alignment.links,
        passages=alignment.passages,
        added=alignment.added,
        omitted=alignment.omitted,
        relation=relation,
        support=alignment.support,
        carried=alignment.carried,
        mode="embeddings" if embedder else "lexical",
        embedder=embedder,
        names=(a_name, b_name),
        timings={"align": round(t1 - t0, 4), "judge": round(t2 - t1, 4)},
    )


def _short_name(article: Article, fallback: str) -> str:
    if article.origin:
        stem = os.path.splitext(os.path.basename(article.origin))[0]
        return stem.split("_")[0] if "_" in stem and stem.split("_")[0].isdigit() else stem
    return fallback


def compare(
    a: Source,
    b: Source,
    *,
    embeddings: bool | None = None,
    settings: CompareSettings | None = None,
    a_meta: dict[str, Any] | None = None,
    b_meta: dict[str, Any] | None = None,
) -> Comparison:
    """Explain how article ``a`` relates to article ``b``.

    Args:
        a: The article to explain: a path, bytes, a text string or an ``Article``.
        b: The possible source, in any of the same forms.
        embeddings: Use sentence embeddings (None = the settings' default, on); False gives the
            lexical-only mode that needs no model.
        settings: Full settings; defaults < config < environment are applied when None.
        a_meta, b_meta: Article fields such as ``title``, ``published_at`` (ISO 8601),
            ``outlet``, ``url``, ``id``.

    Returns:
        A ``Comparison``: links with kinds and changed facts, passages, added and omitted
        sentences, and the verdict. ``Comparison.to_dict()`` gives the JSON document.

    Raises:
        InputError: A text is empty, binary, undecodable, too large or a path does not exist.
    """
    settings = settings or load_settings()
    if embeddings is not None and embeddings != settings.embeddings:
        settings = replace(settings, embeddings=embeddings)
    t0 = time.perf_counter()
    article_a = read_article(a, max_bytes=settings.max_bytes, **(a_meta or {}))
    article_b = read_article(b, max_bytes=settings.max_bytes, **(b_meta or {}))
    t1 = time.perf_counter()
    doc_a, doc_b = prepare(article_a, settings.segmenter), prepare(article_b, settings.segmenter)
    t2 = time.perf_counter()
    name_a, name_b = _short_name(article_a, "A"), _short_name(article_b, "B")
    if name_a == name_b:
        name_a, name_b = "A", "B"
    result = compare_documents(doc_a, doc_b, settings, a_name=name_a, b_name=name_b)
    result.timings.update({"read": round(t1 - t0, 4), "prepare": round(t2 - t1, 4)})
    return result
