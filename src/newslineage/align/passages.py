"""Maximal reused passages: runs of links contiguous on both sides.

What a reader means by "this paragraph comes from there". Two links belong to one passage when
the second starts with the body sentence right after the first one ends, in A and in B alike
(structure lines such as a subheading in between do not break a passage).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import LINK_KINDS, Document, Link, Passage

__all__ = ["find_passages"]


def find_passages(a: Document, b: Document, links: Sequence[Link]) -> list[Passage]:
    """Group links into maximal passages, in A's reading order.

    The passage kind is the kind covering most of A's characters in it (ties go to the
    looser kind, so a passage is never called closer to verbatim than it is).
    """
    rank_a = {idx: pos for pos, idx in enumerate(a.body_indexes)}
    rank_b = {idx: pos for pos, idx in enumerate(b.body_indexes)}
    order = sorted(range(len(links)), key=lambda k: (rank_a[links[k].a[0]], rank_b[links[k].b[0]]))
    runs: list[list[int]] = []
    for k in order:
        link = links[k]
        if runs:
            prev = links[runs[-1][-1]]
            if rank_a[link.a[0]] == rank_a[prev.a[-1]] + 1 and rank_b[link.b[0]] == rank_b[prev.b[-1]] + 1:
                runs[-1].append(k)
                continue
        runs.append([k])
    passages = []
    for run in runs:
        a_idx = sorted({i for k in run for i in links[k].a})
        b_idx = sorted({j for k in run for j in links[k].b})
        weight: dict[str, int] = {}
        for k in run:
            chars = sum(a.sentences[i].end - a.sentences[i].start for i in links[k].a)
            weight[links[k].kind] = weight.get(links[k].kind, 0) + chars
        kind = max(weight, key=lambda kd: (weight[kd], LINK_KINDS.index(kd)))
        passages.append(
            Passage(
                a_start=a.sentences[a_idx[0]].start,
                a_end=a.sentences[a_idx[-1]].end,
                b_start=b.sentences[b_idx[0]].start,
                b_end=b.sentences[b_idx[-1]].end,
                kind=kind,  # type: ignore[arg-type]
                links=tuple(run),
                a=tuple(a_idx),
                b=tuple(b_idx),
            )
        )
    return passages
