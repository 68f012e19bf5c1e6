"""Align stage: similarity, sentence links (with kinds and fact changes), passages.

``align(a, b, settings)`` is a pure function of two prepared documents (plus optional
precomputed embeddings), usable in-process, in a worker pool and inside Spark.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

import numpy as np

from ..fingerprint import tokens
from ..model import Document, Link, Passage, Support
from ..settings import CompareSettings
from ..unionfind import UnionFind
from .aligner import LONG_RUN_WORDS, align_sentences
from .facts import extract_facts, fact_changes
from .kinds import link_kind
from .passages import find_passages, merge_adjacent, trim_passages
from .seeds import MIN_RUN, Run, tokenize_with_offsets, verbatim_runs
from .similarity import Similarity, sentence_similarity
from .support import body_words, sentence_support

__all__ = ["Alignment", "align"]


@dataclass(frozen=True)
class Alignment:
    """Links, passages and unlinked sentences of a pair."""

    links: tuple[Link, ...]
    passages: tuple[Passage, ...]
    added: tuple[int, ...]
    omitted: tuple[int, ...]
    similarity: Similarity
    runs: tuple[Run, ...] = ()
    copied_a: float = 0.0
    copied_b: float = 0.0
    support: tuple[Support, ...] = ()
    carried: tuple[Support, ...] = ()


def _unit_of_tokens(doc: Document, tokens) -> list[int]:
    """Row (position among body sentences) of each token, or -1 outside body sentences."""
    body = doc.body
    out = []
    k = 0
    for tok in tokens:
        while k < len(body) and body[k].end <= tok.start:
            k += 1
        out.append(k if k < len(body) and body[k].start <= tok.start < body[k].end else -1)
    return out


def _copied_words(runs, a_unit: list[int], b_unit: list[int]) -> dict[tuple[int, int], int]:
    copied: dict[tuple[int, int], int] = {}
    for run in runs:
        for a0, b0, n in run.segments:
            for k in range(n):
                r, c = a_unit[a0 + k], b_unit[b0 + k]
                if r >= 0 and c >= 0:
                    copied[(r, c)] = copied.get((r, c), 0) + 1
    return copied


def _copied_whole(copied: dict[tuple[int, int], int], a_words: list[int], b_words: list[int]) -> list[tuple[set[int], set[int]]]:
    """Groups of units that are copied word for word, whatever their sizes.

    A row (column) whose words lie almost all inside verbatim runs is "copied whole"; rows and
    columns copied whole from each other form groups (connected components), kept when each side
    is a contiguous stretch. A list pasted from another page keeps none of its unit boundaries
    ("PetroBlend Corporation Pinnacle Oil, Inc." is two units of two and three words there):
    each unit is too short to be linked by similarity, but the run says where it comes from.
    """
    in_runs_a: dict[int, int] = {}
    in_runs_b: dict[int, int] = {}
    for (r, c), n in copied.items():
        in_runs_a[r] = in_runs_a.get(r, 0) + n
        in_runs_b[c] = in_runs_b.get(c, 0) + n
    whole_a = {r for r, n in in_runs_a.items() if a_words[r] and n >= _WHOLE * a_words[r]}
    whole_b = {c for c, n in in_runs_b.items() if b_words[c] and n >= _WHOLE * b_words[c]}
    sets: UnionFind[tuple[str, int]] = UnionFind()
    nodes: set[tuple[str, int]] = set()
    for (r, c), _n in copied.items():
        if r in whole_a and c in whole_b:
            sets.union(("a", r), ("b", c))
            nodes |= {("a", r), ("b", c)}
    comps: dict[tuple[str, int], tuple[set[int], set[int]]] = {}
    for node in nodes:
        rows, cols = comps.setdefault(sets.find(node), (set(), set()))
        (rows if node[0] == "a" else cols).add(node[1])
    return [(rows, cols) for rows, cols in comps.values() if rows and cols and max(rows) - min(rows) == len(rows) - 1 and max(cols) - min(cols) == len(cols) - 1]


#: Fewest words of a passage: a lone shared line shorter than the shortest copied stretch that
#: counts (``seeds.MIN_RUN``), a "Click here" or a title, stays a link but is no passage.
MIN_PASSAGE_WORDS = MIN_RUN

#: Links a reworded (paraphrased or translated) passage needs: one sentence said in other words
#: is a sentence link, not a passage; two texts on one topic have many such pairs, a reused
#: passage keeps going (copied words mark a passage however short).
MIN_REWORDED_LINKS = 2

#: Share of a unit's words inside verbatim runs from which it is copied whole.
_WHOLE = 0.8


def align(
    a: Document,
    b: Document,
    settings: CompareSettings | None = None,
    a_vectors: np.ndarray | None = None,
    b_vectors: np.ndarray | None = None,
) -> Alignment:
    """Align the body sentences of A with those of B.

    Args:
        a: The article being explained (possible copy).
        b: The possible source.
        settings: Thresholds and mode (defaults when None).
        a_vectors, b_vectors: Precomputed body-sentence embeddings, if any.

    Returns:
        The ``Alignment``: links in A's order, passages, added (A) and omitted (B) sentences.
    """
    settings = settings or CompareSettings()
    sim = sentence_similarity(a, b, settings, a_vectors, b_vectors)
    a_tokens = tokenize_with_offsets(a.article.text)
    b_tokens = tokenize_with_offsets(b.article.text)
    runs = verbatim_runs(a_tokens, b_tokens)
    a_unit, b_unit = _unit_of_tokens(a, a_tokens), _unit_of_tokens(b, b_tokens)
    a_words = [0] * len(sim.a_index)
    b_words = [0] * len(sim.b_index)
    for r in a_unit:
        if r >= 0:
            a_words[r] += 1
    for c in b_unit:
        if c >= 0:
            b_words[c] += 1
    copied = _copied_words(runs, a_unit, b_unit)
    groups = align_sentences(sim, settings, copied, a_words, b_words, whole=_copied_whole(copied, a_words, b_words))
    same_language = a.language == b.language or "und" in (a.language, b.language)
    links = []
    for g in groups:
        a_idx = tuple(sorted(sim.a_index[r] for r in g.rows))
        b_idx = tuple(sorted(sim.b_index[c] for c in g.cols))
        a_sents = [a.sentences[i] for i in a_idx]
        b_sents = [b.sentences[j] for j in b_idx]
        a_text = " ".join(s.text for s in a_sents)
        b_text = " ".join(s.text for s in b_sents)
        kind = link_kind(a_text, b_text, a.language, b.language)
        shared = sum(copied.get((r, c), 0) for r in g.rows for c in g.cols)
        cover = max(shared / max(1, sum(a_words[r] for r in g.rows)), shared / max(1, sum(b_words[c] for c in g.cols)))
        if kind in ("paraphrase", "translation") and (cover >= 0.8 or (shared >= 30 and cover >= 0.4) or shared >= LONG_RUN_WORDS):
            kind = "edit"  # copied word for word into the other side, with text added around it
        a_facts = [f for s in a_sents for f in extract_facts(s, a.language)]
        b_facts = [f for s in b_sents for f in extract_facts(s, b.language)]
        changes = fact_changes(a_facts, b_facts, same_language, a_sents[0].start, b_sents[0].start, _stems(a_text), _stems(b_text))
        links.append(
            Link(
                a=a_idx,
                b=b_idx,
                kind=kind,  # type: ignore[arg-type]
                score=round(min(1.0, max(_absolute_score(g, settings), cover)), 4),
                lexical=round(g.lexical, 4),
                semantic=None if g.semantic is None else round(g.semantic, 4),
                changes=tuple(changes),
            )
        )
    links_t = tuple(links)
    word_vectors = _word_vectors(settings) if sim.semantic is not None else None
    words_a, words_b = body_words(a), body_words(b)
    support = sentence_support(a, b, sim, links_t, word_vectors, (words_a, words_b))
    # B's side is the same question asked the other way round: a sentence of B is omitted when
    # nothing of its content is in A (a sentence that A fused with others is carried, in part)
    carried = sentence_support(b, a, sim.transposed(), tuple(replace(link, a=link.b, b=link.a) for link in links_t), word_vectors, (words_b, words_a))
    # a sentence of B linked to, or supporting, a sentence of A is carried at least in part
    used_b = {j for link in links for j in link.b} | {j for s in support if s.level != "added" for j in s.b}
    carried = tuple(replace(s, level="partial") if s.level == "added" and s.a in used_b else s for s in carried)
    added = tuple(s.a for s in support if s.level == "added")
    omitted = tuple(s.a for s in carried if s.level == "added")
    passages = trim_passages(find_passages(a, b, links), runs, a_tokens, b_tokens, a, b)
    passages = merge_adjacent(passages, a.article.text, b.article.text)
    starts = [t.start for t in a_tokens]
    passages = [
        p
        for p in passages
        if bisect_left(starts, p.a_end) - bisect_left(starts, p.a_start) >= MIN_PASSAGE_WORDS
        and (p.kind in ("verbatim", "edit") or len(p.links) >= MIN_REWORDED_LINKS)
    ]
    in_runs_a = {a0 + k for run in runs for a0, _, n in run.segments for k in range(n)}
    in_runs_b = {b0 + k for run in runs for _, b0, n in run.segments for k in range(n)}
    copied_a = sum(1 for t, r in enumerate(a_unit) if r >= 0 and t in in_runs_a) / max(1, sum(a_words))
    copied_b = sum(1 for t, c in enumerate(b_unit) if c >= 0 and t in in_runs_b) / max(1, sum(b_words))
    return Alignment(links_t, tuple(passages), added, omitted, sim, tuple(runs), round(copied_a, 4), round(copied_b, 4), support, carried)


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in tokens(text))


#: Word embeddings per encoder (an index may use another encoder than ``compare``).
_WORD_CACHE: dict[str, dict[str, np.ndarray]] = {}
_WORD_CACHE_MAX = 200_000


def _word_vectors(settings: CompareSettings):
    """Embeddings of single words with the configured encoder, cached per process."""
    from ..embed import get_embedder

    embedder = get_embedder(settings.embedder)
    cache = _WORD_CACHE.setdefault(settings.embedder, {})

    def vectors(words: list[str]) -> np.ndarray:
        todo = [w for w in words if w not in cache]
        if todo:
            if len(cache) + len(todo) > _WORD_CACHE_MAX:
                cache.clear()
            cache.update(zip(todo, embedder.encode(todo)))
        return np.stack([cache[w] for w in words])

    return vectors


def _absolute_score(group, settings: CompareSettings) -> float:
    """The similarity a reader can interpret: the stronger of cosine and lexical similarity."""
    if group.semantic is None:
        return group.lexical
    return max(group.semantic, group.lexical)
