"""Turn pair results into directed reuse edges of the lineage graph.

* **Reuse**: a pair is reuse when at least ``MIN_LINKS`` sentences are kept verbatim or lightly
  edited and they make at least ``MIN_COVERAGE`` of one side's body (three reused paragraphs in
  a long feature are lineage). Sentences that are direct quotations on both sides are not
  evidence unless they come with the narration next to them: two outlets quoting one statement
  share its words without copying each other. Looser links (sentences sharing
  a third of their words: two reporters writing up one press conference) count only when they
  cover at least ``MIN_LOOSE_COVERAGE`` of a side: a rewrite, not a common subject.
* **Direction**: the later publication derives from the earlier one. When times are missing or
  equal (a corpus dated by day), in this order: wire copy carrying an agency tag or dateline on
  one side only is the source (``agency``); when the two share (nearly) the whole story, the side
  with a new top of its own or without the other's tail is the copy (``structure``: newsrooms
  put a new lead on wire copy and cut it from the bottom, so the text that is wholly contained in
  the other is the source when the other added at the top, the copy when the other runs on at
  the end); else the text mostly made of the other's sentences is the copy (``coverage``); when
  nothing tells them apart, the edge is kept with ``direction_by = "none"`` and the article
  ingested first is taken for the source.
* **Shared source**: two reprints of one wire story overlap each other, but only because both
  copy the wire. When a third article ``c`` is a source of both and the sentences each takes from
  the other are (almost) all sentences it also takes from ``c``, the pair is marked
  ``shared_source`` with ``explained_by = c``. An edge whose direction nothing decided
  (``direction_by = "none"``) counts both ways here.
* **Indirect**: in a chain ``a -> m -> d`` (a rewrite of a wire story, then a light edit of the
  rewrite) ``d`` also overlaps ``a``, but through ``m``. When the sentences ``d`` shares with ``a``
  are (almost) all sentences it takes from ``m``, the ``a`` sentences involved are (almost) all
  ones ``m`` took, and ``d`` is closer to ``m`` than to ``a`` (a higher mean link score: with
  three verbatim copies nothing says which one ``d`` read, so that edge stays), the edge
  ``a -> d`` is marked ``indirect`` with ``explained_by = m``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..dates import parse_time
from ..model import LINK_KINDS
from ..unionfind import UnionFind
from .edges import PairResult

__all__ = ["MIN_COVERAGE", "MIN_LINKS", "Edge", "build_edges", "is_reuse", "is_same_story", "mark_indirect", "mark_shared_sources", "orient"]

MIN_LINKS = 2
MIN_COVERAGE = 0.05
MIN_LOOSE_LINKS = 3
MIN_LOOSE_COVERAGE = 0.4
_STRONG = frozenset({"verbatim", "edit"})
#: Coverage difference from which the more covered side is taken for the copy.
ASYMMETRY = 0.1
#: Coverage of both sides from which a pair shares the whole story (direction by layout).
WHOLE_STORY = 0.5
#: Share of a pair's linked sentences that a third text must explain on both sides.
EXPLAINED_SHARE = 0.8
#: Mean link score by which the derived text must be closer to the article in between.
CLOSER = 0.02


@dataclass(frozen=True, slots=True)
class Edge:
    """A directed reuse edge: ``derived`` takes material from ``source``.

    Attributes:
        kind: The dominant link kind: ``verbatim``, ``edit``, ``paraphrase`` or ``translation``.
        verdict: ``derives_from``; ``shared_source`` when a third, earlier text is a source of
            both and explains the overlap; ``indirect`` when the derived text took the material
            through a third one (a chain source -> explained_by -> derived).
        coverage_source: Share of the source's body sentences reused.
        coverage_derived: Share of the derived article's body sentences that come from the source.
        score: Mean similarity of the linked sentences.
        direction_by: ``time``, ``agency``, ``structure``, ``coverage`` or ``none``.
        explained_by: For ``shared_source``: the row id of the earlier common source; for
            ``indirect``: the row id of the article in between.
    """

    source: int
    derived: int
    kind: str
    verdict: str
    coverage_source: float
    coverage_derived: float
    score: float
    links: int
    direction_by: str
    source_sentences: frozenset[int]
    derived_sentences: frozenset[int]
    explained_by: int | None = None


def is_reuse(res: PairResult) -> bool:
    """True when the pair shares enough sentences to be a reuse edge.

    Links between two direct quotations do not count when they stand alone: two desks quoting one
    statement share its words without one copying the other. A quotation taken together with the
    narration next to it (a run of links adjacent on both sides) is part of a copied passage.
    """
    evidence = _evidence(res)
    strong = [x for x in evidence if x[2] in _STRONG]
    if len(strong) >= MIN_LINKS and _covered(res, strong) >= MIN_COVERAGE:
        return True
    return len(evidence) >= MIN_LOOSE_LINKS and _covered(res, evidence) >= MIN_LOOSE_COVERAGE


def _covered(res: PairResult, links: list[tuple[int, int, str, float]]) -> float:
    """Share of the body sentences the links hold, on the side where it is larger."""
    return max(len({x[0] for x in links}) / max(1, res.body_a), len({x[1] for x in links}) / max(1, res.body_b))


def _evidence(res: PairResult) -> list[tuple[int, int, str, float]]:
    """The links that count for reuse: all but runs made only of shared quotations."""
    if not res.quotes:
        return list(res.links)
    quotes = set(res.quotes)
    links = sorted(res.links)
    runs: UnionFind[int] = UnionFind()  # links adjacent on both sides
    for i, x in enumerate(links):
        for j in range(i + 1, len(links)):
            y = links[j]
            if y[0] - x[0] > 1:
                break
            if abs(y[1] - x[1]) <= 1:
                runs.union(i, j)
    narrated = {runs.find(i) for i, x in enumerate(links) if (x[0], x[1]) not in quotes}
    return [x for i, x in enumerate(links) if runs.find(i) in narrated]


def is_same_story(res: PairResult) -> bool:
    """True when the pair shares sentences without being reuse: the same event, reported twice."""
    return len(res.links) >= MIN_LINKS and not is_reuse(res)


def _structure(res: PairResult) -> int:
    """+1 when the layout says A is the copy, -1 when B is, 0 when it does not say.

    Only for pairs that share (nearly) the whole story: in a partial reuse both sides have text
    of their own around the passage, and where it sits says nothing of who took it.
    """
    if min(res.coverage_a, res.coverage_b) < WHOLE_STORY:
        return 0
    lead = (res.lead_a > 0) - (res.lead_b > 0)  # a new top of its own: the copy
    tail = (res.tail_b > 0) - (res.tail_a > 0)  # the other runs on past the shared end: the trimmed copy
    if lead and tail and lead != tail:
        return 0
    return lead or tail


def orient(res: PairResult, time_a: str | None, time_b: str | None, wire_a: bool = False, wire_b: bool = False) -> tuple[int, int, str]:
    """``(source, derived, direction_by)`` of a reuse pair.

    Args:
        res: The pair's fast-path result.
        time_a, time_b: Publication times of ``res.a`` and ``res.b``.
        wire_a, wire_b: The article carries an agency tag or agency dateline (wire copy).
    """
    ta, tb = parse_time(time_a), parse_time(time_b)
    if ta and tb and ta != tb:
        return (res.b, res.a, "time") if ta > tb else (res.a, res.b, "time")
    if wire_a != wire_b:
        return (res.a, res.b, "agency") if wire_a else (res.b, res.a, "agency")
    layout = _structure(res)
    if layout:
        return (res.b, res.a, "structure") if layout > 0 else (res.a, res.b, "structure")
    diff = res.coverage_a - res.coverage_b
    if abs(diff) >= ASYMMETRY:
        return (res.b, res.a, "coverage") if diff > 0 else (res.a, res.b, "coverage")
    if ta and not tb:  # the dated one was seen first... nothing better is known
        return res.a, res.b, "none"
    return (res.b, res.a, "none") if tb and not ta else (res.a, res.b, "none")


def _kind(links: Iterable[tuple[int, int, str, float]]) -> str:
    counts = Counter(k for _, _, k, _ in links)
    if not counts:
        return "verbatim"
    top = max(counts.values())
    return next(k for k in LINK_KINDS if counts.get(k) == top)


def build_edges(results: Iterable[PairResult], times: dict[int, str | None], wire: frozenset[int] = frozenset()) -> list[Edge]:
    """Directed edges of every reuse pair, shared sources marked.

    Args:
        results: Fast-path results of compared pairs.
        times: Publication time per row id.
        wire: Row ids of articles carrying an agency tag or dateline.
    """
    edges = []
    for res in results:
        if not is_reuse(res):
            continue
        source, derived, by = orient(res, times.get(res.a), times.get(res.b), res.a in wire, res.b in wire)
        a_is_source = source == res.a
        sa = frozenset(x for x, _, _, _ in res.links)
        sb = frozenset(y for _, y, _, _ in res.links)
        edges.append(
            Edge(
                source=source,
                derived=derived,
                kind=_kind(res.links),
                verdict="derives_from",
                coverage_source=round(res.coverage_a if a_is_source else res.coverage_b, 4),
                coverage_derived=round(res.coverage_b if a_is_source else res.coverage_a, 4),
                score=round(sum(d for *_, d in res.links) / len(res.links), 4),
                links=len(res.links),
                direction_by=by,
                source_sentences=sa if a_is_source else sb,
                derived_sentences=sb if a_is_source else sa,
            )
        )
    return mark_indirect(mark_shared_sources(edges))


def mark_shared_sources(edges: list[Edge]) -> list[Edge]:
    """Mark edges whose overlap a third, earlier article explains on both sides."""
    taken: dict[tuple[int, int], frozenset[int]] = {}  # (article, its source) -> its sentences from that source
    sources_of: dict[int, set[int]] = defaultdict(set)
    for e in edges:
        taken[(e.derived, e.source)] = e.derived_sentences
        sources_of[e.derived].add(e.source)
        if e.direction_by == "none":
            # nothing ordered the pair: either may be the other's source, and a sibling of a wire
            # story must not pass for a source of the others just because the tie fell its way
            taken[(e.source, e.derived)] = e.source_sentences
            sources_of[e.source].add(e.derived)

    def explained(article: int, sentences: frozenset[int], via: int) -> bool:
        got = taken.get((article, via))
        return bool(got) and len(sentences & got) >= EXPLAINED_SHARE * len(sentences)

    out = []
    for e in edges:
        common = sorted(sources_of[e.derived] & sources_of[e.source] - {e.source, e.derived})
        best = None
        for c in common:
            if explained(e.derived, e.derived_sentences, c) and explained(e.source, e.source_sentences, c):
                best = c
                break
        out.append(replace(e, verdict="shared_source", explained_by=best) if best is not None else e)
    return out


def mark_indirect(edges: list[Edge]) -> list[Edge]:
    """Mark ``a -> d`` edges whose material ``d`` took through an article ``m`` (``a -> m -> d``)."""
    direct = {(e.source, e.derived): e for e in edges if e.verdict == "derives_from"}
    out_of: dict[int, set[int]] = defaultdict(set)
    into: dict[int, set[int]] = defaultdict(set)
    for s, d in direct:
        out_of[s].add(d)
        into[d].add(s)

    def within(part: frozenset[int], whole: frozenset[int]) -> bool:
        return bool(part) and len(part & whole) >= EXPLAINED_SHARE * len(part)

    out = []
    for e in edges:
        best = None
        if e.verdict == "derives_from":
            for m in sorted(out_of[e.source] & into[e.derived] - {e.source, e.derived}):
                first, second = direct[(e.source, m)], direct[(m, e.derived)]
                if (
                    second.score >= e.score + CLOSER
                    and within(e.derived_sentences, second.derived_sentences)
                    and within(e.source_sentences, first.source_sentences)
                ):
                    best = m
                    break
        out.append(replace(e, verdict="indirect", explained_by=best) if best is not None else e)
    return out
