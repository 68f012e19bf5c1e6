"""Which column of a table (JSON Lines, CSV, Parquet) holds which article field.

Defaults follow passim (``id``, ``series``, ``date``, ``text``) so passim corpora read as they
are; when a default column is absent, common alternatives (``content``, ``outlet``,
``published_at``...) are accepted so most exports read without flags. A name the user chose
explicitly is taken literally: guessing past it would hide a typo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from ..errors import RecordError
from ..model import Article
from ._common import normalise_date, normalise_language, text_or_none

__all__ = ["ColumnMap"]

#: Tried in order after the default name, only while the default is in use.
_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "id": ("doc_id", "uid"),
    "text": ("content", "body", "article", "full_text"),
    "title": ("headline",),
    "outlet": ("outlet", "source", "outlet_name", "publisher", "site"),
    "date": ("published_at", "datetime", "published", "pubdate", "timestamp"),
    "url": ("link", "uri"),
    "language": ("language", "lang_code"),
}

_FIELDS = ("id", "text", "title", "outlet", "date", "url", "language")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Column names for each article field.

    Attributes:
        id: Article id (a content hash is used when absent or empty).
        text: Article text (required).
        title: Headline given by the source.
        outlet: Outlet or series (passim's ``series``).
        date: Publication time; normalised to ISO 8601.
        url: Where the article was published.
        language: Language code.
        date_format: ``strptime`` format (or a tuple of them) tried first for dates in a
            source's own convention (e.g. ``"%m/%d/%Y %H:%M"``); ISO 8601 and RFC 2822 are
            always understood.
    """

    id: str = "id"
    text: str = "text"
    title: str = "title"
    outlet: str = "series"
    date: str = "date"
    url: str = "url"
    language: str = "lang"
    date_format: str | tuple[str, ...] | None = None

    def resolve(self, names: Iterable[str]) -> dict[str, str]:
        """Map each article field to the column that holds it among ``names``.

        Args:
            names: Column names (CSV header, Parquet schema, keys of a JSON object).

        Returns:
            ``{field: column}`` for the fields found; absent fields are left out.
        """
        present = list(names)
        exact = set(present)
        folded = {name.casefold(): name for name in reversed(present)}
        defaults = {f.name: f.default for f in fields(ColumnMap)}
        found: dict[str, str] = {}
        for field_name in _FIELDS:
            wanted = getattr(self, field_name)
            candidates: tuple[str, ...] = (wanted,)
            if wanted == defaults[field_name]:
                candidates += _ALTERNATIVES[field_name]
            for candidate in candidates:
                if candidate in exact:
                    found[field_name] = candidate
                    break
                # Exports differ in case ("Text", "Title"); a case-only difference is no typo.
                if candidate.casefold() in folded:
                    found[field_name] = folded[candidate.casefold()]
                    break
        return found

    def text_candidates(self) -> str:
        """The column names tried for the text, quoted, for messages."""
        names: tuple[str, ...] = (self.text,)
        if self.text == "text":
            names += _ALTERNATIVES["text"]
        return ", ".join(f"'{n}'" for n in names)


def row_to_article(
    row: Mapping[str, object],
    resolved: Mapping[str, str],
    columns: ColumnMap,
    *,
    source: str,
    location: int,
    encoding: str | None = None,
) -> Article:
    """Build an ``Article`` from one table row.

    Raises:
        RecordError: The row has no text, an empty text, or a text that is not a string.
    """
    text_column = resolved.get("text")
    if text_column is None or row.get(text_column) is None:
        raise RecordError(
            source,
            location,
            f"no text (looked for column {columns.text_candidates()}); add the text or name its column with ColumnMap(text=...)",
        )
    text = row[text_column]
    if not isinstance(text, str):
        raise RecordError(
            source,
            location,
            f"the '{text_column}' value is a {type(text).__name__}, not text; store the article text as a string",
        )
    if not text.strip():
        raise RecordError(source, location, f"the '{text_column}' value is empty; remove the record or fill in its text")

    def value(field_name: str) -> object:
        column = resolved.get(field_name)
        return row.get(column) if column is not None else None

    return Article(
        text=text,
        id=text_or_none(value("id")) or "",
        outlet=text_or_none(value("outlet")),
        url=text_or_none(value("url")),
        title=text_or_none(value("title")),
        published_at=normalise_date(value("date"), columns.date_format),
        language=normalise_language(value("language")),
        origin=f"{source}:{location}",
        encoding=encoding,
    )
