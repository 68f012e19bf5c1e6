"""The ``newslineage.compare/2`` JSON document (documented in docs/schema.md).

The document is the contract scripts and other tools depend on: field names and meanings only
change with a new schema version. Offsets index the article text as read (after decoding, and
after main-text extraction for HTML input), in Unicode code points, end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Comparison, Document, FactChange, Link, Passage, Support

__all__ = ["COMPARE_SCHEMA", "comparison_to_dict", "document_to_dict"]

COMPARE_SCHEMA = "newslineage.compare/2"


def document_to_dict(doc: Document) -> dict[str, Any]:
    """One article of a comparison: metadata, text and every unit with its role and offsets."""
    art = doc.article
    return {
        "id": art.id,
        "title": art.title or doc.headline,
        "outlet": art.outlet,
        "url": art.url,
        "published_at": art.published_at,
        "language": doc.language,
        "encoding": art.encoding,
        "origin": art.origin,
        "text": art.text,
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "role": s.role, "paragraph": s.paragraph}
            for s in doc.sentences
        ],
    }


def _change(ch: FactChange) -> dict[str, Any]:
    return asdict(ch)  # every field is a str or an int


def _link(link: Link) -> dict[str, Any]:
    return {
        "a": list(link.a),
        "b": list(link.b),
        "kind": link.kind,
        "score": link.score,
        "lexical": link.lexical,
        "semantic": link.semantic,
        "changes": [_change(ch) for ch in link.changes],
    }


def _passage(p: Passage) -> dict[str, Any]:
    return {
        "a_start": p.a_start,
        "a_end": p.a_end,
        "b_start": p.b_start,
        "b_end": p.b_end,
        "kind": p.kind,
        "a": list(p.a),
        "b": list(p.b),
        "links": list(p.links),
    }


def _support(s: Support) -> dict[str, Any]:
    return {
        "a": s.a,
        "level": s.level,
        "share": s.share,
        "b": list(s.b),
        "new": [list(span) for span in s.new],
        "new_facts": [list(span) for span in s.new_facts],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Serialise a ``Comparison`` as the ``newslineage.compare/2`` document."""
    rel = comparison.relation
    return {
        "schema": COMPARE_SCHEMA,
        "mode": comparison.mode,
        "embedder": comparison.embedder,
        "names": {"a": comparison.names[0], "b": comparison.names[1]},
        "a": document_to_dict(comparison.a),
        "b": document_to_dict(comparison.b),
        "links": [_link(link) for link in comparison.links],
        "passages": [_passage(p) for p in comparison.passages],
        "support": [_support(s) for s in comparison.support],
        "carried": [_support(s) for s in comparison.carried],
        "added": list(comparison.added),
        "partial": list(comparison.partial),
        "omitted": list(comparison.omitted),
        "relation": {
            "verdict": rel.verdict,
            "coverage_a": rel.coverage_a,
            "coverage_b": rel.coverage_b,
            "coverage_a_chars": rel.coverage_a_chars,
            "coverage_b_chars": rel.coverage_b_chars,
            "confidence": rel.confidence,
            "explanation": rel.explanation,
            "evidence": list(rel.evidence),
            "copied_a": rel.copied_a,
            "copied_b": rel.copied_b,
            "supported_a": rel.supported_a,
            "supported_b": rel.supported_b,
            "extent": rel.extent,
        },
    }
