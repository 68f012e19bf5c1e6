"""SummEdits news: does compare flag a one-sentence summary that says something its document does not?

Data: ../shared/data/summedits_news/summedits_news.json (819 news documents with a summary:
321 consistent, 498 edited by a person to change an entity, swap an antonym, insert or remove a
negation, or add a fact). Each pair is compared with A = summary, B = document.

A summary is *flagged* (predicted inconsistent) when compare reports one of its sentences added
(not supported by the document), a changed fact in one of its links, or, where the result grades
support, a name or figure the document lacks in a partly supported sentence (``flag_reasons``).
Scored: balanced accuracy (mean of the share of edited summaries flagged and the share of
consistent ones not flagged), overall and per edit type (consistent summaries against the edited
ones of that type; a summary can carry several edit types), and the share of consistent
summaries flagged. Reference (Laban et al. 2023): GPT-4 0.82, people 0.91.

    python bench/summedits.py [--lexical] [--limit N] [--errors K]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import data_dir, table  # noqa: E402

from newslineage.model import Article, Comparison, Document  # noqa: E402
from newslineage.pairwise import compare_documents  # noqa: E402
from newslineage.prepare import prepare  # noqa: E402
from newslineage.settings import load_settings  # noqa: E402

EDIT_TYPES = ("entity_modification", "antonym_swap", "negation_insertion_removal", "hallucinated_fact_insertion")


def flag_reasons(result: Comparison) -> list[str]:
    """Why the summary is not what its document says: added sentences and changed facts, in
    words (empty when it is consistent). Edit here when the result grows finer grades."""
    reasons = [f"added: {result.a.sentences[i].text}" for i in result.added]
    for link in result.links:
        reasons += [f"changed {ch.describe()}" for ch in link.changes]
    text = result.a.article.text
    for support in getattr(result, "support", ()):
        if support.level != "added":
            reasons += [f"not in the document: {text[s:e]!r}" for s, e in getattr(support, "new_facts", ())]
    return reasons


def load(limit: int | None = None) -> list[dict]:
    rows = json.loads((data_dir("summedits_news") / "summedits_news.json").read_text(encoding="utf-8"))
    return rows[:limit] if limit else rows


def run(rows: list[dict], embeddings: bool) -> tuple[list[list[str]], float]:
    """The flag reasons of every pair, and seconds per pair."""
    settings = replace(load_settings(), embeddings=embeddings)
    docs: dict[str, Document] = {}
    out = []
    t0 = time.perf_counter()
    for k, row in enumerate(rows, 1):
        if row["doc"] not in docs:
            docs[row["doc"]] = prepare(Article(text=row["doc"], id=row["id"]), settings.segmenter)
        summary = prepare(Article(text=row["summary"], id=row["id"] + ":summary"), settings.segmenter)
        out.append(flag_reasons(compare_documents(summary, docs[row["doc"]], settings, a_name="summary", b_name="document")))
        print(f"\r  {k}/{len(rows)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return out, (time.perf_counter() - t0) / max(1, len(rows))


def balanced_accuracy(flags: list[bool], inconsistent: list[bool]) -> tuple[float, float, float]:
    """(balanced accuracy, share of inconsistent flagged, share of consistent flagged)."""
    pos = [f for f, y in zip(flags, inconsistent) if y]
    neg = [f for f, y in zip(flags, inconsistent) if not y]
    tpr = sum(pos) / len(pos) if pos else 0.0
    fpr = sum(neg) / len(neg) if neg else 0.0
    return (tpr + 1 - fpr) / 2, tpr, fpr


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lexical", action="store_true", help="also run without embeddings (lexical mode)")
    ap.add_argument("--limit", type=int, default=None, help="first N pairs (default: all 819)")
    ap.add_argument("--errors", type=int, default=0, help="print K false alarms and K misses")
    args = ap.parse_args(argv)
    rows = load(args.limit)
    inconsistent = [r["label"] == 0 for r in rows]
    table_rows = []
    for embeddings in [True, False] if args.lexical else [True]:
        name = "embeddings" if embeddings else "lexical"
        reasons, spp = run(rows, embeddings)
        flags = [bool(r) for r in reasons]
        ba, tpr, fpr = balanced_accuracy(flags, inconsistent)
        table_rows.append([f"{name}: all", f"{sum(inconsistent)}+{len(rows) - sum(inconsistent)}", ba, tpr, fpr, spp])
        for edit in EDIT_TYPES:
            keep = [i for i, r in enumerate(rows) if r["label"] == 1 or edit in r["edit_types"]]
            n_edit = sum(1 for i in keep if rows[i]["label"] == 0)
            if not n_edit:
                continue
            ba, tpr, fpr = balanced_accuracy([flags[i] for i in keep], [inconsistent[i] for i in keep])
            table_rows.append([f"{name}: {edit}", f"{n_edit}+{len(keep) - n_edit}", ba, tpr, fpr, ""])
        if args.errors:
            alarms = [(r, why) for r, why in zip(rows, reasons) if r["label"] == 1 and why]
            misses = [r for r, why in zip(rows, reasons) if r["label"] == 0 and not why]
            print(f"\n## {name}: consistent summaries flagged ({len(alarms)}), first {args.errors}")
            for r, why in alarms[: args.errors]:
                print(f"- {r['id']}: {r['summary']}")
                for w in why:
                    print(f"    {w}")
            print(f"\n## {name}: edited summaries not flagged ({len(misses)}), first {args.errors}")
            for r in misses[: args.errors]:
                print(f"- {r['id']} ({', '.join(r['edit_types']) or 'no type'}): {r['summary']}")
                print(f"    before the edit: {r['original_summary']}")
    print(f"\nSummEdits news: {len(rows)} pairs (A = summary, B = document); flagged = an added sentence, a changed fact or a name/figure the document lacks")
    print(table(["run: edit type", "edited+consistent", "balanced acc", "edited flagged", "consistent flagged", "s/pair"], table_rows))


if __name__ == "__main__":
    main()
