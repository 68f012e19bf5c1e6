"""What kind of change turned the source sentences into the derived ones.

- ``verbatim``: the same words (case, punctuation, quotes and whitespace aside);
- ``edit``: most words kept in order, a few changed, added or dropped (a light edit);
- ``paraphrase``: same content reworded (a rewrite, also by machine);
- ``translation``: the two sides are in different languages.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ..fingerprint import tokens

__all__ = ["EDIT_MIN_WORD_SIMILARITY", "link_kind", "word_similarity"]

#: Share of words kept in order (word-level edit similarity) from which a change counts as a
#: light edit rather than a paraphrase.
EDIT_MIN_WORD_SIMILARITY = 0.55


def word_similarity(a_text: str, b_text: str) -> float:
    """Word-level normalised edit similarity in [0, 1] (1 = same words in the same order)."""
    return float(Levenshtein.normalized_similarity(tokens(a_text), tokens(b_text)))


def link_kind(a_text: str, b_text: str, a_language: str, b_language: str) -> str:
    """Classify a link between sentence groups ``a_text`` and ``b_text``."""
    ta, tb = tokens(a_text), tokens(b_text)
    if ta == tb:
        return "verbatim"
    known = {"und", ""}
    if a_language not in known and b_language not in known and a_language != b_language:
        # A shared language code is not needed for a translation, but identical words are:
        # a German article quoting an English sentence verbatim is a quote, not a translation.
        return "translation" if Levenshtein.normalized_similarity(ta, tb) < 0.5 else "edit"
    similarity = Levenshtein.normalized_similarity(ta, tb)
    if similarity >= 0.97:
        return "verbatim"
    if similarity >= EDIT_MIN_WORD_SIMILARITY:
        return "edit"
    return "paraphrase"
