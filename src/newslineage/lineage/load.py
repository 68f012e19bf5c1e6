"""Read an analysis back: for the web app, the report command and scripts."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import InputError
from .exports import SCHEMA

__all__ = ["analysis_folder", "load_comparison", "load_lineage", "load_stories", "load_story"]


def analysis_folder(db_or_dir: str | os.PathLike) -> Path | None:
    """The analysis folder for an analysis folder or an index file, or None when there is none.

    For an index file: the folder its latest ``analyze`` recorded beside it
    (``<db>.lineage.json``), else the default ``<db stem>.lineage``.
    """
    from .run import default_output, pointer_path

    path = Path(db_or_dir)
    if path.is_dir():
        return path if (path / "lineage.json").exists() else None
    pointer = pointer_path(path)
    if pointer.exists():
        try:
            folder = Path(json.loads(pointer.read_text(encoding="utf-8"))["output"])
        except (OSError, ValueError, KeyError, TypeError):
            folder = None
        if folder is not None and (folder / "lineage.json").exists():
            return folder
    folder = default_output(path)
    return folder if (folder / "lineage.json").exists() else None


def load_lineage(db_or_dir: str | os.PathLike) -> dict[str, Any] | None:
    """The whole ``newslineage.lineage/1`` document, or None when not analysed.

    Raises:
        InputError: ``lineage.json`` is there but is not a lineage document.
    """
    folder = analysis_folder(db_or_dir)
    if folder is None:
        return None
    path = folder / "lineage.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise InputError(f"{path}: not valid JSON ({exc}); run newslineage analyze again") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise InputError(f"{path}: not a {SCHEMA} document; run newslineage analyze again")
    doc["folder"] = str(folder)
    return doc


def load_stories(db_or_dir: str | os.PathLike) -> list[dict[str, Any]] | None:
    """Every story of an analysis (largest first), or None when the index was not analysed.

    Each story is ``{story_id, label, size, first_published, last_published, outlets,
    central_id, article_ids}``.
    """
    doc = load_lineage(db_or_dir)
    return None if doc is None else doc["stories"]


def load_story(db_or_dir: str | os.PathLike, story_id: str) -> dict[str, Any] | None:
    """One story with its articles (publication order) and the reuse edges between them.

    Returns:
        The story dict plus ``articles`` (as in ``articles.csv``) and ``edges`` (as in
        ``edges.csv`` plus ``links``, ``direction_by``, ``explained_by``); None when the
        analysis or the story does not exist.
    """
    doc = load_lineage(db_or_dir)
    if doc is None:
        return None
    story = next((s for s in doc["stories"] if s["story_id"] == story_id), None)
    if story is None:
        return None
    ids = set(story["article_ids"])
    by_id = {a["id"]: a for a in doc["articles"]}
    return {
        **story,
        "articles": [by_id[i] for i in story["article_ids"]],
        "edges": [e for e in doc["edges"] if e["source_id"] in ids or e["derived_id"] in ids],
    }


def load_comparison(db_or_dir: str | os.PathLike, derived_id: str, source_id: str) -> dict[str, Any] | None:
    """The ``newslineage.compare/2`` document ``analyze`` kept for an edge, or None.

    None when the index was not analysed, the edge is not one of its edges, or the analysis ran
    with ``--no-comparisons`` (compare the two stored articles instead).
    """
    from ._work import WORK_FILE, WorkStore

    folder = analysis_folder(db_or_dir)
    if folder is None or not (folder / WORK_FILE).exists():
        return None
    work = WorkStore(folder, readonly=True)
    try:
        return work.comparison(derived_id, source_id)
    finally:
        work.close()
