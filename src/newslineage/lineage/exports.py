"""Export the lineage: CSV tables, ``lineage.json`` (``newslineage.lineage/1``) and GraphML.

The contract is documented in ``docs/lineage-exports.md``. Ids are the article ids given at
ingest. Every file is written to a temporary name and renamed, so a reader never sees half a
file.
"""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._db import ArticleMeta
from .direction import Edge
from .stories import Story

__all__ = ["ARTICLE_COLUMNS", "EDGE_COLUMNS", "SCHEMA", "STORY_COLUMNS", "build_document", "story_origin", "write_csv", "write_exports", "write_graphml", "write_json"]

SCHEMA = "newslineage.lineage/1"
ARTICLE_COLUMNS = ("id", "outlet", "title", "published_at", "story_id", "copy_of")
EDGE_COLUMNS = ("source_id", "derived_id", "kind", "verdict", "coverage_source", "coverage_derived", "score")
STORY_COLUMNS = ("story_id", "label", "size", "first_published", "last_published", "origin_id")


def story_origin(members: Sequence[int], edges: Sequence[Edge]) -> int | None:
    """The article a story's copying starts from, or None when nothing in it was copied.

    Among the articles that others derive from and that derive from no one in the story, the one
    with the most articles downstream (reprints included); at a tie the first published
    (``members`` is in publication order).
    """
    inside = set(members)
    out: dict[int, list[int]] = {}
    has_source: set[int] = set()
    for e in edges:
        if e.verdict == "derives_from" and e.source in inside and e.derived in inside:
            out.setdefault(e.source, []).append(e.derived)
            has_source.add(e.derived)
    roots = [r for r in members if r in out and r not in has_source]
    if not roots:  # a cycle of undated copies: the first published that others derive from
        roots = [r for r in members if r in out]
    if not roots:
        return None

    def downstream(root: int) -> int:
        seen, todo = {root}, [root]
        while todo:
            for nxt in out.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return len(seen) - 1

    rank = {r: i for i, r in enumerate(members)}
    return max(roots, key=lambda r: (downstream(r), -rank[r]))


def build_document(articles: Sequence[ArticleMeta], edges: Sequence[Edge], stories: Sequence[Story], info: dict[str, Any]) -> dict[str, Any]:
    """The ``newslineage.lineage/1`` document."""
    meta = {m.rowid: m for m in articles}
    story_of = {r: s.story_id for s in stories for r in s.members}
    origins = {s.story_id: story_origin(s.members, edges) for s in stories}
    return {
        "schema": SCHEMA,
        **info,
        "articles": [
            {
                "id": m.id,
                "outlet": m.outlet,
                "title": m.title,
                "published_at": m.published_at,
                "story_id": story_of.get(m.rowid),
                "copy_of": meta[m.copy_of].id if m.copy_of is not None else None,
            }
            for m in articles
        ],
        "edges": [
            {
                "source_id": meta[e.source].id,
                "derived_id": meta[e.derived].id,
                "kind": e.kind,
                "verdict": e.verdict,
                "coverage_source": e.coverage_source,
                "coverage_derived": e.coverage_derived,
                "score": e.score,
                "links": e.links,
                "direction_by": e.direction_by,
                "explained_by": meta[e.explained_by].id if e.explained_by is not None else None,
            }
            for e in edges
        ],
        "stories": [
            {
                "story_id": s.story_id,
                "label": s.label,
                "size": len(s.members),
                "first_published": s.first_published,
                "last_published": s.last_published,
                "origin_id": meta[origins[s.story_id]].id if origins[s.story_id] is not None else None,
                "outlets": sorted({meta[r].outlet for r in s.members if meta[r].outlet}),
                "central_id": meta[s.central].id,
                "article_ids": [meta[r].id for r in s.members],
            }
            for s in stories
        ],
    }


def _replace(path: Path, write) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        write(fh)
    os.replace(tmp, path)


def write_json(doc: dict[str, Any], path: Path) -> None:
    """Write ``lineage.json``."""
    _replace(path, lambda fh: json.dump(doc, fh, ensure_ascii=False, indent=1))


def write_csv(doc: dict[str, Any], folder: Path) -> list[Path]:
    """Write ``articles.csv``, ``edges.csv`` and ``stories.csv`` into a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns in (("articles", ARTICLE_COLUMNS), ("edges", EDGE_COLUMNS), ("stories", STORY_COLUMNS)):
        path = folder / f"{name}.csv"

        def write(fh, rows=doc[name], columns=columns) -> None:
            w = csv.writer(fh)
            w.writerow(columns)
            for row in rows:
                w.writerow(["" if row.get(c) is None else row.get(c) for c in columns])

        _replace(path, write)
        written.append(path)
    return written


def write_graphml(doc: dict[str, Any], path: Path) -> None:
    """Write the lineage graph as GraphML (nodes = articles, directed edges = reuse)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    keys = [("node", c) for c in ("outlet", "title", "published_at", "story_id", "copy_of")] + [("edge", c) for c in ("kind", "verdict", "coverage_source", "coverage_derived", "score")]
    for target, name in keys:
        kind = "double" if name in ("coverage_source", "coverage_derived", "score") else "string"
        ET.SubElement(root, "key", {"id": f"{target[0]}_{name}", "for": target, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="lineage", edgedefault="directed")
    for art in doc["articles"]:
        node = ET.SubElement(graph, "node", id=art["id"])
        for name in ("outlet", "title", "published_at", "story_id", "copy_of"):
            if art.get(name) is not None:
                ET.SubElement(node, "data", key=f"n_{name}").text = str(art[name])
    for i, e in enumerate(doc["edges"]):
        # GraphML edges point from source to target; reuse flows from the source to the copy.
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=e["source_id"], target=e["derived_id"])
        for name in ("kind", "verdict", "coverage_source", "coverage_derived", "score"):
            ET.SubElement(edge, "data", key=f"e_{name}").text = str(e[name])
    tree = ET.ElementTree(root)
    ET.indent(tree)
    _replace(path, lambda fh: tree.write(fh, encoding="unicode", xml_declaration=True))


def write_exports(doc: dict[str, Any], folder: Path) -> list[Path]:
    """Write every machine-readable export of an analysis into its folder."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = write_csv(doc, folder)
    write_json(doc, folder / "lineage.json")
    write_graphml(doc, folder / "lineage.graphml")
    return [*paths, folder / "lineage.json", folder / "lineage.graphml"]
