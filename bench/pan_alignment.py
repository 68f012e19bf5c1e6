"""PAN verbatim text alignment: precision, recall, granularity, plagdet of compare()'s passages.

Data: ../shared/data/pan_text_alignment_subset/02-no-obfuscation (500 suspicious/source pairs,
624 verbatim cases). Each pair is compared with A = suspicious document, B = source document;
every ``Passage`` becomes one PAN detection (a_start..a_end, b_start..b_end). Scored with the
PAN 2013 measures (bench/pan_measures.py), pooled over all pairs.

    python bench/pan_alignment.py [--limit N] [--embeddings] [--misses K]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, table  # noqa: E402
from pan_measures import Annotation, read_truth, score  # noqa: E402

from newslineage.compare import compare_documents  # noqa: E402
from newslineage.model import Article, Document, Sentence  # noqa: E402
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


_TOKEN = re.compile(r"\w+", re.UNICODE)


def split_long(doc: Document, max_chars: int) -> Document:
    """EXPERIMENT (simulates a suggested kernel change): cut body units longer than
    ``max_chars`` into pieces of about ``max_chars / 2`` characters at whitespace."""
    text = doc.article.text
    out: list[Sentence] = []
    for s in doc.sentences:
        if not s.is_body or s.end - s.start <= max_chars:
            out.append(replace(s, index=len(out)))
            continue
        pos = s.start
        while pos < s.end:
            cut = min(s.end, pos + max_chars // 2)
            if cut < s.end:
                ws = text.rfind(" ", pos + max_chars // 4, cut)
                cut = ws if ws > pos else cut
            seg = text[pos:cut].strip()
            if seg:
                st = text.index(seg, pos)
                out.append(replace(s, index=len(out), start=st, end=st + len(seg), text=seg))
            pos = cut
    return replace(doc, sentences=tuple(out))


def refine(a_text: str, b_text: str, det: Annotation, min_words: int = 3) -> Annotation:
    """EXPERIMENT (simulates a suggested kernel change): trim a passage to the span of words
    that A and B share (difflib matching blocks of >= ``min_words`` words)."""
    a0, b0 = det.this_offset, det.source_offset
    ta = [(m.start() + a0, m.end() + a0, m.group().lower()) for m in _TOKEN.finditer(a_text[a0 : a0 + det.this_length])]
    tb = [(m.start() + b0, m.end() + b0, m.group().lower()) for m in _TOKEN.finditer(b_text[b0 : b0 + det.source_length])]
    sm = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size >= min_words]
    if not blocks:
        return det
    first, last = blocks[0], blocks[-1]
    a_s, a_e = ta[first.a][0], ta[last.a + last.size - 1][1]
    b_s, b_e = tb[first.b][0], tb[last.b + last.size - 1][1]
    a_e = _extend_punct(a_text, a_e)
    b_e = _extend_punct(b_text, b_e)
    return Annotation(det.this_reference, a_s, a_e - a_s, det.source_reference, b_s, b_e - b_s)


def _extend_punct(text: str, end: int) -> int:
    while end < len(text) and text[end] in ".!?;:,)\"'":
        end += 1
    return end


def detect(susp_path: Path, src_path: Path, susp: str, src: str, settings: CompareSettings, split: int = 0, trim: bool = False):
    """The Comparison and its passages as PAN detections."""
    a = prepare(Article(text=_read(susp_path), id=susp))
    b = prepare(Article(text=_read(src_path), id=src))
    if split:
        a, b = split_long(a, split), split_long(b, split)
    cmp = compare_documents(a, b, settings)
    dets = [
        Annotation(susp, p.a_start, p.a_end - p.a_start, src, p.b_start, p.b_end - p.b_start)
        for p in cmp.passages
    ]
    if trim:
        dets = [refine(a.article.text, b.article.text, d) for d in dets]
    return cmp, dets


def run(limit: int | None, embeddings: bool, misses: int = 0, split: int = 0, trim: bool = False, threshold: float | None = None) -> dict[str, float]:
    settings = CompareSettings(embeddings=embeddings)
    if threshold is not None:
        settings = replace(settings, lexical_only_threshold=threshold)
    pairs = load_pairs(limit)
    cases: list[Annotation] = []
    detections: list[Annotation] = []
    worst = []
    t0 = time.perf_counter()
    for susp, src, sp, rp, truth in pairs:
        cmp, dets = detect(sp, rp, susp, src, settings, split, trim)
        cases += truth
        detections += dets
        if misses:
            s = score(truth, dets)
            worst.append((s["plagdet"], susp, src, s, truth, dets))
    elapsed = time.perf_counter() - t0
    result = score(cases, detections)
    result.update(pairs=len(pairs), cases=len(cases), detections=len(detections), sec_per_pair=elapsed / max(1, len(pairs)))
    if misses:
        worst.sort(key=lambda w: w[0])
        for pd, susp, src, s, truth, dets in worst[:misses]:
            print(f"\n# {susp} {src} plagdet={pd:.3f} P={s['precision']:.3f} R={s['recall']:.3f} G={s['granularity']:.2f}")
            for c in truth:
                print(f"  case this={c.this_offset}+{c.this_length} src={c.source_offset}+{c.source_length}")
            for d in dets:
                print(f"  det  this={d.this_offset}+{d.this_length} src={d.source_offset}+{d.source_length}")
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N pairs only (default: all 500)")
    ap.add_argument("--embeddings", action="store_true", help="also run with embeddings on (default: lexical only)")
    ap.add_argument("--misses", type=int, default=0, help="print the K worst pairs (cases vs detections)")
    ap.add_argument("--experiments", action="store_true",
                    help="also run simulated kernel changes: --refine (trim passages to shared words), "
                    "--split-long 400 (cut units over 400 chars) and both")
    ap.add_argument("--lexical-threshold", type=float, default=None, help="override lexical_only_threshold")
    args = ap.parse_args(argv)
    modes = [False, True] if args.embeddings else [False]
    runs = [(emb, 0, False) for emb in modes]
    if args.experiments:
        runs += [(False, 0, True), (False, 400, False), (False, 400, True)]
    rows = []
    for emb, split, trim in runs:
        r = run(args.limit, emb, args.misses, split, trim, args.lexical_threshold)
        name = ("embeddings" if emb else "lexical") + (f" th={args.lexical_threshold}" if args.lexical_threshold else "") + (" +split400" if split else "") + (" +trim" if trim else "")
        rows.append([name, r["pairs"], r["cases"], r["detections"], r["precision"], r["recall"], r["granularity"], r["plagdet"], r["sec_per_pair"]])
    print()
    print(table(["mode", "pairs", "cases", "dets", "precision", "recall", "granularity", "plagdet", "s/pair"], rows))


if __name__ == "__main__":
    main()
