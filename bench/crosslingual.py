"""Cross-lingual benchmarks: edited translations (WMT21), ECCE EN<->ZH links and sources, passages.

    python bench/crosslingual.py [wmt]            # edited translations, WMT21 de-en (below)
    python bench/crosslingual.py ecce-links       # EN<->ZH sentence links against the line alignment
    python bench/crosslingual.py ecce-sources     # ZH->EN and EN->ZH source retrieval
    python bench/crosslingual.py passages         # translated passages from inside long documents
    python bench/crosslingual.py ecce-analyze [--limit N]   # analyze: translation edges, stories
    python bench/crosslingual.py all

**ecce-links**: every ECCE editorial compared, Chinese as A (the translation) and English as B;
link precision (linked sentence pairs on the same line) and recall (lines linked), as for
WMT21 below. **ecce-sources**: the 509 English editorials are indexed with the other English
news of WMT21 (30-line documents) and the long WMT21 documents of ``passages``; each Chinese
editorial is a query (top-1 must be its English original); then the reverse, the Chinese
editorials indexed with the German WMT21 documents. **passages**: a paragraph of 4 translated
lines from the middle of a long source (an ECCE editorial of 16+ lines: Chinese; a 30-line WMT21
document: German, three paragraphs each) queried against all documents (``_crossdata.py``).
**ecce-analyze**: the first N (default 100) editorials indexed in both languages (outlets "FT"
and "FT Chinese"), then ``analyze``: share of the N pairs joined by an edge (kind expected:
translation), edges between editorials that are not translations of each other, share of the
pairs in one story. The index size per article is printed with the timings (the machine is
shared: compare ratios).

Edited translation: German source B, edited English translation A.

Data: ../shared/data/wmt21_newstest_de_en (newstest2021.de-en.src.de German originals and
ref.A.en, their professional English translation; line i aligns with line i).

Each synthetic pair (fixed seed) takes W (default 15) consecutive lines: B = the German lines,
one per paragraph; A = their English translations, one per paragraph, edited:

* 2-3 lines dropped (gold *omitted*: B's sentences on those lines);
* 2-3 English lines from far away (>= 100 lines off) inserted at random places (gold *added*);
* a number changed in 1-2 kept English lines that contain one (gold *changed*).

Prepared sentences are mapped to their line by character offset, so a line with several
sentences is handled. Measures (all pooled over the pairs):

* link precision: share of linked (A sentence, B sentence) pairs inside the links whose two
  sentences sit on the same source line (a kept line);
* link recall: share of kept lines (body text on both sides) linked by at least one such pair;
* added F1 over A's body sentences (``Comparison.added`` vs. sentences on inserted lines);
* omitted F1 over B's body sentences (``Comparison.omitted`` vs. sentences on dropped lines);
* changed-number F1 over lines: a changed line is found when the link holding it has a
  ``FactChange`` of type ``number`` located on that line; a number change reported on another
  line is a false positive.

    python bench/crosslingual.py [--limit N] [--seed S] [--window W] [--lexical] [--errors K]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, table  # noqa: E402
from _crossdata import PassageQuery, ecce_pairs, join_lines, long_documents  # noqa: E402

from newslineage.model import Article, Comparison  # noqa: E402
from newslineage.pairwise import compare_documents  # noqa: E402
from newslineage.prepare import prepare  # noqa: E402
from newslineage.settings import CompareSettings  # noqa: E402

_NUMBER = re.compile(r"(?<![\w.,:/-])\d+(?:[.,]\d+)?(?![\w.,:/-]?\d)")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


@dataclass
class Case:
    """One synthetic pair and its gold."""

    a_text: str
    b_text: str
    a_lines: list[tuple[int, int, int]]  # (start, end, source line id) per A paragraph; id -1-k = inserted
    b_lines: list[tuple[int, int, int]]
    kept: list[int]
    dropped: list[int]
    inserted: list[int]  # WMT line ids of the inserted English lines
    changed: dict[int, tuple[str, str]] = field(default_factory=dict)  # line id -> (old, new)


def _words(line: str) -> int:
    return len(re.findall(r"\w+", line))


def _near_month(line: str, start: int, end: int) -> bool:
    """A day of a date ("March 13", "13 March"): changing it is a date change, not a number."""
    around = re.findall(r"[A-Za-z]+", line[max(0, start - 12) : start] + " | " + line[end : end + 20])
    return any(w[:3].lower() in _MONTHS and len(w) >= 3 for w in around)


def _change_number(line: str, rng: random.Random, source: str = "") -> tuple[str, str, str] | None:
    """The line with one number changed: not a year, not a day of a date, and present in the
    source line too (so the change is verifiable against the German, e.g. not "last 16" for
    "Achtelfinale")."""
    in_source = set(re.findall(r"\d+", source))
    spots = [
        m
        for m in _NUMBER.finditer(line)
        if not _YEAR.match(m.group()) and not _near_month(line, m.start(), m.end()) and set(re.findall(r"\d+", m.group())) <= in_source
    ]
    if not spots:
        return None
    m = rng.choice(spots)
    old = m.group()
    digits = old.replace(",", "").replace(".", "")
    if not digits.isdigit():
        return None
    value = int(old) if old.isdigit() else None
    if value is not None:
        new = str(value + rng.choice([1, 2, 3, 5, 10]) if value < 10 else value + rng.choice([-1, 1]) * max(1, value // rng.choice([3, 4, 5])))
    else:
        head, _, tail = old.replace(",", ".").partition(".")
        new = f"{int(head) + rng.choice([1, 2, 3])}{old[len(head)]}{tail}"
    if new == old:
        return None
    return line[: m.start()] + new + line[m.end() :], old, new


def _join(lines: list[tuple[str, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    parts, spans, pos = [], [], 0
    for text, ident in lines:
        spans.append((pos, pos + len(text), ident))
        parts.append(text)
        pos += len(text) + 2
    return "\n\n".join(parts), spans


def build_cases(n: int, seed: int = 13, window: int = 15) -> list[Case]:
    """N synthetic pairs with exact gold."""
    root = data_dir("wmt21_newstest_de_en")
    de = (root / "newstest2021.de-en.src.de").read_text(encoding="utf-8").split("\n")
    en = (root / "newstest2021.de-en.ref.A.en").read_text(encoding="utf-8").split("\n")
    total = min(len(de), len(en))
    de, en = de[:total], en[:total]
    rng = random.Random(seed)
    cases = []
    starts = rng.sample(range(0, total - window), n)
    for s in starts:
        ids = [i for i in range(s, s + window) if de[i].strip() and en[i].strip()]
        body_like = [i for i in ids if _words(en[i]) >= 8]
        dropped = sorted(rng.sample(body_like, min(len(body_like) // 3, rng.choice([2, 3]))))
        kept = [i for i in ids if i not in dropped]
        far = [i for i in range(total) if abs(i - s) > 100 and _words(en[i]) >= 8 and en[i].strip()]
        inserted = rng.sample(far, rng.choice([2, 3]))
        a_lines: list[tuple[str, int]] = [(en[i], i) for i in kept]
        changed: dict[int, tuple[str, str]] = {}
        candidates = [i for i in kept if _words(en[i]) >= 6 and re.search(r"\d", en[i])]
        rng.shuffle(candidates)
        want = rng.choice([1, 2])
        for i in candidates:
            if len(changed) >= want:
                break
            res = _change_number(en[i], rng, de[i])
            if res is None:
                continue
            new_line, old, new = res
            changed[i] = (old, new)
            a_lines = [(new_line if ident == i else t, ident) for t, ident in a_lines]
        for k, i in enumerate(inserted):
            pos = rng.randint(1, len(a_lines))  # never before the first line: keep the lead
            a_lines.insert(pos, (en[i], -1 - k))
        a_text, a_spans = _join(a_lines)
        b_text, b_spans = _join([(de[i], i) for i in ids])
        cases.append(Case(a_text, b_text, a_spans, b_spans, kept, dropped, inserted, changed))
    return cases


def _line_of(spans: list[tuple[int, int, int]], start: int, end: int) -> int | None:
    for s, e, ident in spans:
        if start < e and end > s:
            return ident
    return None


@dataclass
class Counts:
    pair_ok: int = 0
    pair_all: int = 0
    lines_linked: int = 0
    lines_gold: int = 0
    add_tp: int = 0
    add_fp: int = 0
    add_fn: int = 0
    om_tp: int = 0
    om_fp: int = 0
    om_fn: int = 0
    ch_tp: int = 0
    ch_fp: int = 0
    ch_fn: int = 0
    excluded_structure: int = 0
    asym: int = 0
    asym_flagged: int = 0


def evaluate(case: Case, cmp: Comparison, counts: Counts, errors: list[str] | None = None, sim=None) -> None:
    a_line = {s.index: _line_of(case.a_lines, s.start, s.end) for s in cmp.a.sentences}
    b_line = {s.index: _line_of(case.b_lines, s.start, s.end) for s in cmp.b.sentences}
    a_body = {s.index for s in cmp.a.body}
    b_body = {s.index for s in cmp.b.body}
    kept = set(case.kept)
    dropped = set(case.dropped)
    a_text = {s.index: s.text for s in cmp.a.sentences}
    b_text = {s.index: s.text for s in cmp.b.sentences}

    # links
    linked_lines = set()
    for link in cmp.links:
        for i in link.a:
            for j in link.b:
                counts.pair_all += 1
                ok = a_line[i] is not None and a_line[i] >= 0 and a_line[i] == b_line[j]
                counts.pair_ok += ok
                if ok:
                    linked_lines.add(a_line[i])
                elif errors is not None:
                    errors.append(f"WRONG LINK (line {a_line[i]} -> {b_line[j]}, score {link.score}, lex {link.lexical}, sem {link.semantic}):\n    A: {a_text[i][:150]}\n    B: {b_text[j][:150]}")
    a_lines_body = {a_line[i] for i in a_body}
    b_lines_body = {b_line[j] for j in b_body}
    gold_lines = {i for i in kept if i in a_lines_body and i in b_lines_body}
    counts.excluded_structure += len(kept) - len(gold_lines)
    counts.lines_gold += len(gold_lines)
    counts.lines_linked += len(gold_lines & linked_lines)
    if errors is not None:
        for i in sorted(gold_lines - linked_lines):
            a_s = [a_text[k] for k in a_body if a_line[k] == i]
            b_s = [b_text[k] for k in b_body if b_line[k] == i]
            diag = ""
            if sim is not None:
                rows = [sim.a_index.index(k) for k in a_body if a_line[k] == i]
                cols = [sim.b_index.index(k) for k in b_body if b_line[k] == i]
                r, c = rows[0], cols[0]
                sem = None if sim.semantic is None else float(sim.semantic[r, c])
                best = int(sim.score[r].argmax())
                diag = (f" cos={sem if sem is None else round(sem, 3)} lex={sim.lexical[r, c]:.3f} score={sim.score[r, c]:.3f};"
                        f" row best score {sim.score[r, best]:.3f} at line {b_line[sim.b_index[best]]}; {len(rows)}x{len(cols)} sentences")
            errors.append(f"MISSED LINE {i}:{diag}\n    A: {' | '.join(a_s)[:200]}\n    B: {' | '.join(b_s)[:200]}")

    # added / omitted (body sentences). A kept line that is body on one side but a structure
    # line (headline-like) on the other cannot be linked: those sentences are left out of the
    # added/omitted scores and counted apart (structure asymmetry).
    asym_a = {i for i in a_body if a_line[i] is not None and a_line[i] >= 0 and a_line[i] not in b_lines_body}
    asym_b = {j for j in b_body if b_line[j] in kept and b_line[j] not in a_lines_body}
    counts.asym += len(asym_a) + len(asym_b)
    counts.asym_flagged += len(asym_a & set(cmp.added)) + len(asym_b & set(cmp.omitted))
    pred_add = set(cmp.added) - asym_a
    gold_add = {i for i in a_body if a_line[i] is not None and a_line[i] < 0}
    counts.add_tp += len(pred_add & gold_add)
    counts.add_fp += len(pred_add - gold_add)
    counts.add_fn += len(gold_add - pred_add)
    pred_om = set(cmp.omitted) - asym_b
    gold_om = {j for j in b_body if b_line[j] in dropped}
    counts.om_tp += len(pred_om & gold_om)
    counts.om_fp += len(pred_om - gold_om)
    counts.om_fn += len(gold_om - pred_om)
    if errors is not None:
        for i in sorted(pred_add - gold_add):
            errors.append(f"FALSE ADDED (line {a_line[i]}): {a_text[i][:150]}")
        for i in sorted(gold_add - pred_add):
            link = next(lk for lk in cmp.links if i in lk.a)
            errors.append(f"MISSED ADDED, linked to {[b_text[j][:80] for j in link.b]} score {link.score} sem {link.semantic}: {a_text[i][:150]}")
        for j in sorted(pred_om - gold_om):
            errors.append(f"FALSE OMITTED (line {b_line[j]}): {b_text[j][:150]}")
        for j in sorted(gold_om - pred_om):
            errors.append(f"MISSED OMITTED: {b_text[j][:150]}")

    # changed numbers (lines whose text is body on both sides; a headline line is never linked)
    changed = {i: v for i, v in case.changed.items() if i in gold_lines}
    found = set()
    for link in cmp.links:
        for ch in link.changes:
            if ch.type != "number":
                continue
            line = _line_of(case.a_lines, ch.a_start, max(ch.a_end, ch.a_start + 1))
            if line in changed:
                found.add(line)
            else:
                counts.ch_fp += 1
                if errors is not None:
                    errors.append(f"FALSE NUMBER CHANGE (line {line}): {ch.describe()}")
    counts.ch_tp += len(found)
    counts.ch_fn += len(set(changed) - found)
    if errors is not None:
        for i in sorted(set(changed) - found):
            a_s = [k for k in a_body if a_line[k] == i]
            links = [lk for lk in cmp.links if set(lk.a) & set(a_s)]
            errors.append(
                f"MISSED NUMBER CHANGE line {i} {changed[i]}; linked: {bool(links)}; changes: {[c.describe() for lk in links for c in lk.changes]}\n    A: {' '.join(a_text[k] for k in a_s)[:200]}"
            )


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(n: int, seed: int, window: int, embeddings: bool, show_errors: int = 0, semantic_threshold: float | None = None) -> tuple[Counts, float]:
    settings = CompareSettings(embeddings=embeddings)
    if semantic_threshold is not None:
        settings = replace(settings, semantic_threshold=semantic_threshold)
    counts = Counts()
    errors: list[str] | None = [] if show_errors else None
    t0 = time.perf_counter()
    cases = build_cases(n, seed, window)
    for case in cases:
        a = prepare(Article(text=case.a_text, language="en"))
        b = prepare(Article(text=case.b_text, language="de"))
        cmp = compare_documents(a, b, settings)
        sim = None
        if errors is not None:
            from newslineage.align import align

            sim = align(a, b, settings).similarity
        evaluate(case, cmp, counts, errors, sim)
    if errors:
        print(f"--- first {show_errors} of {len(errors)} errors")
        for e in errors[:show_errors]:
            print(e)
    return counts, (time.perf_counter() - t0) / max(1, n)


def ecce_links(limit: int | None = None, show_errors: int = 0) -> list[list[object]]:
    """Link P/R/F1 of Chinese (A) against English (B) over ECCE editorials."""
    settings = CompareSettings()
    counts = Counts()
    errors: list[str] | None = [] if show_errors else None
    pairs = ecce_pairs()[:limit]
    t0 = time.perf_counter()
    for p in pairs:
        a_text, a_spans = join_lines(p.zh)
        b_text, b_spans = join_lines(p.en)
        case = Case(a_text, b_text, a_spans, b_spans, kept=list(range(len(p.en))), dropped=[], inserted=[])
        cmp = compare_documents(prepare(Article(text=a_text, language="zh")), prepare(Article(text=b_text, language="en")), settings)
        evaluate(case, cmp, counts, errors)
    if errors:
        print(f"--- first {show_errors} of {len(errors)} errors")
        for e in errors[:show_errors]:
            print(e)
    lp = counts.pair_ok / counts.pair_all if counts.pair_all else 1.0
    lr = counts.lines_linked / counts.lines_gold if counts.lines_gold else 1.0
    spp = (time.perf_counter() - t0) / max(1, len(pairs))
    return [[f"ECCE zh->en links ({len(pairs)} editorials, {spp:.2f} s each)", f"{counts.pair_ok}/{counts.pair_all} pairs", f"{counts.lines_linked}/{counts.lines_gold} lines", lp, lr, 2 * lp * lr / (lp + lr) if lp + lr else 0.0]]


def _index_and_query(name: str, indexed: list[Article], queries: list[PassageQuery], workers: int | None) -> tuple[list[object], list[str]]:
    """Index articles, run the queries; one table row (and the misses)."""
    import os
    import tempfile

    from newslineage import Index

    db = Path(tempfile.mkdtemp()) / "cross.db"
    with Index(db, embedder="use", workers=workers) as index:
        t0 = time.perf_counter()
        report = index.add(indexed)
        ingest_s = time.perf_counter() - t0
        # measured before the queries: comparing caches candidates' sentence vectors in the index
        size = sum(os.path.getsize(p) for p in db.parent.glob(db.name + "*"))
        hits1 = hits5 = 0
        latencies, misses = [], []
        # a query whose gold text is stored under another id (ECCE holds one editorial twice)
        # has no right answer left: counted apart
        missing = [q for q in queries if index.get(q.gold) is None]
        if missing:
            print(f"{name}: {len(missing)} queries left out, their gold text is stored under another id: {[q.gold for q in missing]}")
        queries = [q for q in queries if index.get(q.gold) is not None]
        for q in queries:
            t1 = time.perf_counter()
            found = index.sources(Article(text=q.text, id=q.id, language=q.language), top=5).sources
            latencies.append(time.perf_counter() - t1)
            ids = [s.article.id for s in found]
            hits1 += bool(ids) and ids[0] == q.gold
            hits5 += q.gold in ids
            if not ids or ids[0] != q.gold:
                misses.append(f"{q.id}: gold {q.gold} at rank {ids.index(q.gold) + 1 if q.gold in ids else None}; top {ids[:3]}")
    latencies.sort()
    n = max(1, len(queries))
    row = [name, report.added, len(queries), hits1 / n, hits5 / n, report.added / ingest_s, size / max(1, report.added) / 1000, latencies[len(latencies) // 2] * 1000 if latencies else float("nan")]
    return row, misses


def ecce_sources(limit: int | None, workers: int | None, show_misses: int = 0) -> list[list[object]]:
    """ZH->EN and EN->ZH source retrieval among all ECCE editorials plus distractors."""
    pairs = ecce_pairs(aligned=False)
    docs, distractors, _ = long_documents()
    wmt_docs = [d for d in docs if d.id.startswith("wmt-")]
    en = [Article(text="\n".join(p.en), id=f"en-{p.name}", language="en") for p in pairs]
    zh = [Article(text="\n".join(p.zh), id=f"zh-{p.name}", language="zh") for p in pairs]
    chosen = pairs[:limit]
    rows = []
    row, misses = _index_and_query(
        f"ECCE zh->en ({len(en)} en + {len(wmt_docs) + len(distractors)} en distractors)", en + wmt_docs + distractors,
        [PassageQuery(f"zh-{p.name}", "\n".join(p.zh), "zh", f"en-{p.name}") for p in chosen], workers,
    )
    rows.append(row)
    for m in misses[:show_misses]:
        print("MISS", m)
    _, de_docs = _german_documents()
    row, misses = _index_and_query(
        f"ECCE en->zh ({len(zh)} zh + {len(de_docs) + len(distractors)} de/en distractors)", zh + de_docs + distractors,
        [PassageQuery(f"en-{p.name}", "\n".join(p.en), "en", f"zh-{p.name}") for p in chosen], workers,
    )
    rows.append(row)
    for m in misses[:show_misses]:
        print("MISS", m)
    return rows


def _german_documents(lines_per_doc: int = 30) -> tuple[int, list[Article]]:
    from _crossdata import wmt_lines

    de, _en, _other = wmt_lines()
    return lines_per_doc, [Article(text="\n".join(de[i : i + lines_per_doc]), id=f"wmt-de-{i:04d}", language="de") for i in range(0, len(de) - lines_per_doc + 1, lines_per_doc)]


def passages(workers: int | None, show_misses: int = 0) -> list[list[object]]:
    """Translated paragraphs from inside long documents against all documents."""
    docs, distractors, queries = long_documents()
    rows = []
    row, misses = _index_and_query(f"translated passages ({len(docs) + len(distractors)} documents)", docs + distractors, queries, workers)
    rows.append(row)
    first: dict[str, str] = {}
    for a in docs + distractors:  # the index keeps one copy of a text (ECCE holds one editorial twice)
        first.setdefault(a.text, a.id)
    golds = set(first.values())
    for lang in ("zh", "de"):
        sub = [q for q in queries if q.language == lang and q.gold in golds]
        bad = [m for m in misses if m.startswith("ecce-zh" if lang == "zh" else "wmt-de")]
        rows.append([f"  of which {lang} queries", "", len(sub), 1 - len(bad) / max(1, len(sub)), float("nan"), float("nan"), float("nan"), float("nan")])
    for m in misses[:show_misses]:
        print("MISS", m)
    return rows


def ecce_analyze(limit: int | None, workers: int | None) -> list[list[object]]:
    """``analyze`` on ECCE editorials in both languages: translation edges and shared stories."""
    import json
    import tempfile

    from newslineage import Index
    from newslineage.lineage import analyze

    pairs = ecce_pairs()[: limit or 100]
    db = Path(tempfile.mkdtemp()) / "ecce.db"
    arts = [Article(text="\n".join(p.en), id=f"en-{p.name}", outlet="FT", language="en") for p in pairs]
    arts += [Article(text="\n".join(p.zh), id=f"zh-{p.name}", outlet="FT Chinese", language="zh") for p in pairs]
    with Index(db, embedder="use", workers=workers) as index:
        index.add(arts)
    t0 = time.perf_counter()
    summary = analyze(db, db.parent / "out", workers=workers)
    seconds = time.perf_counter() - t0
    doc = json.loads((db.parent / "out" / "lineage.json").read_text())
    gold = {frozenset((f"en-{p.name}", f"zh-{p.name}")) for p in pairs}
    edges = {frozenset((e["source_id"], e["derived_id"])): e for e in doc["edges"]}
    found = [k for k in edges if k in gold]
    wrong = [k for k in edges if k not in gold]
    kinds = {edges[k]["kind"] for k in found}
    story = {a["id"]: a["story_id"] for a in doc["articles"]}
    together = sum(story[f"en-{p.name}"] == story[f"zh-{p.name}"] for p in pairs)
    return [[f"ECCE analyze ({len(pairs)} en + {len(pairs)} zh, {summary.candidates} candidates, {seconds:.0f} s)", len(found) / len(pairs), len(wrong), ",".join(sorted(kinds)), together / len(pairs)]]


_SOURCES_HEADERS = ["benchmark", "indexed", "queries", "top-1", "top-5", "ingest art/s", "index kB/article", "sources p50 ms"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("which", nargs="?", default="wmt", choices=["wmt", "ecce-links", "ecce-sources", "passages", "ecce-analyze", "all"])
    ap.add_argument("--workers", type=int, default=None, help="ingest processes (ecce-sources, passages)")
    ap.add_argument("--limit", type=int, default=40, help="number of synthetic pairs (default 40)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--window", type=int, default=15, help="German lines per article")
    ap.add_argument("--lexical", action="store_true", help="lexical-only mode (expected to fail across languages)")
    ap.add_argument("--errors", type=int, default=0, help="print the first K errors")
    ap.add_argument("--semantic-threshold", type=float, default=None, help="override semantic_threshold (tuning)")
    args = ap.parse_args(argv)
    if args.which != "wmt":
        limit = args.limit if "--limit" in (argv if argv is not None else sys.argv) else None
        if args.which in ("ecce-links", "all"):
            print(table(["what", "counts", "", "precision", "recall", "F1"], ecce_links(limit, args.errors)))
        if args.which in ("ecce-sources", "all"):
            print(table(_SOURCES_HEADERS, ecce_sources(limit, args.workers, args.errors)))
        if args.which in ("passages", "all"):
            print(table(_SOURCES_HEADERS, passages(args.workers, args.errors)))
        if args.which in ("ecce-analyze", "all"):
            print(table(["benchmark", "pairs with an edge", "other edges", "edge kinds", "pairs in one story"], ecce_analyze(limit, args.workers)))
        if args.which != "all":
            return
    c, spp = run(args.limit, args.seed, args.window, not args.lexical, args.errors, args.semantic_threshold)
    lp = c.pair_ok / c.pair_all if c.pair_all else 1.0
    lr = c.lines_linked / c.lines_gold if c.lines_gold else 1.0
    rows = [
        ["links", f"{c.pair_ok}/{c.pair_all} pairs", f"{c.lines_linked}/{c.lines_gold} lines", lp, lr, 2 * lp * lr / (lp + lr) if lp + lr else 0.0],
        ["added", f"tp={c.add_tp} fp={c.add_fp}", f"fn={c.add_fn}", *f1(c.add_tp, c.add_fp, c.add_fn)],
        ["omitted", f"tp={c.om_tp} fp={c.om_fp}", f"fn={c.om_fn}", *f1(c.om_tp, c.om_fp, c.om_fn)],
        ["changed number", f"tp={c.ch_tp} fp={c.ch_fp}", f"fn={c.ch_fn}", *f1(c.ch_tp, c.ch_fp, c.ch_fn)],
    ]
    print()
    th = f", semantic_threshold={args.semantic_threshold}" if args.semantic_threshold is not None else ""
    print(f"{args.limit} pairs, window {args.window}, seed {args.seed}, {'lexical' if args.lexical else 'embeddings'}{th}; "
          f"{spp:.3f} s/pair")
    print(f"kept lines not body text on both sides (left out of link recall): {c.excluded_structure}; "
          f"their body sentences (left out of added/omitted): {c.asym}, of which flagged added/omitted: {c.asym_flagged}")
    print(table(["what", "counts", "", "precision", "recall", "F1"], rows))


if __name__ == "__main__":
    main()
