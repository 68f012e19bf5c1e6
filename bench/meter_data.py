"""METER courts corpus for bench/meter.py: newspaper texts, their labels, gold spans, PA copy.

Layout (see ../shared/data/meter_courts/SOURCE.txt): ``file_index/{wholly,partially,non}_derived.txt``
label 770 newspaper texts; ``newspapers/annotated/**.sgml`` holds 355 of them annotated phrase by
phrase (``<Verbatim>``, ``<Rewrite>``, ``<New>``; the others carry ``<unclassified>`` only);
``PA/rawtexts/courts/<date>/<catchline>/*.txt`` holds the PA copy of each story, often in several
versions (first take, lead, night lead, second page, ...).

Definitions used by the benchmark:

* **Newspaper text.** For an annotated text, the concatenation of its element contents (that is
  what the gold spans index), with a blank line where the file has one between two elements and
  the sentence before it is finished (a new paragraph; the files also put blank lines inside
  sentences). Otherwise the raw newspaper file. Both are Latin-1.
* **PA copy of a story.** Every PA file of the story's folder, read as a user's file would be
  (``read_article``: decoding, HTML extraction for the one HTML file), joined with a blank line,
  in file-name order. The journalist had all of it; the annotators marked a phrase Verbatim or
  Rewrite when it came from any of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from _common import data_dir

from newslineage.lang import stopwords_for
from newslineage.textio import read_article

LABELS = ("wholly", "partially", "non")
_ELEMENT = re.compile(r"<(Verbatim|Rewrite|New)\b[^>]*>(.*?)</\1\s*>", re.DOTALL)
_WORD = re.compile(r"\w+", re.UNICODE)
_FINISHED = re.compile(r"""[.!?:;]["'\u2019\u201d)]*$|["\u201d]$""")
_STOP = stopwords_for("en")


@dataclass
class NewsText:
    """One labelled newspaper text."""

    path: str  # courts/<date>/<catchline>/<name>.txt
    story: str  # courts/<date>/<catchline>
    label: str  # wholly | partially | non
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, Verbatim|Rewrite|New)

    @property
    def annotated(self) -> bool:
        return bool(self.spans)


def _clean(piece: str) -> str:
    return piece.replace("\r\n", "\n").replace("\r", "\n")


def annotated_text(sgml: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of an annotated file and the label of every character span; ``("", [])`` when
    the file has no phrase annotation (``<unclassified>`` only)."""
    body = sgml.split("<body>", 1)[-1]
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    last_end = 0
    for m in _ELEMENT.finditer(body):
        gap = body[last_end : m.start()]
        if parts and re.search(r"\n[ \t\r]*\n", gap):
            # a blank line between two elements is a new paragraph, unless the sentence is not
            # finished (the files also break lines inside sentences: "Desmond Browne, QC, for")
            tail = "".join(parts[-3:]).rstrip(" \t")
            if _FINISHED.search(tail.rstrip("\n")):
                pad = "" if tail.endswith("\n\n") else "\n" if tail.endswith("\n") else "\n\n"
            else:
                pad = "" if tail != "".join(parts[-3:]) else " "
            parts.append(pad)
            pos += len(pad)
        piece = _clean(m.group(2))
        spans.append((pos, pos + len(piece), m.group(1)))
        parts.append(piece)
        pos += len(piece)
        last_end = m.end()
    return "".join(parts), spans


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry content (no stopwords, no one-letter words)."""
    return [w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in _STOP and (len(w) > 1 or w.isdigit())]


def new_share(spans: list[tuple[int, int, str]], text: str, start: int, end: int) -> float | None:
    """Share of the non-space characters of ``text[start:end]`` annotated New."""
    new = total = 0
    for s, e, label in spans:
        lo, hi = max(s, start), min(e, end)
        if lo >= hi:
            continue
        n = sum(1 for ch in text[lo:hi] if not ch.isspace())
        total += n
        if label == "New":
            new += n
    return new / total if total else None


def load(limit: int | None = None) -> tuple[list[NewsText], dict[str, list[Path]]]:
    """The labelled newspaper texts (sorted by path) and the PA files of every story."""
    root = data_dir("meter_courts")
    texts: list[NewsText] = []
    for label in LABELS:
        for line in (root / "file_index" / f"{label}_derived.txt").read_text().split("\n"):
            rel = line.strip().replace("meter_corpus/newspapers/rawtexts/", "")
            if not rel:
                continue
            sgml = root / "newspapers" / "annotated" / rel.replace(".txt", ".sgml")
            text, spans = annotated_text(sgml.read_text(encoding="latin-1")) if sgml.exists() else ("", [])
            if not spans:
                text = (root / "newspapers" / "rawtexts" / rel).read_text(encoding="latin-1")
            texts.append(NewsText(rel, rel.rsplit("/", 1)[0], label, text, spans))
    texts.sort(key=lambda t: t.path)
    if limit:
        texts = texts[:limit]
    pa: dict[str, list[Path]] = {}
    for path in sorted((root / "PA" / "rawtexts").glob("courts/*/*/*.txt")):
        pa.setdefault(str(path.parent.relative_to(root / "PA" / "rawtexts")), []).append(path)
    return texts, pa


def pa_files(root_paths: list[Path]) -> list[tuple[str, str]]:
    """``(id, text)`` of each PA file as a user's file would be read."""
    out = []
    for path in root_paths:
        parts = path.parts
        out.append(("/".join(parts[-4:]), read_article(path).text))
    return out


def pa_story_text(paths: list[Path]) -> str:
    """All PA copy of one story, joined with blank lines."""
    return "\n\n".join(text for _id, text in pa_files(paths))
