"""Sentence segmenters: speed and agreement with pysbd on news and other prose.

    python bench/segmenter.py [--corpus /tmp/c10k] [--show 5]

Segmenters: (i) pysbd with Python's default ``re`` cache (512 patterns), (ii) pysbd with the
cache widened to 8192 (what ``segmenter="pysbd"`` does), (iii) ``fast``, our rules. Texts: the
seed pair (examples/seeds), 300 German and 300 English lines of WMT21 newstest (10 lines per
paragraph), 50 PAN suspicious documents, 200 synthetic articles (``--corpus``: a folder written
by ``gen_corpus.py``; without it 200 are generated with ``--seed 2``). Only body paragraphs
are segmented (``prepare``'s structure detection and language identification run first, once).
Boundaries are sentence starts after the first of each paragraph; precision and recall take
pysbd as the reference. ``ms/article`` is segmentation time per text, ``speed-up`` against (ii).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DATA, REPO, data_dir, table  # noqa: E402

from newslineage.prepare.language import detect_language  # noqa: E402
from newslineage.prepare.segment import segment  # noqa: E402
from newslineage.prepare.structure import detect_blocks  # noqa: E402

Chunks = list[tuple[str, int, int, str]]  # (text, start, end, language) of one body paragraph


def _paragraphs(text: str, language: str | None = None) -> Chunks:
    blocks = detect_blocks(text)
    lang = language or detect_language(" ".join(text[b.start : b.end] for b in blocks if b.role == "body") or text)
    return [(text, b.start, b.end, lang) for b in blocks if b.role == "body"]


def datasets(corpus: Path | None) -> dict[str, list[Chunks]]:
    out: dict[str, list[Chunks]] = {}
    out["seeds"] = [_paragraphs(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples" / "seeds").glob("*.txt"))]
    wmt = data_dir("wmt21_newstest_de_en")
    for lang, name in (("de", "newstest2021.de-en.src.de"), ("en", "newstest2021.de-en.ref.A.en")):
        lines = (wmt / name).read_text(encoding="utf-8").splitlines()[:300]
        out[f"wmt21 {lang}"] = [[(t, 0, len(t), lang)] for t in (" ".join(lines[i : i + 10]) for i in range(0, 300, 10))]
    pan = sorted((data_dir("pan_text_alignment_subset") / "susp").glob("*.txt"))[:50]
    out["pan susp"] = [_paragraphs(p.read_text(encoding="utf-8", errors="replace")) for p in pan]
    if corpus is None:
        corpus = Path(tempfile.mkdtemp()) / "c200"
        subprocess.run([sys.executable, str(DATA.parent / "tools" / "gen_corpus.py"), "200", str(corpus), "--seed", "2"], check=True, capture_output=True)
    with open(corpus / "corpus.jsonl", encoding="utf-8") as fh:
        arts = [json.loads(line) for _, line in zip(range(200), fh)]
    out["gen_corpus"] = [_paragraphs(a["text"]) for a in arts]
    return out


def run(docs: list[Chunks], segmenter: str, repeat: int = 1) -> tuple[float, list[set[int]]]:
    """Seconds per text (best of ``repeat``) and each text's boundaries."""
    best = float("inf")
    bounds: list[set[int]] = []
    for _ in range(repeat):
        bounds = []
        t0 = time.perf_counter()
        for doc in docs:
            found: set[int] = set()
            for text, s, e, lang in doc:
                found.update(a for a, _ in segment(text, s, e, lang, segmenter)[1:])
            bounds.append(found)
        best = min(best, time.perf_counter() - t0)
    return best / max(1, len(docs)), bounds


def agreement(ref: list[set[int]], got: list[set[int]]) -> tuple[float, float]:
    both = sum(len(r & g) for r, g in zip(ref, got))
    n_ref, n_got = sum(map(len, ref)), sum(map(len, got))
    return both / max(1, n_got), both / max(1, n_ref)


def show(docs: list[Chunks], ref: list[set[int]], got: list[set[int]], limit: int) -> None:
    shown = 0
    for doc, r, g in zip(docs, ref, got):
        text = doc[0][0] if doc else ""
        for pos in sorted(r ^ g):
            if shown >= limit:
                return
            what = "pysbd only" if pos in r else "fast only "
            print(f"  {what}: ...{text[max(0, pos - 60) : pos]!r} | {text[pos : pos + 40]!r}")
            shown += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="folder written by gen_corpus.py (first 200 articles)")
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements per dataset")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = datasets(args.corpus)
    # warm up: load pysbd's languages and our word lists once
    for docs in data.values():
        run(docs[:2], "pysbd")
        run(docs[:2], "fast")
    rows = []
    for name, docs in data.items():
        re._MAXCACHE = 512  # type: ignore[attr-defined]  # Python's default
        re.purge()
        t_small, ref = run(docs, "pysbd", 1)
        re._MAXCACHE = 8192  # type: ignore[attr-defined]
        re.purge()
        run(docs, "pysbd", 1)
        t_big, ref2 = run(docs, "pysbd", args.repeat)
        t_fast, got = run(docs, "fast", args.repeat)
        p, r = agreement(ref, got)
        n_bounds = sum(map(len, ref))
        assert ref == ref2
        rows.append([name, len(docs), n_bounds, "(i) pysbd, re cache 512", t_small * 1000, 1.0, 1.0, t_big / t_small])
        rows.append(["", "", "", "(ii) pysbd, re cache 8192", t_big * 1000, 1.0, 1.0, 1.0])
        rows.append(["", "", "", "(iii) fast", t_fast * 1000, p, r, t_big / t_fast])
        if args.show:
            show(docs, ref, got, args.show)
    print(table(["texts", "n", "boundaries", "segmenter", "ms/article", "precision", "recall", "speed-up"], rows))


if __name__ == "__main__":
    main()
