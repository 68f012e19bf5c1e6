"""Support levels: kept, partly supported and added sentences, on small texts written for it.

The texts are invented but follow how newspapers rewrite wire copy: quotes turned into reported
speech, two source sentences fused into one, a clause kept and a detail added, and sentences of
the newspaper's own that name the same people as the wire story.
"""

from __future__ import annotations

import pytest

from newslineage import compare

WIRE = (
    "A woman who threatened two bailiffs with a loaded shotgun was jailed for nine months today.\n\n"
    "Yvonne Amor, 53, pointed the gun at the bailiffs when they called at her manor near Bodmin to seize goods.\n\n"
    "Mrs Thompson, one of the bailiffs, told the court: \"I thought I was going to be shot. I was scared for my life.\"\n\n"
    "Amor was convicted of two charges of threatening the bailiffs.\n\n"
    "She was acquitted of assaulting Mrs Thompson.\n\n"
    "Judge Jeremy Griggs said her behaviour had been disgraceful.\n"
)
PAPER = (
    "A lady of the manor who pointed a loaded shotgun at two bailiffs near Bodmin was jailed for nine months yesterday.\n\n"
    "\"I thought I was going to be shot,\" Mrs Thompson told the court.\n\n"
    "Amor, 53, was convicted of two charges of threatening the bailiffs, and her neighbours in St Tudy described her as a recluse.\n\n"
    "Amor's husband Richard collects vintage motorcycles and once rode across the Sahara.\n"
)


def _level(cmp, snippet: str):
    i = next(s.index for s in cmp.a.sentences if snippet in s.text)
    return next(s for s in cmp.support if s.a == i)


@pytest.fixture(scope="module", params=[True, False], ids=["embeddings", "lexical"])
def paper(request):
    return compare(PAPER.encode(), WIRE.encode(), embeddings=request.param, a_meta={"published_at": "1999-07-16T20:00"}, b_meta={"published_at": "1999-07-16T14:24"})


def test_fused_lead_is_kept(paper):
    # the lead fuses the wire's first two sentences (jailed / pointed the gun near Bodmin)
    lead = _level(paper, "A lady of the manor")
    assert lead.level == "kept"
    assert len(lead.b) == 2


def test_direct_speech_turned_around_is_kept(paper):
    assert _level(paper, "I thought I was going to be shot").level == "kept"


def test_kept_clause_with_a_detail_of_its_own_is_partial_and_names_the_detail(paper):
    s = _level(paper, "neighbours in St Tudy")
    assert s.level == "partial"
    new = " ".join(paper.a.article.text[x:y] for x, y in s.new)
    assert "St Tudy" in new and "recluse" in new
    assert "convicted" not in new and "bailiffs" not in new
    facts = {paper.a.article.text[x:y] for x, y in s.new_facts}
    assert {"St", "Tudy"} <= facts


def test_sentence_naming_the_story_cast_but_saying_something_new_is_added(paper):
    assert _level(paper, "vintage motorcycles").level == "added"


def test_wire_sentences_not_used_are_omitted_and_used_ones_are_not(paper):
    texts = {j: paper.b.sentences[j].text for j in paper.omitted}
    assert any("acquitted" in t for t in texts.values())
    assert any("Griggs" in t for t in texts.values())
    assert not any("pointed the gun" in t or "jailed for nine months" in t for t in texts.values())


def test_verdict_is_partial_derivation_from_the_wire(paper):
    rel = paper.relation
    assert rel.verdict == "a_derives_from_b" and rel.extent == "partly"
    assert 0.35 <= rel.supported_a < 0.75
    assert "partly derived" in rel.explanation


def test_whole_copy_is_wholly_derived():
    copy = WIRE.replace("today", "on Friday").replace("disgraceful", "disgraceful and criminal")
    cmp = compare(copy.encode(), WIRE.encode(), a_meta={"published_at": "1999-07-17"}, b_meta={"published_at": "1999-07-16"})
    assert cmp.relation.verdict == "a_derives_from_b" and cmp.relation.extent == "wholly"
    assert cmp.added == () and cmp.omitted == ()


def test_synonyms_count_as_supported_with_embeddings():
    a = "Prosecutors said the accusations against the minister were denied by his office in Berlin."
    b = "Prosecutors said the allegations against the minister were rejected by his office in Berlin."
    cmp = compare(a.encode(), b.encode())
    assert cmp.support[0].level == "kept" and cmp.support[0].new == ()
