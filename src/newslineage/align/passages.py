"""Maximal reused passages: runs of links contiguous on both sides.

What a reader means by "this paragraph comes from there". Two links belong to one passage when
the second starts with the body sentence right after the first one ends, in A and in B alike
(structure lines such as a subheading in between do not break a passage, nor does one short
unlinked sentence: a dropped caption or a one-line aside inside a copied stretch). Verbatim and
edited passages are then trimmed to the words actually shared, so a copied stretch inside a
long unit is reported with its own boundaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import LINK_KINDS, Document, Link, Passage, Sentence
from .seeds import Run, Token

__all__ = ["find_passages", "merge_adjacent", "trim_passages"]

#: A sentence left unlinked inside a passage does not break it when it is at most this long.
_BRIDGE_MAX_CHARS = 200


def find_passages(a: Document, b: Document, links: Sequence[Link]) -> list[Passage]:
    """Group links into maximal passages, in A's reading order.

    The passage kind is the kind covering most of A's characters in it (ties go to the
    looser kind, so a passage is never called closer to verbatim than it is).
    """
    rank_a = {idx: pos for pos, idx in enumerate(a.body_indexes)}
    rank_b = {idx: pos for pos, idx in enumerate(b.body_indexes)}
    linked_a = {i for link in links for i in link.a}
    linked_b = {j for link in links for j in link.b}
    body_a, body_b = a.body, b.body

    def follows(prev_last: int, nxt_first: int, rank: dict, body, linked) -> bool:
        gap = rank[nxt_first] - rank[prev_last]
        if gap == 1:
            return True
        if gap == 2:
            skipped = body[rank[prev_last] + 1]
            return skipped.index not in linked and skipped.end - skipped.start <= _BRIDGE_MAX_CHARS
        return False

    order = sorted(range(len(links)), key=lambda k: (rank_a[links[k].a[0]], rank_b[links[k].b[0]]))
    runs: list[list[int]] = []
    for k in order:
        link = links[k]
        if runs:
            prev = links[runs[-1][-1]]
            if follows(prev.a[-1], link.a[0], rank_a, body_a, linked_a) and follows(prev.b[-1], link.b[0], rank_b, body_b, linked_b):
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


def _gap_is_blank(text: str, start: int, end: int) -> bool:
    return end - start <= 30 and not any(ch.isalnum() for ch in text[max(0, start) : max(start, end)])


def merge_adjacent(passages: Sequence[Passage], a_text: str, b_text: str) -> list[Passage]:
    """Join consecutive passages that only whitespace or punctuation separates in both texts."""
    out: list[Passage] = []
    for p in sorted(passages, key=lambda p: p.a_start):
        if out:
            q = out[-1]
            if _gap_is_blank(a_text, q.a_end, p.a_start) and _gap_is_blank(b_text, q.b_end, p.b_start) and q.kind == p.kind:
                out[-1] = replace(q, a_end=max(q.a_end, p.a_end), b_end=max(q.b_end, p.b_end), links=q.links + p.links, a=q.a + p.a, b=q.b + p.b)
                continue
        out.append(p)
    return out


#: Share of a "paraphrase" passage's characters inside verbatim runs from which it is a copy.
_COPIED_SHARE = 0.6


def trim_passages(
    passages: Sequence[Passage], runs: Sequence[Run], a_tokens: Sequence[Token], b_tokens: Sequence[Token], a: Document | None = None, b: Document | None = None
) -> list[Passage]:
    """Trim verbatim and edited passages to the span of the verbatim runs inside them.

    Paraphrases and translations keep their sentence boundaries: shared words say little
    about where a reworded passage starts. A passage called a paraphrase because its last (or
    first) sentence was only partly copied, the rest running on with other text, is mostly made
    of verbatim runs: it is an edited copy and is trimmed like one. When the runs cover too little
    of a passage to stand for all of it (an edited passage with a few copied phrases), only its
    first and last units are trimmed, to the copied words inside them: a 3,000-character unit
    (web text without full stops) of which one paragraph was copied.
    """
    out = []
    for p in passages:
        if p.kind not in ("verbatim", "edit", "paraphrase") or not runs:
            out.append(p)
            continue
        inside: list[tuple[Token, Token]] = []
        for run in runs:
            for a0, b0, n in run.segments:
                for k in range(n):
                    ta, tb = a_tokens[a0 + k], b_tokens[b0 + k]
                    if p.a_start <= ta.start < p.a_end and p.b_start <= tb.start < p.b_end:
                        inside.append((ta, tb))
        if not inside:
            out.append(p)
            continue
        covered = sum(ta.end - ta.start for ta, _ in inside)
        a_lo, a_hi = min(ta.start for ta, _ in inside), max(ta.end for ta, _ in inside)
        b_lo, b_hi = min(tb.start for _, tb in inside), max(tb.end for _, tb in inside)
        if p.kind == "paraphrase":
            if a_hi - a_lo < _COPIED_SHARE * (p.a_end - p.a_start):  # the copied stretch, spaces included
                out.append(p)
                continue
            p = replace(p, kind="edit")
        if covered < 0.3 * min(p.a_end - p.a_start, p.b_end - p.b_start) * 0.8:
            if a is None or b is None:
                out.append(p)
                continue
            a_lo, a_hi = _ends(a.sentences[p.a[0]], a.sentences[p.a[-1]], [ta for ta, _ in inside], p.a_start, p.a_end)
            b_lo, b_hi = _ends(b.sentences[p.b[0]], b.sentences[p.b[-1]], [tb for _, tb in inside], p.b_start, p.b_end)
        # keep the sentence's own closing punctuation and opening quote when the run reaches them
        a_lo = p.a_start if a_lo - p.a_start <= 2 else a_lo
        b_lo = p.b_start if b_lo - p.b_start <= 2 else b_lo
        a_hi = p.a_end if p.a_end - a_hi <= 2 else a_hi
        b_hi = p.b_end if p.b_end - b_hi <= 2 else b_hi
        out.append(replace(p, a_start=a_lo, a_end=a_hi, b_start=b_lo, b_end=b_hi))  # type: ignore[arg-type]
    return out


def _ends(first: Sentence, last: Sentence, tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Start and end of a passage with its first and last unit cut to the copied words in them."""
    head = [t.start for t in tokens if first.start <= t.start < first.end]
    tail = [t.end for t in tokens if last.start <= t.start < last.end]
    return (min(head) if head else start), (max(tail) if tail else end)
