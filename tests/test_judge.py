"""The verdict's direction clues: which side is wire copy."""

from __future__ import annotations

import pytest

from newslineage.judge import _is_wire
from newslineage.model import Article
from newslineage.prepare import prepare


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("SHOTGUN LADY JAILED\nBy Nick Allen, PA News\n\nA woman was jailed today for threatening two bailiffs.\n", True),
        ("WASHINGTON (AP) — The Senate passed the bill on Tuesday after a long debate.\n", True),
        ("Fire destroys mill\nBy Jane Doe, Riverton Gazette\n\nA fire destroyed the old mill on Sunday night.\n", False),
        ("A fire destroyed the old mill on Sunday night. Firefighters fought the flames until dawn.\n", False),
    ],
)
def test_wire_copy_is_told_by_agency_tag_dateline_or_byline(text, wire):
    assert _is_wire(prepare(Article(text=text))) is wire
