"""``newslineage spark reuse``: the reuse job on Apache Spark (local or a cluster)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import app

spark_app = typer.Typer(help="Run newslineage jobs on Apache Spark, for corpora one machine cannot hold.", no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("reuse")
def reuse(
    corpus: Annotated[str, typer.Argument(help="JSON Lines file(s) or a Parquet folder with id/series/date/text columns.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the stage outputs (bands/, pairs/, edges/ as Parquet).")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL; local[*] uses every core of this machine.")] = "local[*]",
    id_col: Annotated[str, typer.Option("--id-col")] = "id",
    text_col: Annotated[str, typer.Option("--text-col")] = "text",
    outlet_col: Annotated[str, typer.Option("--outlet-col")] = "series",
    date_col: Annotated[str, typer.Option("--date-col")] = "date",
    min_coverage: Annotated[float, typer.Option("--min-coverage", help="Smallest share of either article that makes an edge.")] = 0.2,
) -> None:
    """Find reuse edges (who copied whom) with Spark; resumes from the last finished stage."""
    from ..errors import MissingDependencyError
    from ..spark import find_reuse

    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise MissingDependencyError("the Spark backend", "spark") from exc
    console = Console(stderr=True)
    console.print(f"starting Spark ({master}) ...", highlight=False)
    # executors must run a Python that has newslineage installed: on a local master that is
    # this interpreter; on a cluster, install newslineage on the workers and set PYSPARK_PYTHON
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(master).appName("newslineage").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        counts = find_reuse(
            spark,
            corpus,
            output,
            columns={"id": id_col, "text": text_col, "series": outlet_col, "date": date_col},
            min_coverage=min_coverage,
        )
    finally:
        spark.stop()
    console.print(
        f"{counts['articles']} articles, {counts['candidate_pairs']} candidate pairs, {counts['edges']} reuse edges -> {output / 'edges'}",
        highlight=False,
    )
