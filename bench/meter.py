"""METER courts: how newspapers rewrote PA wire copy, sentence by sentence and text by text.

Data: ../shared/data/meter_courts (770 newspaper texts labelled wholly / partially / non-derived
from the PA copy of their story; 355 of them annotated phrase by phrase as Verbatim / Rewrite /
New). Each newspaper text A is compared with the PA copy of its story B, A = newspaper, B = all
PA versions of the story joined (see bench/meter_data.py for what is compared, and why).

Sentence level (the 355 annotated texts): every body sentence of A (``result.a.sentences``,
structure lines left out) is gold *added* when at least 70% of its annotated non-space
characters are New, else gold *kept*. Scored: precision/recall/F1 of what compare calls added
and of kept (``sentence_levels``: the support level of each sentence when the result grades
support, kept and partly supported counting as kept; else linked = kept, ``result.added``). A bag-of-words row shows the bar to beat:
a sentence is added when the share of its content words found anywhere in the PA copy is below a
threshold chosen by 5-fold cross-validation (folds by story).

Document level (all 770): 3-class macro-F1 (wholly / partially / non) with thresholds on
coverage chosen by 5-fold CV, and from the verdict itself (``verdict_class``: a derived
verdict's ``extent`` when the relation has one, else derived verdicts split by a CV threshold
on coverage);
derived-vs-not precision/recall/F1 of the verdict (``is_derived``); source top-1 after ingesting
every PA file (661) into an ``Index``: for a derived text, is the best source a PA file of its
own story? Bag-of-words rows for each (containment of content words; tf-idf cosine for
retrieval).

    python bench/meter.py [--lexical] [--limit N] [--errors K] [--jobs J] [--no-sources]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import meter_data  # noqa: E402
from _common import table  # noqa: E402
from meter_data import LABELS, NewsText, content_words, new_share  # noqa: E402

from newslineage.model import Article, Comparison, Relation  # noqa: E402
from newslineage.pairwise import compare_documents  # noqa: E402
from newslineage.prepare import prepare  # noqa: E402
from newslineage.settings import load_settings  # noqa: E402

#: A sentence is gold added when at least this share of its annotated characters is New.
GOLD_NEW = 0.7
FOLDS = 5
#: Verdicts that say the newspaper text comes from the PA copy.
DERIVED_VERDICTS = frozenset({"a_derives_from_b", "shared_source"})


# --- what compare says, in the benchmark's terms (edit here when the result grows) -----------


def sentence_levels(result: Comparison) -> dict[int, str]:
    """``kept`` / ``partial`` / ``added`` / ``unlinked`` for each body sentence of A.

    A result that grades support (``result.support``: one record per body sentence with a
    ``level``) is read as it is; otherwise a sentence in a link is kept and ``result.added``
    is added.
    """
    support = getattr(result, "support", ())
    if support:
        levels = {s.a: s.level for s in support}
        return {i: levels.get(i, "unlinked") for i in result.a.body_indexes}
    linked = {i for link in result.links for i in link.a}
    added = set(result.added)
    return {i: "kept" if i in linked else "added" if i in added else "unlinked" for i in result.a.body_indexes}


def is_derived(relation: Relation) -> bool:
    """Does the verdict say the newspaper text derives from the PA copy?"""
    return relation.verdict in DERIVED_VERDICTS


def verdict_class(relation: Relation, wholly_at: float) -> str:
    """METER's class from the verdict: a derived verdict's ``extent`` (wholly / partly) when
    the relation has one, else a derived verdict split at ``wholly_at`` coverage (chosen by
    CV); anything else is non-derived."""
    if not is_derived(relation):
        return "non"
    extent = getattr(relation, "extent", None)
    if extent is not None:
        return {"wholly": "wholly", "partly": "partially"}[extent]
    return "wholly" if relation.coverage_a >= wholly_at else "partially"


# --- one newspaper text compared --------------------------------------------------------------


@dataclass
class SentenceRow:
    doc: str
    index: int
    text: str
    level: str
    gold_new: float | None
    bow: float
    best_pa: str  # the PA sentence sharing most content words (for reading errors)


@dataclass
class DocRow:
    path: str
    story: str
    label: str
    relation: Relation | None
    bow: float
    sentences: list[SentenceRow] = field(default_factory=list)


def _bow_share(words: list[str], vocab: set[str]) -> float:
    return sum(w in vocab for w in words) / len(words) if words else 1.0


def _best_pa(words: list[str], pa_sents: list[tuple[str, set[str]]]) -> str:
    if not words or not pa_sents:
        return ""
    ws = set(words)
    return max(pa_sents, key=lambda p: len(ws & p[1]) / (len(ws | p[1]) or 1))[0]


def compare_story(job: tuple[str, list[str], list[NewsText], bool]) -> list[DocRow]:
    """Compare every newspaper text of one story with the story's PA copy (prepared once)."""
    story, pa_paths, texts, embeddings = job
    settings = replace(load_settings(), embeddings=embeddings)
    rows: list[DocRow] = []
    if not pa_paths:  # one story has no PA copy: nothing to derive from
        return [DocRow(t.path, t.story, t.label, None, 0.0) for t in texts]
    b = prepare(Article(text=meter_data.pa_story_text([Path(p) for p in pa_paths]), id=story), settings.segmenter)
    vocab = set(content_words(" ".join(s.text for s in b.body)))
    pa_sents = [(s.text, set(content_words(s.text))) for s in b.body]
    for t in texts:
        a = prepare(Article(text=t.text, id=t.path), settings.segmenter)
        result = compare_documents(a, b, settings, a_name="newspaper", b_name="PA")
        levels = sentence_levels(result)
        row = DocRow(t.path, t.story, t.label, result.relation, _bow_share(content_words(" ".join(s.text for s in a.body)), vocab))
        if t.annotated:
            for s in a.body:
                words = content_words(s.text)
                row.sentences.append(
                    SentenceRow(t.path, s.index, s.text, levels[s.index], new_share(t.spans, t.text, s.start, s.end), _bow_share(words, vocab), _best_pa(words, pa_sents))
                )
        rows.append(row)
    return rows


def run_compare(texts: list[NewsText], pa: dict[str, list[Path]], embeddings: bool, jobs: int) -> list[DocRow]:
    by_story: dict[str, list[NewsText]] = defaultdict(list)
    for t in texts:
        by_story[t.story].append(t)
    work = [(story, [str(p) for p in pa.get(story, [])], ts, embeddings) for story, ts in sorted(by_story.items())]
    rows: list[DocRow] = []
    done = 0
    t0 = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            for out in pool.map(compare_story, work):
                rows += out
                done += 1
                _progress(done, len(work), t0)
    else:
        for job in work:
            rows += compare_story(job)
            done += 1
            _progress(done, len(work), t0)
    print(file=sys.stderr)
    return sorted(rows, key=lambda r: r.path)


def _progress(done: int, total: int, t0: float) -> None:
    print(f"\r  compared {done}/{total} stories, {time.perf_counter() - t0:.0f} s", end="", file=sys.stderr, flush=True)


# --- scores -------------------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _binary(pred: list[bool], gold: list[bool]) -> tuple[int, int, int]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    return tp, fp, fn


def macro_f1(pred: list[str], gold: list[str]) -> float:
    return sum(prf(*_binary([p == c for p in pred], [g == c for g in gold]))[2] for c in LABELS) / len(LABELS)


def folds_by_story(stories: list[str]) -> list[int]:
    """A fold number per item; the items of one story share a fold (fixed seed)."""
    keys = sorted(set(stories))
    random.Random(7).shuffle(keys)
    fold = {k: i % FOLDS for i, k in enumerate(keys)}
    return [fold[s] for s in stories]


def cv_predict(values: list[float], gold: list, folds: list[int], fit, apply) -> list:
    """Predictions for every item from a rule fitted on the other folds."""
    pred: list = [None] * len(values)
    for f in range(FOLDS):
        train = [i for i in range(len(values)) if folds[i] != f]
        params = fit([values[i] for i in train], [gold[i] for i in train])
        for i in range(len(values)):
            if folds[i] == f:
                pred[i] = apply(values[i], params)
    return pred


_GRID = [i / 40 for i in range(41)]


def fit_below(values: list[float], gold: list[bool]) -> float:
    """Threshold t maximising F1 of ``value < t`` against the gold."""
    return max(_GRID, key=lambda t: (prf(*_binary([v < t for v in values], gold))[2], -abs(t - 0.5)))


def fit_at_least(values: list[float], gold: list[bool]) -> float:
    return max(_GRID, key=lambda t: (prf(*_binary([v >= t for v in values], gold))[2], -abs(t - 0.5)))


def three_class(value: float, cuts: tuple[float, float]) -> str:
    return "non" if value < cuts[0] else "partially" if value < cuts[1] else "wholly"


def fit_three(values: list[float], gold: list[str]) -> tuple[float, float]:
    pairs = [(lo, hi) for lo in _GRID for hi in _GRID if lo <= hi]
    return max(pairs, key=lambda c: macro_f1([three_class(v, c) for v in values], gold))


def fit_wholly(rel_values: list[tuple[Relation | None]], gold: list[str]) -> float:
    return max(_GRID, key=lambda t: macro_f1([verdict_class(r, t) if r else "non" for (r,) in rel_values], gold))


# --- source retrieval ---------------------------------------------------------------------------


def source_top1(texts: list[NewsText], pa: dict[str, list[Path]], embeddings: bool) -> tuple[float, int, float]:
    """Share of derived texts whose best ``Index.sources`` hit is a PA file of their story."""
    from newslineage import Index

    derived = [t for t in texts if t.label != "non" and pa.get(t.story)]
    files = [(pid, text) for paths in pa.values() for pid, text in meter_data.pa_files(paths)]
    settings = replace(load_settings(), embeddings=embeddings)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Index(os.path.join(tmp, "meter.db"), embedder="use" if embeddings else "none", settings=settings) as index:
        index.add(Article(text=text, id=pid, outlet="PA") for pid, text in files)
        hits = 0
        for k, t in enumerate(derived, 1):
            found = index.sources(Article(text=t.text, id=t.path), top=1)
            hits += bool(found.sources) and _story_of(found.sources[0].article.id) == t.story
            print(f"\r  sources {k}/{len(derived)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return hits / len(derived) if derived else 0.0, len(derived), time.perf_counter() - t0


def _story_of(pa_id: str) -> str:
    """``courts/<date>/<catchline>`` of a PA file id (see ``meter_data.pa_files``)."""
    return pa_id.rsplit("/", 1)[0]


def bow_top1(texts: list[NewsText], pa: dict[str, list[Path]]) -> float:
    """Bag-of-words retrieval: tf-idf cosine of content words, best PA file."""
    files = [(pid, Counter(content_words(text))) for paths in pa.values() for pid, text in meter_data.pa_files(paths)]
    df: Counter[str] = Counter(w for _pid, c in files for w in c)
    n = len(files)
    idf = {w: math.log(n / d) for w, d in df.items()}

    def vec(c: Counter) -> dict[str, float]:
        v = {w: tf * idf.get(w, math.log(n)) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    pvecs = [(pid, vec(c)) for pid, c in files]
    derived = [t for t in texts if t.label != "non" and pa.get(t.story)]
    hits = 0
    for t in derived:
        q = vec(Counter(content_words(t.text)))
        best = max(pvecs, key=lambda p: sum(x * p[1].get(w, 0.0) for w, x in q.items()))[0]
        hits += _story_of(best) == t.story
    return hits / len(derived) if derived else 0.0


# --- tables -------------------------------------------------------------------------------------


def sentence_table(name: str, rows: list[DocRow]) -> list[list[object]]:
    sents = [s for r in rows for s in r.sentences if s.gold_new is not None]
    gold_added = [s.gold_new >= GOLD_NEW for s in sents]
    out = []
    for what, pred, gold in (
        ("added", [s.level == "added" for s in sents], gold_added),
        ("kept", [s.level in ("kept", "partial") for s in sents], [not g for g in gold_added]),
    ):
        tp, fp, fn = _binary(pred, gold)
        out.append([f"{name}: {what}", len(sents), tp, fp, fn, *prf(tp, fp, fn)])
    return out


def bow_sentence_table(rows: list[DocRow]) -> tuple[list[list[object]], list[float]]:
    sents = [s for r in rows for s in r.sentences if s.gold_new is not None]
    gold = [s.gold_new >= GOLD_NEW for s in sents]
    folds = folds_by_story([s.doc.rsplit("/", 1)[0] for s in sents])
    cuts: list[float] = []

    def fit(values, g):
        cuts.append(fit_below(values, g))
        return cuts[-1]

    pred = cv_predict([s.bow for s in sents], gold, folds, fit, lambda v, t: v < t)
    out = []
    for what, p, g in (("added", pred, gold), ("kept", [not x for x in pred], [not x for x in gold])):
        tp, fp, fn = _binary(p, g)
        out.append([f"bag of words: {what}", len(sents), tp, fp, fn, *prf(tp, fp, fn)])
    return out, cuts


def document_tables(name: str, rows: list[DocRow]) -> tuple[list[list[object]], list[list[object]]]:
    gold = [r.label for r in rows]
    folds = folds_by_story([r.story for r in rows])
    cov = [r.relation.coverage_a if r.relation else 0.0 for r in rows]
    chars = [r.relation.coverage_a_chars if r.relation else 0.0 for r in rows]
    three = []
    for label, values in ((f"{name}: coverage (sentences), CV thresholds", cov), (f"{name}: coverage (characters), CV thresholds", chars)):
        pred = cv_predict(values, gold, folds, fit_three, three_class)
        three.append([label, len(rows), macro_f1(pred, gold), *(prf(*_binary([p == c for p in pred], [g == c for g in gold]))[2] for c in LABELS)])
    rels = [(r.relation,) for r in rows]
    pred = cv_predict(rels, gold, folds, fit_wholly, lambda rv, t: verdict_class(rv[0], t) if rv[0] else "non")
    three.append([f"{name}: verdict (its extent, else CV split on coverage)", len(rows), macro_f1(pred, gold), *(prf(*_binary([p == c for p in pred], [g == c for g in gold]))[2] for c in LABELS)])
    derived_gold = [g != "non" for g in gold]
    derived_pred = [bool(r.relation) and is_derived(r.relation) for r in rows]
    tp, fp, fn = _binary(derived_pred, derived_gold)
    binary = [[f"{name}: verdict", len(rows), tp, fp, fn, *prf(tp, fp, fn)]]
    return three, binary


def bow_document_tables(rows: list[DocRow]) -> tuple[list[list[object]], list[list[object]]]:
    gold = [r.label for r in rows]
    folds = folds_by_story([r.story for r in rows])
    values = [r.bow for r in rows]
    pred = cv_predict(values, gold, folds, fit_three, three_class)
    three = [["bag of words containment, CV thresholds", len(rows), macro_f1(pred, gold), *(prf(*_binary([p == c for p in pred], [g == c for g in gold]))[2] for c in LABELS)]]
    derived_gold = [g != "non" for g in gold]
    dpred = cv_predict(values, derived_gold, folds, fit_at_least, lambda v, t: v >= t)
    binary = []
    for label, p in (("bag of words containment, CV threshold", dpred), ("everything derived (reference)", [True] * len(rows))):
        tp, fp, fn = _binary(p, derived_gold)
        binary.append([label, len(rows), tp, fp, fn, *prf(tp, fp, fn)])
    return three, binary


def verdict_counts(name: str, rows: list[DocRow]) -> list[list[object]]:
    out = []
    for label in LABELS:
        c = Counter((r.relation.verdict if r.relation else "no PA copy") for r in rows if r.label == label)
        out.append([f"{name}: {label}", sum(c.values()), *(c.get(v, 0) for v in ("a_derives_from_b", "b_derives_from_a", "shared_source", "same_story", "unrelated"))])
    return out


def print_errors(rows: list[DocRow], k: int) -> None:
    sents = [s for r in rows for s in r.sentences if s.gold_new is not None]
    false_added = sorted((s for s in sents if s.level == "added" and s.gold_new < GOLD_NEW), key=lambda s: (s.gold_new, -s.bow))
    false_kept = sorted((s for s in sents if s.level != "added" and s.gold_new >= GOLD_NEW), key=lambda s: (-s.gold_new, s.bow))
    for title, items in (("called added, gold kept (least New first)", false_added), ("not called added, gold added (most New first)", false_kept)):
        print(f"\n# {title}: {len(items)}")
        for s in items[:k]:
            print(f"- {s.doc} [{s.index}] {s.level}, New {s.gold_new:.0%}, content words in PA {s.bow:.0%}")
            print(f"    A: {s.text}")
            print(f"    closest PA sentence: {_short(s.best_pa)}")


def _short(text: str, n: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + f" ... ({len(text)} characters)"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lexical", action="store_true", help="also run without embeddings (lexical mode)")
    ap.add_argument("--limit", type=int, default=None, help="first N newspaper texts by path (default: all 770)")
    ap.add_argument("--errors", type=int, default=0, help="print the K worst sentence decisions of each kind")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for the comparisons (default 1)")
    ap.add_argument("--no-sources", action="store_true", help="skip source top-1 (it ingests all PA copy into an index)")
    args = ap.parse_args(argv)
    texts, pa = meter_data.load(args.limit)
    modes = [True, False] if args.lexical else [True]
    sent_rows, three_rows, bin_rows, count_rows, top_rows = [], [], [], [], []
    seconds = {}
    for embeddings in modes:
        name = "embeddings" if embeddings else "lexical"
        t0 = time.perf_counter()
        rows = run_compare(texts, pa, embeddings, args.jobs)
        seconds[name] = time.perf_counter() - t0
        sent_rows += sentence_table(name, rows)
        three, binary = document_tables(name, rows)
        three_rows += three
        bin_rows += binary
        count_rows += verdict_counts(name, rows)
        if args.errors:
            print(f"\n## worst sentence decisions, {name}")
            print_errors(rows, args.errors)
        if not args.no_sources:
            top1, n, secs = source_top1(texts, pa, embeddings)
            top_rows.append([f"{name}: Index.sources top-1", n, top1, secs / max(1, n)])
    bow_rows, cuts = bow_sentence_table(rows)
    sent_rows += bow_rows
    three, binary = bow_document_tables(rows)
    three_rows += three
    bin_rows += binary
    if not args.no_sources:
        top_rows.append(["bag of words: tf-idf cosine top-1", sum(1 for t in texts if t.label != "non" and pa.get(t.story)), bow_top1(texts, pa), ""])
    n_annotated = sum(t.annotated for t in texts)
    print(f"\nMETER courts: {len(texts)} newspaper texts ({n_annotated} annotated), {sum(len(v) for v in pa.values())} PA files in {len(pa)} stories; "
          + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items()))
    print(f"\nSentences (annotated texts; gold added = >= {GOLD_NEW:.0%} of characters New; bag-of-words thresholds by fold: {', '.join(f'{c:.3f}' for c in cuts)})")
    print(table(["run", "sentences", "tp", "fp", "fn", "precision", "recall", "F1"], sent_rows))
    print("\nDocuments, 3 classes (5-fold CV by story)")
    print(table(["run", "texts", "macro-F1", "F1 wholly", "F1 partially", "F1 non"], three_rows))
    print("\nDocuments, derived (wholly or partially) vs not")
    print(table(["run", "texts", "tp", "fp", "fn", "precision", "recall", "F1"], bin_rows))
    print("\nVerdicts by gold class")
    print(table(["run: gold", "texts", "a_from_b", "b_from_a", "shared", "same_story", "unrelated"], count_rows))
    if top_rows:
        print("\nSource top-1 on derived texts (all PA files indexed)")
        print(table(["run", "queries", "top-1", "s/query"], top_rows))


if __name__ == "__main__":
    main()
