"""End to end on small planted corpora: edges, direction, shared source, exports, incremental."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

from newslineage.lineage import analyze, load_stories, load_story
from newslineage.model import Article


def _edges(out):
    return {(e["source_id"], e["derived_id"]): e for e in json.loads((out / "lineage.json").read_text())["edges"]}


def _corpus(gen):
    sentences, text = gen.sentences, gen.text
    src = sentences(1, 20)
    other = sentences(2, 20)
    return [
        Article(text=text(src), id="wire", outlet="Wire", title="Bridge opens", published_at="2024-03-01T08:00:00"),
        # full copy with a new lead, published later
        Article(text=text(sentences(3, 1) + src), id="copy", outlet="Daily", title="Bridge opens at last", published_at="2024-03-01T12:00:00"),
        # three source sentences inside new material
        Article(text=text(sentences(4, 12) + src[5:8] + sentences(5, 6)), id="part", outlet="Weekly", title="Town news", published_at="2024-03-02T09:00:00"),
        Article(text=text(other), id="alone", outlet="Gazette", title="Something else", published_at="2024-03-01T10:00:00"),
    ]


def test_edges_direction_and_exports(make_index, tmp_path, gen):
    db = make_index(_corpus(gen))
    out = tmp_path / "lineage"
    summary = analyze(db, out, workers=1, embeddings=False)
    edges = _edges(out)
    assert ("wire", "copy") in edges and edges[("wire", "copy")]["kind"] == "verbatim"
    assert ("wire", "part") in edges and edges[("wire", "part")]["direction_by"] == "time"
    assert not any("alone" in k for k in edges)
    assert summary.edges == len(edges)
    # the copy and the partial copy overlap only through the wire: shared source, not derivation
    between = edges.get(("copy", "part"))
    assert between is not None and between["verdict"] == "shared_source" and between["explained_by"] == "wire"

    with open(out / "edges.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["source_id", "derived_id", "kind", "verdict", "coverage_source", "coverage_derived", "score"]
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        arts = {r["id"]: r for r in csv.DictReader(fh)}
    assert arts["wire"]["story_id"] == arts["copy"]["story_id"] == arts["part"]["story_id"]
    with open(out / "stories.csv", newline="", encoding="utf-8") as fh:
        assert list(next(csv.reader(fh))) == ["story_id", "label", "size", "first_published", "last_published", "origin_id"]
    graph = ET.parse(out / "lineage.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graph.findall(".//g:node", ns)) == 4 and len(graph.findall(".//g:edge", ns)) == len(edges)

    stories = load_stories(db)  # found from the index file too
    assert stories == load_stories(out)
    story = load_story(out, arts["wire"]["story_id"])
    assert {a["id"] for a in story["articles"]} == {"wire", "copy", "part"} and story["edges"]
    assert load_story(out, "no-such-story") is None


def test_direction_without_dates_from_coverage(make_index, tmp_path, gen):
    text = gen.text
    src = gen.sentences(11, 20)
    db = make_index([
        Article(text=text(src), id="long", outlet="A"),
        Article(text=text(src[:6]), id="short", outlet="B"),  # wholly made of the other's sentences
    ])
    analyze(db, tmp_path / "o", workers=1, embeddings=False)
    edge = _edges(tmp_path / "o")[("long", "short")]
    assert edge["direction_by"] == "coverage" and edge["coverage_derived"] == 1.0


def test_incremental_run_compares_only_new_pairs(make_index, tmp_path, gen):
    build_index = gen.build_index
    corpus = _corpus(gen)
    db = make_index(corpus[:2])
    out = tmp_path / "o"
    first = analyze(db, out, workers=1, embeddings=False)
    assert first.new_pairs == 1
    build_index(db, corpus[2:])
    second = analyze(db, out, workers=1, embeddings=False)
    assert second.new_pairs >= 1 and second.candidates == second.new_pairs
    assert ("wire", "part") in _edges(out) and ("wire", "copy") in _edges(out)
    third = analyze(db, out, workers=1, embeddings=False)
    assert third.new_pairs == 0


def test_empty_index_and_single_article(make_index, tmp_path, gen):
    from newslineage.cli import main

    db = make_index([], "empty.db")
    out = tmp_path / "empty"
    summary = analyze(db, out, workers=1, embeddings=False)
    assert summary.articles == 0 and "no article" in summary.message
    doc = json.loads((out / "lineage.json").read_text())
    assert doc["schema"] == "newslineage.lineage/1" and doc["articles"] == doc["edges"] == doc["stories"] == []
    assert main(["report", str(out), "--format", "html", "-o", str(tmp_path / "e.html")]) == 0

    one = make_index([Article(text=gen.text(gen.sentences(7, 5)), id="only")], "one.db")
    assert main(["analyze", "--db", str(one), "-o", str(tmp_path / "one"), "--no-embeddings", "--workers", "1"]) == 0
    stories = load_stories(tmp_path / "one")
    assert len(stories) == 1 and stories[0]["size"] == 1 and stories[0]["first_published"] is None


def test_report_formats_and_escaping(make_index, tmp_path, gen):
    from newslineage.cli import main

    corpus = _corpus(gen)
    corpus[1] = Article(text=corpus[1].text, id="copy", outlet="<b>Daily</b>", title="<script>alert(1)</script>", published_at=corpus[1].published_at)
    db = make_index(corpus)
    out = tmp_path / "o"
    assert main(["analyze", "--db", str(db), "-o", str(out), "--no-embeddings", "--workers", "1"]) == 0
    page = tmp_path / "r.html"
    assert main(["report", str(out), "-o", str(page)]) == 0
    html = page.read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html and "<svg" in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "<details" in html
    assert main(["report", str(out), "-f", "graphml", "-o", str(tmp_path / "g.graphml")]) == 0
    ET.parse(tmp_path / "g.graphml")
    assert main(["report", str(out), "-f", "json", "-o", str(tmp_path / "l.json")]) == 0
    assert json.loads((tmp_path / "l.json").read_text())["schema"] == "newslineage.lineage/1"
    assert main(["report", str(out), "-f", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "edges.csv").exists()
    assert main(["report", str(tmp_path / "nothing")]) != 0
