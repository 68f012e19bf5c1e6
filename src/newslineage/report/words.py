"""How verdicts read, in one place: the page's headline, the terminal's, and a list of sources.

``{a}`` and ``{b}`` are the names of the two texts (the compared article and its possible source).
"""

from __future__ import annotations

__all__ = ["verdict_words"]

_FULL = {
    "a_derives_from_b": "{a} derives from {b}",
    "b_derives_from_a": "{b} derives from {a}",
    "shared_source": "{a} and {b} share a source",
    "same_story": "{a} and {b} report the same story without reuse",
    "unrelated": "{a} and {b} are unrelated",
}
#: Terminal headline: the names only where the verdict has a direction or a shared source.
_SHORT = {**_FULL, "same_story": "same story, no reuse", "unrelated": "unrelated"}
#: A column of ranked sources: each row is "the query" against one source ("it").
_SOURCES = {
    "a_derives_from_b": "query derives from it",
    "b_derives_from_a": "it derives from the query",
    "shared_source": "shared source",
    "same_story": "same story, no reuse",
    "unrelated": "unrelated",
}
_STYLES = {"full": _FULL, "short": _SHORT, "sources": _SOURCES}


def verdict_words(verdict: str, a: str = "A", b: str = "B", style: str = "full") -> str:
    """A verdict in plain words: ``style`` is ``full`` (HTML), ``short`` (terminal) or ``sources``.

    An unknown verdict is returned with its underscores as spaces.
    """
    template = _STYLES[style].get(verdict)
    return template.format(a=a, b=b) if template else verdict.replace("_", " ")
