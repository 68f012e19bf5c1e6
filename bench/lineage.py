"""Corpus lineage benchmark: stories on Ground News, planted reuse at scale, a paraphrase chain.

    python bench/lineage.py groundnews [--embeddings]     # ARI of stories vs the folders, edges
    python bench/lineage.py synthetic 10000 --seed 2      # recall per kind, precision, time, memory
    python bench/lineage.py synthetic 100000 --corpus /tmp/c100k --db /tmp/c100k.db  # reuse a corpus/index
    python bench/lineage.py chain [--embeddings]          # seed A -> rewrite B -> edit C
    python bench/lineage.py reprints 2000 --seed 2        # a corpus plus exact reprints: nothing lost, no self-match

Ingest and analyze run as separate ``newslineage`` processes so their wall time and peak memory
(largest process, pool workers included) are measured apart.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, data_dir, table  # noqa: E402

GEN = REPO.parent / "shared" / "tools" / "gen_corpus.py"
KINDS = ("full_verbatim", "full_edited", "partial_verbatim", "partial_edited", "multi_source")


_MEASURE = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def run(*args: str) -> tuple[float, float]:
    """Run the CLI; returns (wall seconds, peak RSS in MB of its largest process, pool workers included).

    Each stage runs under its own small parent process, so the peak is that stage's alone.
    """
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "newslineage", *args], check=True, capture_output=True, text=True)
    return time.perf_counter() - t, int(done.stdout.split()[-1]) / 1024


def ari(labels_true: list, labels_pred: list) -> float:
    """Adjusted Rand index (Hubert and Arabie), numpy only."""
    a = {x: i for i, x in enumerate(sorted(set(labels_true)))}
    b = {x: i for i, x in enumerate(sorted(set(labels_pred)))}
    m = np.zeros((len(a), len(b)))
    for x, y in zip(labels_true, labels_pred):
        m[a[x], b[y]] += 1
    c2 = lambda n: n * (n - 1) / 2  # noqa: E731
    index, rows, cols, total = c2(m).sum(), c2(m.sum(1)).sum(), c2(m.sum(0)).sum(), c2(len(labels_true))
    expected = rows * cols / total
    return float((index - expected) / (0.5 * (rows + cols) - expected)) if total else 1.0


def _copies_found(rows: list[dict], doc: dict, key) -> list[list]:
    """Per group of identical texts in the input: is every later copy a verbatim edge from the earliest?

    ``rows`` are the input records (``id``, ``outlet``, ``published_at``, ``text``); ``key(article)``
    maps an exported article to its input record's ``(outlet, id)``.
    """
    from newslineage.index.ingest import content_hash
    from newslineage.lineage.reprints import copy_order

    exported = {key(a): a["id"] for a in doc["articles"]}
    edges = {(e["source_id"], e["derived_id"]): e for e in doc["edges"]}
    groups: dict[str, list[dict]] = {}
    for n, r in enumerate(rows):
        groups.setdefault(content_hash(r["text"]), []).append({**r, "n": n})
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: copy_order(r["published_at"], r["outlet"], r["n"]))
        first = exported.get((members[0]["outlet"], members[0]["id"]))
        found = sum(
            1 for r in members[1:]
            if (e := edges.get((first, exported.get((r["outlet"], r["id"]))))) is not None and e["kind"] == "verbatim"
        )
        out.append([members[0]["outlet"] or members[0]["id"], ", ".join(r["outlet"] or r["id"] for r in members[1:]), len(members) - 1, found])
    return out


def groundnews(args) -> None:
    from newslineage.readers._common import normalise_date

    root = data_dir("groundnews_story_clusters")
    gold, rows = {}, []
    for f in sorted(root.glob("*/data.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                # an article is its id and outlet (two outlets here share id 57)
                outlet = r["outlet_name"].strip() or None  # three rows name no outlet
                gold[(outlet, r["id"])] = f.parent.name
                rows.append({"id": r["id"], "outlet": outlet, "published_at": normalise_date(r["datetime"]), "text": r["text"]})
    work = Path(tempfile.mkdtemp(prefix="nl-gn-"))
    db = work / "gn.db"
    flags = ["--id-col", "id", "--text-col", "text", "--title-col", "title", "--outlet-col", "outlet_name", "--date-col", "datetime"]
    emb = [] if args.embeddings else ["--no-embeddings"]
    t_ing, m_ing = run("ingest", *map(str, sorted(root.glob("*/data.csv"))), "--db", str(db), *emb, *flags)
    t_an, m_an = run("analyze", "--db", str(db), "-o", str(work / "out"), *emb)
    doc = json.loads((work / "out" / "lineage.json").read_text())
    with open(work / "out" / "articles.csv", newline="", encoding="utf-8") as fh:
        in_csv = sum(1 for _ in csv.DictReader(fh))

    def key(a: dict) -> tuple:
        given = a["id"] if (a["outlet"], a["id"]) in gold else a["id"].rsplit("@", 1)[0]
        return a["outlet"], given

    score = ari([gold[key(a)] for a in doc["articles"]], [a["story_id"] for a in doc["articles"]])
    copies = _copies_found(rows, doc, key)
    reprints, found = sum(r[2] for r in copies), sum(r[3] for r in copies)
    print(table(
        ["corpus", "input rows", "in articles.csv", "reprints", "as verbatim edge from earliest", "stories>1", "ARI", "ingest s", "analyze s"],
        [["groundnews " + ("embeddings" if args.embeddings else "lexical"), len(rows), in_csv, reprints, found, sum(s["size"] > 1 for s in doc["stories"]), score, t_ing, t_an]],
    ))
    print("\nidentical texts (earliest copy -> the other copies):")
    print(table(["earliest copy", "other copies", "copies", "verbatim edges from earliest"], copies))
    arts = {a["id"]: a for a in doc["articles"]}
    kept = [e for e in doc["edges"] if e["verdict"] == "derives_from"]
    print(f"\n{len(doc['edges'])} reuse edges, {len(kept)} derives_from (the rest shared_source or indirect); derives_from edges:")
    print(table(["source outlet", "derived outlet", "kind", "cov src", "cov der", "by", "source title"], [
        [arts[e["source_id"]]["outlet"] or "-", arts[e["derived_id"]]["outlet"] or "-", e["kind"], e["coverage_source"], e["coverage_derived"], e["direction_by"], (arts[e["source_id"]]["title"] or "")[:50]]
        for e in sorted(kept, key=lambda e: (arts[e["source_id"]]["story_id"], e["source_id"]))
    ]))
    print("\nstories (origin = the article the story's copying starts from):")
    print(table(["size", "origin", "first published", "label"], [
        [s["size"], (arts[s["origin_id"]]["outlet"] or s["origin_id"] if s["origin_id"] else "-"), s["first_published"] or "-", s["label"][:60]] for s in doc["stories"]
    ]))
    print(f"\nfolder: {work}")


def synthetic(args) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"nl-c{args.n}-"))
    corpus = Path(args.corpus) if args.corpus else work / "c"
    if not args.corpus:
        subprocess.run([sys.executable, str(GEN), str(args.n), str(corpus), "--seed", str(args.seed)], check=True, capture_output=True)
    db = Path(args.db) if args.db else work / "c.db"
    t_ing = m_ing = float("nan")
    if not (args.db and db.exists()):
        t_ing, m_ing = run("ingest", str(corpus / "corpus.jsonl"), "--db", str(db), "--no-embeddings", "--outlet-col", "series", "--date-col", "date")
    workers = ["--workers", str(args.workers)] if args.workers else []
    t_an, m_an = run("analyze", "--db", str(db), "-o", str(work / "out"), "--no-embeddings", "--no-comparisons", *workers)
    truth = [json.loads(line) for line in (corpus / "truth.jsonl").read_text().splitlines()]
    doc = json.loads((work / "out" / "lineage.json").read_text())
    dates = {a["id"]: a["published_at"] for a in doc["articles"]}
    edges = {frozenset((e["source_id"], e["derived_id"])): e for e in doc["edges"]}
    planted = {frozenset((t["src"], t["dst"])) for t in truth}
    # a pair of two copies of one planted source is a true shared source, not a false edge
    src_of: dict[str, set] = {}
    for t in truth:
        src_of.setdefault(t["dst"], set()).add(t["src"])
    def siblings(pair):  # noqa: E306
        x, y = tuple(pair)
        return bool(src_of.get(x, set()) & src_of.get(y, set())) or x in src_of.get(y, set()) or y in src_of.get(x, set())
    rows = []
    for kind in KINDS:
        ts = [t for t in truth if t["type"] == kind]
        found = [t for t in ts if frozenset((t["src"], t["dst"])) in edges]
        right = [t for t in found if edges[frozenset((t["src"], t["dst"]))]["source_id"] == t["src"]]
        same_day = [t for t in found if dates[t["src"]] == dates[t["dst"]]]
        same_ok = [t for t in same_day if t in right]
        undecided = sum(1 for t in same_day if edges[frozenset((t["src"], t["dst"]))]["direction_by"] == "none")
        rows.append([kind, len(ts), len(found) / len(ts), len(right) / max(1, len(found)), len(same_day), len(same_ok) / max(1, len(same_day)), undecided])
    print(table(["kind", "planted", "recall", "direction ok", "same day", "same-day ok", "same-day none"], rows))
    print("(same-day pairs left with direction_by=none are oriented by ingest order: a coin toss on this shuffled corpus)")
    claims = [k for k, e in edges.items() if e["verdict"] == "derives_from"]
    wrong = [k for k in claims if k not in planted and not siblings(k)]
    sib = [k for k in claims if k not in planted and siblings(k)]
    print(f"\nprecision of derives_from edges: {1 - len(wrong) / max(1, len(claims)):.4f} ({len(claims)} edges, {len(wrong)} between unrelated articles, {len(sib)} between two copies of one source not marked shared_source)")
    print(table(["stage", "wall s", "peak MB (largest process)"], [["ingest", t_ing, m_ing], ["analyze (lexical)", t_an, m_an]]))
    print(f"folder: {work}")


def _edit(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    return " ".join(w for w in words if rng.random() > 0.06)


def chain(args) -> None:
    seeds = sorted((REPO / "examples" / "seeds").glob("*.txt"))
    a_text, b_text = seeds[0].read_text(encoding="utf-8"), seeds[1].read_text(encoding="utf-8")
    rng = random.Random(7)
    paras = b_text.split("\n")
    c_text = "\n".join(_edit(p, rng) if p.strip() else p for p in paras[: max(3, len(paras) - 2)])
    work = Path(tempfile.mkdtemp(prefix="nl-chain-"))
    rows = [
        {"id": "A", "outlet": "Agency", "date": "2023-02-05T08:00:00", "text": a_text},
        {"id": "B", "outlet": "Rewriter", "date": "2023-02-05T11:00:00", "text": b_text},
        {"id": "C", "outlet": "Aggregator", "date": "2023-02-05T15:00:00", "text": c_text},
    ]
    (work / "chain.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    emb = [] if args.embeddings else ["--no-embeddings"]
    run("ingest", str(work / "chain.jsonl"), "--db", str(work / "c.db"), "--outlet-col", "outlet", "--date-col", "date", *emb)
    run("analyze", "--db", str(work / "c.db"), "-o", str(work / "out"), *emb)
    doc = json.loads((work / "out" / "lineage.json").read_text())
    print("expected: A -> B (rewrite), B -> C (light edit); A -> C explained through B")
    rows = [[e["source_id"], e["derived_id"], e["kind"], e["verdict"], e["explained_by"] or "-", e["coverage_source"], e["coverage_derived"], e["score"]] for e in doc["edges"]]
    print(table(["source", "derived", "kind", "verdict", "explained by", "cov src", "cov der", "score"], rows))
    print(f"stories: {Counter(a['story_id'] for a in doc['articles']).most_common()}")


def _with_reprints(corpus: Path, out: Path, seed: int) -> dict[str, int]:
    """Copy a generated corpus and add exact reprints: under new ids and outlets (10% of the
    articles, 1-4 copies each, the same day or later), under the same id by another outlet (2%),
    and records sent twice (2%). Returns what was added."""
    rng = random.Random(seed)
    rows = [json.loads(line) for line in (corpus / "corpus.jsonl").read_text().splitlines()]
    extra, counts = [], Counter()
    for r in rows:
        roll = rng.random()
        if roll < 0.10:
            for k in range(rng.randint(1, 4)):
                extra.append({**r, "id": f"r{r['id']}-{k}", "series": f"reprinter{k}", "date": r["date"] if k % 2 else r["date"][:8] + "28"})
                counts["reprints"] += 1
        elif roll < 0.12:
            extra.append({**r, "series": "samenumbers"})  # another outlet numbering its articles the same way
            counts["same id, other outlet"] += 1
        elif roll < 0.14:
            extra.append(dict(r))  # the same record sent twice
            counts["records sent twice"] += 1
    everything = rows + extra
    rng.shuffle(everything)
    out.mkdir(parents=True, exist_ok=True)
    (out / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in everything), encoding="utf-8")
    counts["input records"] = len(everything)
    counts["distinct (id, outlet)"] = len({(r["id"], r["series"]) for r in everything})
    return dict(counts)


def reprints(args) -> None:
    from newslineage import Article, Index
    from newslineage.index.ingest import content_hash

    work = Path(tempfile.mkdtemp(prefix=f"nl-r{args.n}-"))
    base = work / "base"
    subprocess.run([sys.executable, str(GEN), str(args.n), str(base), "--seed", str(args.seed)], check=True, capture_output=True)
    corpus = work / "c"
    counts = _with_reprints(base, corpus, args.seed)
    db = work / "c.db"
    t_ing, _ = run("ingest", str(corpus / "corpus.jsonl"), "--db", str(db), "--no-embeddings", "--outlet-col", "series", "--date-col", "date")
    t_an, _ = run("analyze", "--db", str(db), "-o", str(work / "out"), "--no-embeddings", "--no-comparisons")
    doc = json.loads((work / "out" / "lineage.json").read_text())
    with open(work / "out" / "articles.csv", newline="", encoding="utf-8") as fh:
        in_csv = sum(1 for _ in csv.DictReader(fh))
    rows = [json.loads(line) for line in (corpus / "corpus.jsonl").read_text().splitlines()]
    stored = {(a["outlet"], a["id"].split("@")[0]) for a in doc["articles"]}
    lost = {(r["series"], r["id"]) for r in rows} - stored
    # every reprint a verbatim edge from its text's earliest copy
    by_text: dict[str, list[dict]] = {}
    for a in doc["articles"]:
        by_text.setdefault(a["copy_of"] or a["id"], []).append(a)
    edges = {(e["source_id"], e["derived_id"]): e for e in doc["edges"]}
    copies = [(first, a) for first, group in by_text.items() for a in group if a["id"] != first]
    found = sum(1 for first, a in copies if edges.get((first, a["id"]), {}).get("kind") == "verbatim")
    # sources: stored articles as queries, by their id
    rng = random.Random(args.seed)
    queries = rng.sample(doc["articles"], min(args.queries, len(doc["articles"])))
    text_of = {}
    with Index(db, create=False) as index:
        self_matches = split = multi = 0
        t0 = time.perf_counter()
        for q in queries:
            art = index.get(q["id"])
            text_of[q["id"]] = content_hash(art.text)
            result = index.sources(Article(text=art.text, id=art.id, outlet=art.outlet, published_at=art.published_at), top=10)
            shown = [[s.article.id, *(r.id for r in s.reprints)] for s in result.sources]
            self_matches += sum(row.count(q["id"]) for row in shown)
            # identical copies of the query's text must come as one row
            same = [row for row, s in zip(shown, result.sources) if content_hash(s.article.text) == text_of[q["id"]]]
            multi += bool(same)
            split += max(0, len(same) - 1)
        t_q = time.perf_counter() - t0
    print(table(["added by the bench", "count"], [[k, v] for k, v in counts.items()]))
    print()
    print(table(
        ["articles stored", "records lost", "in articles.csv", "reprints", "verbatim edge from earliest", "queries", "self-matches", "queries with copies", "copies split over rows"],
        [[len(doc["articles"]), len(lost), in_csv, len(copies), found, len(queries), self_matches, multi, split]],
    ))
    print(table(["stage", "wall s"], [["ingest", t_ing], ["analyze (lexical)", t_an], [f"sources x{len(queries)} (in-process)", t_q]]))
    print(f"folder: {work}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    g = sub.add_parser("groundnews")
    g.add_argument("--embeddings", action="store_true", help="ingest with the sentence encoder (article vectors)")
    s = sub.add_parser("synthetic")
    s.add_argument("n", type=int)
    s.add_argument("--seed", type=int, default=2)
    s.add_argument("--workers", type=int, default=None)
    s.add_argument("--corpus", help="an existing gen_corpus.py folder (skip generating)")
    s.add_argument("--db", help="index file: reused when it exists (ingest not timed), else ingested there")
    c = sub.add_parser("chain")
    c.add_argument("--embeddings", action="store_true")
    r = sub.add_parser("reprints")
    r.add_argument("n", type=int)
    r.add_argument("--seed", type=int, default=2)
    r.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    {"groundnews": groundnews, "synthetic": synthetic, "chain": chain, "reprints": reprints}[args.what](args)


if __name__ == "__main__":
    main()
