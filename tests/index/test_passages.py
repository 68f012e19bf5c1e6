"""Passage vectors: cut, stored, searched (exact and HNSW, extended not rebuilt), refused when mixed."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newslineage import Article, Index
from newslineage.errors import IncompatibleStoreError
from newslineage.index.passages import PassageSearch, document_passages, passage_evidence, query_pairs
from newslineage.prepare import prepare
from newslineage.settings import load_settings
from newslineage.store.passages import KEY_BITS, passage_key

from ..conftest import DATA

FIXTURES = DATA / "crosslingual"


def _article(name: str, language: str | None = None) -> Article:
    return Article(text=(FIXTURES / name).read_text(encoding="utf-8"), id=name.split(".")[0], language=language)


def _corpus() -> list[Article]:
    return [_article("harbour_en.txt"), _article("distractor_1_en.txt"), _article("distractor_2_en.txt")]


def test_passages_cover_the_body_and_sample_each_window_first_sentence():
    doc = prepare(_article("harbour_en.txt"))
    plan = document_passages(doc, 4)
    body = [s.index for s in doc.body]
    assert len(body) == 16
    # the lead sentence alone, then windows of 4 from the second sentence on
    assert [(f, last) for f, last, _ in plan] == [(body[0], body[0]), (body[1], body[4]), (body[5], body[8]), (body[9], body[12]), (body[13], body[15])]
    assert all(sampled == first for first, _, sampled in plan)
    sampled = {s for *_, s in plan}
    assert all(sampled & set(body[i : i + 4]) for i in range(len(body) - 3))  # any 4 in a row hold a sample


def test_a_fragment_is_passed_over_for_the_next_sentence():
    doc = prepare(Article(text="The mayor spoke to the press on Monday. No. The council voted on Tuesday to build the bridge. It will cost money.", language="en"))
    _lead, (first, last, sampled) = document_passages(doc, 3)
    assert doc.sentences[first].text == "No."
    assert doc.sentences[sampled].text.startswith("The council")


def test_query_pairs_join_neighbours_without_a_space_in_chinese():
    doc = prepare(_article("harbour_zh_passage.txt"))
    pairs = query_pairs(doc)
    assert len(pairs) == len(doc.body) - 1
    assert pairs[0] == doc.body[0].text + doc.body[1].text


def test_evidence_sums_sentences_close_to_one_article():
    a, b = passage_key(1, 0), passage_key(2, 3)
    hits = [[(a, 0.8), (b, 0.5)], [(a, 0.7)], [(b, 0.3)]]
    ev = passage_evidence(hits)
    assert ev[1].sentences == 2 and ev[1].support == pytest.approx(0.35 + 0.25)
    assert ev[2].number == 3 and ev[2].sentences == 1 and ev[2].cosine == 0.5


def test_ingest_stores_int8_passages_and_the_setting(tmp_path):
    db = tmp_path / "i.db"
    with Index(db, embedder="hashing", settings=load_settings(passage_sentences=4)) as index:
        index.add(_corpus())
        assert index.params.passage_sentences == 4
        keys, mat = index.store.passage_vectors()
        assert mat.dtype == np.int8 and len(keys) == 5 + 3 + 2
        assert sorted({int(k) >> KEY_BITS for k in keys}) == [1, 2, 3]
        assert index.store.passage_spans([passage_key(1, 0)]) == {passage_key(1, 0): (1, 1)}  # sentence 0 is the headline, the lead sentence is passage 0


def test_an_index_refuses_another_passage_granularity(tmp_path):
    db = tmp_path / "i.db"
    with Index(db, embedder="hashing", settings=load_settings(passage_sentences=4)) as index:
        index.add(_corpus()[:1])
    with pytest.raises(IncompatibleStoreError, match="passage_sentences=4 \\(wanted 3\\)"):
        Index(db, embedder="hashing", settings=load_settings(passage_sentences=3))


def test_no_passages_when_the_setting_is_zero(tmp_path):
    with Index(tmp_path / "i.db", embedder="hashing", settings=load_settings(passage_sentences=0)) as index:
        index.add(_corpus())
        assert index.store.passage_state() == (0, 0)


def test_hnsw_file_agrees_with_exact_search_and_is_extended_not_rebuilt(tmp_path):
    db = tmp_path / "i.db"
    with Index(db, embedder="hashing", settings=load_settings(passage_sentences=2)) as index:
        index.add(_corpus()[:2])
        exact = PassageSearch(index.store, None)
        ann = PassageSearch(index.store, str(db) + ".passages.usearch", exact_limit=0)
        ann.update()
        first_state = json.loads((tmp_path / "i.db.passages.usearch.json").read_text())["state"]
        index.add(_corpus()[2:])
        ann.update()
        n, top = json.loads((tmp_path / "i.db.passages.usearch.json").read_text())["state"]
        assert n > first_state[0] and top > first_state[1] and n == index.store.passage_state()[0]
        _, mat = index.store.passage_vectors()
        query = mat[:3].astype(np.float32) / 127.0
        assert [h[0][0] for h in ann.search(query, 3)] == [h[0][0] for h in exact.search(query, 3)]
