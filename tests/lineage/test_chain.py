"""Chains: a -> m -> d, where d's overlap with a comes through m, is an indirect edge."""

from __future__ import annotations

import json
import random
from pathlib import Path

from newslineage.lineage import analyze, load_story
from newslineage.model import Article

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples" / "seeds").glob("*.txt"))


def _edges(out: Path) -> dict:
    return {(e["source_id"], e["derived_id"]): e for e in json.loads((out / "lineage.json").read_text())["edges"]}


def _light_edit(text: str, rng: random.Random) -> str:
    return " ".join(w for w in text.split(" ") if rng.random() > 0.06)


def test_paraphrase_chain_is_explained_through_the_rewrite(make_index, tmp_path):
    # the same chain as bench/lineage.py chain: seed A, its rewrite B, a light edit C of B
    a_text, b_text = SEEDS[0].read_text(encoding="utf-8"), SEEDS[1].read_text(encoding="utf-8")
    rng = random.Random(7)
    paras = b_text.split("\n")
    c_text = "\n".join(_light_edit(p, rng) if p.strip() else p for p in paras[: max(3, len(paras) - 2)])
    db = make_index([
        Article(text=a_text, id="A", outlet="Agency", published_at="2023-02-05T08:00:00"),
        Article(text=b_text, id="B", outlet="Rewriter", published_at="2023-02-05T11:00:00"),
        Article(text=c_text, id="C", outlet="Aggregator", published_at="2023-02-05T15:00:00"),
    ])
    out = tmp_path / "o"
    analyze(db, out, workers=1, embeddings=False, comparisons=False)
    edges = _edges(out)
    assert edges[("A", "B")]["verdict"] == edges[("B", "C")]["verdict"] == "derives_from"
    assert edges[("A", "C")]["verdict"] == "indirect" and edges[("A", "C")]["explained_by"] == "B"
    story = load_story(out, json.loads((out / "lineage.json").read_text())["stories"][0]["story_id"])
    assert {e["verdict"] for e in story["edges"]} == {"derives_from", "indirect"}


def test_verbatim_copies_stay_direct(make_index, tmp_path, gen):
    # three copies word for word: nothing says Y read X rather than W, so W -> Y stays
    story = gen.sentences(31, 14)
    db = make_index([
        Article(text=gen.text(story), id="W", outlet="Wire", published_at="2024-03-01T08:00:00"),
        Article(text=gen.text(gen.sentences(32, 1) + story), id="X", outlet="Daily", published_at="2024-03-01T10:00:00"),
        Article(text=gen.text(gen.sentences(33, 1) + story), id="Y", outlet="Weekly", published_at="2024-03-01T12:00:00"),
    ])
    analyze(db, tmp_path / "o", workers=1, embeddings=False, comparisons=False)
    edges = _edges(tmp_path / "o")
    assert edges[("W", "X")]["verdict"] == edges[("W", "Y")]["verdict"] == "derives_from"
    assert edges[("X", "Y")]["verdict"] == "shared_source" and edges[("X", "Y")]["explained_by"] == "W"


def test_undecided_edge_does_not_hide_a_shared_source():
    from newslineage.lineage.direction import build_edges
    from newslineage.lineage.edges import PairResult

    # P (row 1) took two sentences of S (row 2) the same day: nothing orders them, and the tie
    # falls P -> S. F (row 3) copies all of S a day later, so F and P share S's sentences.
    s_p = PairResult(1, 2, ((5, 3, "verbatim", 1.0), (6, 4, "verbatim", 1.0)), 12, 10, 0.17, 0.2, 5, 3, 5, 5)
    s_f = PairResult(2, 3, tuple((i, i + 1, "verbatim", 1.0) for i in range(10)), 10, 11, 1.0, 0.9, 0, 1, 0, 0)
    p_f = PairResult(1, 3, ((5, 4, "verbatim", 1.0), (6, 5, "verbatim", 1.0)), 12, 11, 0.17, 0.18, 5, 4, 5, 5)
    times = {1: "2024-01-01", 2: "2024-01-01", 3: "2024-01-02"}
    edges = {(e.source, e.derived): e for e in build_edges([s_p, s_f, p_f], times)}
    assert edges[(1, 2)].direction_by == "none"
    assert edges[(1, 3)].verdict == "shared_source" and edges[(1, 3)].explained_by == 2
    assert edges[(2, 3)].verdict == "derives_from"
