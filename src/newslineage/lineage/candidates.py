"""Candidate pairs: which articles are worth comparing, never all pairs.

Two sources of evidence, both read from the index:

* **Lexical**: articles sharing an LSH band key of their MinHash signatures (whole-text
  overlap) or containment anchors (sampled word shingles: a few reused paragraphs in a long
  text). A key held by many articles (a wire story reprinted a thousand times, a shared
  sign-off) would give a quadratic number of pairs; instead each of its holders is paired with
  the ``hub_size`` earliest holders only, which are the possible sources anyway.
* **Sentence keys**: MinHash values of every body sentence's word 4-shingles, computed here
  from the stored texts (``sentence_keys``). They find short edited passages that share no
  sampled anchor.
* **Semantic** (optional): article vectors' nearest neighbours above a cosine, which finds
  rewrites and translations that share few words, and articles in different languages whose
  passage vectors come close (``crosslingual.py``): a translation of part of a long text.

Pairs inside one outlet are left out: an outlet repeating itself is not reuse between outlets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ._db import ArticleMeta, IndexReader
from .crosslingual import crosslingual_pairs
from .sentence_keys import sentence_key_pairs

__all__ = ["Candidate", "CandidateSettings", "find_candidates", "time_order"]


@dataclass(frozen=True, slots=True)
class CandidateSettings:
    """How candidates are chosen.

    Attributes:
        min_anchors: Shared containment anchors that make a pair without a shared band.
        hub_size: Keys held by more articles than this pair each holder with this many earliest.
        neighbours: Nearest article vectors looked at per article (embeddings on).
        min_cosine: Article-vector cosine from which a neighbour is a candidate.
        same_outlet: Keep pairs inside one outlet.
        sentence_keys: Also pair articles sharing sentence keys (reads every text once).
        min_sentence_keys: Shared sentence keys that make a pair.
        max_key_holders: Sentence keys held by more articles are stock phrases, ignored.
    """

    min_anchors: int = 1
    hub_size: int = 8
    neighbours: int = 8
    min_cosine: float = 0.8
    same_outlet: bool = False
    sentence_keys: bool = True
    min_sentence_keys: int = 2
    max_key_holders: int = 64


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pair to compare, ``a < b`` by row id, with the evidence that made it."""

    a: int
    b: int
    bands: int = 0
    anchors: int = 0
    cosine: float | None = None
    sentence_keys: int = 0


def time_order(articles: Sequence[ArticleMeta]) -> dict[int, int]:
    """Rank of each article in publication order; undated articles after dated ones, by row id."""
    ranked = sorted(articles, key=lambda m: (m.published_at is None, m.published_at or "", m.rowid))
    return {m.rowid: i for i, m in enumerate(ranked)}


def _group_pairs(members: list[int], rank: dict[int, int], hub_size: int) -> Iterable[tuple[int, int]]:
    if len(members) <= hub_size:
        return combinations(members, 2)
    members = sorted(members, key=lambda r: rank.get(r, 1 << 40))
    hubs = members[:hub_size]
    pairs = list(combinations(hubs, 2))
    pairs.extend((h, m) for m in members[hub_size:] for h in hubs)
    return pairs


def lexical_pairs(reader: IndexReader, rank: dict[int, int], settings: CandidateSettings, min_rowid: int = 0) -> tuple[Counter, Counter]:
    """Count shared bands and shared anchors per pair (keys ``(lo << 32) | hi``)."""
    bands: Counter[int] = Counter()
    anchors: Counter[int] = Counter()
    for is_anchor, members in reader.anchor_groups(min_rowid):
        target = anchors if is_anchor else bands
        for x, y in _group_pairs(members, rank, settings.hub_size):
            if x == y or (min_rowid and x <= min_rowid and y <= min_rowid):
                continue
            lo, hi = (x, y) if x < y else (y, x)
            target[(lo << 32) | hi] += 1
    return bands, anchors


def vector_pairs(reader: IndexReader, settings: CandidateSettings, min_rowid: int = 0, block: int = 2048) -> dict[int, float]:
    """Nearest-neighbour pairs of article vectors with cosine >= ``min_cosine``."""
    ids, mat = reader.vectors()
    out: dict[int, float] = {}
    if len(ids) < 2:
        return out
    k = min(settings.neighbours + 1, len(ids))
    queries = np.nonzero(ids > min_rowid)[0]
    for start in range(0, len(queries), block):
        rows = queries[start : start + block]
        sims = mat[rows] @ mat.T
        sims[np.arange(len(rows)), rows] = -1.0
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for i, (r, cols) in enumerate(zip(rows, top)):
            for c in cols:
                cos = float(sims[i, c])
                if cos >= settings.min_cosine:
                    x, y = int(ids[r]), int(ids[c])
                    lo, hi = (x, y) if x < y else (y, x)
                    out[(lo << 32) | hi] = max(out.get((lo << 32) | hi, -1.0), cos)
    return out


def find_candidates(
    reader: IndexReader,
    articles: Sequence[ArticleMeta],
    settings: CandidateSettings | None = None,
    *,
    embeddings: bool = False,
    min_rowid: int = 0,
) -> list[Candidate]:
    """Candidate pairs of the index, sorted by ``(a, b)``.

    Args:
        reader: The index.
        articles: Metadata of every article (for outlets and publication order).
        settings: Thresholds (defaults when None).
        embeddings: Also use article-vector neighbours.
        min_rowid: Incremental run: only pairs with at least one article newer than this.
    """
    settings = settings or CandidateSettings()
    rank = time_order(articles)
    outlet = {m.rowid: m.outlet for m in articles}
    bands, anchors = lexical_pairs(reader, rank, settings, min_rowid)
    cosines = vector_pairs(reader, settings, min_rowid) if embeddings else {}
    for key, cos in (crosslingual_pairs(reader, min_rowid) if embeddings else {}).items():
        cosines[key] = max(cos, cosines.get(key, -1.0))
    sentence = sentence_key_pairs(reader, [m.rowid for m in articles], settings.max_key_holders, min_rowid) if settings.sentence_keys else {}
    keys = {k for k in bands} | {k for k, n in anchors.items() if n >= settings.min_anchors} | set(cosines)
    keys |= {k for k, n in sentence.items() if n >= settings.min_sentence_keys}
    out = []
    for key in sorted(keys):
        a, b = key >> 32, key & 0xFFFFFFFF
        if not settings.same_outlet and outlet.get(a) is not None and outlet.get(a) == outlet.get(b):
            continue
        out.append(Candidate(a, b, bands.get(key, 0), anchors.get(key, 0), cosines.get(key), sentence.get(key, 0)))
    return out
