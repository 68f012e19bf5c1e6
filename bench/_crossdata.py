"""Cross-lingual cases with exact gold, built from ECCE (EN/ZH) and WMT21 (DE/EN) line alignments.

Used by ``crosslingual.py``. ECCE: ``en/NNN.EN.txt`` and ``zh/NNN.ZH.txt`` hold one sentence a
line, line i of one aligned with line i of the other. WMT21 de-en: ``src.de`` and ``ref.A.en``
are line-aligned; ``newstest2021.en-de.src.en`` is other English news (distractors).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from _common import data_dir

from newslineage import Article


def _read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # one ECCE English file is GB18030
        return raw.decode("gb18030", errors="replace")


@dataclass(frozen=True)
class Pair:
    """One ECCE editorial in both languages, lines aligned."""

    name: str
    en: list[str]
    zh: list[str]


def ecce_pairs(aligned: bool = True) -> list[Pair]:
    """ECCE editorials; ``aligned``: only the 496 of 509 whose two files have as many lines
    (line i of one is the translation of line i of the other)."""
    root = data_dir("ecce_en_zh")
    out = []
    for en_path in sorted((root / "en").glob("*.EN.txt")):
        name = en_path.name.split(".")[0]
        zh_path = root / "zh" / f"{name}.ZH.txt"
        en = _read(en_path).rstrip("\r\n").split("\n")
        zh = _read(zh_path).rstrip("\r\n").split("\n")
        if len(en) != len(zh):
            if not aligned:
                out.append(Pair(name, [x.strip() for x in en if x.strip()], [x.strip() for x in zh if x.strip()]))
            continue
        keep = [i for i in range(len(en)) if en[i].strip() and zh[i].strip()]
        out.append(Pair(name, [en[i].strip() for i in keep], [zh[i].strip() for i in keep]))
    return out


def join_lines(lines: list[str]) -> tuple[str, list[tuple[int, int, int]]]:
    """One line a paragraph, with ``(start, end, line number)`` spans."""
    parts, spans, pos = [], [], 0
    for i, text in enumerate(lines):
        spans.append((pos, pos + len(text), i))
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts), spans


def wmt_lines() -> tuple[list[str], list[str], list[str]]:
    """(German originals, their English translation, other English news), one sentence a line."""
    root = data_dir("wmt21_newstest_de_en")
    de = (root / "newstest2021.de-en.src.de").read_text(encoding="utf-8").splitlines()
    en = (root / "newstest2021.de-en.ref.A.en").read_text(encoding="utf-8").splitlines()
    other = (root / "newstest2021.en-de.src.en").read_text(encoding="utf-8").splitlines()
    n = min(len(de), len(en))
    return de[:n], en[:n], other


@dataclass(frozen=True)
class PassageQuery:
    """A paragraph from inside a long source, translated; ``gold`` is the source's id."""

    id: str
    text: str
    language: str
    gold: str


def long_documents(lines_per_doc: int = 30) -> tuple[list[Article], list[Article], list[PassageQuery]]:
    """Long English documents, distractors and translated-passage queries with exact gold.

    * ECCE: each English editorial of at least 16 lines is a document; the query is 4
      consecutive Chinese lines from its middle, written as one Chinese paragraph.
    * WMT21: ``lines_per_doc`` consecutive lines of the English translation are a document
      (one line a paragraph); three queries per document, 4 German lines each written as one
      paragraph, at a quarter, half and three quarters of it.
    * Distractors: the other English news of WMT21, in documents of the same length.
    """
    docs: list[Article] = []
    queries: list[PassageQuery] = []
    for p in ecce_pairs():
        docs.append(Article(text="\n".join(p.en), id=f"ecce-en-{p.name}", language="en"))
        if len(p.en) >= 16:
            mid = len(p.zh) // 2 - 2
            queries.append(PassageQuery(f"ecce-zh-{p.name}@{mid}", "".join(p.zh[mid : mid + 4]), "zh", f"ecce-en-{p.name}"))
    de, en, other = wmt_lines()
    for d in range(len(en) // lines_per_doc):
        lo = d * lines_per_doc
        doc_id = f"wmt-en-{d:03d}"
        docs.append(Article(text="\n".join(en[lo : lo + lines_per_doc]), id=doc_id, language="en"))
        for frac in (0.25, 0.5, 0.75):
            s = lo + int(frac * lines_per_doc) - 2
            queries.append(PassageQuery(f"wmt-de-{s}", " ".join(de[s : s + 4]), "de", doc_id))
    distractors = [
        Article(text="\n".join(other[i : i + lines_per_doc]), id=f"wmt-x-{i:04d}", language="en") for i in range(0, len(other) - lines_per_doc + 1, lines_per_doc)
    ]
    return docs, distractors, queries
