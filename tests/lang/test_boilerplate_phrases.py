from __future__ import annotations

import pytest

from newslineage.lang.boilerplate import furniture_kind, is_address_line, is_known_boilerplate


@pytest.mark.parametrize(
    "text",
    [
        "Copyright � The Associated Press.",
        "Copyright 2022 The Associated Press. All rights reserved.",
        "© 2024 Reuters",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Reporting by Jane Doe; Editing by Bob Roe",
        "Alle Rechte vorbehalten.",
    ],
)
def test_wire_footers_and_sign_offs(text):
    assert is_known_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    ["The Associated Press reported that prices rose.", "Copyright law was changed in 2020.", "Reuters said the deal was off."],
)
def test_ordinary_sentences_about_agencies(text):
    assert not is_known_boilerplate(text)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("  ------------------------------------------------------------------------", "rule"),
        ("___", "rule"),
        ("11:44 12/07/99: Page 1 (HHH) COURTS Places", "timestamp"),
        ("Updated 3:45 PM EDT, Wed June 14, 2023", "timestamp"),
        ("Thu 8 Dec 2022 12.51 GMT", "timestamp"),
        ("end", "end"),
        ("ENDS", "end"),
        ("mfl", "end"),
        ("dpa ab yz", "end"),
        ("jm/ach", "end"),
        ("(reopens)", "advisory"),
        ("(with pic)", "advisory"),
        ("(ATTENTION NEWS EDITORS: Reporting restrictions remain in force.)", "advisory"),
        ("Editor's note: This story contains graphic descriptions.", "advisory"),
        ("EMBARGOED until 00:01 BST Thursday June 15", "advisory"),
        ("(Corrects spelling of name in paragraph 3)", "advisory"),
        ("ADVISORY TO NEWSDESKS: please note that we have sent a substitute.", "advisory"),
        ("Note to editors: pictures are available.", "advisory"),
        ("Reporting by Jane Doe; Editing by Bob Roe", "credit"),
        ("(Reporting by Jane Doe, editing by Bob Roe)", "credit"),
        ("Associated Press writer Tom Becker contributed to this report.", "credit"),
        ("Photo: AP/John Doe", "caption"),
        ("Tatyana Makeyeva/Reuters", "caption"),
        ("REUTERS/Violeta Santos Moura", "caption"),
        ("Volunteers carry books into the library on Tuesday. (Photo: Reuters)", "caption"),
        ("A resident carries medicine in Beijing, Friday, Dec. 9, 2022. (AP Photo/Ng Han Guan)", "caption"),
        ("The coach reacts. JAVIER SORIANO/AFP via Getty Images", "caption"),
        ("— Jane Doe (@janedoe) December 8, 2022", "caption"),
        ("Read more: Flood damage across the county tops $2 million", "prompt"),
        ("Related: County asks state for flood relief", "prompt"),
        ("Sign up for our daily newsletter", "prompt"),
        ("Send this page to someone via email", "prompt"),
        ("Advertisement", "prompt"),
        ("More coverage: https://example.com/hub/floods", "prompt"),
        ("© 2023 Example Media Ltd. All rights reserved.", "copyright"),
    ],
)
def test_furniture_kinds(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "More than 100 people attended.",
        "The end of the trial came on Friday, the court heard.",
        "Reuters reported that the photo was taken in March.",
        "Related charges were dropped on Friday.",
        "On Monday at 5 pm the council met.",
        "He shared a photo of the flood (taken by his wife) with reporters.",
        "Anti-Brexit",
        "FLASH FLOODS HIT TOWN",
    ],
)
def test_story_lines_are_not_furniture(line):
    assert furniture_kind(line) is None


def test_addresses_are_recognised():
    assert is_address_line("Example Media Ltd, 10 Fleet Street, London EC4Y 1AA")
    assert is_address_line("Musterzeitung GmbH, Hauptstraße 12, 10115 Berlin")
    assert not is_address_line("The bridge on Fleet Street was closed for a week.")
