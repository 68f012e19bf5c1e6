"""PAN text-alignment measures (precision, recall, granularity, plagdet).

A faithful re-implementation of ``pan13-text-alignment-eval.py`` (PAN @ CLEF 2013, MIT licence;
Potthast et al., "An Evaluation Framework for Plagiarism Detection", COLING 2010):

* An annotation is ``(pair, this_offset, this_length, source_offset, source_length)``; ``pair``
  stands for the (suspicious, source) document references, which must match for two
  annotations to overlap.
* ``is_overlapping(case, det)``: same pair, overlapping ``this`` ranges and (for external
  plagiarism, both source lengths > 0) overlapping source ranges.
* Macro recall: for every case, the characters of the case (this + source side) covered by the
  union of the detections overlapping it, divided by the case's characters; averaged over all
  cases of the corpus (pooled, not per document). Macro precision is the same with the roles of
  cases and detections swapped.
* Granularity: mean number of overlapping detections over the *detected* cases (1 when nothing
  is detected).
* plagdet = F1(precision, recall) / log2(1 + granularity).

The reference code builds Python ``set(range(...))`` of character positions; here the same
character sets are computed as interval unions (identical numbers, far faster).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Annotation",
    "granularity",
    "macro_avg_recall_and_precision",
    "plagdet_score",
    "read_truth",
    "score",
]


@dataclass(frozen=True, slots=True)
class Annotation:
    """One plagiarism case or detection (PAN's ``feature`` element)."""

    this_reference: str
    this_offset: int
    this_length: int
    source_reference: str
    source_offset: int
    source_length: int


def read_truth(path: str | Path, tag: str = "plagiarism") -> list[Annotation]:
    """The annotations of one PAN XML file (``name="plagiarism"`` for the truth)."""
    root = ET.parse(path).getroot()
    this_ref = root.attrib["reference"]
    out = []
    for feat in root.iter("feature"):
        if feat.attrib.get("name") != tag:
            continue
        if "this_offset" not in feat.attrib:
            continue
        out.append(
            Annotation(
                this_ref,
                int(feat.attrib["this_offset"]),
                int(feat.attrib["this_length"]),
                feat.attrib.get("source_reference", ""),
                int(feat.attrib.get("source_offset", 0)),
                int(feat.attrib.get("source_length", 0)),
            )
        )
    return out


def is_overlapping(ann1: Annotation, ann2: Annotation) -> bool:
    """True iff ``ann2`` overlaps ``ann1`` (PAN definition)."""
    detected = (
        ann1.this_reference == ann2.this_reference
        and ann2.this_offset + ann2.this_length > ann1.this_offset
        and ann2.this_offset < ann1.this_offset + ann1.this_length
    )
    if ann1.source_length > 0 and ann2.source_length > 0:
        detected = (
            detected
            and ann1.source_reference == ann2.source_reference
            and ann2.source_offset + ann2.source_length > ann1.source_offset
            and ann2.source_offset < ann1.source_offset + ann1.source_length
        )
    return detected


def _union_length(intervals: Iterable[tuple[int, int]]) -> int:
    """Number of integer positions covered by half-open intervals."""
    total = 0
    end = None
    for s, e in sorted(intervals):
        if e <= s:
            continue
        if end is None or s >= end:
            total += e - s
            end = e
        elif e > end:
            total += e - end
            end = e
    return total


def _clip(s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    return max(s, lo), min(e, hi)


def _index(annotations: Sequence[Annotation]) -> dict[tuple[str, str], list[Annotation]]:
    by_pair: dict[tuple[str, str], list[Annotation]] = defaultdict(list)
    for a in annotations:
        by_pair[(a.this_reference, a.source_reference)].append(a)
    return by_pair


def _overlapping(case: Annotation, index: dict[tuple[str, str], list[Annotation]]) -> list[Annotation]:
    """Detections overlapping ``case``. Cases and detections here always carry a source."""
    return [d for d in index.get((case.this_reference, case.source_reference), ()) if is_overlapping(case, d)]


def macro_avg_recall(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> float:
    """Mean over cases of the share of the case's characters that overlapping detections cover."""
    if not cases:
        return 0.0
    index = _index(detections)
    total = 0.0
    for case in cases:
        t_lo, t_hi = case.this_offset, case.this_offset + case.this_length
        s_lo, s_hi = case.source_offset, case.source_offset + case.source_length
        this_iv, src_iv = [], []
        for det in _overlapping(case, index):
            this_iv.append(_clip(det.this_offset, det.this_offset + det.this_length, t_lo, t_hi))
            src_iv.append(_clip(det.source_offset, det.source_offset + det.source_length, s_lo, s_hi))
        n_case = case.this_length + case.source_length
        if n_case:
            total += (_union_length(this_iv) + _union_length(src_iv)) / n_case
    return total / len(cases)


def macro_avg_recall_and_precision(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> tuple[float, float]:
    """``(recall, precision)`` as in PAN 2013 (1, 1 when there are neither cases nor detections)."""
    if not cases and not detections:
        return 1.0, 1.0
    if not cases or not detections:
        return 0.0, 0.0
    return macro_avg_recall(cases, detections), macro_avg_recall(detections, cases)


def granularity(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> float:
    """Mean number of detections per detected case (1 when nothing is detected)."""
    if not detections:
        return 1.0
    index = _index(detections)
    per_case = [len(_overlapping(c, index)) for c in cases]
    detected = sum(1 for n in per_case if n > 0)
    if detected == 0:
        return 1.0
    return sum(per_case) / detected


def plagdet_score(recall: float, precision: float, gran: float) -> float:
    """F1 of precision and recall divided by log2(1 + granularity)."""
    if (recall == 0 and precision == 0) or precision < 0 or recall < 0 or gran < 1:
        return 0.0
    return ((2 * recall * precision) / (recall + precision)) / math.log(1 + gran, 2)


def score(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> dict[str, float]:
    """All four PAN measures for a corpus of cases and detections."""
    rec, prec = macro_avg_recall_and_precision(cases, detections)
    gran = granularity(cases, detections)
    return {"precision": prec, "recall": rec, "granularity": gran, "plagdet": plagdet_score(rec, prec, gran)}
