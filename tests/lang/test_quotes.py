"""Direct quotations: marks of every convention, damaged marks, quotes across sentences."""

from __future__ import annotations

import pytest

from newslineage.lang.quotes import is_quote, quoted_shares


def shares(texts: list[str], paragraphs: list[int] | None = None) -> list[float]:
    return quoted_shares(texts, paragraphs if paragraphs is not None else [0] * len(texts))


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will rebuild this team from the youth sides upwards,” the coach said.",
        "„Wir werden die Mannschaft von der Jugend an neu aufbauen“, sagte der Trainer.",
        "« Nous allons reconstruire cette équipe à partir des jeunes », a déclaré l'entraîneur.",
        'Kane said: "It was a tough night for all of us and we have to learn from it."',
        "Kane said: 'It was a tough night for all of us and we have to learn from it.'",
        "It read: \ufffdThe federation would like to thank the coach and his entire staff.\ufffd",
    ],
)
def test_quotation_in_any_convention_is_a_quote(sentence):
    assert is_quote(shares([sentence])[0])


@pytest.mark.parametrize(
    "sentence",
    [
        "The coach said the team would be rebuilt from the youth sides upwards.",
        "The players’ mood is good and it’s the side\ufffds best run since 2010, the club said.",
        'The so-called "new" rules apply from Monday to every driver in the city and its suburbs.',
    ],
)
def test_narration_with_apostrophes_or_scare_quotes_is_not(sentence):
    assert not is_quote(shares([sentence])[0])


def test_quotation_runs_on_across_sentences_until_it_closes():
    texts = [
        "The statement read: “The board thanks the coach for six years of work.",
        "It has chosen his assistant to succeed him.",
        "Both will meet the players on Monday,” it added.",
        "The coach did not comment.",
    ]
    got = shares(texts)
    assert [is_quote(s) for s in got] == [True, True, True, False]


def test_a_new_paragraph_ends_an_unclosed_quotation_and_a_lone_close_reaches_back():
    # news style: a quote over two paragraphs reopens in the second and closes only there
    texts = [
        "“The board thanks the coach for six years of work.",
        "Next, the assistant takes over.",
        "The coach did not comment.",
    ]
    assert [is_quote(s) for s in shares(texts, [0, 1, 2])] == [True, False, False]
    texts = [
        "The board has chosen his assistant to succeed him.",
        "Both will meet the players on Monday.”",
        "The coach did not comment.",
    ]
    assert [is_quote(s) for s in shares(texts, [0, 0, 1])] == [True, True, False]
