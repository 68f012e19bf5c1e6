"""Non-monotonic sentence alignment with merges and splits.

1. **Competitive linking** (Melamed 2000): all sentence pairs whose combined score qualifies are
   taken best-first; a pair is linked when neither sentence is linked yet. Nothing assumes the
   two texts keep the same order, because rewrites reorder freely.
2. **Merges and splits**: a rewrite often fuses two source sentences into one ("shot down a
   balloon ... accusing China of spying" = two DPA sentences) or splits one. A still-unlinked
   sentence joins the link of its most similar sentence on the other side when it explains words
   of the other side the link did not explain yet, and the group stays linked.

The result is a list of groups ``(a_rows, b_cols)`` over the body-sentence rows and columns of
the similarity matrices, with the group's lexical and semantic similarity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..fingerprint import content_stems
from ..settings import CompareSettings
from .similarity import Similarity, combine

__all__ = ["Group", "align_sentences"]

#: A sentence joins a link only if it explains words of the other side that the link did not
#: explain yet: at least this many content stems, and this share of the other side's stems.
_MERGE_MIN_NEW_STEMS = 2
_MERGE_MIN_NEW_SHARE = 0.12
#: ... and it must be on the same subject (cosine), when embeddings are on.
_MERGE_MIN_COSINE = 0.4


@dataclass
class Group:
    """Rows of A and columns of B linked together, with the group's similarity."""

    rows: set[int]
    cols: set[int]
    score: float
    lexical: float
    semantic: float | None


def _group_similarity(sim: Similarity, rows: set[int], cols: set[int], settings: CompareSettings) -> tuple[float, float, float | None]:
    fa = frozenset().union(*(sim.a_features[r] for r in rows))
    fb = frozenset().union(*(sim.b_features[c] for c in cols))
    total = len(fa) + len(fb)
    lexical = 2 * len(fa & fb) / total if total else 0.0
    semantic = None
    if sim.a_vectors is not None and sim.b_vectors is not None:
        va = sim.a_vectors[sorted(rows)].sum(axis=0)
        vb = sim.b_vectors[sorted(cols)].sum(axis=0)
        na, nb = float(np.linalg.norm(va)), float(np.linalg.norm(vb))
        semantic = float(va @ vb / (na * nb)) if na and nb else 0.0
    score = float(combine(np.array([[lexical]]), None if semantic is None else np.array([[semantic]]), settings)[0, 0])
    return score, lexical, semantic


def _adds_coverage(
    sim: Similarity,
    settings: CompareSettings,
    rows: set[int],
    cols: set[int],
    candidate: int,
    stems_a: list[frozenset[str]],
    stems_b: list[frozenset[str]],
    merge_b: bool,
) -> bool:
    """Would ``candidate`` explain a part of the link's other side that is not explained yet?

    Summed embeddings make any related sentence look like an improvement, so the test is on
    words: the candidate must share content stems with the other side that the link's current
    members do not share. "Washington accused Beijing of using it to survey military
    installations" joins "shot down a suspected Chinese spy balloon" because the rewrite's
    single sentence also says "accusing China ... military installations".
    """
    if merge_b:
        host = frozenset().union(*(stems_a[r] for r in rows))
        members = frozenset().union(*(stems_b[c] for c in cols))
        new = stems_b[candidate]
        cosine = None if sim.semantic is None else float(max(sim.semantic[r, candidate] for r in rows))
    else:
        host = frozenset().union(*(stems_b[c] for c in cols))
        members = frozenset().union(*(stems_a[r] for r in rows))
        new = stems_a[candidate]
        cosine = None if sim.semantic is None else float(max(sim.semantic[candidate, c] for c in cols))
    novel = (host & new) - members
    if len(novel) < _MERGE_MIN_NEW_STEMS or len(novel) < _MERGE_MIN_NEW_SHARE * max(1, len(host)):
        return False
    return cosine is None or cosine >= _MERGE_MIN_COSINE


def align_sentences(sim: Similarity, settings: CompareSettings) -> list[Group]:
    """Link body sentences of A to body sentences of B.

    Args:
        sim: Similarity matrices of the two documents.
        settings: Thresholds.

    Returns:
        Link groups ordered by their first row (A's reading order).
    """
    score = sim.score
    if score.size == 0:
        return []
    rows, cols = np.nonzero(score >= 1.0)
    order = np.lexsort((-sim.lexical[rows, cols], -score[rows, cols]))
    row_group: dict[int, Group] = {}
    col_group: dict[int, Group] = {}
    groups: list[Group] = []
    for k in order:
        r, c = int(rows[k]), int(cols[k])
        if r in row_group or c in col_group:
            continue
        sem = None if sim.semantic is None else float(sim.semantic[r, c])
        g = Group({r}, {c}, float(score[r, c]), float(sim.lexical[r, c]), sem)
        groups.append(g)
        row_group[r] = g
        col_group[c] = g

    stems_a = [content_stems(t) for t in sim.a_texts]
    stems_b = [content_stems(t) for t in sim.b_texts]
    changed = True
    passes = 0
    while changed and passes < 3:
        changed = False
        passes += 1
        for c in range(score.shape[1]):  # a free B sentence merged into an A sentence's link
            if c in col_group:
                continue
            r = int(np.argmax(score[:, c]))
            g = row_group.get(r)
            if g is None or not _adds_coverage(sim, settings, g.rows, g.cols, c, stems_a, stems_b, merge_b=True):
                continue
            new = _group_similarity(sim, g.rows, g.cols | {c}, settings)
            if new[0] >= 1.0 and new[0] >= g.score - settings.merge_gain:
                g.cols.add(c)
                g.score, g.lexical, g.semantic = new
                col_group[c] = g
                changed = True
        for r in range(score.shape[0]):  # a free A sentence split off a B sentence's link
            if r in row_group:
                continue
            c = int(np.argmax(score[r, :]))
            g = col_group.get(c)
            if g is None or not _adds_coverage(sim, settings, g.rows, g.cols, r, stems_a, stems_b, merge_b=False):
                continue
            new = _group_similarity(sim, g.rows | {r}, g.cols, settings)
            if new[0] >= 1.0 and new[0] >= g.score - settings.merge_gain:
                g.rows.add(r)
                g.score, g.lexical, g.semantic = new
                row_group[r] = g
                changed = True
    groups.sort(key=lambda g: min(g.rows))
    return groups
