"""Publication times: one reading of ISO 8601 text for every stage that orders articles."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["parse_time"]


def parse_time(value: str | None) -> datetime | None:
    """A publication time as an aware UTC datetime (naive times read as UTC), or None.

    Accepts ISO 8601 dates and times, with a ``Z`` suffix or an offset; anything else is None.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
