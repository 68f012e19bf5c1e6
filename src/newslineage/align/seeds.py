"""Verbatim runs: word sequences two texts share, found by seed-and-extend.

Sentence similarity cannot see a 400-character copied passage inside a 2,000-character run-on
"sentence" (web text, transcripts, lists without punctuation): the shared words are a small
share of the unit. Text-reuse detectors (passim, the PAN alignment systems) therefore start
from exact word n-gram matches ("seeds") and chain them into passages. Here the runs do two
jobs: they link units that share a long verbatim stretch whatever their length, and they trim
verbatim and edited passages to the characters actually shared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..lang.sentences import CJK_CHARS

__all__ = ["Run", "Token", "tokenize_with_offsets", "verbatim_runs"]

# A word, or one Chinese/Japanese character (written without spaces, each counts as a unit).
_TOKEN = re.compile(f"[{CJK_CHARS}]|[^\\W{CJK_CHARS}]+", re.UNICODE)
#: Seed length in words: 4-grams are rare enough to mean copying, short enough for light edits.
SEED = 4
#: Seeds occurring more often than this in either text are stock phrases, not evidence.
MAX_SEED_OCCURRENCES = 4
#: Words of insertion, deletion or substitution bridged inside one run (a light edit).
MAX_GAP = 6
#: Shortest run kept, in words.
MIN_RUN = 8


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its span in the text."""

    text: str
    start: int
    end: int


@dataclass
class Run:
    """Aligned word segments ``(a_token, b_token, length)`` forming one copied stretch."""

    segments: list[tuple[int, int, int]]

    @property
    def a_first(self) -> int:
        return self.segments[0][0]

    @property
    def a_last(self) -> int:
        a, _, n = self.segments[-1]
        return a + n - 1

    @property
    def b_first(self) -> int:
        return min(b for _, b, _ in self.segments)

    @property
    def b_last(self) -> int:
        return max(b + n - 1 for _, b, n in self.segments)

    @property
    def length(self) -> int:
        return sum(n for _, _, n in self.segments)


def tokenize_with_offsets(text: str) -> list[Token]:
    """Case-folded words with their character spans."""
    return [Token(m.group().casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _seeds(tokens: list[Token]) -> dict[tuple[str, ...], list[int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    words = [t.text for t in tokens]
    for i in range(len(words) - SEED + 1):
        index[tuple(words[i : i + SEED])].append(i)
    return index


def verbatim_runs(a_tokens: list[Token], b_tokens: list[Token]) -> list[Run]:
    """Maximal shared word stretches of two token lists, light edits bridged.

    Returns:
        Runs of at least ``MIN_RUN`` words, in A's order.
    """
    if len(a_tokens) < SEED or len(b_tokens) < SEED:
        return []
    a_index, b_index = _seeds(a_tokens), _seeds(b_tokens)
    # exact diagonals: consecutive seeds on the same (b - a) offset extend one segment
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for gram, a_positions in a_index.items():
        b_positions = b_index.get(gram)
        if not b_positions or len(a_positions) > MAX_SEED_OCCURRENCES or len(b_positions) > MAX_SEED_OCCURRENCES:
            continue
        for i in a_positions:
            for j in b_positions:
                by_diagonal[j - i].append(i)
    segments: list[tuple[int, int, int]] = []
    for diagonal, starts in by_diagonal.items():
        starts.sort()
        seg_start = prev = starts[0]
        for i in starts[1:]:
            if i > prev + SEED:  # a gap on this diagonal: close the segment
                segments.append((seg_start, seg_start + diagonal, prev - seg_start + SEED))
                seg_start = i
            prev = i
        segments.append((seg_start, seg_start + diagonal, prev - seg_start + SEED))
    segments.sort()
    # chain segments whose ends are close in both texts (an edited word or two in between)
    runs: list[Run] = []
    for a0, b0, n in segments:
        if runs:
            last = runs[-1]
            la, lb, ln = last.segments[-1]
            gap_a, gap_b = a0 - (la + ln), b0 - (lb + ln)
            if -SEED < gap_a <= MAX_GAP and -SEED < gap_b <= MAX_GAP:
                overlap = max(0, -gap_a, -gap_b)
                if n - overlap > 0:
                    last.segments.append((a0 + overlap, b0 + overlap, n - overlap))
                continue
            if a0 + n <= la + ln:  # inside the previous run in A (a repeated phrase): skip
                continue
        runs.append(Run([(a0, b0, n)]))
    return [r for r in runs if r.length >= MIN_RUN]
