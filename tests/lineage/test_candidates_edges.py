"""Candidate sources and the fast path on the cases that used to slip through."""

from __future__ import annotations

from newslineage.lineage._db import IndexReader
from newslineage.lineage.candidates import CandidateSettings, find_candidates
from newslineage.lineage.direction import is_reuse, is_same_story
from newslineage.lineage.edges import PairResult, fast_compare, prepare_stored
from newslineage.lineage.sentence_keys import HASHES, article_keys
from newslineage.model import Article

PASSAGE = [
    "Harbour pilots at Velmar refused to guide the grain freighter Ostrava past the northern breakwater on Tuesday.",
    "The port authority said the refusal would cost the cooperative of wheat farmers about four million euros.",
]
EDITED = [
    "Harbour pilots at Velmar refused to guide the grain freighter Ostrava beyond the northern breakwater on Tuesday.",
    "The port authority said that the refusal would cost the cooperative of wheat growers about four million euros.",
]


def _spans(text: str, sents: list[str]) -> list[tuple]:
    out, pos = [], 0
    for i, s in enumerate(sents):
        start = text.index(s, pos)
        out.append((i, start, start + len(s), "body", 0))
        pos = start + len(s)
    return out


def test_edited_sentences_keep_sentence_keys(gen):
    a_sents = gen.sentences(1, 6) + PASSAGE + gen.sentences(2, 6)
    b_sents = gen.sentences(3, 5) + EDITED + gen.sentences(4, 7)
    a, b = gen.text(a_sents), gen.text(b_sents)
    ka, kb = article_keys(a, _spans(a, a_sents)), article_keys(b, _spans(b, b_sents))
    assert len(ka) <= HASHES * len(a_sents)
    shared = set(ka.tolist()) & set(kb.tolist())
    assert len(shared) >= 2
    other = gen.text(gen.sentences(5, 14))
    assert not set(ka.tolist()) & set(article_keys(other, _spans(other, gen.sentences(5, 14))).tolist())


def test_sentence_keys_make_candidates(make_index, gen):
    arts = [
        Article(text=gen.text(gen.sentences(1, 12) + PASSAGE + gen.sentences(2, 12)), id="src", outlet="A", published_at="2024-01-01"),
        Article(text=gen.text(gen.sentences(3, 10) + EDITED + gen.sentences(4, 10)), id="dst", outlet="B", published_at="2024-01-02"),
    ]
    reader = IndexReader(make_index(arts))
    metas = reader.articles()
    with_keys = find_candidates(reader, metas, CandidateSettings(min_anchors=10**6))
    assert [(c.a, c.b) for c in with_keys] == [(1, 2)] and with_keys[0].sentence_keys >= 2
    without = find_candidates(reader, metas, CandidateSettings(min_anchors=10**6, sentence_keys=False))
    assert all(c.bands for c in without)  # only a whole-text band could still pair them


def _prepared(rowid: int, sents: list[str]) -> object:
    text = " ".join(sents)
    return prepare_stored(rowid, text, "en", _spans(text, sents), frozenset())


def test_unit_holding_two_sentences_links_both(gen):
    # the copy lost a full stop: one unit holds two source sentences, not much longer than the first
    quote = "The minister promised four new ferries for the island route before the winter storms arrive in the north, Anna Berg said."
    second = "Islanders have waited since March for a replacement vessel."
    filler_a, filler_b = gen.sentences(8, 6), gen.sentences(9, 6)
    a = _prepared(1, filler_a + [quote, second])
    b = _prepared(2, filler_b + [quote[:-1] + " taolsu " + second])
    res = fast_compare(a, b)
    assert {(6, 6), (7, 6)} <= {(x, y) for x, y, _k, _d in res.links}
    assert is_reuse(res)


def test_same_day_direction_from_layout_and_agency(make_index, tmp_path, gen):
    import json

    from newslineage.lineage import analyze

    story = gen.sentences(21, 12)
    wire_text = "LISBON (Reuters) - " + gen.text(gen.sentences(22, 10))
    arts = [
        # a rewrite puts a new top on the whole story, the same day
        Article(text=gen.text(gen.sentences(23, 1) + story), id="rewrite", outlet="Daily", published_at="2024-02-01"),
        Article(text=gen.text(story), id="original", outlet="Wire", published_at="2024-02-01"),
        # a trimmed copy: the first eight sentences, nothing of its own
        Article(text=gen.text(gen.sentences(24, 2) + story[:8]), id="trimmed", outlet="Weekly", published_at="2024-02-01"),
        # wire copy with an agency dateline and a copy that adds sentences of its own
        Article(text=gen.text(gen.sentences(25, 4)) + " " + wire_text.split(" - ", 1)[1], id="localised", outlet="Gazette"),
        Article(text=wire_text, id="agency", outlet="Agency"),
    ]
    db = make_index(arts)
    assert IndexReader(db).wire_articles() == frozenset({5})
    analyze(db, tmp_path / "o", workers=1, embeddings=False, comparisons=False)
    edges = {(e["source_id"], e["derived_id"]): e for e in json.loads((tmp_path / "o" / "lineage.json").read_text())["edges"]}
    assert edges[("original", "rewrite")]["direction_by"] == "structure"
    assert edges[("agency", "localised")]["direction_by"] == "agency"
    assert edges[("original", "trimmed")]["direction_by"] == "structure"


def test_pair_results_stored_before_lead_and_tail_still_read():
    old = PairResult.from_json(1, 2, '[[[0,0,"verbatim",1.0]],3,4,0.5,0.4]')
    assert (old.lead_a, old.tail_b) == (0, 0) and old.body_b == 4
    new = PairResult(1, 2, ((1, 0, "edit", 0.9),), 3, 2, 0.3, 0.5, 1, 0, 1, 1)
    assert PairResult.from_json(1, 2, new.to_json()) == new


STATEMENT = [
    "“The federation thanks Marta Ruiz and her staff for six years of dedicated work at the head of the national team.",
    "The board has chosen Tomas Weber as the new national coach and will confirm his appointment on Monday,” the statement said.",
]


def test_a_statement_quoted_by_two_outlets_is_not_reuse_but_a_copy_around_it_is(gen):
    a = _prepared(1, gen.sentences(31, 6) + STATEMENT + gen.sentences(32, 5))
    b = _prepared(2, gen.sentences(33, 5) + [STATEMENT[0], STATEMENT[1].replace("the statement said", "it said")] + gen.sentences(34, 6))
    quoted = fast_compare(a, b)
    assert len(quoted.links) == 2 and all(k in ("verbatim", "edit") for *_x, k, _d in quoted.links)
    assert set(quoted.quotes) == {(x, y) for x, y, _k, _d in quoted.links}
    assert not is_reuse(quoted) and is_same_story(quoted)
    # the same quotes, plus narration taken from the other text: a copy
    c = _prepared(3, gen.sentences(33, 5) + STATEMENT + EDITED + gen.sentences(34, 4))
    d = _prepared(4, gen.sentences(35, 4) + STATEMENT + PASSAGE + gen.sentences(36, 5))
    copied = fast_compare(c, d)
    assert len(copied.links) == 4 and len(copied.quotes) == 2
    assert is_reuse(copied)
    assert PairResult.from_json(3, 4, copied.to_json()) == copied


def test_quotations_copied_with_the_narration_next_to_them_count(gen):
    # a partial copy: one narrative sentence and the two quoted ones after it, nothing else
    passage = [PASSAGE[0]] + STATEMENT
    a = _prepared(1, gen.sentences(37, 6) + passage + gen.sentences(38, 5))
    b = _prepared(2, gen.sentences(39, 5) + passage + gen.sentences(40, 6))
    res = fast_compare(a, b)
    assert len(res.links) == 3 and len(res.quotes) == 2
    assert is_reuse(res)
