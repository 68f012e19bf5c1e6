"""Outlet boilerplate is not reuse; a star of a thousand copies stays readable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslineage.lineage import analyze, load_stories
from newslineage.lineage._db import IndexReader
from newslineage.lineage.boilerplate import EVERYWHERE, detect_boilerplate, sentence_key
from newslineage.model import Article

SIGN_OFF = ["Reporting by Ann Example in Lisbon; editing by Bob Sample.", "Follow the Harbour Gazette for more local coverage every single day."]


def test_outlet_sign_off_is_not_reuse(make_index, tmp_path, gen):
    arts = [
        Article(text=gen.text(gen.sentences(100 + i, 8) + SIGN_OFF), id=f"g{i}", outlet="Harbour Gazette", published_at=f"2024-01-0{i + 1}")
        for i in range(4)
    ]
    # another outlet quoting the sign-off lines (e.g. a syndicated page) but nothing else
    arts.append(Article(text=gen.text(gen.sentences(200, 8) + SIGN_OFF), id="other", outlet="Other Times", published_at="2024-01-09"))
    db = make_index(arts)
    found = detect_boilerplate(IndexReader(db))
    assert {sentence_key(s) for s in SIGN_OFF} <= found["Harbour Gazette"]
    summary = analyze(db, tmp_path / "o", workers=1, embeddings=False)
    assert summary.edges == 0


def test_cross_outlet_wire_footer(make_index, tmp_path, gen):
    footer = ["Copyright The Associated Press.", "All rights reserved.", "This material may not be published, broadcast, rewritten or redistributed."]
    arts = [Article(text=gen.text(gen.sentences(300 + i, 10) + footer), id=f"x{i}", outlet=f"Outlet {i}") for i in range(3)]
    db = make_index(arts)
    assert {sentence_key(s) for s in footer} <= detect_boilerplate(IndexReader(db))[EVERYWHERE]
    assert analyze(db, tmp_path / "o", workers=1, embeddings=False).edges == 0


def test_agency_footer_carried_by_only_two_reprints_is_not_reuse(make_index, tmp_path, gen):
    footer = ["Copyright The Associated Press.", "This material may not be published, broadcast, rewritten or redistributed."]
    arts = [Article(text=gen.text(gen.sentences(400 + i, 10) + footer), id=f"y{i}", outlet=f"Outlet {i}") for i in range(2)]
    db = make_index(arts)
    assert {sentence_key(s) for s in footer} <= detect_boilerplate(IndexReader(db))[EVERYWHERE]
    assert analyze(db, tmp_path / "o", workers=1, embeddings=False).edges == 0


@pytest.mark.slow
def test_star_of_a_thousand_copies(make_index, tmp_path, gen):
    src = gen.sentences(9, 6)
    arts = [Article(text=gen.text(src), id="origin", outlet="Wire", title="The origin", published_at="2024-05-01T00:00:00")]
    for i in range(1000):
        lead = f"Station {i} tells listeners about item number {i} today."
        arts.append(Article(text=gen.text([lead] + src), id=f"c{i:04d}", outlet=f"Station {i}", title=f"Copy {i}", published_at=f"2024-05-0{2 + i % 7}T10:00:00"))
    db = make_index(arts)
    out = tmp_path / "star"
    summary = analyze(db, out, workers=2, embeddings=False, comparisons=False)
    doc = json.loads((out / "lineage.json").read_text())
    from_origin = [e for e in doc["edges"] if e["source_id"] == "origin" and e["verdict"] == "derives_from"]
    assert len(from_origin) == 1000
    assert summary.new_pairs < 15_000  # never all 500,500 pairs
    stories = load_stories(out)
    assert stories[0]["size"] == 1001
    from newslineage.lineage.html import render_report
    from newslineage.lineage.load import load_lineage
    from newslineage.lineage.svg import MAX_ROWS

    page = render_report(load_lineage(out), out)
    assert f"{1001 - MAX_ROWS} more articles in {1001 - MAX_ROWS} rows not drawn" in page
    assert page.count('class="nl-edge"') == MAX_ROWS - 1  # the origin's row has no arrow into it
    assert "Origin: origin" not in page and "1000 articles take its text" in page
    assert len(page) < 3_000_000


GEN = Path("/work/shared/tools/gen_corpus.py")


@pytest.mark.slow
@pytest.mark.skipif(not GEN.exists(), reason="../shared/tools/gen_corpus.py is not here")
def test_planted_reuse_recall(tmp_path):
    from newslineage.cli import main

    subprocess.run([sys.executable, str(GEN), "300", str(tmp_path / "c"), "--seed", "1"], check=True, capture_output=True)
    db = tmp_path / "c.db"
    assert main(["ingest", str(tmp_path / "c" / "corpus.jsonl"), "--db", str(db), "--no-embeddings", "--outlet-col", "series", "--date-col", "date"]) == 0
    analyze(db, tmp_path / "o", workers=2, embeddings=False, comparisons=False)
    edges = {frozenset((e["source_id"], e["derived_id"])) for e in json.loads((tmp_path / "o" / "lineage.json").read_text())["edges"]}
    truth = [json.loads(line) for line in (tmp_path / "c" / "truth.jsonl").read_text().splitlines()]
    found = sum(1 for t in truth if frozenset((t["src"], t["dst"])) in edges)
    assert found / len(truth) >= 0.97


GROUND = Path(os.environ.get("NEWSLINEAGE_SHARED", "/work/shared")) / "data" / "groundnews_story_clusters"


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.skipif(not GROUND.exists(), reason="../shared/data/groundnews_story_clusters is not here")
def test_ground_news_ingests_and_clusters(tmp_path):
    from newslineage.cli import main

    db = tmp_path / "gn.db"
    files = sorted(str(p) for p in GROUND.glob("*/data.csv"))
    flags = ["--id-col", "id", "--text-col", "text", "--title-col", "title", "--outlet-col", "outlet_name", "--date-col", "datetime"]
    assert main(["ingest", *files, "--db", str(db), "--no-embeddings", *flags]) == 0
    analyze(db, tmp_path / "o", workers=2, embeddings=False, comparisons=False)
    doc = json.loads((tmp_path / "o" / "lineage.json").read_text())
    # 110 rows, eight of them the same text as another row: every one is an article
    assert len(doc["articles"]) == 110 and all(a["outlet"] is not None or a["title"] for a in doc["articles"])
    assert doc["edges"] and 3 <= sum(1 for s in doc["stories"] if s["size"] > 1) <= 10


def test_passage_reused_at_the_end_of_both_is_not_a_footer(make_index, tmp_path, gen):
    # two short sentences closing both articles, and nothing else shared: reuse, not a wire footer
    ending = gen.sentences(400, 2)
    arts = [
        Article(text=gen.text(gen.sentences(401, 12) + ending), id="src", outlet="Wire", published_at="2024-01-01"),
        Article(text=gen.text(gen.sentences(402, 12) + ending), id="dst", outlet="Daily", published_at="2024-01-02"),
    ]
    db = make_index(arts)
    assert EVERYWHERE not in detect_boilerplate(IndexReader(db))
    assert analyze(db, tmp_path / "o", workers=1, embeddings=False).edges == 1
