"""Support: how much of each sentence of A is found in B.

A sentence link says "this sentence comes from that one"; real rewrites are rarely that tidy.
A newspaper fuses two wire sentences into one, keeps a clause of a source sentence and adds a
detail of its own, or turns direct speech into reported speech. So each body sentence of A gets a
*support level* from the words it shares with the sentences of B that say the same thing:

- ``kept``: its content is in B (one sentence, or several fused), every name and figure of it
  included (a sentence that names someone its source does not is news of its own);
- ``partial``: some of its content is in B, some is not (the new words are named);
- ``added``: nothing of it is in B beyond the names the whole story shares.

The supporting sentences of B are found greedily (a set cover over the content words of the A
sentence): first the sentences it is linked to, then, best first, each sentence of B that
explains at least two more of its content words and is about the same thing (cosine, with
embeddings). Counting words of the supporting sentences only, not of the whole of B, is what
keeps an added sentence that names the defendant and the court from looking supported. Words
are compared by Snowball stem, with a country, its capital and its adjective counted as one
("Beijing" = "China" = "Chinese"). Asked the other way round (B's sentences against A), the
same measure tells which of B's sentences A omitted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..lang import stopwords_for
from ..lang.data import ALIAS_GROUP
from ..lang.stem import stem
from ..model import Document, Link, Support
from .similarity import Similarity

__all__ = ["KEPT_SHARE", "PARTIAL_SHARE", "sentence_support"]

#: Share of a sentence's content words found in B (weighted, see ``sentence_support``) from
#: which it is kept.
KEPT_SHARE = 0.7
#: Share from which it is partly supported (below: added): a third of what it says.
PARTIAL_SHARE = 1 / 3
#: A linked sentence whose cosine with its counterpart reaches this is kept whatever its words
#: (a paraphrase or translation may share few words).
KEPT_COSINE = 0.8
#: Most sentences of B that support one sentence of A besides its link (a rewrite fuses two or
#: three source sentences; more is a summary of the whole text).
MAX_SUPPORTERS = 3
#: Content words a sentence of B must explain (that the chosen ones did not) to support.
MIN_GAIN = 2
#: Cosine below which a sentence of B is not about the same thing (embeddings on).
MIN_SUPPORT_COSINE = 0.3

#: Cosine of two single words' embeddings from which one says the other ("denied"/"rejected"
#: 0.84, "jailed"/"imprisoned" 0.82; "guilty"/"innocent" 0.72, "road"/"pavement" 0.64).
SYNONYM_COSINE = 0.8

WordVectors = Callable[[list[str]], np.ndarray]

#: What precedes a capital that starts a new sentence or quotation rather than a name.
_AFTER_STOP = frozenset({". ", "? ", "! ", ': ', '" ', "“", "‘", "'"})

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    key: str  # stem, or alias group
    content: bool
    low: str  # the word, lower case
    fact: bool = False  # a name (capitalised inside the sentence) or a figure


def _words(text: str, offset: int, language: str) -> list[_Word]:
    stop = stopwords_for(language)
    matches = list(_WORD.finditer(text))
    lows = []
    for m in matches:
        low = m.group().casefold().replace("’", "'")
        lows.append(low[:-2] if low.endswith("'s") else low)
    keys = [stem(low, language) for low in lows]
    for k in range(len(lows)):  # "the United States" = "the US" = "Washington"
        for size in (2, 1):
            name = " ".join(lows[k : k + size])
            group = ALIAS_GROUP.get(name) if k + size <= len(lows) else None
            if group is not None:
                keys[k : k + size] = [f"@{group}"] * size
                break
    out = []
    for k, (m, low, key) in enumerate(zip(matches, lows, keys)):
        content = low not in stop and (len(low) > 1 or low.isdigit())
        word = m.group()
        fact = content and (any(ch.isdigit() for ch in word) or (k > 0 and word[0].isupper() and text[m.start() - 2 : m.start()] not in _AFTER_STOP))
        out.append(_Word(offset + m.start(), offset + m.end(), key, content, low, fact))
    return out


def _new_spans(words: list[_Word], supported: set[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the runs of content words not found in B; the function words between
    two such words belong to the run ("in St Tudy" is one new detail, not two)."""
    spans: list[tuple[int, int]] = []
    for w in words:
        if not w.content:
            continue
        if w.key in supported:
            spans.append((-1, -1))  # a supported word ends the current run
        elif spans and spans[-1][0] >= 0:
            spans[-1] = (spans[-1][0], w.end)
        else:
            spans.append((w.start, w.end))
    return tuple(s for s in spans if s[0] >= 0)


def _synonyms(words: list[_Word], covered: set[str], supporters: list[list[_Word]], vectors: WordVectors) -> set[str]:
    """Keys of the unsupported words of a sentence that a supporting sentence says in other
    words ("allegations" for "accusations", "spying" for "espionage")."""
    missing = {w.low: w.key for w in words if w.content and w.key not in covered and not w.low.isdigit()}
    others = {w.low for ws in supporters for w in ws if w.content and not w.low.isdigit()}
    if not missing or not others:
        return set()
    left, right = sorted(missing), sorted(others)
    cos = vectors(left) @ vectors(right).T
    return {missing[word] for word, best in zip(left, cos.max(axis=1)) if best >= SYNONYM_COSINE}


def sentence_support(
    a: Document, b: Document, sim: Similarity, links: tuple[Link, ...], word_vectors: WordVectors | None = None
) -> tuple[Support, ...]:
    """Support level of every body sentence of A in B.

    Args:
        a, b: The prepared documents.
        sim: Their similarity matrices (rows = A's body sentences, columns = B's).
        links: The sentence links found by the aligner.
        word_vectors: Embeds single words (lower case), to accept synonyms; None = exact stems.

    Returns:
        One ``Support`` per body sentence of A, in reading order.
    """
    row_of = {idx: r for r, idx in enumerate(sim.a_index)}
    col_of = {idx: c for c, idx in enumerate(sim.b_index)}
    linked: dict[int, list[int]] = {}
    link_of: dict[int, Link] = {}
    for link in links:
        for i in link.a:
            linked.setdefault(row_of[i], []).extend(col_of[j] for j in link.b)
            link_of[row_of[i]] = link
    words_a = [_words(t, s.start, a.language) for t, s in zip(sim.a_texts, a.body)]
    words_b = [_words(t, s.start, b.language) for t, s in zip(sim.b_texts, b.body)]
    keys_b = [frozenset(w.key for w in ws if w.content) for ws in words_b]
    keys_a = [frozenset(w.key for w in ws if w.content) for ws in words_a]
    # words that run through the whole story (the defendant, the court) say little about
    # where one sentence comes from: each word weighs by how few sentences of the pair use it
    df: dict[str, int] = {}
    for ks in (*keys_a, *keys_b):
        for k in ks:
            df[k] = df.get(k, 0) + 1
    n_sent = max(1, len(keys_a) + len(keys_b))
    weight = {k: float(np.log(1 + n_sent / d)) for k, d in df.items()}
    semantic = sim.semantic
    supports: list[Support] = []
    for r, words in enumerate(words_a):
        keys = {w.key for w in words if w.content}
        link = link_of.get(r)
        chosen = list(dict.fromkeys(linked.get(r, [])))
        covered = set().union(*(keys_b[c] for c in chosen)) & keys if chosen else set()
        if not sim.crosslingual and keys:
            gains = np.array([len(keys & kb) for kb in keys_b])
            for _ in range(MAX_SUPPORTERS):
                best, best_gain = -1, 0
                for c in np.nonzero(gains >= MIN_GAIN)[0]:
                    c = int(c)
                    if c in chosen or (semantic is not None and semantic[r, c] < MIN_SUPPORT_COSINE):
                        continue
                    gain = len((keys & keys_b[c]) - covered)
                    if gain > best_gain or (gain == best_gain and gain and semantic is not None and semantic[r, c] > semantic[r, best]):
                        best, best_gain = c, gain
                if best_gain < MIN_GAIN:
                    break
                chosen.append(best)
                covered |= keys & keys_b[best]
        if word_vectors is not None and chosen and not sim.crosslingual:
            covered |= _synonyms(words, covered, [words_b[c] for c in chosen], word_vectors)
        content = [w for w in words if w.content]
        total = sum(weight[w.key] for w in content)
        share = sum(weight[w.key] for w in content if w.key in covered) / total if content else (1.0 if link else 0.0)
        if sim.crosslingual:
            level = "kept" if link else "added"
        elif link is not None:
            strong = (link.semantic or 0.0) >= KEPT_COSINE or link.kind in ("verbatim", "edit")
            level = "kept" if share >= KEPT_SHARE or strong else "partial"
        elif share >= KEPT_SHARE and not any(w.fact and w.key not in covered for w in content):
            level = "kept"
        elif share >= PARTIAL_SHARE:
            level = "partial"
        else:
            level = "added"
        spans = () if level == "added" or sim.crosslingual else _new_spans(words, covered)
        facts = tuple((w.start, w.end) for w in content if w.fact and w.key not in covered) if spans else ()
        supports.append(
            Support(
                a=sim.a_index[r],
                level=level,  # type: ignore[arg-type]
                share=round(share, 4),
                b=tuple(sorted(sim.b_index[c] for c in chosen)) if level != "added" else (),
                new=spans,
                new_facts=facts,
            )
        )
    return tuple(supports)
