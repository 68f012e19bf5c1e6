"""Alignment on small constructed pairs (lexical mode: deterministic, no model)."""

from __future__ import annotations

from newslineage import compare

SOURCE = (
    "The city council approved a new budget on Monday after a long debate.\n"
    "Spending on public transport will rise by a fifth next year.\n"
    "The opposition criticised the plan as reckless and vowed to fight it.\n"
    "A final vote is expected in the regional parliament in March.\n"
)


def test_reordered_copy_is_fully_linked():
    lines = SOURCE.strip().split("\n")
    derived = "\n".join([lines[2], lines[0], lines[3], lines[1]])
    cmp = compare(derived, SOURCE, embeddings=False)
    assert len(cmp.links) == 4 and not cmp.added and not cmp.omitted
    assert all(link.kind == "verbatim" for link in cmp.links)
    # reordering breaks passages: A's sentence 0 comes from B's sentence 2
    assert cmp.links[0].a == (0,) and cmp.links[0].b == (2,)


def test_added_and_omitted():
    derived = (
        "The city council approved a new budget on Monday after a long debate.\n"
        "Local shops reported record sales during the holiday weekend.\n"
        "A final vote is expected in the regional parliament in March.\n"
    )
    cmp = compare(derived, SOURCE, embeddings=False)
    assert cmp.added == (1,)
    assert cmp.omitted == (1, 2)
    assert [p.a for p in cmp.passages] == [(0,), (2,)]


def test_two_source_sentences_merged_into_one():
    derived = "The city council approved a new budget on Monday after a long debate, and spending on public transport will rise by a fifth next year."
    cmp = compare(derived, SOURCE, embeddings=False)
    assert len(cmp.links) == 1
    assert cmp.links[0].b == (0, 1)


def test_unrelated_texts():
    cmp = compare("Heavy rain flooded the valley overnight.\nRescue teams evacuated dozens of families.", SOURCE, embeddings=False)
    assert cmp.links == () and cmp.relation.verdict == "unrelated"


def test_direction_from_dates():
    derived = SOURCE.replace("Monday", "Tuesday")
    cmp = compare(derived, SOURCE, embeddings=False, a_meta={"published_at": "2024-01-02T10:00:00"}, b_meta={"published_at": "2024-01-01T10:00:00"})
    assert cmp.relation.verdict == "a_derives_from_b"
    cmp = compare(derived, SOURCE, embeddings=False, a_meta={"published_at": "2024-01-01"}, b_meta={"published_at": "2024-01-05"})
    assert cmp.relation.verdict == "b_derives_from_a"
    assert any(ch.type == "date" for link in cmp.links for ch in link.changes)


def test_trimmed_copy_is_the_derived_text_without_dates():
    lines = SOURCE.strip().split("\n")
    cmp = compare("\n".join(lines[:2]), SOURCE, embeddings=False)
    assert cmp.relation.verdict == "a_derives_from_b"
    cmp = compare(SOURCE, "\n".join(lines[:2]), embeddings=False)
    assert cmp.relation.verdict == "b_derives_from_a"
