"""PAN verbatim text alignment: precision, recall, granularity, plagdet of compare()'s passages.

Data: ../shared/data/pan_text_alignment_subset/02-no-obfuscation (500 suspicious/source pairs,
624 verbatim cases). Each pair is compared with A = suspicious document, B = source document;
every ``Passage`` becomes one PAN detection (a_start..a_end, b_start..b_end). Scored with the
PAN 2013 measures (bench/pan_measures.py), pooled over all pairs.

    python bench/pan_alignment.py [--limit N] [--embeddings] [--misses K]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, table  # noqa: E402
from pan_measures import Annotation, read_truth, score  # noqa: E402

from newslineage.align.seeds import tokenize_with_offsets, verbatim_runs  # noqa: E402
from newslineage.model import Article  # noqa: E402
from newslineage.pairwise import compare_documents  # noqa: E402
from newslineage.prepare import prepare  # noqa: E402
from newslineage.settings import CompareSettings  # noqa: E402


def load_pairs(limit: int | None = None) -> list[tuple[str, str, Path, Path, list[Annotation]]]:
    """``(susp_name, src_name, susp_path, src_path, cases)`` for the no-obfuscation pairs."""
    root = data_dir("pan_text_alignment_subset")
    sub = root / "02-no-obfuscation"
    pairs = []
    for line in (sub / "pairs").read_text().split("\n"):
        if not line.strip():
            continue
        susp, src = line.split()
        cases = read_truth(sub / f"{Path(susp).stem}-{Path(src).stem}.xml")
        pairs.append((susp, src, root / "susp" / susp, root / "src" / src, cases))
        if limit and len(pairs) >= limit:
            break
    return pairs


def _read(path: Path) -> str:
    # PAN offsets count characters of the UTF-8 file as is: no normalisation of any kind.
    return path.read_bytes().decode("utf-8")


def detect(susp_path: Path, src_path: Path, susp: str, src: str, settings: CompareSettings):
    """The Comparison and its passages as PAN detections: all of them, and the copy ones."""
    a = prepare(Article(text=_read(susp_path), id=susp))
    b = prepare(Article(text=_read(src_path), id=src))
    cmp = compare_documents(a, b, settings)
    every = [Annotation(susp, p.a_start, p.a_end - p.a_start, src, p.b_start, p.b_end - p.b_start) for p in cmp.passages]
    copies = [d for d, p in zip(every, cmp.passages) if p.kind in ("verbatim", "edit")]
    return cmp, every, copies


def ceiling(pairs) -> dict[str, float]:
    """What a detector reporting exactly the copied words would score against this gold.

    The gold offsets of this corpus copy are shifted in many documents (characters changed by
    an encoding round trip), so even the true copied spans do not match them exactly. For each
    case, the copied stretch is taken as the hull of the verbatim runs found within 300
    characters of the gold spans on both sides: an upper bound for any detector.
    """
    cases, dets = [], []
    for susp, src, sp, rp, truth in pairs:
        a, b = _read(sp), _read(rp)
        ta, tb = tokenize_with_offsets(a), tokenize_with_offsets(b)
        runs = verbatim_runs(ta, tb)
        for c in truth:
            cases.append(c)
            hull = None
            for run in runs:
                for a0, b0, n in run.segments:
                    for k in range(n):
                        x, y = ta[a0 + k], tb[b0 + k]
                        near_a = c.this_offset - 300 <= x.start < c.this_offset + c.this_length + 300
                        near_b = c.source_offset - 300 <= y.start < c.source_offset + c.source_length + 300
                        if near_a and near_b:
                            h = (x.start, x.end, y.start, y.end)
                            hull = h if hull is None else (min(hull[0], h[0]), max(hull[1], h[1]), min(hull[2], h[2]), max(hull[3], h[3]))
            if hull:
                dets.append(Annotation(susp, hull[0], hull[1] - hull[0], src, hull[2], hull[3] - hull[2]))
    return score(cases, dets)


def run(pairs, embeddings: bool, misses: int = 0, threshold: float | None = None) -> tuple[dict, dict]:
    settings = CompareSettings(embeddings=embeddings)
    if threshold is not None:
        settings = replace(settings, lexical_only_threshold=threshold)
    cases: list[Annotation] = []
    every: list[Annotation] = []
    copies: list[Annotation] = []
    worst = []
    t0 = time.perf_counter()
    for susp, src, sp, rp, truth in pairs:
        _, dets, copy_dets = detect(sp, rp, susp, src, settings)
        cases += truth
        every += dets
        copies += copy_dets
        if misses:
            s = score(truth, copy_dets)
            worst.append((s["plagdet"], susp, src, s, truth, copy_dets))
    elapsed = time.perf_counter() - t0
    results = []
    for dets in (every, copies):
        r = score(cases, dets)
        r.update(pairs=len(pairs), cases=len(cases), detections=len(dets), sec_per_pair=elapsed / max(1, len(pairs)))
        results.append(r)
    if misses:
        worst.sort(key=lambda w: w[0])
        for pd, susp, src, s, truth, dets in worst[:misses]:
            print(f"\n# {susp} {src} plagdet={pd:.3f} P={s['precision']:.3f} R={s['recall']:.3f} G={s['granularity']:.2f}")
            for c in truth:
                print(f"  case this={c.this_offset}+{c.this_length} src={c.source_offset}+{c.source_length}")
            for d in dets:
                print(f"  det  this={d.this_offset}+{d.this_length} src={d.source_offset}+{d.source_length}")
    return results[0], results[1]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N pairs only (default: all 500)")
    ap.add_argument("--embeddings", action="store_true", help="also run with embeddings on (default: lexical only)")
    ap.add_argument("--misses", type=int, default=0, help="print the K worst pairs (cases vs copy detections)")
    ap.add_argument("--lexical-threshold", type=float, default=None, help="override lexical_only_threshold")
    args = ap.parse_args(argv)
    pairs = load_pairs(args.limit)
    rows = []
    for emb in [False, True] if args.embeddings else [False]:
        every, copies = run(pairs, emb, args.misses, args.lexical_threshold)
        name = ("embeddings" if emb else "lexical") + (f" th={args.lexical_threshold}" if args.lexical_threshold else "")
        for label, r in ((f"{name}, all passages", every), (f"{name}, verbatim+edit passages", copies)):
            rows.append([label, r["pairs"], r["cases"], r["detections"], r["precision"], r["recall"], r["granularity"], r["plagdet"], r["sec_per_pair"]])
    c = ceiling(pairs)
    rows.append(["ceiling: exact copied words vs this gold", len(pairs), sum(len(p[4]) for p in pairs), "", c["precision"], c["recall"], c["granularity"], c["plagdet"], ""])
    print()
    print(table(["detections", "pairs", "cases", "dets", "precision", "recall", "granularity", "plagdet", "s/pair"], rows))


if __name__ == "__main__":
    main()
