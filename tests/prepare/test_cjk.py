"""Chinese and Japanese: sentence ends without spaces, structure lines, character-bigram features."""

from __future__ import annotations

from newslineage import Article, prepare
from newslineage.align.seeds import tokenize_with_offsets, verbatim_runs
from newslineage.fingerprint import features, shingles, similarity_matrix, tokens
from newslineage.prepare import segment
from newslineage.prepare.cjk import cjk_bigrams, word_count


def split(text: str, language: str = "zh") -> list[str]:
    return [text[s:e] for s, e in segment(text, 0, len(text), language)]


def test_full_width_stops_end_sentences_without_a_space():
    assert split("为什么这是一个糟糕的决定？ 论据多得很。首先，它涉及一个产业！然后呢") == [
        "为什么这是一个糟糕的决定？",
        "论据多得很。",
        "首先，它涉及一个产业！",
        "然后呢",
    ]


def test_closing_quote_belongs_to_the_sentence_it_ends():
    assert split("他说：“我们赢了。”然后他走了。") == ["他说：“我们赢了。”", "然后他走了。"]
    assert split("「東京へ行く。」と彼は言った。次の文です。", "ja") == ["「東京へ行く。」と彼は言った。", "次の文です。"]


def test_stop_inside_a_quotation_that_goes_on_is_not_a_boundary():
    assert split("他说：「我们赢了。我们很强。」然后他走了。") == ["他说：「我们赢了。我们很强。」", "然后他走了。"]


def test_unbalanced_quote_does_not_glue_the_paragraph():
    assert split("他说：「我们赢了。然后他走了。") == ["他说：「我们赢了。", "然后他走了。"]


def test_half_width_marks_end_only_between_cjk_characters():
    assert split("雅虎Yahoo!公司称。第二句") == ["雅虎Yahoo!公司称。", "第二句"]
    assert split("真的吗?是的。") == ["真的吗?", "是的。"]


def test_alphabetic_text_is_segmented_as_before():
    text = "Mr. Smith met Dr. Jones. Then he left."
    assert split(text, "en") == ["Mr. Smith met Dr. Jones.", "Then he left."]


def test_chinese_sentence_lines_are_body_not_headings():
    text = "有些事预料得到，但并不会减弱其破坏力。\n巴拉克•奥巴马决定对中国输美轮胎开征特保关税。\n为什么这是一个糟糕的决定？ 论据多得很。\n首先，它涉及一个本身不想得到保护的产业。"
    doc = prepare(Article(text=text))
    assert doc.language == "zh"
    assert [s.role for s in doc.sentences] == ["body"] * 5


def test_short_chinese_line_without_stop_is_a_headline():
    text = "奥巴马对中国轮胎征税\n有些事预料得到，但并不会减弱其破坏力。\n巴拉克•奥巴马决定对中国输美轮胎开征特保关税。"
    doc = prepare(Article(text=text))
    assert doc.sentences[0].role == "headline"


def test_word_count_counts_cjk_characters_as_words():
    assert word_count("the tariff") == 2
    assert word_count("奥巴马决定") == 4  # 5 characters at 1.5 a word, rounded up
    assert word_count("G20峰会") == 3


def test_cjk_runs_become_character_bigrams():
    assert cjk_bigrams("奥巴马") == ["奥巴", "巴马"]
    assert cjk_bigrams("g20峰会") == ["g20", "峰会"]
    assert cjk_bigrams("的") == ["的"]
    assert tokens("奥巴马(Barack Obama)决定") == ["奥巴", "巴马", "barack", "obama", "决定"]
    assert tokens("Don't stop") == ["do", "not", "stop"]


def test_a_lightly_edited_chinese_sentence_is_lexically_close_an_unrelated_one_is_not():
    source = "美国轮胎制造商甚至根本没有请求政府实施关税，相关投诉来自提供轮胎生产者的钢铁业工会。"
    edited = "美国轮胎制造商根本没有请求政府实施关税，投诉来自向轮胎生产者供货的钢铁业工会。"
    other = "北京对美方决定作出了快速但有节制的反应，这是中国开始在贸易争端中建立的模式。"
    _, dice = similarity_matrix([features(source)], [features(edited), features(other)])
    assert dice[0, 0] >= 0.5
    assert dice[0, 1] < 0.1


def test_chinese_text_has_word_shingles_for_minhash():
    text = "美国轮胎制造商甚至根本没有请求政府实施关税。"
    assert len(shingles(text, 5)) >= 15


def test_verbatim_runs_are_found_in_chinese():
    a = "新闻稿说：美国轮胎制造商甚至根本没有请求政府实施关税。这是另外的话。"
    b = "据报道，美国轮胎制造商甚至根本没有请求政府实施关税，专家表示。"
    runs = verbatim_runs(tokenize_with_offsets(a), tokenize_with_offsets(b))
    assert len(runs) == 1 and runs[0].length >= 18
