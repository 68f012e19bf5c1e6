"""Corpus index: ingest articles into a store, then find the sources of a text.

``Index(path).add(articles)`` prepares, fingerprints (MinHash, LSH bands, containment
anchors) and embeds each article and writes it in transactional batches;
``Index(path).sources(text)`` retrieves candidates and explains the best with the compare kernel.
"""

from __future__ import annotations

from .core import DEFAULT_BATCH_SIZE, Index, default_params
from .report import SOURCES_SCHEMA, IngestReport, Source, SourcesResult

__all__ = ["DEFAULT_BATCH_SIZE", "SOURCES_SCHEMA", "Index", "IngestReport", "Source", "SourcesResult", "default_params"]
