"""What ``Index.add`` and ``Index.sources`` return."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Comparison, Document

__all__ = ["SOURCES_SCHEMA", "IngestReport", "Source", "SourcesResult"]

SOURCES_SCHEMA = "newslineage.sources/1"


@dataclass
class IngestReport:
    """Counts and timings of one ingest run.

    Attributes:
        added: Articles newly stored.
        duplicates: Articles already stored (same id or same text) or repeated in the input.
        skipped: Bad records skipped (unreadable, empty text).
        errors: Messages of the skipped records (``file:line: reason``), in input order.
        seconds: Wall-clock time of the run.
        timings: Seconds per stage: parse, prepare, fingerprint, embed (article vectors),
            passages (passage vectors), write, ann (adding passages to the nearest-neighbour
            file); prepare to passages are summed over worker processes, so they can exceed
            ``seconds``.
    """

    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=lambda: {"parse": 0.0, "prepare": 0.0, "fingerprint": 0.0, "embed": 0.0, "passages": 0.0, "write": 0.0, "ann": 0.0})

    @property
    def processed(self) -> int:
        """Every record seen: added, duplicate or skipped."""
        return self.added + self.duplicates + self.skipped

    @property
    def rate(self) -> float:
        """Records per second over the run."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-friendly data."""
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "errors": list(self.errors),
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


@dataclass(frozen=True)
class Source:
    """One indexed article that may be a source of the query.

    Attributes:
        article: The stored article.
        score: Share of the query's body characters explained by this source, weighted by how
            close each link is (1.0 = the query is a verbatim copy of it).
        comparison: The full comparison, query as A and this source as B.
        retrieval: How it was found: ``bands``/``anchors`` shared, ``containment`` of the query's
            anchors, MinHash ``jaccard``, article vector ``cosine``, ``passage_cosine`` and
            ``passage_support`` of its passage vectors.
        passage: The passage of the source closest to the query, ``(first sentence index, last
            sentence index, cosine)``, when it was met through its passage vectors.
    """

    article: Article
    score: float
    comparison: Comparison
    retrieval: dict[str, float]
    passage: tuple[int, int, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        """This source in the ``newslineage.sources/1`` document."""
        doc = self.comparison.to_dict()
        return {
            "id": self.article.id,
            "outlet": self.article.outlet,
            "title": self.article.title or self.comparison.b.headline,
            "published_at": self.article.published_at,
            "score": round(self.score, 4),
            "relation": doc["relation"],
            "links": doc["links"],
            "retrieval": {k: round(v, 4) for k, v in self.retrieval.items()},
            "passage": self._passage(),
        }

    def _passage(self) -> dict[str, Any] | None:
        if self.passage is None:
            return None
        first, last, cosine = self.passage
        sents = {s.index: s for s in self.comparison.b.sentences}
        if first not in sents or last not in sents:
            return None
        return {"sentences": [first, last], "start": sents[first].start, "end": sents[last].end, "cosine": round(cosine, 4)}


@dataclass(frozen=True)
class SourcesResult:
    """Ranked sources of a query, best first.

    Attributes:
        query: The prepared query.
        sources: Candidates that the comparison found related, best first.
        candidates: How many candidates retrieval produced before comparison.
        timings: Seconds per stage (prepare, retrieve, compare).
    """

    query: Document
    sources: tuple[Source, ...]
    candidates: int = 0
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The ``newslineage.sources/1`` JSON document (docs/sources-schema.md)."""
        art = self.query.article
        return {
            "schema": SOURCES_SCHEMA,
            "query": {
                "id": art.id,
                "title": art.title or self.query.headline,
                "published_at": art.published_at,
                "language": self.query.language,
                "sentences": len(self.query.body),
            },
            "sources": [s.to_dict() for s in self.sources],
        }
