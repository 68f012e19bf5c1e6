"""The canonical pair: 000 (a rewrite mixing other reporting) against 004 (the DPA report).

Expectations come from reading the two texts (see the compare issue): which of A's sentences are
added, which are linked to B, which of B's are omitted, and that structure lines take no part.
"""

from __future__ import annotations

import pytest

import newslineage

pytestmark = pytest.mark.embeddings


def _find(doc, snippet: str) -> int:
    hits = [s.index for s in doc.sentences if snippet in s.text]
    assert len(hits) == 1, f"{snippet!r} matched {len(hits)} sentences"
    return hits[0]


A_ADDED = [
    '"core issues," including the Taiwan issue',
    "should not meddle in China's internal affairs",
    "Qin acknowledged that relations",
    "Both sides must work together",
    "South China Sea and Taiwan Strait have exacerbated",
    '"unnecessarily aggressive" intercept',
    "incident between two ships in the Taiwan Strait",
    "nearby island of Cuba",
]
A_LINKED = [
    "shot down a suspected Chinese espionage balloon",
    "civilian research balloon",
    "biggest geopolitical challenge",
    "large international espionage program",
    "high-ranking officials from the Chinese government",
    "bilateral and global issues",
]
B_OMITTED = [
    "visit London to attend the Ukraine Recovery Conference",
    "counterparts from Britiain, Ukraine",
    "did not result in any real détente",
    "Jake Sullivan met Wang in Vienna",
    "ready to put the recent espionage affair behind it",
    "a high-ranking official from the State Department travelled",
]
B_LINKED = [
    "suspected Chinese spy balloon",
    "civilian research balloon",
    "biggest geopolitical challenge",
    "spoke on the phone with his Chinese counterpart Qin Gang",
]


@pytest.mark.parametrize("snippet", A_ADDED)
def test_a_sentences_without_support_in_b_are_added(seed_comparison, snippet):
    assert _find(seed_comparison.a, snippet) in seed_comparison.added


@pytest.mark.parametrize("snippet", A_LINKED)
def test_a_sentences_from_b_are_linked(seed_comparison, snippet):
    i = _find(seed_comparison.a, snippet)
    assert any(i in link.a for link in seed_comparison.links)


@pytest.mark.parametrize("snippet", B_OMITTED)
def test_b_sentences_not_carried_over_are_omitted(seed_comparison, snippet):
    assert _find(seed_comparison.b, snippet) in seed_comparison.omitted


@pytest.mark.parametrize("snippet", B_LINKED)
def test_b_sentences_carried_over_are_linked(seed_comparison, snippet):
    j = _find(seed_comparison.b, snippet)
    assert any(j in link.b for link in seed_comparison.links)


def test_structure_lines_are_not_compared(seed_comparison):
    a, b = seed_comparison.a, seed_comparison.b
    subheadings = [s for s in a.sentences if s.role == "subheading"]
    assert [s.text for s in subheadings] == [
        'China urges respect for "core issues" in US-China relations',
        "Multiple points of contention between US and China",
        "Recent incidents raise concerns",
    ]
    assert [(s.text, s.role) for s in b.sentences[:2]] == [("DPA", "agency"), ("Washington", "dateline")]
    structure_a = {s.index for s in subheadings}
    structure_b = {0, 1}
    used_a = set(seed_comparison.added) | {i for link in seed_comparison.links for i in link.a}
    used_b = set(seed_comparison.omitted) | {j for link in seed_comparison.links for j in link.b}
    assert not structure_a & used_a
    assert not structure_b & used_b
    assert len(a.body) == 21


def test_verdict_is_derivation_or_shared_source(seed_comparison):
    rel = seed_comparison.relation
    assert rel.verdict in ("a_derives_from_b", "shared_source")
    assert 0.3 <= rel.coverage_a <= 0.8
    assert "000" in rel.explanation and "004" in rel.explanation


def test_every_body_sentence_has_one_support_level(seed_comparison):
    cmp = seed_comparison
    assert [s.a for s in cmp.support] == list(cmp.a.body_indexes)
    levels = {s.a: s.level for s in cmp.support}
    assert set(cmp.added) == {i for i, level in levels.items() if level == "added"}
    assert set(cmp.partial) == {i for i, level in levels.items() if level == "partial"}
    a_linked = [i for link in cmp.links for i in link.a]
    assert len(a_linked) == len(set(a_linked))
    assert not set(a_linked) & set(cmp.added)  # a linked sentence is kept or partly supported
    b_linked = {j for link in cmp.links for j in link.b}
    assert not b_linked & set(cmp.omitted)
    assert set(cmp.omitted) <= set(cmp.b.body_indexes)


def test_fused_sentence_is_partly_supported_and_its_sources_are_not_omitted(seed_comparison):
    """000 fuses 004's announcement (the State Department confirmed the trip) with the
    cancellation in February over spying, which 004 tells twice: none of them is omitted, and
    000's sentence is not added."""
    cmp = seed_comparison
    fused = _find(cmp.a, "which he had previously cancelled in February")
    support = next(s for s in cmp.support if s.a == fused)
    assert support.level in ("kept", "partial")
    sources = [
        _find(cmp.b, "the State Department announced on Wednesday"),
        _find(cmp.b, "cancelled at short notice in early February"),
        _find(cmp.b, "cancelled an imminent visit to China in February"),
    ]
    assert sources[0] in support.b and sources[1] in support.b
    for j in sources:
        assert j not in cmp.omitted
    spying = _find(cmp.a, "a dispute regarding alleged Chinese spying")
    assert spying not in cmp.added


def test_partly_supported_sentence_names_its_new_words(seed_comparison):
    cmp = seed_comparison
    fused = _find(cmp.a, "which he had previously cancelled in February")
    support = next(s for s in cmp.support if s.a == fused)
    new_words = " ".join(cmp.a.article.text[s:e] for s, e in support.new)
    assert "February" not in new_words and "China" not in new_words  # both are in 004
    assert "confirmed" in new_words  # 004 says "announced"


def test_dates_that_reverse_the_direction_reverse_every_heading(seed_comparison):
    """With 004 dated after 000, 004 is the copy: the verdict, the reasons and the lists all
    say so (the agency tag that points the other way is named as such)."""
    from newslineage.report.words import side_words

    a, b = seed_comparison.a.article.origin, seed_comparison.b.article.origin
    reversed_ = newslineage.compare(a, b, a_meta={"published_at": "2023-06-14"}, b_meta={"published_at": "2023-06-15"})
    rel = reversed_.relation
    assert rel.verdict == "b_derives_from_a"
    assert rel.explanation.startswith("004 is")
    assert "004 was published later" in rel.evidence
    assert all(not why.startswith("004 carries") for why in rel.evidence)
    words = side_words(rel.verdict, "000", "004")
    assert words.b_unused.startswith("Added in 004") and words.a_unsupported.startswith("Omitted from 000")


def test_merge_of_two_source_sentences_into_one(seed_comparison):
    """000 fuses DPA's balloon sentence and its "accused Beijing" sentence into one."""
    a = _find(seed_comparison.a, "shot down a suspected Chinese espionage balloon")
    link = next(link for link in seed_comparison.links if a in link.a)
    b_texts = " ".join(seed_comparison.b.sentences[j].text for j in link.b)
    assert "spy balloon" in b_texts and "survey military installations" in b_texts


def test_lexical_mode_still_finds_the_close_rewrites(seed_comparison_lexical):
    cmp = seed_comparison_lexical
    assert cmp.mode == "lexical" and cmp.embedder is None
    linked_a = {i for link in cmp.links for i in link.a}
    assert _find(cmp.a, "civilian research balloon") in linked_a
    assert _find(cmp.a, "nearby island of Cuba") in cmp.added
    assert cmp.relation.verdict in ("a_derives_from_b", "shared_source")
