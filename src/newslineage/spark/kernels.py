"""Pure per-partition kernels used by the Spark jobs (and testable without Spark).

They take and return plain tuples and dicts so Spark can serialise them; all the text work is
done by the library's own stage functions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import numpy as np

from ..fingerprint import shingles
from ..model import Article
from ..pairwise import compare_documents
from ..prepare import prepare
from ..settings import CompareSettings

__all__ = ["band_keys", "compare_pairs", "minhash_signature", "prepare_rows"]

_MERSENNE = np.uint64((1 << 61) - 1)


def minhash_signature(hashes: Iterable[int], num_perm: int, seed: int) -> np.ndarray:
    """MinHash signature of a set of 32-bit shingle hashes (universal hashing, vectorised).

    Deterministic for a given ``seed``, so every executor computes the same permutations.
    """
    values = np.fromiter(hashes, dtype=np.uint64)
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)
    b = rng.randint(0, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)
    if values.size == 0:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint64)
    # (a*x + b) mod p, with x < 2^32 and a, b < 2^31 the product stays below 2^63
    permuted = (np.outer(values, a) + b) % _MERSENNE
    return permuted.min(axis=0)


def band_keys(signature: np.ndarray, bands: int) -> list[str]:
    """One key per LSH band: articles sharing a key are candidate pairs."""
    rows = len(signature) // bands
    return [f"{i}:" + signature[i * rows : (i + 1) * rows].tobytes().hex() for i in range(bands)]


def prepare_rows(rows: Iterable[dict], num_perm: int, bands: int, seed: int, shingle_size: int) -> Iterator[tuple]:
    """``(id, series, date, band_key)`` for every band of every article with text."""
    for row in rows:
        text = row.get("text") or ""
        if not text.strip():
            continue
        signature = minhash_signature(shingles(text, shingle_size), num_perm, seed)
        for key in band_keys(signature, bands):
            yield (str(row["id"]), row.get("series"), row.get("date"), key)


def _document(row: dict):
    return prepare(Article(text=row["text"], id=str(row["id"]), outlet=row.get("series"), published_at=row.get("date")))


def compare_pairs(pairs: Iterable[tuple[dict, dict]], settings_json: str, min_coverage: float) -> Iterator[dict]:
    """Compare candidate pairs with the compare kernel; yield an edge per real reuse.

    Each pair is compared once with the later (or, undated, the second) article as A. The
    edge's source is the side the verdict names as the origin.
    """
    settings = CompareSettings(**json.loads(settings_json))
    for left, right in pairs:
        a_row, b_row = (left, right) if (left.get("date") or "") >= (right.get("date") or "") else (right, left)
        if a_row.get("series") and a_row.get("series") == b_row.get("series"):
            continue  # reuse inside one outlet (its own boilerplate, updates) is not lineage
        result = compare_documents(_document(a_row), _document(b_row), settings)
        rel = result.relation
        if rel.verdict in ("unrelated", "same_story") or max(rel.coverage_a, rel.coverage_b) < min_coverage:
            continue
        if rel.verdict == "b_derives_from_a":
            source, derived, cov_source, cov_derived = a_row, b_row, rel.coverage_a, rel.coverage_b
        else:
            source, derived, cov_source, cov_derived = b_row, a_row, rel.coverage_b, rel.coverage_a
        kinds = [link.kind for link in result.links]
        yield {
            "source_id": str(source["id"]),
            "derived_id": str(derived["id"]),
            "kind": max(set(kinds), key=kinds.count) if kinds else "paraphrase",
            "verdict": "shared_source" if rel.verdict == "shared_source" else "derives_from",
            "coverage_source": float(cov_source),
            "coverage_derived": float(cov_derived),
            "score": float(np.mean([link.score for link in result.links])) if result.links else 0.0,
        }
