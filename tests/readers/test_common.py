from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest

from newslineage.errors import MissingDependencyError, RecordError
from newslineage.readers._common import (
    normalise_date,
    normalise_language,
    report,
    require,
    strip_html_fragment,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-02", "2024-05-02"),
        ("2024-05-02 09:15:00", "2024-05-02T09:15:00"),
        ("2024-05-02T09:15:00Z", "2024-05-02T09:15:00+00:00"),
        ("2024-05-02T09:15:00+02:00", "2024-05-02T09:15:00+02:00"),
        ("Thu, 02 May 2024 10:30:00 +0200", "2024-05-02T10:30:00+02:00"),
        ("Thu, 02 May 2024 10:30:00 GMT", "2024-05-02T10:30:00+00:00"),
        (datetime(2024, 5, 2, 9, 15, tzinfo=UTC), "2024-05-02T09:15:00+00:00"),
        (date(2024, 5, 2), "2024-05-02"),
        ("yesterday", None),
        ("2024-13-45", None),
        ("", None),
        (None, None),
        (20240502, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_normalise_date_tries_the_given_formats_first() -> None:
    formats = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M")
    assert normalise_date("9/12/2022 11:12", formats) == "2022-09-12T11:12:00"
    assert normalise_date("9/12/2022 18:27:11", formats) == "2022-09-12T18:27:11"
    # ISO still works when the source's own format does not match.
    assert normalise_date("2022-09-12", "%m/%d/%Y") == "2022-09-12"
    # An explicit format wins; without one slashed dates are read day first.
    assert normalise_date("9/12/2022 11:12", "%m/%d/%Y %H:%M") == "2022-09-12T11:12:00"


def test_slashed_dates_without_a_format() -> None:
    assert normalise_date("9/12/2022 11:12") == "2022-12-09T11:12:00"
    assert normalise_date("9/12/2022 03:41:07") == "2022-12-09T03:41:07"
    assert normalise_date("12/25/2022") == "2022-12-25T00:00:00"  # 25 cannot be a month
    assert normalise_date("13/13/2022") is None


def test_normalise_language() -> None:
    assert normalise_language("en-US") == "en"
    assert normalise_language("pt_BR") == "pt"
    assert normalise_language("DE") == "de"
    assert normalise_language(" ") is None
    assert normalise_language(None) is None


def test_strip_html_fragment_keeps_every_paragraph() -> None:
    html = "<p>First &amp; <b>bold</b>.</p><script>x()</script><p>Second&nbsp;one.</p>"
    assert strip_html_fragment(html) == "First & bold.\nSecond one."


def test_report_raises_in_strict_mode() -> None:
    err = RecordError("f.jsonl", 3, "bad")
    with pytest.raises(RecordError):
        report(err, None, strict=True)


def test_report_calls_back_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    err = RecordError("f.jsonl", 3, "bad")
    seen: list[RecordError] = []
    report(err, seen.append, strict=False)
    assert seen == [err]
    with caplog.at_level(logging.WARNING, logger="newslineage.readers"):
        report(err, None, strict=False)
    assert "f.jsonl:3: bad" in caplog.text


def test_require_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "feedparser", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'newslineage\[readers\]'"):
        require("feedparser", "Reading RSS/Atom feeds")
