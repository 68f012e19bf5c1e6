"""How verdicts and lists read, in one place: the page's headline, the terminal's, a list of
sources, and the headings of the kept / added / omitted lists.

``{a}`` and ``{b}`` are the names of the two texts (the compared article and its possible source).
Every heading reads from the side the verdict names as the copy, so that "004 is partly derived
from 000" is never followed by "Added in 000".
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SideWords", "side_words", "verdict_words"]

_FULL = {
    "a_derives_from_b": "{a} derives from {b}",
    "b_derives_from_a": "{b} derives from {a}",
    "shared_source": "{a} and {b} share a source",
    "same_story": "{a} and {b} report the same story without reuse",
    "unrelated": "{a} and {b} are unrelated",
}
_EXTENT = {
    "a_derives_from_b": "{a} is {extent} derived from {b}",
    "b_derives_from_a": "{b} is {extent} derived from {a}",
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
_SOURCES_EXTENT = {
    "a_derives_from_b": "query {extent} derived from it",
    "b_derives_from_a": "it is {extent} derived from the query",
}
_STYLES = {"full": _FULL, "short": _SHORT, "sources": _SOURCES}


def verdict_words(verdict: str, a: str = "A", b: str = "B", style: str = "full", extent: str | None = None) -> str:
    """A verdict in plain words: ``style`` is ``full`` (HTML), ``short`` (terminal) or ``sources``.

    ``extent`` (``wholly`` / ``partly``) says how much of the copy comes from its source. An
    unknown verdict is returned with its underscores as spaces.
    """
    if extent in ("wholly", "partly"):
        template = (_SOURCES_EXTENT if style == "sources" else _EXTENT).get(verdict)
        if template:
            return template.format(a=a, b=b, extent=extent)
    template = _STYLES[style].get(verdict)
    return template.format(a=a, b=b) if template else verdict.replace("_", " ")


@dataclass(frozen=True)
class SideWords:
    """Headings and labels of a comparison's lists, read from the copy's side.

    Attributes:
        copy_is_b: The verdict says B derives from A (tables then show B first).
        kept: Heading of the kept-sentences table.
        a_unsupported: Heading of A's sentences with nothing in B (``Comparison.added``).
        a_label: Short label of such a sentence.
        b_unused: Heading of B's sentences not in A (``Comparison.omitted``).
        b_label: Short label of such a sentence.
        partial: Heading of A's partly supported sentences.
        partial_label: Short label of such a sentence.
    """

    copy_is_b: bool
    kept: str
    a_unsupported: str
    a_label: str
    b_unused: str
    b_label: str
    partial: str
    partial_label: str


def side_words(verdict: str, a: str = "A", b: str = "B") -> SideWords:
    """The headings for a verdict: added/omitted when a copy is named, "only in" otherwise."""
    if verdict == "b_derives_from_a":
        return SideWords(
            True,
            f"Kept sentences ({b} ← {a})",
            f"Omitted from {a} (not carried into {b})",
            "omitted",
            f"Added in {b} (not supported by {a})",
            "added",
            f"Partly carried into {b} (the rest of the sentence is not)",
            "partly carried",
        )
    if verdict == "a_derives_from_b":
        return SideWords(
            False,
            f"Kept sentences ({a} ← {b})",
            f"Added in {a} (not supported by {b})",
            "added",
            f"Omitted from {b} (not carried into {a})",
            "omitted",
            f"Partly supported in {a} (the marked words are not in {b})",
            "partly supported",
        )
    return SideWords(
        False,
        f"Shared sentences ({a} · {b})",
        f"Only in {a} (not in {b})",
        f"only in {a}",
        f"Only in {b} (not in {a})",
        f"only in {b}",
        f"Partly shared: sentences of {a} partly found in {b} (the marked words are not)",
        "partly shared",
    )
