"""Word vectors (synonym support) are cached per encoder: two encoders in one process do not mix."""

from __future__ import annotations

from newslineage import compare
from newslineage.settings import CompareSettings

PAIRS = [
    ("The council approved the accusations against the mayor on Tuesday after a long debate in the town.",
     "The council approved the allegations against the mayor on Tuesday after a long debate in the town."),
    # some words seen above, some new: one lookup mixes cached and fresh vectors
    ("The council rejected the accusations against the harbour master on Friday after a short hearing.",
     "The council rejected the allegations against the harbour master on Friday after a brief hearing."),
]


def test_two_encoders_in_one_process():
    # USE vectors have 512 dimensions, the hashing embedder's 256: a cache keyed by word alone
    # stacked both ("all input arrays must have the same shape")
    for name, (a, b) in zip(("use", "hashing"), PAIRS):
        assert compare(a, b, settings=CompareSettings(embeddings=True, embedder=name)).links
    for name, (a, b) in zip(("hashing", "use"), PAIRS):
        assert compare(b, a, settings=CompareSettings(embeddings=True, embedder=name)).links
