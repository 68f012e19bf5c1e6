from __future__ import annotations

from newslineage import Article, compare, prepare
from newslineage.align.facts import extract_facts, fact_changes


def changes(a: str, b: str, la: str = "en", lb: str = "en"):
    da, db = prepare(Article(text=a, language=la)), prepare(Article(text=b, language=lb))
    fa = [f for s in da.body for f in extract_facts(s, la)]
    fb = [f for s in db.body for f in extract_facts(s, lb)]
    return [(c.type, c.a_text, c.b_text) for c in fact_changes(fa, fb, la == lb)]


def test_changed_number():
    assert changes("Police said 12 people were injured in the crash.", "Police said 14 people were injured in the crash.") == [("number", "12", "14")]


def test_number_words_and_numerals_compare_by_value():
    assert changes("Two ships collided near the port.", "2 ships collided near the port.") == []
    assert changes("Three ships collided near the port.", "2 ships collided near the port.") == [("number", "Three", "2")]


def test_thousands_separators_across_languages():
    assert changes("Rund 2.500 Menschen demonstrierten.", "About 2,500 people demonstrated.", "de", "en") == []
    assert changes("Rund 3.500 Menschen demonstrierten.", "About 2,500 people demonstrated.", "de", "en") == [("number", "3.500", "2,500")]


def test_weekday_and_month_changes():
    assert changes("The minister resigned on Friday.", "The minister resigned on Thursday.") == [("date", "Friday", "Thursday")]
    assert changes("Der Minister trat am Freitag zurück.", "The minister resigned on Friday.", "de", "en") == []
    assert changes("The vote was held in March.", "The vote was held in May.") == [("date", "March", "May")]


def test_may_the_modal_is_not_a_month():
    assert changes("The council may approve the plan.", "The council approved the plan.") == [("modality", "may", "")]


def test_negation_flip():
    assert changes("The minister did not sign the treaty.", "The minister signed the treaty.") == [("negation", "not", "")]
    assert changes("The minister didn't sign the treaty.", "The minister signed the treaty.") == [("negation", "n't", "")]


def test_name_swap_but_not_metonymy():
    assert changes("Smith met the mayor of Leeds on Monday.", "Jones met the mayor of Leeds on Monday.") == []  # sentence-initial single word skipped
    assert changes("On Monday, Anna Smith met the mayor.", "On Monday, Mark Jones met the mayor.") == [("entity", "Anna Smith", "Mark Jones")]
    assert changes("Officials in Washington accused Beijing of spying.", "Officials in the US accused China of spying.") == []


def test_added_detail_is_not_a_change():
    assert changes("Police said 12 people, including 3 children, were injured.", "Police said 12 people were injured.") == []


def test_change_spans_index_the_article_text():
    cmp = compare("Intro line that is long enough to be a sentence.\nPolice said 12 people were injured in the crash on Friday.",
                  "Other intro that is long enough to be a sentence.\nPolice said 14 people were injured in the crash on Friday.", embeddings=False)
    (link,) = [link for link in cmp.links if link.changes]
    (ch,) = link.changes
    assert cmp.a.article.text[ch.a_start : ch.a_end] == "12"
    assert cmp.b.article.text[ch.b_start : ch.b_end] == "14"
