"""Compare candidate pairs: a lexical fast path over stored sentences, in a process pool.

The full comparison kernel (``compare_documents``) finds merges, splits, paraphrase and changed
facts, and costs tens of milliseconds a pair. Most candidates of a large corpus are not reuse at
all, so every candidate first goes through a fast path that rebuilds the sentences from the
spans the index stored (no re-segmentation), drops the outlet's boilerplate sentences, and links
body sentences one-to-one, best first, on the Dice similarity of their word features. Only pairs
that turn out to be reuse get the full kernel, whose document is kept for the report's
side-by-side view.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from ..align.kinds import link_kind
from ..fingerprint import features, similarity_matrix
from ..lang.quotes import is_quote, quoted_shares
from ..model import Article, Document, Sentence
from ._db import IndexReader
from .boilerplate import sentence_key

__all__ = ["PairResult", "Prepared", "compare_chunk", "fast_compare", "init_worker"]

#: Dice of word features from which two sentences are linked (``lexical_only_threshold``).
LINK_THRESHOLD = 0.3
#: Containment of the shorter sentence's features in the longer one that links them.
_CONTAINMENT = 0.6
_MIN_CONTAINED = 8
#: Feature-count ratio from which the longer sentence is taken for a merge of several.
_MERGED = 1.6


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article's body sentences ready for the fast path."""

    rowid: int
    language: str
    index: tuple[int, ...]
    texts: tuple[str, ...]
    chars: tuple[int, ...]
    feats: tuple[frozenset[int], ...]
    quoted: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class PairResult:
    """Fast-path result for a pair ``a < b``.

    Attributes:
        links: ``(a sentence index, b sentence index, kind, dice)`` per link.
        body_a, body_b: Body sentences counted (boilerplate left out).
        chars_a, chars_b: Share of body characters linked.
        lead_a, lead_b: Body sentences before the first linked one (a new top).
        tail_a, tail_b: Body sentences after the last linked one (a tail the other cut).
        quotes: ``(a sentence index, b sentence index)`` of the links whose two sentences are
            both direct quotations (one statement quoted twice, not necessarily a copy).
    """

    a: int
    b: int
    links: tuple[tuple[int, int, str, float], ...]
    body_a: int
    body_b: int
    chars_a: float
    chars_b: float
    lead_a: int = 0
    lead_b: int = 0
    tail_a: int = 0
    tail_b: int = 0
    quotes: tuple[tuple[int, int], ...] = ()

    @property
    def coverage_a(self) -> float:
        """Share of A's body sentences linked to B."""
        return len({x[0] for x in self.links}) / self.body_a if self.body_a else 0.0

    @property
    def coverage_b(self) -> float:
        """Share of B's body sentences linked to A."""
        return len({x[1] for x in self.links}) / self.body_b if self.body_b else 0.0

    def to_json(self) -> str:
        """Compact JSON for the work table."""
        ends = [self.lead_a, self.lead_b, self.tail_a, self.tail_b]
        return json.dumps([self.links, self.body_a, self.body_b, self.chars_a, self.chars_b, ends, self.quotes], separators=(",", ":"))

    @classmethod
    def from_json(cls, a: int, b: int, data: str) -> PairResult:
        """Inverse of ``to_json`` (results stored before lead, tail and quotes were kept read as none)."""
        links, body_a, body_b, chars_a, chars_b, *rest = json.loads(data)
        ends = rest[0] if rest else (0, 0, 0, 0)
        quotes = tuple((int(x), int(y)) for x, y in rest[1]) if len(rest) > 1 else ()
        return cls(a, b, tuple((int(x), int(y), str(k), float(d)) for x, y, k, d in links), body_a, body_b, chars_a, chars_b, *ends, quotes=quotes)


def prepare_stored(rowid: int, text: str, language: str | None, spans: Sequence[tuple], boilerplate: frozenset[int]) -> Prepared:
    """Body sentences of a stored article, boilerplate left out."""
    index, texts, chars, feats, quoted = [], [], [], [], []
    shares = quoted_shares([text[s:e] for _i, s, e, _r, _p in spans], [p for *_, p in spans])
    for (idx, s, e, role, _par), share in zip(spans, shares):
        if role != "body":
            continue
        sent = text[s:e]
        if boilerplate and sentence_key(sent) in boilerplate:
            continue
        index.append(idx)
        texts.append(sent)
        chars.append(e - s)
        feats.append(features(sent))
        quoted.append(is_quote(share))
    return Prepared(rowid, language or "und", tuple(index), tuple(texts), tuple(chars), tuple(feats), tuple(quoted))


def _kind(a_text: str, b_text: str, a_lang: str, b_lang: str, ratio: float) -> str:
    if ratio < _MERGED:
        return link_kind(a_text, b_text, a_lang, b_lang)
    # One side holds several sentences of the other (a merge, or a segmenter that did not split
    # a quote): judge the shorter text against its best-matching stretch of the longer one.
    short, long = (a_text, b_text) if len(a_text) <= len(b_text) else (b_text, a_text)
    match = fuzz.partial_ratio(" ".join(short.casefold().split()), " ".join(long.casefold().split()))
    return "verbatim" if match >= 97 else "edit" if match >= 75 else "paraphrase"


def _fits(short: frozenset[int], rest: frozenset[int]) -> bool:
    """True when a sentence is mostly contained in what a longer unit has left unlinked."""
    return len(short) >= _MIN_CONTAINED and len(short & rest) >= _CONTAINMENT * len(short)


def _keep_rest(i: int, rest: frozenset[int], left: dict[int, frozenset[int]], used: set[int]) -> None:
    """Leave a longer unit open to a further partner while enough of it is unlinked."""
    rest = rest & left.get(i, rest)
    if len(rest) >= _MIN_CONTAINED:
        left[i] = rest
        used.discard(i)
    else:
        used.add(i)


def fast_compare(a: Prepared, b: Prepared, threshold: float = LINK_THRESHOLD) -> PairResult:
    """Link the body sentences of two prepared articles, best first.

    A sentence is linked once, unless it is much longer than its partner (``_MERGED`` times the
    features): then it may take several partners, as when a rewrite merges sentences. The score
    is the Dice similarity, or the containment of the shorter sentence in the longer one.
    """
    links: list[tuple[int, int, str, float]] = []
    quotes: list[tuple[int, int]] = []
    if a.feats and b.feats:
        shared, dice = similarity_matrix(a.feats, b.feats)
        size_a = np.array([len(f) for f in a.feats], dtype=np.float32)[:, None]
        size_b = np.array([len(f) for f in b.feats], dtype=np.float32)[None, :]
        small = np.minimum(size_a, size_b)
        contained = np.where(small >= _MIN_CONTAINED, shared / np.maximum(small, 1), 0.0)
        score = np.maximum(dice, np.where(contained >= _CONTAINMENT, contained * 0.99, 0.0))
        rows, cols = np.nonzero(score >= threshold)
        if len(rows):
            scores = score[rows, cols]
            used_a: set[int] = set()
            used_b: set[int] = set()
            # features of a sentence not yet explained by its links: a unit that holds two
            # sentences of the other side (a merge, or a lost full stop) keeps the second's
            left_a: dict[int, frozenset[int]] = {}
            left_b: dict[int, frozenset[int]] = {}
            for k in np.argsort(-scores, kind="stable"):
                r, c = int(rows[k]), int(cols[k])
                if r in used_a or c in used_b:
                    continue
                fa, fb = a.feats[r], b.feats[c]
                if (r in left_a and not _fits(fb, left_a[r])) or (c in left_b and not _fits(fa, left_b[c])):
                    continue
                ratio = max(len(fa), len(fb)) / max(1, min(len(fa), len(fb)))
                if ratio < _MERGED or len(fa) <= len(fb):
                    used_a.add(r)
                if ratio < _MERGED or len(fb) <= len(fa):
                    used_b.add(c)
                if len(fa) > len(fb):
                    _keep_rest(r, fa - fb, left_a, used_a)
                elif len(fb) > len(fa):
                    _keep_rest(c, fb - fa, left_b, used_b)
                kind = _kind(a.texts[r], b.texts[c], a.language, b.language, ratio)
                links.append((a.index[r], b.index[c], kind, round(float(scores[k]), 4)))
                if a.quoted and b.quoted and a.quoted[r] and b.quoted[c]:
                    quotes.append((a.index[r], b.index[c]))
    links.sort()
    pos_a = {i: n for n, i in enumerate(a.index)}
    pos_b = {i: n for n, i in enumerate(b.index)}
    total_a, total_b = sum(a.chars), sum(b.chars)
    chars_a = sum(a.chars[pos_a[x[0]]] for x in links) / total_a if total_a else 0.0
    chars_b = sum(b.chars[pos_b[x[1]]] for x in links) / total_b if total_b else 0.0
    lead_a, tail_a = _ends({pos_a[x[0]] for x in links}, len(a.index))
    lead_b, tail_b = _ends({pos_b[x[1]] for x in links}, len(b.index))
    return PairResult(a.rowid, b.rowid, tuple(links), len(a.index), len(b.index), round(chars_a, 4), round(chars_b, 4), lead_a, lead_b, tail_a, tail_b, tuple(sorted(quotes)))


def _ends(linked: set[int], body: int) -> tuple[int, int]:
    """Body sentences before the first and after the last linked one."""
    return (min(linked), body - 1 - max(linked)) if linked else (0, 0)


# -- worker side -------------------------------------------------------------------------------
_STATE: dict = {}


def init_worker(
    db_path: str, boilerplate: dict[str, frozenset[int]], outlets: dict[int, str | None], meta: dict[int, tuple], comparisons: bool, embeddings: bool, wire: frozenset[int] = frozenset()
) -> None:
    """Open the index in this process and keep what every chunk needs (``wire``: articles with an agency tag)."""
    from ..index.ingest import widen_regex_cache

    widen_regex_cache()
    _STATE.clear()
    _STATE.update(
        reader=IndexReader(db_path),
        boilerplate=boilerplate,
        # A footer that one outlet repeats ("Copyright The Associated Press") is a footer in
        # every outlet that prints it, including those seen too rarely to detect it themselves.
        everywhere=frozenset().union(*boilerplate.values()) if boilerplate else frozenset(),  # EVERYWHERE included
        outlets=outlets,
        meta=meta,
        comparisons=comparisons,
        embeddings=embeddings,
        wire=wire,
        cache=OrderedDict(),
    )


def _prepared(rowids: set[int]) -> dict[int, tuple[Prepared, tuple]]:
    cache: OrderedDict = _STATE["cache"]
    missing = [r for r in rowids if r not in cache]
    if missing:
        for rowid, (text, lang, spans) in _STATE["reader"].texts(missing).items():
            bp = _STATE["boilerplate"].get(_STATE["outlets"].get(rowid), frozenset()) | _STATE["everywhere"]
            cache[rowid] = (prepare_stored(rowid, text, lang, spans, bp), (text, lang, spans))
    for r in rowids:
        if r in cache:
            cache.move_to_end(r)
    while len(cache) > 4000:
        cache.popitem(last=False)
    return {r: cache[r] for r in rowids if r in cache}


def _document(rowid: int, raw: tuple) -> Document:
    text, lang, spans = raw
    aid, outlet, title, date = _STATE["meta"][rowid]
    art = Article(text=text, id=aid, outlet=outlet, title=title, published_at=date, language=lang)
    lang = lang or "und"
    return Document(art, lang, tuple(Sentence(i, s, e, text[s:e], role, p, lang) for i, s, e, role, p in spans))


def _comparison(derived: int, source: int, docs: dict) -> bytes:
    from ..pairwise import compare_documents
    from ..settings import CompareSettings

    settings = CompareSettings(embeddings=_STATE["embeddings"], embedder="use")
    d_id, s_id = _STATE["meta"][derived][0], _STATE["meta"][source][0]
    result = compare_documents(_document(derived, docs[derived][1]), _document(source, docs[source][1]), settings, a_name=d_id, b_name=s_id)
    return gzip.compress(json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 5)


def compare_chunk(pairs: Sequence[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[PairResult], list[tuple[str, str, bytes]]]:
    """Compare a chunk of candidate pairs in this worker.

    Returns:
        ``(pairs compared, results with at least one link, comparisons)`` where comparisons are
        ``(derived, source, gzipped newslineage.compare/2 JSON)`` for pairs that are reuse.
    """
    from .direction import is_reuse, orient

    docs = _prepared({x for p in pairs for x in p})
    results, comparisons = [], []
    for a, b in pairs:
        if a not in docs or b not in docs:
            continue
        res = fast_compare(docs[a][0], docs[b][0])
        if not res.links:
            continue
        results.append(res)
        if _STATE["comparisons"] and is_reuse(res):
            source, derived, _by = orient(res, _STATE["meta"][a][3], _STATE["meta"][b][3], a in _STATE["wire"], b in _STATE["wire"])
            comparisons.append((_STATE["meta"][derived][0], _STATE["meta"][source][0], _comparison(derived, source, docs)))
    return list(pairs), results, comparisons


def worker_count(requested: int | None) -> int:
    """Workers to use: the request, else every core."""
    if requested and requested > 0:
        return requested
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
