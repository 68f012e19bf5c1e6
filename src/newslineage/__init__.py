"""newslineage: tell where a news text came from and how it changed on the way.

>>> import newslineage
>>> result = newslineage.compare("examples/seeds/000_0b8b1ce8151e0a78.txt",
...                              "examples/seeds/004_04fc8d81745fa5a0.txt")
>>> result.relation.verdict in ("a_derives_from_b", "shared_source")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import NewslineageError
from .model import Article, Comparison, Document, FactChange, Link, Passage, Relation, Sentence
from .pairwise import compare, compare_documents
from .prepare import prepare
from .settings import CompareSettings, load_settings

if TYPE_CHECKING:
    from .index import Index

__version__ = "0.1.0"


def __getattr__(name: str):
    # The corpus index pulls in datasketch and the store (half a second of imports);
    # ``compare`` alone should not pay for it.
    if name == "Index":
        from .index import Index

        return Index
    raise AttributeError(f"module 'newslineage' has no attribute {name!r}")


__all__ = [
    "Article",
    "CompareSettings",
    "Comparison",
    "Document",
    "FactChange",
    "Index",
    "Link",
    "NewslineageError",
    "Passage",
    "Relation",
    "Sentence",
    "compare",
    "compare_documents",
    "load_settings",
    "prepare",
]
