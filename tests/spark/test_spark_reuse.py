"""The Spark backend: kernels without Spark, and one real local-mode run."""

from __future__ import annotations

import json
import os
import shutil
import sys

import numpy as np
import pytest

from newslineage.fingerprint import shingles
from newslineage.spark.kernels import band_keys, compare_pairs, minhash_signature

SOURCE = (
    "The city council approved a new budget on Monday after a long debate. Spending on public transport will rise "
    "by a fifth next year. The opposition criticised the plan as reckless and vowed to fight it. A final vote is "
    "expected in the regional parliament in March. Officials said the money would come from a new tax on parking."
)
OTHER = (
    "Heavy rain flooded the valley overnight and rescue teams evacuated dozens of families from their homes. The river "
    "rose two metres in six hours. Schools in the area will stay closed until Friday, the mayor said."
)


def test_minhash_is_deterministic_and_collides_for_copies():
    s1 = minhash_signature(shingles(SOURCE), 64, seed=1)
    assert np.array_equal(s1, minhash_signature(shingles(SOURCE), 64, seed=1))
    copy = minhash_signature(shingles("Local politics. " + SOURCE), 64, seed=1)
    other = minhash_signature(shingles(OTHER), 64, seed=1)
    assert set(band_keys(s1, 32)) & set(band_keys(copy, 32))
    assert not set(band_keys(s1, 32)) & set(band_keys(other, 32))


def test_compare_pairs_orients_edges_by_date_and_skips_same_outlet():
    wire = {"id": "w", "series": "agency", "date": "2024-01-01", "text": SOURCE}
    paper = {"id": "p", "series": "daily", "date": "2024-01-02", "text": SOURCE.replace("Monday", "Tuesday")}
    settings = json.dumps({"embeddings": False})
    (edge,) = list(compare_pairs([(paper, wire)], settings, 0.2))
    assert (edge["source_id"], edge["derived_id"], edge["verdict"]) == ("w", "p", "derives_from")
    same_outlet = dict(paper, series="agency")
    assert list(compare_pairs([(wire, same_outlet)], settings, 0.2)) == []


@pytest.mark.spark
@pytest.mark.slow
def test_local_spark_run_finds_the_planted_copies(tmp_path):
    if shutil.which("java") is None:
        pytest.skip("Java is not installed; the Spark backend needs Java 17")
    pyspark = pytest.importorskip("pyspark.sql")
    rows = [
        {"id": "wire-1", "series": "agency", "date": "2024-01-01", "text": SOURCE},
        {"id": "paper-1", "series": "daily", "date": "2024-01-02", "text": SOURCE.replace("Monday", "Tuesday") + " Readers can comment below."},
        {"id": "paper-2", "series": "weekly", "date": "2024-01-03", "text": OTHER},
        {"id": "paper-3", "series": "daily", "date": "2024-01-04", "text": OTHER.replace("two", "three") + " More rain is forecast."},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = pyspark.SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        from newslineage.spark import find_reuse

        counts = find_reuse(spark, str(corpus), tmp_path / "out")
        edges = {(r["source_id"], r["derived_id"]) for r in spark.read.parquet(str(tmp_path / "out" / "edges")).collect()}
        again = find_reuse(spark, str(corpus), tmp_path / "out")  # resumes: every stage already written
    finally:
        spark.stop()
    assert counts == again == {"articles": 4, "candidate_pairs": 2, "edges": 2}
    assert edges == {("wire-1", "paper-1"), ("paper-2", "paper-3")}
