"""Outlet boilerplate: sentences an outlet repeats across many of its articles.

Sign-offs ("Reporting by ...; Editing by ..."), copyright lines, newsletter plugs and "Read
more" prompts recur in article after article of one outlet (passim calls this the ``series``
problem). Two articles of different outlets that both carry "Copyright 2024 The Associated
Press. All rights reserved." are not thereby one copying the other, so such a sentence is not
counted as reuse: the comparison drops it from both sides before linking.

A sentence is boilerplate for an outlet when at least ``min_count`` of the outlet's articles
carry it and they are at least ``min_share`` of the outlet's articles. Sentences are matched
after case folding and whitespace collapsing, which is cheap enough to run over every sentence of
a large corpus.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass

from ._db import IndexReader, chunked

__all__ = ["BoilerplateSettings", "detect_boilerplate", "sentence_key"]


@dataclass(frozen=True, slots=True)
class BoilerplateSettings:
    """When a repeated sentence counts as an outlet's boilerplate.

    Attributes:
        min_count: Articles of the outlet that must carry it.
        min_share: Share of the outlet's articles that must carry it.
    """

    min_count: int = 3
    min_share: float = 0.05


def sentence_key(text: str) -> int:
    """Key of a sentence for boilerplate matching (case and spacing ignored)."""
    return zlib.crc32(" ".join(text.casefold().split()).encode("utf-8"))


def detect_boilerplate(reader: IndexReader, settings: BoilerplateSettings | None = None) -> dict[str, frozenset[int]]:
    """Boilerplate sentence keys per outlet.

    Args:
        reader: The index.
        settings: Thresholds (defaults when None).

    Returns:
        Outlet name -> keys (``sentence_key``) of its boilerplate sentences; outlets without
        any are left out. Articles with no outlet are never grouped together.
    """
    settings = settings or BoilerplateSettings()
    found: dict[str, frozenset[int]] = {}
    for outlet, rowids in reader.texts_by_outlet():
        if outlet is None or len(rowids) < settings.min_count:
            continue
        counts: Counter[int] = Counter()
        for chunk in chunked(rowids, 500):
            for text, _lang, spans in reader.texts(chunk).values():
                counts.update({sentence_key(text[s:e]) for _i, s, e, _role, _p in spans})
        need = max(settings.min_count, settings.min_share * len(rowids))
        keys = frozenset(k for k, n in counts.items() if n >= need)
        if keys:
            found[outlet] = keys
    return found
