"""Ingest throughput, peak memory and ``sources`` latency on a synthetic corpus with planted reuse.

    python /work/shared/tools/gen_corpus.py 10000 /tmp/c10k --seed 2
    python bench/ingest_scale.py /tmp/c10k [--no-embeddings] [--queries 200] [--workers N] [--db F]
    python bench/ingest_scale.py /tmp/c100k --db F --queries-only --cold   # sources timing again

Ingests ``corpus.jsonl`` into a fresh index, timing each stage (parse, prepare, fingerprint,
embed, passages, write, ann; prepare to passages are CPU seconds summed over worker processes;
``NEWSLINEAGE_PASSAGE_SENTENCES=0`` measures without passage vectors), then runs
``sources`` for derived articles listed in ``truth.jsonl`` and reports latency and recall@1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import table  # noqa: E402

from newslineage import Index  # noqa: E402
from newslineage.readers import read_jsonl  # noqa: E402


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder written by gen_corpus.py")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N articles")
    parser.add_argument("--db", type=Path, default=None, help="index file (default: a temporary one)")
    parser.add_argument("--queries-only", action="store_true", help="skip the ingest: time sources on an existing --db")
    parser.add_argument("--cold", action="store_true", help="with --queries-only: first drop the cached sentence vectors (as right after ingest)")
    args = parser.parse_args()
    if args.queries_only:
        if args.db is None or not args.db.exists():
            parser.error("--queries-only needs an existing --db")
        if args.cold:
            import sqlite3

            with sqlite3.connect(args.db) as con:
                con.execute("DELETE FROM sentence_vector")
        queries(args)
        return

    db = args.db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    embedder = "none" if args.no_embeddings else "use"
    articles = read_jsonl(args.corpus / "corpus.jsonl")
    if args.limit:
        from itertools import islice

        articles = islice(articles, args.limit)
    with Index(db, embedder=embedder, workers=args.workers) as index:
        report = index.add(articles)
        n = index.count()
    size_mb = sum(os.path.getsize(p) for p in db.parent.glob(db.name + "*")) / 1e6
    rows = [[stage, secs, secs / max(1, report.added) * 1000] for stage, secs in report.timings.items()]
    rows.append(["wall clock", report.seconds, report.seconds / max(1, report.added) * 1000])
    print(f"ingest: {report.added} articles ({report.duplicates} duplicates, {report.skipped} skipped), embedder={embedder}, workers={args.workers or os.cpu_count()}")
    print(table(["stage", "seconds", "ms/article"], rows))
    print(
        f"\nthroughput {report.added / report.seconds:.1f} articles/s; peak RSS main {_rss_mb(resource.RUSAGE_SELF):.0f} MB, "
        f"largest worker {_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB; index {size_mb:.1f} MB for {n} articles "
        f"({size_mb * 1000 / max(1, n):.1f} kB per article, passage vectors and their HNSW file included)\n"
    )

    queries(args)


def queries(args: argparse.Namespace) -> None:
    """Time ``sources`` for derived articles of the truth file; recall@1 of a true source."""
    db = args.db
    truth = [json.loads(line) for line in open(args.corpus / "truth.jsonl", encoding="utf-8")]
    ids = {t["dst"]: set() for t in truth}
    for t in truth:
        ids[t["dst"]].add(t["src"])
    with Index(db, workers=1) as index:
        stored = [q for q in ids if index.get(q) is not None][: args.queries]
        latencies, hits = [], 0
        stages: list[dict[str, float]] = []
        for qid in stored:
            query = index.get(qid)
            t0 = time.perf_counter()
            result = index.sources(query, top=5)
            latencies.append(time.perf_counter() - t0)
            stages.append(result.timings)
            hits += bool(result.sources) and result.sources[0].article.id in ids[qid]
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    print(f"sources: {len(latencies)} queries (derived articles of truth.jsonl)")
    print(table(["p50 ms", "p95 ms", "max ms", "recall@1"], [[pick(0.5), pick(0.95), latencies[-1] * 1000, hits / max(1, len(latencies))]]))
    if stages:
        med = {k: sorted(t[k] for t in stages)[len(stages) // 2] * 1000 for k in stages[0]}
        print("median ms per stage: " + ", ".join(f"{k} {v:.1f}" for k, v in med.items()) + " (retrieve includes embedding the query's sentences)")
    # the web server opens the index once per request: the same queries again that way
    per_request = []
    with Index(db, workers=1) as index:
        again = [index.get(q) for q in stored[:50]]
    for query in again:
        t0 = time.perf_counter()
        with Index(db, workers=1) as index:
            index.sources(query, top=5)
        per_request.append(time.perf_counter() - t0)
    per_request.sort()
    if per_request:
        p50, p95 = per_request[len(per_request) // 2] * 1000, per_request[int(0.95 * len(per_request))] * 1000
        print(f"index opened per query (as each web request does), {len(per_request)} of the queries again: p50 {p50:.0f} ms, p95 {p95:.0f} ms")


if __name__ == "__main__":
    main()
