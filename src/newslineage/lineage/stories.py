"""Story clusters: articles about the same event.

Two articles are put in one story when one reuses the other (a reuse edge), when they share
sentences without being a copy (``same_story``: a common quote), or when they are topically
close and published within ``window_days`` of each other. Topical closeness is the cosine of
the index's article vectors when it has them, else the cosine of TF-IDF weighted content-word
stems (computed for corpora up to ``lexical_limit`` articles; above, lexical-only stories rest
on shared sentences alone). Topical links join mutual nearest neighbours among the groups that
reuse and shared sentences already formed (a reprinted story counts once), so one loose link
does not chain two events together and twenty copies of one story do not hide the other
reports of the event. Clusters are the connected components of that graph. The label is the
headline of the most central article (largest summed similarity to the rest of its story).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..dates import parse_time
from ..unionfind import UnionFind
from ._db import ArticleMeta
from .direction import Edge

__all__ = ["Story", "StorySettings", "cluster_stories", "lexical_vectors"]


@dataclass(frozen=True, slots=True)
class StorySettings:
    """How stories are formed.

    Attributes:
        min_cosine: Article-vector cosine from which two articles are on one topic.
        min_lexical: TF-IDF cosine from which two articles are on one topic (no vectors).
        neighbours: Nearest neighbours considered per article; links must be mutual.
        window_days: Largest gap in publication time inside one topical link (dated articles).
        lexical_limit: Largest corpus for which TF-IDF vectors are computed.
    """

    min_cosine: float = 0.6
    min_lexical: float = 0.2
    neighbours: int = 10
    window_days: float = 4.0
    lexical_limit: int = 5000


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its articles in publication order and its label."""

    story_id: str
    label: str
    members: tuple[int, ...]
    central: int
    first_published: str | None
    last_published: str | None


def lexical_vectors(texts: dict[int, str]) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF unit vectors of content-word stems as a dense matrix ``(rowids, matrix)``."""
    from ..fingerprint import content_stems

    bags = {r: Counter(content_stems(t)) for r, t in texts.items()}
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    vocab = {w: i for i, w in enumerate(w for w, c in df.items() if 1 < c < max(2, 0.5 * n))}
    ids = np.array(sorted(bags), dtype=np.int64)
    mat = np.zeros((len(ids), max(1, len(vocab))), dtype=np.float32)
    for row, r in enumerate(ids):
        for w in bags[int(r)]:
            col = vocab.get(w)
            if col is not None:
                mat[row, col] = math.log(n / df[w])
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    np.divide(mat, norms, out=mat, where=norms > 0)
    return ids, mat


def _topical_links(ids: np.ndarray, mat: np.ndarray, threshold: float, k: int, block: int = 1024) -> list[tuple[int, int, float]]:
    """Mutual k-nearest-neighbour pairs with cosine >= threshold."""
    if len(ids) < 2:
        return []
    k = min(k, len(ids) - 1)
    near: dict[int, dict[int, float]] = {}
    for start in range(0, len(ids), block):
        sims = mat[start : start + block] @ mat.T
        for i in range(sims.shape[0]):
            sims[i, start + i] = -1.0
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for i, cols in enumerate(top):
            near[start + i] = {int(c): float(sims[i, c]) for c in cols if sims[i, c] >= threshold}
    return [(int(ids[i]), int(ids[j]), s) for i, nb in near.items() for j, s in nb.items() if i < j and i in near.get(j, {})]


def _link_topics(vectors: tuple[np.ndarray, np.ndarray], uf: UnionFind[int], times: dict, weight: dict[int, float], threshold: float, k: int, window: float) -> None:
    """Join groups of articles that are mutual topical neighbours, in place.

    The groups are the articles already joined by reuse or shared sentences, each represented by
    the mean of its vectors: a wire story printed twenty times is one report of the event, and as
    twenty articles it would fill every neighbour list around it and hide the other reports
    (Ground News: an analysis of China's COVID policy whose ten nearest articles were all copies
    of one AP story, so it stood alone). Two groups are joined when their publication times come
    within ``window`` seconds of each other (or are unknown).
    """
    ids, mat = vectors
    members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(ids):
        members[uf.find(int(r))].append(i)
    roots = list(members)
    if len(roots) < 2:
        return
    centroids = np.stack([mat[members[g]].mean(axis=0) for g in roots]).astype(np.float32)
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    np.divide(centroids, norms, out=centroids, where=norms > 0)
    spans = []
    for g in roots:
        dated = [times[int(ids[i])].timestamp() for i in members[g] if times.get(int(ids[i]))]
        spans.append((min(dated), max(dated)) if dated else None)
    for gi, gj, s in _topical_links(np.arange(len(roots)), centroids, threshold, k):
        a, b = spans[gi], spans[gj]
        if a and b and max(0.0, b[0] - a[1], a[0] - b[1]) > window:
            continue
        uf.union(roots[gi], roots[gj])
        # the label goes to the article closest to the other reports of the event
        for mine, other in ((gi, gj), (gj, gi)):
            rows = members[roots[mine]]
            best = rows[int(np.argmax(mat[rows] @ centroids[other]))]
            weight[int(ids[best])] += s


def cluster_stories(
    articles: Sequence[ArticleMeta],
    edges: Sequence[Edge],
    same_story: Sequence[tuple[int, int]],
    vectors: tuple[np.ndarray, np.ndarray] | None,
    settings: StorySettings | None = None,
    lexical: bool = False,
) -> list[Story]:
    """Group articles into stories.

    Args:
        articles: Every article's metadata.
        edges: Reuse edges.
        same_story: Pairs that share sentences without being reuse.
        vectors: ``(rowids, unit matrix)`` of topical vectors (article vectors or TF-IDF), or None.
        settings: Thresholds (defaults when None).
        lexical: The vectors are TF-IDF (use ``min_lexical``), not embeddings.

    Returns:
        Stories, largest first; every article is in exactly one (possibly alone).
    """
    settings = settings or StorySettings()
    meta = {m.rowid: m for m in articles}
    times = {m.rowid: parse_time(m.published_at) for m in articles}
    uf: UnionFind[int] = UnionFind()
    weight: dict[int, float] = defaultdict(float)
    for e in edges:
        uf.union(e.source, e.derived)
        weight[e.source] += 1.0 + e.score
        weight[e.derived] += 1.0 + e.score
    for a, b in same_story:
        uf.union(a, b)
        weight[a] += 0.5
        weight[b] += 0.5
    if vectors is not None and len(vectors[0]):
        threshold = settings.min_lexical if lexical else settings.min_cosine
        _link_topics(vectors, uf, times, weight, threshold, settings.neighbours, settings.window_days * 86400)
    groups: dict[int, list[int]] = defaultdict(list)
    for m in articles:
        groups[uf.find(m.rowid)].append(m.rowid)
    stories = []
    for members in groups.values():
        members.sort(key=lambda r: (times[r] is None, times[r].timestamp() if times[r] else 0, r))
        central = max(members, key=lambda r: (weight[r], -members.index(r)))
        dated = [meta[r].published_at for r in members if times[r]]
        dated_sorted = sorted(dated, key=lambda v: parse_time(v))  # type: ignore[arg-type, return-value]
        first = meta[members[0]]
        sid = "s-" + hashlib.sha1(first.id.encode("utf-8")).hexdigest()[:10]
        label = meta[central].title or meta[central].id
        stories.append(Story(sid, label, tuple(members), central, dated_sorted[0] if dated else None, dated_sorted[-1] if dated else None))
    stories.sort(key=lambda s: (-len(s.members), s.first_published or "", s.story_id))
    return stories
