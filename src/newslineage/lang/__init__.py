"""Language data kept apart from the algorithms (the spaCy habit).

Word lists here are small, hand-checked and cover the languages newsrooms most often exchange
copy in (English, German, French, Spanish, Italian, Dutch, Portuguese). Algorithms look words up
through the helpers below and fall back to the union of all languages for anything else, which
is what matters for cross-lingual comparison (a German sentence checked against English words).
"""

from __future__ import annotations

from .data import (
    AGENCIES,
    MODALS_NECESSITY,
    MODALS_POSSIBILITY,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    STOPWORDS,
    WEEKDAYS,
)

__all__ = [
    "AGENCIES",
    "ALL_STOPWORDS",
    "MODALS_NECESSITY",
    "MODALS_POSSIBILITY",
    "MONTHS",
    "NEGATIONS",
    "NUMBER_WORDS",
    "RELATIVE_DAYS",
    "STOPWORDS",
    "WEEKDAYS",
    "stopwords_for",
]

ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())


def stopwords_for(language: str) -> frozenset[str]:
    """Stopwords of one language, or of all known languages when it is not covered."""
    return STOPWORDS.get(language, ALL_STOPWORDS)
