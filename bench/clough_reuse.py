"""Graded reuse on the Clough & Stevenson corpus of plagiarised short answers.

Data: ../shared/data/clough_stevenson_short_answers (95 answers, each graded cut / light /
heavy / non against one Wikipedia source, orig_task{a..e}.txt). Each answer is compared with its
task's source (A = answer, B = source) and turned into one reuse score. Reported per score
definition and mode:

* Spearman rho of the score with the ordinal grade (cut=3, light=2, heavy=1, non=0);
* AUC of "non" (0) against the rest (1);
* mean score per category.

Score definitions (all in [0, 1], computed from the Comparison only):

* ``copied``: ``relation.copied_a``, the share of A's body words that stand in B word for word
  (stretches of at least 8 shared words). The reuse score newslineage reports.
* ``coverage_chars``: ``relation.coverage_a_chars``, the share of A's body characters linked.
* ``score_weighted``: mean over A's body characters of the score of the link holding the
  character (0 when unlinked): coverage weighted by how close each link is.
* ``lexical_weighted``: the same with the link's lexical similarity (verbatim-ness), so heavy
  rewrites count less than cut-and-paste.
* ``mix``: mean of ``coverage_chars`` and ``lexical_weighted``.

    python bench/clough_reuse.py [--limit N] [--mode both|embeddings|lexical]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, table  # noqa: E402

from newslineage.model import Comparison  # noqa: E402
from newslineage.pairwise import compare_documents  # noqa: E402
from newslineage.prepare import prepare  # noqa: E402
from newslineage.settings import CompareSettings  # noqa: E402
from newslineage.textio import read_article  # noqa: E402

GRADE = {"cut": 3, "light": 2, "heavy": 1, "non": 0}
DEFINITIONS = ("copied", "coverage_chars", "score_weighted", "lexical_weighted", "mix")


def load(limit: int | None = None) -> list[tuple[str, str, str]]:
    """``(answer file, task, category)`` rows, sources excluded."""
    root = data_dir("clough_stevenson_short_answers")
    rows = []
    with open(root / "file_information.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Category"] in GRADE:
                rows.append((row["File"], row["Task"], row["Category"]))
    return rows[:limit] if limit else rows


def scores(cmp: Comparison) -> dict[str, float]:
    """Every score definition for one comparison."""
    body = {s.index: s.end - s.start for s in cmp.a.body}
    total = sum(body.values()) or 1
    by_score = by_lex = 0.0
    for link in cmp.links:
        chars = sum(body.get(i, 0) for i in link.a)
        by_score += chars * link.score
        by_lex += chars * link.lexical
    cov = cmp.relation.coverage_a_chars
    lex = by_lex / total
    return {"copied": cmp.relation.copied_a, "coverage_chars": cov, "score_weighted": by_score / total, "lexical_weighted": lex, "mix": (cov + lex) / 2}


def spearman(x: list[float], y: list[float]) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def auc(labels: list[int], values: list[float]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    pos = [v for lab, v in zip(labels, values) if lab]
    neg = [v for lab, v in zip(labels, values) if not lab]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def run(embeddings: bool, limit: int | None = None) -> tuple[list[dict], float]:
    """Per-answer scores for one mode, and seconds per answer."""
    root = data_dir("clough_stevenson_short_answers")
    settings = CompareSettings(embeddings=embeddings)
    sources = {}
    out = []
    t0 = time.perf_counter()
    for file, task, cat in load(limit):
        if task not in sources:
            sources[task] = prepare(read_article(root / f"orig_task{task}.txt"))
        a = prepare(read_article(root / file))
        cmp = compare_documents(a, sources[task], settings)
        out.append({"file": file, "task": task, "category": cat, "grade": GRADE[cat], **scores(cmp)})
    return out, (time.perf_counter() - t0) / max(1, len(out))


def evaluate(rows: list[dict]) -> dict[str, dict[str, float]]:
    """Spearman, AUC and per-category means for each definition."""
    grades = [r["grade"] for r in rows]
    res = {}
    for d in DEFINITIONS:
        vals = [r[d] for r in rows]
        m = {"spearman": spearman(vals, grades), "auc_non": auc([int(g > 0) for g in grades], vals)}
        for cat, g in GRADE.items():
            vs = [r[d] for r in rows if r["grade"] == g]
            m[cat] = sum(vs) / len(vs) if vs else float("nan")
        res[d] = m
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N answers only (default: all 95)")
    ap.add_argument("--mode", choices=["both", "embeddings", "lexical"], default="both")
    ap.add_argument("--show", action="store_true", help="print every answer's scores")
    args = ap.parse_args(argv)
    modes = {"both": [True, False], "embeddings": [True], "lexical": [False]}[args.mode]
    table_rows = []
    for emb in modes:
        rows, spa = run(emb, args.limit)
        if args.show:
            for r in sorted(rows, key=lambda r: (-r["grade"], r["mix"])):
                print(f"{'emb' if emb else 'lex'} {r['file']:<16} {r['category']:<6} " + " ".join(f"{d}={r[d]:.3f}" for d in DEFINITIONS))
        for d, m in evaluate(rows).items():
            table_rows.append(["embeddings" if emb else "lexical", d, m["spearman"], m["auc_non"], m["cut"], m["light"], m["heavy"], m["non"], spa])
    print()
    print(table(["mode", "score", "spearman", "AUC non", "mean cut", "mean light", "mean heavy", "mean non", "s/answer"], table_rows))


if __name__ == "__main__":
    main()
