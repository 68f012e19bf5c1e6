"""Translations in analyze: passage-vector candidates across languages, translation edges, one story."""

from __future__ import annotations

import json
from dataclasses import replace

from newslineage import Article, Index
from newslineage.index.render import render_sources_html
from newslineage.lineage import analyze
from newslineage.lineage._db import IndexReader
from newslineage.lineage.crosslingual import crosslingual_pairs, is_crosslingual

from ..conftest import DATA

FIXTURES = DATA / "crosslingual"


def _article(name: str, **meta) -> Article:
    return Article(text=(FIXTURES / name).read_text(encoding="utf-8"), id=name.split(".")[0], **meta)


def _index(path, translation: bool = True):
    arts = [
        _article("harbour_en.txt", outlet="Harbour Times", published_at="2024-03-05T08:00:00"),
        _article("harbour_de.txt", outlet="Hafenblatt", published_at="2024-03-05T15:00:00"),
        _article("distractor_1_en.txt", outlet="Rail Weekly", published_at="2024-03-04T08:00:00"),
        _article("distractor_2_en.txt", outlet="City Life", published_at="2024-03-05T09:00:00"),
    ][: None if translation else -3] + ([] if translation else [_article("distractor_1_en.txt"), _article("distractor_2_en.txt")])
    with Index(path, embedder="use", workers=1) as index:
        index.add(arts)
    return path


def test_is_crosslingual_needs_two_known_languages():
    assert is_crosslingual("de", "en")
    assert not is_crosslingual("en", "en") and not is_crosslingual("und", "en") and not is_crosslingual(None, "de")


def test_translation_is_a_candidate_an_edge_and_one_story(tmp_path):
    db = _index(tmp_path / "x.db")
    reader = IndexReader(db)
    try:
        pairs = crosslingual_pairs(reader)
    finally:
        reader.close()
    assert list(pairs) == [(1 << 32) | 2] and pairs[(1 << 32) | 2] >= 0.6
    out = tmp_path / "out"
    summary = analyze(db, out, workers=1)
    doc = json.loads((out / "lineage.json").read_text())
    edges = {(e["source_id"], e["derived_id"]): e for e in doc["edges"]}
    assert list(edges) == [("harbour_en", "harbour_de")]
    assert edges[("harbour_en", "harbour_de")]["kind"] == "translation"
    assert summary.edges == 1
    story = {a["id"]: a["story_id"] for a in doc["articles"]}
    assert story["harbour_en"] == story["harbour_de"] != story["distractor_1_en"]


def test_lexical_analyze_has_no_translation_edge(tmp_path):
    db = _index(tmp_path / "x.db")
    out = tmp_path / "out"
    analyze(db, out, workers=1, embeddings=False)
    assert json.loads((out / "lineage.json").read_text())["edges"] == []


def test_sources_finds_a_translated_passage_and_names_it(tmp_path):
    db = _index(tmp_path / "x.db", translation=False)  # the German translation would be a verbatim source
    with Index(db) as index:
        for name in ("harbour_de_passage.txt", "harbour_zh_passage.txt"):
            result = index.sources(replace(_article(name), id=name), top=3)
            best = result.sources[0]
            assert best.article.id == "harbour_en"
            first, last, cosine = best.passage
            assert cosine >= 0.6
            src = best.comparison.b
            # the query translates sentences 8-11 ("Engineers say ..." to "The port authority ..."):
            # the passage named overlaps them
            assert first <= 11 and last >= 8, (first, last, src.sentences[first].text)
            passage = best.to_dict()["passage"]
            assert passage["sentences"] == [first, last] and passage["start"] < passage["end"]
            assert {link.kind for link in best.comparison.links} == {"translation"}
            assert "passage: sentences" in render_sources_html(result)
