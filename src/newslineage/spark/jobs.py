"""Spark job: find reuse edges in a corpus too large for one machine.

Stages (each writes Parquet under ``output`` and is skipped when its output exists, so a run
that stopped resumes where it left off):

1. ``bands/``   — ``(id, series, date, band)`` per article and LSH band (``mapPartitions``);
2. ``pairs/``   — candidate pairs: articles sharing a band key (a shuffle on the key; buckets
   larger than ``max_bucket`` are outlet boilerplate or near-empty texts and are dropped);
3. ``edges/``   — each candidate compared with the compare kernel (``mapPartitions``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingDependencyError
from ..settings import CompareSettings
from .kernels import compare_pairs, prepare_rows

__all__ = ["EDGE_SCHEMA_FIELDS", "find_reuse"]

#: Columns of the edges table, as in ``newslineage analyze``'s edges.csv.
EDGE_SCHEMA_FIELDS = ("source_id", "derived_id", "kind", "verdict", "coverage_source", "coverage_derived", "score")


def _spark_types():
    try:
        from pyspark.sql import types as T
    except ImportError as exc:
        raise MissingDependencyError("the Spark backend", "spark") from exc
    return T


def _read(spark: Any, path: str, columns: dict[str, str]):
    T = _spark_types()
    if not Path(path).exists() and "://" not in path:
        raise InputError(f"{path}: no such file or folder; give a JSON Lines or Parquet corpus")
    if path.endswith(".parquet") or Path(path).is_dir():
        frame = spark.read.parquet(path)
    else:
        schema = T.StructType([T.StructField(name, T.StringType()) for name in dict.fromkeys(columns.values())])
        frame = spark.read.schema(schema).json(path)
    missing = [c for key, c in columns.items() if key in ("id", "text") and c not in frame.columns]
    if missing:
        raise InputError(f"{path}: has no column {missing[0]!r}; name the columns with --id-col/--text-col")
    select = [frame[columns[k]].cast("string").alias(k) if columns[k] in frame.columns else _null(k) for k in ("id", "series", "date", "text")]
    return frame.select(*select)


def _null(name: str):
    from pyspark.sql import functions as F

    return F.lit(None).cast("string").alias(name)


def find_reuse(
    spark: Any,
    input_path: str,
    output: str | Path,
    *,
    settings: CompareSettings | None = None,
    columns: dict[str, str] | None = None,
    num_perm: int = 64,
    bands: int = 32,
    seed: int = 1,
    shingle_size: int = 5,
    max_bucket: int = 200,
    min_coverage: float = 0.2,
) -> dict[str, int]:
    """Run the reuse job and return row counts per stage.

    Args:
        spark: An active ``SparkSession``.
        input_path: JSON Lines file(s) or a Parquet folder.
        output: Folder for the stage outputs (``bands/``, ``pairs/``, ``edges/``).
        settings: Compare settings (lexical-only by default: no model on executors needed).
        columns: Column names for ``id``, ``series``, ``date``, ``text``.
        num_perm, bands, seed, shingle_size: MinHash LSH parameters (2 rows per band: pairs
            sharing ~30% of their shingles collide with high probability, partial reuse too).
        max_bucket: Band buckets with more articles than this are ignored.
        min_coverage: Smallest coverage of either side that makes an edge.
    """
    T = _spark_types()
    from pyspark.sql import functions as F

    settings = settings or CompareSettings(embeddings=False)
    columns = {"id": "id", "series": "series", "date": "date", "text": "text", **(columns or {})}
    out = Path(output)
    articles = _read(spark, input_path, columns).where(F.col("text").isNotNull() & F.col("id").isNotNull())

    bands_path = str(out / "bands")
    if not (out / "bands" / "_SUCCESS").exists():
        band_schema = T.StructType([T.StructField(n, T.StringType()) for n in ("id", "series", "date", "band")])
        rdd = articles.rdd.map(lambda r: r.asDict()).mapPartitions(lambda rows: prepare_rows(rows, num_perm, bands, seed, shingle_size))
        spark.createDataFrame(rdd, band_schema).write.mode("overwrite").parquet(bands_path)
    band_rows = spark.read.parquet(bands_path)

    pairs_path = str(out / "pairs")
    if not (out / "pairs" / "_SUCCESS").exists():
        sizes = band_rows.groupBy("band").count().where((F.col("count") > 1) & (F.col("count") <= max_bucket))
        members = band_rows.join(sizes.select("band"), "band")
        left, right = members.alias("l"), members.alias("r")
        pairs = (
            left.join(right, (F.col("l.band") == F.col("r.band")) & (F.col("l.id") < F.col("r.id")))
            .select(F.col("l.id").alias("left_id"), F.col("r.id").alias("right_id"))
            .distinct()
        )
        pairs.write.mode("overwrite").parquet(pairs_path)
    pairs = spark.read.parquet(pairs_path)

    edges_path = str(out / "edges")
    if not (out / "edges" / "_SUCCESS").exists():
        texts = articles.select("id", "series", "date", "text")
        joined = (
            pairs.join(texts.select(*[F.col(c).alias("l_" + c) for c in texts.columns]), F.col("left_id") == F.col("l_id"))
            .join(texts.select(*[F.col(c).alias("r_" + c) for c in texts.columns]), F.col("right_id") == F.col("r_id"))
        )
        settings_json = json.dumps(asdict(settings))

        def to_pair(row):
            d = row.asDict()
            return (
                {k[2:]: d[k] for k in d if k.startswith("l_")},
                {k[2:]: d[k] for k in d if k.startswith("r_")},
            )

        edge_schema = T.StructType(
            [T.StructField(n, T.StringType()) for n in EDGE_SCHEMA_FIELDS[:4]]
            + [T.StructField(n, T.DoubleType()) for n in EDGE_SCHEMA_FIELDS[4:]]
        )
        edge_rdd = joined.rdd.map(to_pair).mapPartitions(lambda it: compare_pairs(it, settings_json, min_coverage))
        spark.createDataFrame(edge_rdd.map(lambda e: tuple(e[n] for n in EDGE_SCHEMA_FIELDS)), edge_schema).write.mode("overwrite").parquet(edges_path)
    edges = spark.read.parquet(edges_path)
    return {"articles": articles.count(), "candidate_pairs": pairs.count(), "edges": edges.count()}
