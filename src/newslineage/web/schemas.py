"""Request bodies of the HTTP API (pydantic models; unknown fields are refused)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["ArticleIn", "CompareRequest", "IngestRequest", "SourcesRequest", "TextIn"]

#: Above this many articles an ingest request becomes a background job (202 + job id).
MAX_SYNC_ARTICLES = 50


def _iso_8601(value: Optional[str]) -> Optional[str]:
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date or time, e.g. 2023-06-14 or 2023-06-14T09:30:00Z") from None
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextIn(_Model):
    """One article to compare: its text and what is known about it."""

    text: str = Field(description="The article text (plain text, Markdown or an HTML page).")
    title: Optional[str] = Field(default=None, max_length=2000, description="Headline given by the source.")
    published_at: Optional[str] = Field(default=None, max_length=64, description="Publication time, ISO 8601.")
    outlet: Optional[str] = Field(default=None, max_length=500, description="Outlet, feed or agency.")
    name: Optional[str] = Field(default=None, max_length=255, description="Name of the uploaded file the text came from; it names the text in the result (never a file on the server).")

    _check_date = field_validator("published_at")(_iso_8601)


class CompareRequest(_Model):
    """``a`` is the article to explain (possible copy), ``b`` the possible source."""

    a: TextIn
    b: TextIn


class ArticleIn(TextIn):
    """An article to add to the index."""

    id: Optional[str] = Field(default=None, min_length=1, max_length=500, description="Your id; a content hash when absent.")
    url: Optional[str] = Field(default=None, max_length=4000, description="Where it was published.")


class IngestRequest(_Model):
    """One or many articles to add to the index."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=100_000)


class SourcesRequest(_Model):
    """A text whose sources to look up in the index."""

    text: str = Field(description="The text to trace.")
    name: Optional[str] = Field(default=None, max_length=255, description="Name of the uploaded file the text came from (an article stored under that id is never its own source).")
    published_at: Optional[str] = Field(default=None, max_length=64, description="When the text was published (ISO 8601): sources must not be later.")
    top: int = Field(default=5, ge=1, le=100, description="How many sources to return (identical copies count once).")
    before: Optional[str] = Field(default=None, max_length=64, description="Only sources published before this time (ISO 8601).")
    after: Optional[str] = Field(default=None, max_length=64, description="Only sources published after this time (ISO 8601).")
    exclude_outlet: Optional[str] = Field(default=None, max_length=500, description="Leave out sources from this outlet.")
    exclude_id: Optional[list[str]] = Field(default=None, max_length=1000, description="Leave out these article ids.")

    _check_dates = field_validator("before", "after", "published_at")(_iso_8601)
