"""Helpers: small synthetic corpora written into real indexes (no model: embedder ``none``)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslineage.model import Article

_WORDS = (
    "harbour council budget river bridge minister festival school hospital tariff election farmer "
    "strike railway museum drought vaccine court mayor police storm energy pipeline ferry airport "
    "teacher nurse factory export import wheat coffee copper lithium battery solar wind coast island "
    "village capital province senate ruling appeal protest union wage pension housing rent market "
    "inflation currency bank loan bond investor startup software satellite rocket telescope glacier "
    "forest wildfire flood earthquake volcano tunnel highway stadium league coach player champion"
).split()


def sentences(seed: int, n: int) -> list[str]:
    """``n`` distinct made-up news sentences."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 16))]
        out.append(("The " + " ".join(words) + f" said on day {rng.randint(1, 900)}.").capitalize())
    return out


def text(sents: list[str]) -> str:
    return " ".join(sents)


def build_index(path: Path, articles: list[Article]) -> Path:
    """Ingest articles into a lexical-only index at ``path``."""
    from newslineage.index import Index

    with Index(path, embedder="none", workers=1) as index:
        index.add(articles)
    return path


@pytest.fixture
def gen():
    """``gen.sentences(seed, n)``, ``gen.text(sents)``, ``gen.build_index(path, articles)``."""

    class _Gen:
        pass

    g = _Gen()
    g.sentences, g.text, g.build_index = sentences, text, build_index  # type: ignore[attr-defined]
    return g


@pytest.fixture
def make_index(tmp_path):
    def make(articles: list[Article], name: str = "idx.db") -> Path:
        return build_index(tmp_path / name, articles)

    return make
