"""The fast sentence segmenter: one test per rule, offsets, and the choice of segmenter."""

from __future__ import annotations

import pytest

from newslineage import Article, prepare
from newslineage.errors import ConfigError
from newslineage.prepare import segment


def split(text: str, language: str = "en", segmenter: str = "fast") -> list[str]:
    return [text[s:e] for s, e in segment(text, 0, len(text), language, segmenter)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones and Prof. Lee.",
        "Sen. Warren and Gov. Newsom spoke in St. Louis.",
        "Apple Inc. said on Monday that sales rose.",
        "The U.S. Senate voted on the bill.",
        "It was tested on e.g. mice and i.e. rats.",
        "Rivals, e.g. Google, were not asked.",
        "John F. Kennedy was elected in 1960.",
        "He lived at No. 5 Downing Street.",
        "It happened on Jan. 15 and again in Sept. 2020.",
        "Prices rose 3.5 percent.",
        "See www.example.com or mail press@example.org for details.",
        "He paused... and then went on.",
        "Yahoo! said it would appeal.",
        '"Why?" he asked.',
        '"We will win. We are strong," the minister said.',
        "The vote (held on Monday. It was close.) ended the debate.",
        "Trump vs. Biden was the headline.",
    ],
)
def test_english_non_boundaries(text):
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
        ("Is it over? Nobody knows! Really.", ["Is it over?", "Nobody knows!", "Really."]),
        ('"We won." He left.', ['"We won."', "He left."]),
        ("“We won.” He left.", ["“We won.”", "He left."]),
        ("He paused... Then he went on.", ["He paused...", "Then he went on."]),
        ("He paused… Then he went on.", ["He paused…", "Then he went on."]),
        ("It was sold to Apple Inc. The firm declined to comment.", ["It was sold to Apple Inc.", "The firm declined to comment."]),
        ("They moved to the U.S. The move was hard.", ["They moved to the U.S.", "The move was hard."]),
        ("The meeting ends at 5 p.m. The vote follows.", ["The meeting ends at 5 p.m.", "The vote follows."]),
        ("He was born in 1990. 12 years later he left.", ["He was born in 1990.", "12 years later he left."]),
        ("Read more at example.com. Then decide.", ["Read more at example.com.", "Then decide."]),
        ("(The vote was close.) Then it ended.", ["(The vote was close.)", "Then it ended."]),
    ],
)
def test_english_boundaries(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Am 16. Juni sagte Dr. Müller z. B., dass die Lage ernst sei. Danach ging er.", 2),
        ("Der 3. Oktober ist ein Feiertag. Er spielt in der 2. Bundesliga.", 2),
        ("Zum 100. Geburtstag kamen viele.", 1),
        ("Es kostet ca. 5 Euro bzw. mehr, d. h. viel. Das sagte u. a. der Chef.", 2),
        ("Nr. 5 kommt, Art. 3 gilt. Das ist klar.", 2),
        ("Er sagte: „Wir gewinnen. Wir sind stark.“ Dann ging er.", 2),
        ("Am Ende standen es 3. Er war enttäuscht.", 2),
    ],
)
def test_german_rules(text, expected):
    assert len(split(text, "de")) == expected, split(text, "de")


def test_french_guillemets_close_a_sentence():
    assert split("Il a dit : « Nous gagnerons. » Puis il est parti.", "fr") == ["Il a dit : « Nous gagnerons. »", "Puis il est parti."]


def test_offsets_index_the_original_text_with_line_breaks_and_odd_spaces():
    text = "Intro.\n\n  Mr. Smith said:\n“It works.”   Then\u00a0he left!\nDr. Müller nodded…  "
    body_start = text.index("Mr.")
    spans = segment(text, body_start, len(text), "en")
    assert [text[s:e] for s, e in spans] == ["Mr. Smith said:\n“It works.”", "Then\u00a0he left!", "Dr. Müller nodded…"]
    for s, e in spans:
        assert body_start <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()


def test_prepare_offsets_hold_for_both_segmenters():
    text = "Berlin (dpa) - Am 16. Juni sagte Dr. Müller, dass es regne. „Das ist so.“ Er ging.\n"
    for name in ("fast", "pysbd"):
        doc = prepare(Article(text=text), segmenter=name)
        for s in doc.sentences:
            assert text[s.start : s.end] == s.text
        assert [s.text for s in doc.body] == ["Am 16. Juni sagte Dr. Müller, dass es regne.", "„Das ist so.“", "Er ging."]


def test_text_without_terminal_punctuation_is_one_sentence():
    assert split("  just a fragment without an end  ") == ["just a fragment without an end"]


def test_unknown_segmenter_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown segmenter"):
        split("One. Two.", segmenter="spacy")


def test_speech_tag_after_a_quoted_question_stays_with_it():
    assert split('He hit him, saying: "Does that hurt?" Mr Aylett alleged. The man screamed.') == [
        'He hit him, saying: "Does that hurt?" Mr Aylett alleged.',
        "The man screamed.",
    ]
    assert split('"Why now?" asked Mr Smith. Nobody answered.') == ['"Why now?" asked Mr Smith.', "Nobody answered."]
    # a new sentence after a quoted question is still one
    assert split('He asked: "Why?" The room fell silent.') == ['He asked: "Why?"', "The room fell silent."]
