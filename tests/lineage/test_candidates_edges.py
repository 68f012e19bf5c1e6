"""Candidate sources and the fast path on the cases that used to slip through."""

from __future__ import annotations

from newslineage.lineage._db import IndexReader
from newslineage.lineage.candidates import CandidateSettings, find_candidates
from newslineage.lineage.direction import is_reuse
from newslineage.lineage.edges import fast_compare, prepare_stored
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
    quote = '"The minister promised four new ferries for the island route before the winter storms arrive in the north," Anna Berg said.'
    second = "Islanders have waited since March for a replacement vessel."
    filler_a, filler_b = gen.sentences(8, 6), gen.sentences(9, 6)
    a = _prepared(1, filler_a + [quote, second])
    b = _prepared(2, filler_b + [quote[:-1] + " taolsu " + second])
    res = fast_compare(a, b)
    assert {(6, 6), (7, 6)} <= {(x, y) for x, y, _k, _d in res.links}
    assert is_reuse(res)
