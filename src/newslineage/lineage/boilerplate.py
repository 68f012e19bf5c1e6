"""Outlet boilerplate: sentences an outlet repeats across many of its articles.

Sign-offs ("Reporting by ...; Editing by ..."), copyright lines, newsletter plugs and "Read
more" prompts recur in article after article of one outlet (passim calls this the ``series``
problem). Two articles of different outlets that both carry "Copyright 2024 The Associated
Press. All rights reserved." are not thereby one copying the other, so such a sentence is not
counted as reuse: the comparison drops it from both sides before linking.

A sentence is boilerplate for an outlet when at least ``min_count`` of the outlet's articles
carry it and they are at least ``min_share`` of the outlet's articles; or when two articles of
the outlet carry it but otherwise have little in common (``max_overlap``: the Jaccard of their
sentence sets without it), which catches the wire footer of an outlet seen only twice without
taking a republished story for a footer.

Wire footers also travel between outlets ("Copyright The Associated Press. All rights
reserved." in every AP reprint, whatever the outlet): a short sentence (at most 25 words) that
at least ``min_count`` articles carry, (nearly) always among their last four body sentences, two
of which otherwise have little in common, is a footer everywhere (key ``EVERYWHERE``), and so is
a known agency copyright line or sign-off (``lang/boilerplate.py``) however few articles carry it. Reused passages
are not always last, so they do not qualify. Sentences are matched
after case folding and whitespace collapsing, which is cheap enough to run over every sentence of
a large corpus.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass

from ..lang.boilerplate import is_known_boilerplate
from ._db import IndexReader, chunked

__all__ = ["EVERYWHERE", "BoilerplateSettings", "detect_boilerplate", "sentence_key"]

#: Key of the outlet-independent set in ``detect_boilerplate``'s result.
EVERYWHERE = "\x00everywhere"
#: Body sentences at the end of an article where footers live.
_TAIL = 4
#: Share of its articles in which a footer must sit in the tail.
_TAIL_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class BoilerplateSettings:
    """When a repeated sentence counts as an outlet's boilerplate.

    Attributes:
        min_count: Articles of the outlet that must carry it.
        min_share: Share of the outlet's articles that must carry it.
        max_overlap: For a sentence seen in two articles only: largest overlap of the rest.
    """

    min_count: int = 3
    min_share: float = 0.05
    max_overlap: float = 0.3


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
    held: Counter[int] = Counter()
    tails: dict[int, list[int]] = {}
    known: set[int] = set()  # agency copyright lines and sign-offs: boilerplate however rare
    for outlet, rowids in reader.texts_by_outlet():
        if outlet is None or len(rowids) < 2:
            for rowid, (text, _lang, spans) in reader.texts(rowids).items():
                _note_tail(rowid, text, spans, frozenset(sentence_key(text[s:e]) for _i, s, e, _r, _p in spans), held, tails, known)
            continue
        counts: Counter[int] = Counter()
        holders: dict[int, list[frozenset[int]]] = {}
        for chunk in chunked(rowids, 500):
            for rowid, (text, _lang, spans) in reader.texts(chunk).items():
                keys_here = frozenset(sentence_key(text[s:e]) for _i, s, e, _role, _p in spans)
                counts.update(keys_here)
                _note_tail(rowid, text, spans, keys_here, held, tails, known)
                if len(rowids) < 1000:  # the pairwise test is for small outlets; large ones have counts
                    for k in keys_here:
                        holders.setdefault(k, []).append(keys_here)
        need = max(settings.min_count, settings.min_share * len(rowids))
        keys = {k for k, n in counts.items() if n >= need}
        pairs = [(k, holders.get(k)) for k, n in counts.items() if n == 2 and k not in keys]
        shared = [(k, h) for k, h in pairs if h and len(h) == 2]
        for k, (x, y) in shared:
            rest_x, rest_y = x - {k}, y - {k}
            union = rest_x | rest_y
            if not union or len(rest_x & rest_y) / len(union) <= settings.max_overlap:
                keys.add(k)
        if keys:
            found[outlet] = frozenset(keys)
    footers = _footers(reader, held, tails, settings) | known
    if footers:
        found[EVERYWHERE] = footers
    return found


def _note_tail(rowid: int, text: str, spans, keys: frozenset[int], held: Counter, tails: dict[int, list[int]], known: set[int]) -> None:
    held.update(keys)
    body = [(s, e) for _i, s, e, role, _p in spans if role == "body"]
    for s, e in body[-_TAIL:]:
        if text.count(" ", s, e) < 25:
            key = sentence_key(text[s:e])
            tails.setdefault(key, []).append(rowid)
            if is_known_boilerplate(text[s:e]):
                known.add(key)


def _footers(reader: IndexReader, held: Counter, tails: dict[int, list[int]], settings: BoilerplateSettings) -> frozenset[int]:
    # Two holders are not enough across outlets: two articles ending on the same reused passage
    # look exactly like two articles ending on the same footer (at 100k planted articles, 18
    # reuse pairs were lost that way). A real wire footer recurs in many articles.
    wanted = {k: r for k, r in tails.items() if len(set(r)) >= max(2, settings.min_count) and len(set(r)) >= _TAIL_SHARE * held[k]}
    if not wanted:
        return frozenset()
    sets = {}
    for rowid, (text, _l, spans) in reader.texts({r for rs in wanted.values() for r in rs[:20]}).items():
        sets[rowid] = frozenset(sentence_key(text[s:e]) for _i, s, e, _r, _p in spans)
    out = set()
    for key, rowids in wanted.items():
        holders = [sets[r] - {key} for r in dict.fromkeys(rowids[:20]) if r in sets]
        if any(not (x | y) or len(x & y) / len(x | y) <= settings.max_overlap for i, x in enumerate(holders) for y in holders[i + 1 :]):
            out.add(key)
    return frozenset(out)
