"""Non-monotonic sentence alignment with merges and splits.

1. **Competitive linking** (Melamed 2000): all sentence pairs whose combined score qualifies are
   taken best-first; a pair is linked when neither sentence is linked yet. Nothing assumes the
   two texts keep the same order, because rewrites reorder freely.
2. **Merges and splits**: a rewrite often fuses two source sentences into one ("shot down a
   balloon ... accusing China of spying" = two DPA sentences) or splits one. A still-unlinked
   sentence joins the link of its most similar sentence on the other side when it explains words
   of the other side the link did not explain yet, and the group stays linked.

0. **Copied whole**: units whose words all lie in verbatim runs (seeds.py) are linked first to
   the units they were copied from, however short (a pasted list keeps none of its boundaries).
3. **Verbatim runs** (seeds.py) link units sharing a long copied stretch, whatever else they hold.
4. **Gaps**: with embeddings, a free sentence wedged between two links is linked to the free
   sentence wedged between their partners when each is the other's best match (translations of
   hard sentences fall below the cosine threshold but keep their place).

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

#: Shortest sentence (in words) that a similarity score alone may link.
_MIN_LINK_WORDS = 4
#: A sentence joins a link only if it explains words of the other side that the link did not
#: explain yet: at least this many content stems, and this share of the other side's stems.
_MERGE_MIN_NEW_STEMS = 2
_MERGE_MIN_NEW_SHARE = 0.12
#: ... and it must be on the same subject (cosine), when embeddings are on.
_MERGE_MIN_COSINE = 0.4
#: Words of one verbatim stretch that link two units whatever else they hold: web text without
#: full stops gives "sentences" of 500 words, of which a copied paragraph is a small share.
LONG_RUN_WORDS = 25


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
    score = float(combine(np.array([[lexical]]), None if semantic is None else np.array([[semantic]]), settings, sim.crosslingual)[0, 0])
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
    # merged sentences sit next to each other in the text they come from (a rewrite fuses
    # neighbours); a far-away sentence sharing a few words is a coincidence
    own_side = cols if merge_b else rows
    if not any(abs(candidate - m) == 1 for m in own_side):
        return False
    novel = (host & new) - members
    if len(novel) < _MERGE_MIN_NEW_STEMS or len(novel) < _MERGE_MIN_NEW_SHARE * max(1, len(host)):
        return False
    return cosine is None or cosine >= _MERGE_MIN_COSINE


class _Linker:
    """The groups found so far and which row / column belongs to which group."""

    def __init__(self, sim: Similarity, score: np.ndarray) -> None:
        self.sim = sim
        self.score = score
        self.groups: list[Group] = []
        self.row: dict[int, Group] = {}
        self.col: dict[int, Group] = {}

    def _add(self, g: Group, own_rows: bool = True, own_cols: bool = True) -> None:
        """Keep a new group; its rows / columns point to it unless they stay with another one."""
        self.groups.append(g)
        if own_rows:
            self.row.update(dict.fromkeys(g.rows, g))
        if own_cols:
            self.col.update(dict.fromkeys(g.cols, g))

    def _pair(self, r: int, c: int) -> Group:
        sim = self.sim
        semantic = None if sim.semantic is None else float(sim.semantic[r, c])
        return Group({r}, {c}, float(self.score[r, c]), float(sim.lexical[r, c]), semantic)

    def link(self, r: int, c: int) -> None:
        self._add(self._pair(r, c))

    def group(self, rows: set[int], cols: set[int], settings: CompareSettings) -> None:
        """Link rows and columns together as one group (none of them linked yet)."""
        if any(r in self.row for r in rows) or any(c in self.col for c in cols):
            return
        score, lexical, semantic = _group_similarity(self.sim, rows, cols, settings)
        self._add(Group(set(rows), set(cols), max(score, 1.0), lexical, semantic))

    def join(self, g: Group, *, r: int | None = None, c: int | None = None) -> None:
        if r is not None:
            g.rows.add(r)
            self.row[r] = g
        if c is not None:
            g.cols.add(c)
            self.col[c] = g

    def competitive(self) -> None:
        rows, cols = np.nonzero(self.score >= 1.0)
        order = np.lexsort((-self.sim.lexical[rows, cols], -self.score[rows, cols]))
        for k in order:
            r, c = int(rows[k]), int(cols[k])
            if r not in self.row and c not in self.col:
                self.link(r, c)

    def verbatim(self, copied: dict[tuple[int, int], int], a_words: list[int], b_words: list[int]) -> None:
        """Link units sharing a long copied stretch; join units copied whole next to them."""
        joins: list[tuple[int, int, int]] = []
        for (r, c), words in sorted(copied.items(), key=lambda kv: -kv[1]):
            if r in self.row or c in self.col:
                joins.append((r, c, words))
            elif words >= max(6, 0.5 * min(a_words[r], b_words[c])) or words >= LONG_RUN_WORDS:
                self.link(r, c)
        # a joining unit must sit next to a member on its own side (repeated boilerplate far
        # away in the text is not part of this passage); passes repeat so a chain of short
        # units pasted into one long unit joins link by link
        changed = True
        while changed:
            changed = False
            for r, c, words in joins:
                g_r, g_c = self.row.get(r), self.col.get(c)
                if g_r is not None and g_c is None and words >= 0.5 * b_words[c] and any(abs(c - m) == 1 for m in g_r.cols):
                    self.join(g_r, c=c)
                    changed = True
                elif g_c is not None and g_r is None and words >= 0.5 * a_words[r] and any(abs(r - m) == 1 for m in g_c.rows):
                    self.join(g_c, r=r)
                    changed = True
        # a long unit (a list, a paragraph without full stops) copied in two places of the other
        # text: each place gets a link of its own to it, rather than one link spanning both
        for r, c, words in joins:
            if words < LONG_RUN_WORDS:
                continue
            if r not in self.row and c in self.col and words >= 0.5 * a_words[r]:
                self._add(self._pair(r, c), own_cols=False)  # the column stays with its first link
            elif c not in self.col and r in self.row and words >= 0.5 * b_words[c]:
                self._add(self._pair(r, c), own_rows=False)

    def merges(self, settings: CompareSettings) -> None:
        """Free sentences join the link of their best match when they add what it lacked."""
        sim, score = self.sim, self.score
        stems_a = [content_stems(t) for t in sim.a_texts]
        stems_b = [content_stems(t) for t in sim.b_texts]
        for _ in range(3):
            changed = False
            for c in range(score.shape[1]):  # a free B sentence merged into an A sentence's link
                g = None if c in self.col else self.row.get(int(np.argmax(score[:, c])))
                if g is None or not _adds_coverage(sim, settings, g.rows, g.cols, c, stems_a, stems_b, merge_b=True):
                    continue
                new = _group_similarity(sim, g.rows, g.cols | {c}, settings)
                if new[0] >= 1.0 and new[0] >= g.score - settings.merge_gain:
                    self.join(g, c=c)
                    g.score, g.lexical, g.semantic = new
                    changed = True
            for r in range(score.shape[0]):  # a free A sentence split off a B sentence's link
                g = None if r in self.row else self.col.get(int(np.argmax(score[r, :])))
                if g is None or not _adds_coverage(sim, settings, g.rows, g.cols, r, stems_a, stems_b, merge_b=False):
                    continue
                new = _group_similarity(sim, g.rows | {r}, g.cols, settings)
                if new[0] >= 1.0 and new[0] >= g.score - settings.merge_gain:
                    self.join(g, r=r)
                    g.score, g.lexical, g.semantic = new
                    changed = True
            if not changed:
                break

    def gaps(self) -> None:
        """Link a free sentence wedged between two links to the one between their partners."""
        semantic = self.sim.semantic
        if semantic is None:
            return
        n_rows, n_cols = semantic.shape
        floor = _GAP_COSINE[self.sim.crosslingual]
        for r in range(1, n_rows - 1):
            before, after = self.row.get(r - 1), self.row.get(r + 1)
            if r in self.row or before is None or after is None or before is after:
                continue
            c = max(before.cols) + 1
            if c != min(after.cols) - 1 or c in self.col or c >= n_cols:
                continue
            if semantic[r, c] < floor or int(np.argmax(semantic[r])) != c:
                continue
            free_rows = [x for x in range(n_rows) if x not in self.row]
            if max(free_rows, key=lambda x: semantic[x, c]) == r:
                self.link(r, c)


#: Cosine that links a sentence lying between two links, to the sentence lying between their
#: counterparts, when each is the other's best match (translations of hard sentences score
#: 0.4-0.5; unrelated inserted sentences rarely reach 0.4 and rarely sit in such a gap).
_GAP_COSINE = {True: 0.38, False: 0.5}


#: Lexical features (content stems, word pairs) two sentences of one language must share before
#: their cosine alone may link them: a paraphrase keeps some of the words (names, numbers, terms).
MIN_SHARED_FEATURES = 2
#: How far a cosine must stand above the two sentences' background (the mean cosine of each with
#: its 4 nearest sentences on the other side) to link them without shared wording: the ratio
#: margin of bitext mining (Artetxe & Schwenk 2019). Two texts on one topic have many sentence
#: pairs at cosine 0.6-0.7 that say different things; a paraphrase stands out of its row and
#: column (seeds: 1.28-2.15; topical neighbours in PAN source/suspicious pairs: 1.04-1.22).
MIN_MARGIN = 1.25
_MARGIN_NEIGHBOURS = 4


def _margin(semantic: np.ndarray) -> np.ndarray:
    """Ratio of each cosine to the mean cosine of its row's and column's nearest neighbours."""
    ka = min(_MARGIN_NEIGHBOURS, semantic.shape[1])
    kb = min(_MARGIN_NEIGHBOURS, semantic.shape[0])
    rows = -np.sort(-semantic, axis=1)[:, :ka].mean(axis=1)
    cols = -np.sort(-semantic, axis=0)[:kb, :].mean(axis=0)
    background = (rows[:, None] + cols[None, :]) / 2
    return np.divide(semantic, background, out=np.zeros_like(semantic), where=background > 0)


def _need_evidence(sim: Similarity, score: np.ndarray, settings: CompareSettings) -> np.ndarray:
    """Keep the links that only the cosine supports when the two sentences share some wording,
    are each other's best match and stand out of their topical background (``MIN_MARGIN``)."""
    semantic = sim.semantic
    assert semantic is not None
    by_words = sim.lexical >= settings.lexical_threshold
    best_col = semantic.argmax(axis=1)[:, None] == np.arange(semantic.shape[1])[None, :]
    best_row = semantic.argmax(axis=0)[None, :] == np.arange(semantic.shape[0])[:, None]
    distinct = (sim.shared >= MIN_SHARED_FEATURES) & best_col & best_row & (_margin(semantic) >= MIN_MARGIN)
    return np.where(by_words | distinct, score, np.minimum(score, 0.99))


def align_sentences(
    sim: Similarity,
    settings: CompareSettings,
    copied: dict[tuple[int, int], int] | None = None,
    a_words: list[int] | None = None,
    b_words: list[int] | None = None,
    whole: list[tuple[set[int], set[int]]] | None = None,
) -> list[Group]:
    """Link body sentences of A to body sentences of B.

    Args:
        sim: Similarity matrices of the two documents.
        settings: Thresholds.
        copied: Words of verbatim runs shared by row ``r`` and column ``c`` (see seeds.py).
        a_words, b_words: Word counts of the rows and columns.
        whole: Groups of rows and columns copied word for word from each other (linked first:
            a verbatim copy outranks a sentence that is merely similar).

    Returns:
        Link groups ordered by their first row (A's reading order).
    """
    score = sim.score
    if score.size == 0:
        return []
    if a_words is not None and b_words is not None:
        # a list number, a one-word caption or "Cardiol.," matches everywhere; three words are
        # too few to say one sentence comes from another (verbatim runs still link them)
        aw, bw = np.array(a_words)[:, None], np.array(b_words)[None, :]
        short = (aw < _MIN_LINK_WORDS) | (bw < _MIN_LINK_WORDS)
        if sim.semantic is None:
            score = np.where(short, 0.0, score)
        else:
            # with embeddings a short sentence can still be linked on meaning ("Es wird
            # schwer" / "It will be difficult"), but never on one or two shared words
            threshold = settings.crosslingual_threshold if sim.crosslingual else settings.semantic_threshold
            by_meaning = np.where((aw >= 2) & (bw >= 2), sim.semantic / threshold, 0.0)
            score = np.where(short, by_meaning, score)
    if sim.semantic is not None and not sim.crosslingual:
        score = _need_evidence(sim, score, settings)
    linker = _Linker(sim, score)
    for rows, cols in whole or ():
        linker.group(rows, cols, settings)
    linker.competitive()
    if copied and a_words is not None and b_words is not None:
        linker.verbatim(copied, a_words, b_words)
    linker.merges(settings)
    linker.gaps()
    return sorted(linker.groups, key=lambda g: min(g.rows))
