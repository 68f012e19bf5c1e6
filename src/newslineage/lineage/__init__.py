"""Corpus lineage: story clusters and the directed graph of who reused whom.

>>> from newslineage.lineage import analyze, load_stories   # doctest: +SKIP
>>> analyze("newslineage.db", "lineage/", embeddings=False)   # doctest: +SKIP
>>> load_stories("lineage/")[0]["label"]                       # doctest: +SKIP

Stages (one module each): ``candidates`` (LSH bands, anchors, ``sentence_keys``, vector neighbours), ``boilerplate``
(per-outlet repeated sentences), ``edges`` (lexical fast path in a process pool),
``direction`` (derives-from, shared source, indirect), ``stories`` (clusters), ``exports`` (CSV, JSON,
GraphML) and ``html`` (the self-contained report).
"""

from __future__ import annotations

from .load import load_lineage, load_stories, load_story
from .run import AnalysisSummary, analyze, default_output

__all__ = ["AnalysisSummary", "analyze", "default_output", "load_lineage", "load_stories", "load_story"]
