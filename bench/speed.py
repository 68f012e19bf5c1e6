"""Speed of compare(): cold CLI process, warm API (embedder cache on and cleared), embedding rate.

* cold: wall time of ``python -m newslineage compare SEED_A SEED_B`` as a fresh subprocess
  (imports, model load, embedding, alignment, rendering), median of ``--cold`` runs;
* warm: ``compare()`` on the two seed articles in a warmed-up process, median of ``--repeats``
  runs after one warm-up; once with the embedder's sentence cache kept (repeat comparisons of
  the same texts) and once with it cleared before every run (new texts, model loaded);
* lexical warm: the same in lexical-only mode;
* embedding rate: sentences per second of ``get_embedder().encode`` on ``--sentences`` distinct
  English news sentences (WMT21 ref.A.en, from ../shared/data), cache cleared, in one call
  and in batches of 32.

    python bench/speed.py [--limit N]      (N = sentences for the embedding rate)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DATA, REPO, table  # noqa: E402

SEED_A = REPO / "examples" / "seeds" / "000_0b8b1ce8151e0a78.txt"
SEED_B = REPO / "examples" / "seeds" / "004_04fc8d81745fa5a0.txt"


def cold(runs: int) -> tuple[float, str]:
    """Median wall time of the CLI as a new process, and the command used."""
    cmd = [sys.executable, "-m", "newslineage", "compare", str(SEED_A), str(SEED_B)]
    label = "python -m newslineage compare A B"
    probe = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if probe.returncode != 0:  # no CLI yet: the library call in a fresh process
        cmd = [sys.executable, "-c", f"import newslineage as c; c.compare({str(SEED_A)!r}, {str(SEED_B)!r})"]
        label = "python -c 'compare(A, B)' (CLI failed: " + (probe.stderr.strip().splitlines() or ["?"])[-1][:60] + ")"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=REPO, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), label


def _embedder():
    """The embedder instance compare() uses.

    ``get_embedder`` is an ``lru_cache``: ``get_embedder()`` and ``get_embedder("use")`` are
    different cache keys, hence different instances (and two model loads); compare() calls it
    with ``settings.embedder``, so clear that one.
    """
    from newslineage.embed import get_embedder
    from newslineage.settings import CompareSettings

    return get_embedder(CompareSettings().embedder)


def warm(repeats: int, embeddings: bool, clear_cache: bool) -> tuple[float, float, dict]:
    """Median and p90 seconds of compare() on the seeds, and the stage timings of the last run."""
    from newslineage.pairwise import compare

    compare(SEED_A, SEED_B, embeddings=embeddings)
    times = []
    last = None
    for _ in range(repeats):
        if clear_cache and embeddings:
            _embedder()._cache.clear()
        t0 = time.perf_counter()
        last = compare(SEED_A, SEED_B, embeddings=embeddings)
        times.append(time.perf_counter() - t0)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], dict(last.timings)


def embed_rate(n: int) -> list[list[object]]:
    """Sentences per second of the encoder on n distinct news sentences, cache cleared."""
    path = DATA / "wmt21_newstest_de_en" / "newstest2021.de-en.ref.A.en"
    if not path.exists():
        return [["embedding rate", f"skipped: {path} not found", "", ""]]
    seen, sents = set(), []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if line and line not in seen:
            seen.add(line)
            sents.append(line)
    # the WMT file has ~1,000 lines; fill up to n with distinct line pairs (two-sentence units)
    k = 0
    while len(sents) < n and k + 1 < len(seen):
        pair = f"{sents[k]} {sents[k + 1]}"
        if pair not in seen:
            seen.add(pair)
            sents.append(pair)
        k += 1
    sents = sents[:n]
    emb = _embedder()
    emb.encode(["warm up the model."])
    rows = []
    for label, batch in (("one call", len(sents)), ("batches of 32", 32)):
        emb._cache.clear()
        t0 = time.perf_counter()
        for i in range(0, len(sents), batch):
            emb.encode(sents[i : i + batch])
        dt = time.perf_counter() - t0
        rows.append([f"embed {len(sents)} sentences, {label}", dt, len(sents) / dt, ""])
    return rows


def render_long() -> list[object]:
    """HTML report of a long comparison (3,000 sentences against 600): rendering must stay linear."""
    from newslineage import compare
    from newslineage.report.html import render_comparison_page

    sentences = [f"Sentence number {i} reports that the committee met {i} times about topic {i % 97}." for i in range(3000)]
    a = "\n".join(" ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5))
    b = "\n".join(" ".join(sentences[k : k + 5]) for k in range(0, 600, 5))
    doc = compare(a, b, embeddings=False).to_dict()
    t0 = time.perf_counter()
    page = render_comparison_page(doc)
    dt = time.perf_counter() - t0
    return ["render HTML, 3,000 vs 600 sentences", dt, f"{len(page) / 1e6:.1f} MB", "was < 2 s as a unit test; kept here"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000, help="sentences for the embedding rate (default 2000)")
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--cold", type=int, default=3, help="cold CLI runs (median)")
    args = ap.parse_args(argv)
    rows = []
    c, label = cold(args.cold)
    rows.append([f"cold: {label}", c, "", "target n/a"])
    for emb, clear, name in ((True, False, "warm compare(), embeddings, cache kept"), (True, True, "warm compare(), embeddings, cache cleared"), (False, False, "warm compare(), lexical only")):
        med, p90, timings = warm(args.repeats, emb, clear)
        stages = " ".join(f"{k}={v:.3f}" for k, v in timings.items())
        rows.append([name, med, f"p90 {p90:.3f}", ("< 0.5 s " + ("OK" if med < 0.5 else "MISSED")) + f"; {stages}"])
    for r in embed_rate(args.limit):
        r[2] = f"{r[2]:.0f} sent/s" if isinstance(r[2], float) else r[2]
        rows.append(r)
    rows.append(render_long())
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; seeds: {SEED_A.name} vs {SEED_B.name}")
    print(table(["what", "seconds", "", "notes"], rows))


if __name__ == "__main__":
    main()
