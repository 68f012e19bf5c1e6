from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslineage.errors import MissingDependencyError, RecordError
from newslineage.readers import read_feed


def test_rss_content_summary_and_headline_only(data: Path, errors: list[RecordError]) -> None:
    articles = list(read_feed(data / "feed.rss", on_error=errors.append))
    assert [a.id for a in articles] == ["wire-2024-0305-001", "https://wire.example/world/bridge"]
    first, second = articles
    # content:encoded is preferred over the short description, and its HTML is stripped.
    assert first.text == (
        "Authorities closed three ports on Tuesday as a storm brought winds of up to 120 kilometres an hour.\n"
        "Ferry services will resume on Wednesday & schools stay open."
    )
    assert (first.outlet, first.title, first.url, first.language) == (
        "Wire Service World News",
        "Storm closes northern ports",
        "https://wire.example/world/storm-ports",
        "en",
    )
    assert first.published_at == "2024-03-05T10:50:00+00:00"
    assert second.text == "The harbour bridge reopened on Thursday."
    assert second.published_at == "2024-05-02T06:00:00+00:00"
    assert [(e.location, "no content or summary" in e.reason) for e in errors] == [(3, True)]


def test_atom(data: Path) -> None:
    first, second = read_feed(data / "feed.atom")
    assert first.text == "Drei Häfen an der Nordküste wurden am Dienstag geschlossen."
    assert (first.id, first.outlet, first.language, first.url) == (
        "urn:nd:2024:0305:1",
        "Nachrichtendienst",
        "de",
        "https://nd.example/sturm",
    )
    assert first.published_at == "2024-03-05T10:50:00+00:00"
    # No link: the urn id is not a web address.
    assert second.url is None
    assert second.text == "Die Hafenbrücke ist seit Donnerstag wieder befahrbar."


@pytest.mark.parametrize(
    "content",
    [b"this is not a feed at all {", b'<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'],
)
def test_not_a_feed(tmp_path: Path, content: bytes, errors: list[RecordError]) -> None:
    path = tmp_path / "news.xml"
    path.write_bytes(content)
    assert list(read_feed(path, on_error=errors.append)) == []
    assert len(errors) == 1 and "not an RSS or Atom feed" in errors[0].reason
    with pytest.raises(RecordError, match="not an RSS or Atom feed"):
        list(read_feed(path, strict=True))


def test_missing_feedparser_raises_on_the_call(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    monkeypatch.setitem(sys.modules, "feedparser", None)
    with pytest.raises(MissingDependencyError, match="RSS/Atom"):
        read_feed(data / "feed.rss")
