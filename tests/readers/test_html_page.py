from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslineage.errors import MissingDependencyError, RecordError
from newslineage.readers import html_article, read_html_page


def test_main_text_and_metadata(data: Path) -> None:
    [article] = read_html_page(data / "page.html")
    assert article.id == "page.html"
    assert article.title == "Harbour bridge reopens after repairs"
    assert article.url == "https://gazette.example.org/news/2024/05/02/harbour-bridge-reopens"
    assert article.published_at == "2024-05-02"
    assert article.outlet == "The Coastal Gazette"
    assert article.language == "en"
    assert "three million more than planned" in article.text
    # Navigation and footer boilerplate are removed.
    assert "Sport" not in article.text and "All rights reserved" not in article.text
    assert article.origin == str(data / "page.html")


def test_page_without_article_is_a_bad_record(tmp_path: Path, errors: list[RecordError]) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><head><title></title></head><body><script>app()</script></body></html>")
    assert list(read_html_page(path, on_error=errors.append)) == []
    assert [(e.source, e.location) for e in errors] == [(str(path), 1)]
    assert "no article text" in errors[0].reason
    with pytest.raises(RecordError, match="no article text"):
        list(read_html_page(path, strict=True))


def test_short_article_falls_back_to_visible_text() -> None:
    article = html_article("<html><body><p>One short line.</p></body></html>", source="s", location=2)
    assert article.text == "One short line."
    assert article.origin == "s:2"


def test_missing_trafilatura_raises_on_the_call(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingDependencyError, match="Reading HTML pages"):
        read_html_page(data / "page.html")
