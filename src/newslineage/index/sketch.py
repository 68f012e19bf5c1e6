"""Lexical sketches of a whole article: MinHash, LSH band keys and containment anchors.

Two ways to meet a source, because reuse in news is often partial:

* **LSH bands** of a MinHash signature find articles whose word 5-shingles overlap as a whole
  (Jaccard). With ``rows=2`` and 32 bands the curve's midpoint is at Jaccard ~0.18: a rewrite
  that keeps a third of the shingles is found with probability ~0.99, one that keeps a tenth
  with ~0.28.
* **Containment anchors**: every shingle whose hash is ``0 mod anchor_mod`` is kept (a
  document-independent sample, so two texts sample the same shingles). A query that copies three
  paragraphs of a long source shares most of those paragraphs' anchors with it, whatever the
  source's length, which Jaccard cannot see. The share of the query's anchors found in a
  candidate estimates the containment of the query in the candidate.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

from ..store import ANCHOR_BAND

__all__ = ["MINHASH_KIND", "Sketch", "band_keys", "jaccard", "sketch", "sketch_many"]

MINHASH_KIND = "datasketch-affine32"


class Sketch:
    """Signature, LSH band keys and anchors of one text."""

    __slots__ = ("anchors", "bands", "signature")

    def __init__(self, signature: np.ndarray, bands: list[tuple[int, int]], anchors: list[int]) -> None:
        self.signature = signature
        self.bands = bands
        self.anchors = anchors

    @property
    def keys(self) -> list[tuple[int, int]]:
        """(band_no, key) rows for the store: LSH bands then anchors."""
        return self.bands + [(ANCHOR_BAND, a) for a in self.anchors]


def _identity(value: int) -> int:
    # Shingles are already CRC-32 hashes; datasketch mixes them again (affine32 scheme).
    return value


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[tuple[int, int]]:
    """One 63-bit key per band: CRC-32 pairs of the band's values, band number mixed in."""
    out = []
    sig = np.asarray(signature, dtype="<u4")
    for b in range(bands):
        chunk = sig[b * rows : (b + 1) * rows].tobytes()
        hi = zlib.crc32(chunk, b)
        lo = zlib.crc32(chunk, b + 0x9E3779B9 & 0xFFFFFFFF)
        out.append((b, ((hi << 31) ^ lo) & 0x7FFFFFFFFFFFFFFF))
    return out


def sketch_many(shingle_sets: Sequence[set[int]], *, num_perm: int, seed: int, bands: int, rows: int, anchor_mod: int) -> list[Sketch]:
    """Sketches of many shingle sets (datasketch's vectorised ``MinHash.bulk``)."""
    hashes = MinHash.bulk([sorted(s) for s in shingle_sets], num_perm=num_perm, seed=seed, hashfunc=_identity)
    out = []
    for shingles, mh in zip(shingle_sets, hashes):
        sig = np.asarray(mh.hashvalues, dtype=np.uint32)
        anchors = sorted(h for h in shingles if h % anchor_mod == 0)
        out.append(Sketch(sig, band_keys(sig, bands, rows) if shingles else [], anchors))
    return out


def sketch(shingles: set[int], *, num_perm: int, seed: int, bands: int, rows: int, anchor_mod: int) -> Sketch:
    """Sketch of one shingle set."""
    return sketch_many([shingles], num_perm=num_perm, seed=seed, bands=bands, rows=rows, anchor_mod=anchor_mod)[0]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.mean(a == b)) if len(a) else 0.0
