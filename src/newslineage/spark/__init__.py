"""Apache Spark backend: the very same stage functions, scheduled by Spark.

For corpora one machine cannot hold. ``find_reuse`` reads articles (JSON Lines or Parquet with
passim-style columns ``id``, ``series``, ``date``, ``text``), prepares and fingerprints them in
``mapPartitions``, finds candidate pairs through MinHash LSH band collisions (a shuffle on band
keys, never all pairs), compares each candidate pair with the compare kernel
(``newslineage.compare_documents``) and writes Parquet tables with explicit schemas:
``articles/`` and ``edges/`` (the same columns as ``newslineage analyze``'s ``edges.csv``).
Each stage writes its output, so a run that stops can be resumed from the last finished stage.
"""

from __future__ import annotations

from .jobs import EDGE_SCHEMA_FIELDS, find_reuse

__all__ = ["EDGE_SCHEMA_FIELDS", "find_reuse"]
