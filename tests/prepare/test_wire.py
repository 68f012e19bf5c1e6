"""Wire-service conventions and web furniture: structure, never body (fixtures in tests/data/wire
and tests/data/web, written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslineage import Article, prepare
from newslineage.prepare import clean_wire
from newslineage.prepare.wire import is_pa_copy
from newslineage.textio import read_article

DATA = Path(__file__).resolve().parents[1] / "data"


def _doc(name: str):
    doc = prepare(read_article(DATA / name))
    for s in doc.sentences:  # every offset indexes the text the Document carries
        assert doc.article.text[s.start : s.end] == s.text
    return doc


def _body(doc) -> list[str]:
    return [s.text for s in doc.body]


def _roles(doc) -> dict[str, str]:
    return {s.text: s.role for s in doc.sentences if s.role != "body"}


def test_pa_copy_is_cleaned_into_paragraphs_and_sentences():
    doc = _doc("wire/pa_copy.txt")
    assert _roles(doc) == {"FERRY FIRM FINED £250,000 OVER ‘CAVALIER' SAFETY": "headline", "By Helen Marsh, PA News": "byline"}
    assert _body(doc) == [
        "A ferry company was fined £250,000 today after a deckhand was crushed by a loading ramp that had been “left to rust”, a court heard.",
        "Harbour Line Ltd admitted two breaches of safety law at Exeter Crown Court.",
        "The judge said the firm's attitude had been “cavalier”.",
        "Deckhand Tom Reid, 34, spent six weeks in hospital.",
        "His wife told the court: “I thought I was going to lose him ... I still do not sleep at night.”",
        "The firm – which runs crossings to the Isles of Scilly – must also pay £18,500 costs.",
        "Outside court Mrs Reid said: “Nobody should go to work and come home broken.”",
    ]
    text = doc.article.text
    assert "\x19" not in text and "<\n" not in text and "#" not in text and "``" not in text
    # rules, desk lines, "mf", "(reopens)", the note to editors and "end" are not units at all
    assert not any(w in s.text for s in doc.sentences for w in ("----", "15:02", "(reopens)", "ATTENTION", "mf", "end"))


def test_clean_wire_is_idempotent_and_leaves_plain_text_alone():
    raw = (DATA / "wire/pa_copy.txt").read_text(encoding="ascii")
    once = clean_wire(raw)
    assert once != raw and clean_wire(once) == once
    plain = "He scored #1 in the charts.<\nShe said it's ''fine''.\n"
    assert clean_wire(plain) == plain  # one "<" is no PA copy; no `` no TeX quotes
    assert clean_wire("Ab\x07c said ``yes''.") == "Abc said “yes”."


def test_pound_sign_only_in_pa_copy_and_only_before_digits():
    pa = "LINE ONE<\n\x19He paid #40 for ticket #B.<\n\x19Then #5 more.<\n"
    assert is_pa_copy(pa)
    assert clean_wire(pa) == "LINE ONE\n\nHe paid £40 for ticket #B.\n\nThen £5 more."
    assert "#40" in clean_wire("He paid #40 for it.\nThen more.")


def test_prepared_article_carries_the_cleaned_text():
    raw = (DATA / "wire/pa_copy.txt").read_bytes().decode("ascii")
    article = Article(text=raw, id="ferry")
    doc = prepare(article)
    assert doc.article.id == "ferry" and doc.article.text == clean_wire(raw)
    assert prepare(doc.article).sentences == doc.sentences  # preparing it again changes nothing


def test_ap_dateline_credits_and_copyright():
    doc = _doc("wire/ap.txt")
    roles = _roles(doc)
    assert roles["CHICAGO (AP)"] == "dateline"
    assert roles["By JANE HOLLIS and MARK DENTON Associated Press"] == "byline"
    assert roles["Associated Press writer Tom Becker in Indianapolis contributed to this report."] == "byline"
    assert roles[doc.sentences[-1].text] == "agency" and doc.sentences[-1].text.startswith("Copyright 2023 The Associated Press")
    assert _body(doc)[0].startswith("A line of storms") and len(_body(doc)) == 4
    assert all("___" not in s.text for s in doc.sentences)


def test_reuters_dateline_correction_note_and_credits():
    doc = _doc("wire/reuters.txt")
    roles = _roles(doc)
    assert roles["LONDON, June 14 (Reuters)"] == "dateline"
    assert roles["CORRECTED-UPDATE 1-Harbour operator cuts outlook as shipping slows"] == "headline"
    assert roles["(Reporting by Sarah Young; Editing by Mark Potter)"] == "byline"
    assert not any("Corrects spelling" in s.text for s in doc.sentences)
    assert len(_body(doc)) == 3


def test_dpa_time_stamp_photo_credit_and_end_line():
    doc = _doc("wire/dpa.txt")
    assert doc.language == "de"
    assert _roles(doc) == {"Bahnstreik legt Fernverkehr lahm": "headline", "Berlin (dpa)": "dateline"}
    assert _body(doc) == [
        "Ein Streik der Lokführer hat am Mittwoch den Fernverkehr in weiten Teilen Deutschlands lahmgelegt.",
        "Die Bahn rechnet mit Ausfällen bis zum Abend.",
        "Reisende sollten ihre Fahrt verschieben, sagte ein Sprecher des Unternehmens.",
    ]


def test_afp_dateline_caption_and_initials():
    doc = _doc("wire/afp.txt")
    assert _roles(doc)["PARIS (AFP)"] == "dateline"
    assert len(_body(doc)) == 3
    assert not any("Saint-Lazare" in s.text or "jm/ach" in s.text for s in doc.sentences)


def test_advisories_and_end_mark():
    doc = _doc("wire/advisories.txt")
    assert [s.role for s in doc.sentences] == ["headline", "body", "body"]
    assert _body(doc)[-1] == "The bridge will cost 40 million pounds and open in 2027, the council said."


def test_web_page_furniture():
    doc = _doc("web/article_page.txt")
    assert _roles(doc) == {"Town reopens library after flood repairs": "headline", "By Jane Doe and John Roe | Example News": "byline"}
    assert _body(doc) == [
        "The town library reopened on Wednesday after six months of repairs to flood damage, the mayor said.",
        "About 12,000 books were saved by volunteers who carried them to a school gym in March.",
        '"People never stopped asking when we would open again," librarian Maria Lopez said.',
    ]


def test_indented_paragraphs_of_hard_wrapped_prose():
    doc = _doc("wire/indented.txt")
    assert [s.paragraph for s in doc.body] == [0, 0, 1, 2]
    assert doc.body[2].text.startswith("The vote was unanimous") and doc.body[2].text.endswith("without a debate.")


@pytest.mark.parametrize(
    "text",
    [
        "More than 100 people attended the meeting on Monday.",
        "The photo (taken by a neighbour) shows the car on fire.",
        "Copyright law was changed in 2020, the court heard.",
        "Related charges were dropped on Friday.",
    ],
)
def test_story_sentences_that_mention_furniture_words_stay_body(text):
    doc = prepare(Article(text=f"Headline of the story\n{text}\nA second paragraph follows here."))
    assert text in _body(doc)


def test_a_short_pa_take_and_list_items():
    rule = "  " + "-" * 72
    snap = f"{rule}\n\n{rule}\n\n      15:02 03/05/01: Page 1 (HHH) COURTS Ferry\n{rule}\nA ferry firm was fined today for\nsafety breaches at a harbour. end<\n\x19\n"
    assert _body(prepare(Article(text=snap))) == ["A ferry firm was fined today for safety breaches at a harbour."]
    timeline = "TIMELINE OF THE CASE<\n\x191999:<\n\x19:: March 3: The ramp fails.<\n\x19:: May 3: The firm is fined.<\n\x19end<\n"
    doc = prepare(Article(text=timeline))
    assert _body(doc) == ["March 3: The ramp fails.", "May 3: The firm is fined."]


@pytest.mark.slow
@pytest.mark.shared_data
def test_every_meter_pa_file_reads_as_sentences(shared_data):
    """Real PA copy (METER): no transmission code or furniture left in any unit, and
    paragraphs become sentences, not one unit per paragraph or file."""
    files = sorted((shared_data / "meter_courts" / "PA" / "rawtexts").glob("courts/*/*/*.txt"))
    if not files:
        pytest.skip("METER PA copy not found in the shared data")
    longest = 0
    for path in files:
        doc = prepare(read_article(path))
        units = [s.text for s in doc.sentences]
        assert not any(c in u for u in units for c in "\x19<"), path
        assert not any(u.startswith("----") or u in ("end", "mf", "mfl", "(reopens)") for u in units), path
        assert "#" not in "".join(u for u in units if any(ch.isdigit() for ch in u)).replace("# ", ""), path
        longest = max([longest, *(len(s.text) for s in doc.body)])
        assert len(doc.body) >= len({s.paragraph for s in doc.body}), path
    assert len(files) > 600 and longest < 1200
