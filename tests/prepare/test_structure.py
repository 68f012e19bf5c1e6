from __future__ import annotations

from newslineage import Article, prepare


def roles(text: str) -> list[tuple[str, str]]:
    return [(s.role, s.text) for s in prepare(Article(text=text)).sentences]


def test_agency_dateline_headline_and_subheading():
    text = (
        "AFP\n"
        "Paris\n"
        "Storm hits northern France overnight\n"
        "A storm swept across northern France on Tuesday night. Thousands of homes lost power.\n"
        "Trains cancelled\n"
        "Rail traffic was halted between Lille and Paris. Services resume on Thursday.\n"
    )
    got = roles(text)
    assert got[:3] == [("agency", "AFP"), ("dateline", "Paris"), ("headline", "Storm hits northern France overnight")]
    assert ("subheading", "Trains cancelled") in got
    assert [t for r, t in got if r == "body"] == [
        "A storm swept across northern France on Tuesday night.",
        "Thousands of homes lost power.",
        "Rail traffic was halted between Lille and Paris.",
        "Services resume on Thursday.",
    ]


def test_inline_agency_dateline_is_split_off():
    got = roles("Berlin (dpa) - Die Regierung hat am Mittwoch beschlossen, die Steuern zu senken. Das sagte ein Sprecher.")
    assert got[0] == ("dateline", "Berlin (dpa)")
    assert got[1][0] == "body" and got[1][1].startswith("Die Regierung")


def test_offsets_index_the_original_text():
    text = "Title line here now\n\n  First sentence is here.  Second one follows!\nThird, “quoted” one?\n"
    doc = prepare(Article(text=text))
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    assert [s.text for s in doc.body] == ["First sentence is here.", "Second one follows!", "Third, “quoted” one?"]


def test_hard_wrapped_prose_is_rejoined():
    text = (
        "The committee met on Monday to discuss the budget for the coming\n"
        "year and agreed to cut spending on roads by a tenth. Members said\n"
        "the cut was painful but needed, and that schools would be spared\n"
        "from any reduction. The vote was unanimous and the plan goes to\n"
        "the council next week.\n"
    )
    doc = prepare(Article(text=text))
    assert len(doc.body) == 3
    assert doc.body[0].text.startswith("The committee") and doc.body[0].text.endswith("a tenth.")
    assert text[doc.body[1].start : doc.body[1].end] == doc.body[1].text


def test_single_line_text_is_body_even_if_short():
    assert roles("Breaking news") == [("body", "Breaking news")]


def test_german_abbreviations_do_not_split_sentences():
    doc = prepare(Article(text="Am 16. Juni sagte Dr. Müller z. B., dass die Lage ernst sei. Danach ging er."))
    assert doc.language == "de"
    assert len(doc.body) == 2


def test_inline_dateline_after_a_headline_is_split_off():
    got = roles("Regierung senkt die Steuern\nBerlin (dpa) - Die Regierung hat am Mittwoch beschlossen, die Steuern zu senken. Das sagte ein Sprecher.")
    assert got[0] == ("headline", "Regierung senkt die Steuern")
    assert got[1] == ("dateline", "Berlin (dpa)")
    assert got[2][0] == "body" and got[2][1].startswith("Die Regierung")


def test_compare_uses_the_configured_segmenter(monkeypatch):
    import importlib

    from newslineage import load_settings

    compare_module = importlib.import_module("newslineage.pairwise")

    seen = []
    real = compare_module.prepare

    def spy(article, segmenter="fast"):
        seen.append(segmenter)
        return real(article, segmenter)

    monkeypatch.setattr(compare_module, "prepare", spy)
    text = "Dr. Smith met Mr. Jones on Monday. They talked for an hour."
    result = compare_module.compare(text, text, settings=load_settings(embeddings=False, segmenter="pysbd"))
    assert seen == ["pysbd", "pysbd"]
    assert [s.text for s in result.a.body] == ["Dr. Smith met Mr. Jones on Monday.", "They talked for an hour."]
