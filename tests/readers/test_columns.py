from __future__ import annotations

import dataclasses

import pytest

from newslineage.errors import RecordError
from newslineage.readers import ColumnMap
from newslineage.readers.columns import row_to_article


def test_passim_defaults() -> None:
    assert ColumnMap().resolve(["id", "series", "date", "text", "title", "url", "lang"]) == {
        "id": "id",
        "outlet": "series",
        "date": "date",
        "text": "text",
        "title": "title",
        "url": "url",
        "language": "lang",
    }


def test_alternatives_when_default_absent() -> None:
    resolved = ColumnMap().resolve(["content", "headline", "outlet", "published_at"])
    assert resolved == {"text": "content", "title": "headline", "outlet": "outlet", "date": "published_at"}
    assert ColumnMap().resolve(["body", "source", "datetime"]) == {"text": "body", "outlet": "source", "date": "datetime"}


def test_case_only_differences_match() -> None:
    assert ColumnMap().resolve(["Text", "Title"]) == {"text": "Text", "title": "Title"}


def test_explicit_name_is_taken_literally() -> None:
    # A user-chosen column that is absent must not silently fall back to 'content'.
    assert "text" not in ColumnMap(text="article_text").resolve(["content"])
    assert ColumnMap(text="article_text").resolve(["article_text"]) == {"text": "article_text"}


def test_column_map_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ColumnMap().text = "x"  # type: ignore[misc]


def test_row_to_article_maps_and_normalises() -> None:
    row = {"id": 7, "series": "AP", "date": "Thu, 02 May 2024 10:30:00 GMT", "text": "Hello.", "lang": "en-GB"}
    article = row_to_article(row, ColumnMap().resolve(row), ColumnMap(), source="f", location=2)
    assert (article.id, article.outlet, article.published_at, article.language, article.origin) == (
        "7",
        "AP",
        "2024-05-02T10:30:00+00:00",
        "en",
        "f:2",
    )


@pytest.mark.parametrize(
    ("row", "reason"),
    [({"id": "1"}, "no text"), ({"text": "  "}, "is empty"), ({"text": ["a"]}, "is a list, not text")],
)
def test_row_to_article_refuses_bad_text(row: dict, reason: str) -> None:
    with pytest.raises(RecordError, match=reason) as info:
        row_to_article(row, ColumnMap().resolve(row), ColumnMap(), source="f", location=4)
    assert info.value.location == 4
