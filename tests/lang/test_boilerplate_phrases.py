from __future__ import annotations

import pytest

from newslineage.lang.boilerplate import is_known_boilerplate


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
