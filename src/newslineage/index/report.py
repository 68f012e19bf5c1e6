"""What ``Index.add`` and ``Index.sources`` return."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Comparison, Document

__all__ = ["EVENT_ACTIONS", "EVENT_COLUMNS", "SOURCES_SCHEMA", "IngestEvent", "IngestReport", "Source", "SourcesResult"]

SOURCES_SCHEMA = "newslineage.sources/1"


#: What ingest did with a record, as listed in the ingest summary (``IngestReport.events``).
EVENT_ACTIONS: dict[str, str] = {
    "reprint": "stored; its text is the text of an article already stored (a reprint): computed once, shared",
    "renamed": "stored under another id: another outlet already uses its id",
    "version": "stored as a new version: its id came back with another text (--on-duplicate-id version)",
    "duplicate": "not stored again: the same id, outlet and text are stored already",
    "refused": "not stored: its id is stored already with another text (--on-duplicate-id error)",
    "ignored": "not stored: its id is stored already with another text (--on-duplicate-id skip)",
    "bad": "not stored: the record cannot be used",
}


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One record ingest did something other than plainly store, and why.

    Attributes:
        action: A key of ``EVENT_ACTIONS``.
        id: The id it is stored under (or was given, when not stored).
        outlet: Its outlet.
        origin: Where it was read (``file.csv:12``), when known.
        detail: The reason in words, naming the other article involved.
    """

    action: str
    id: str
    outlet: str | None
    origin: str | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-friendly data."""
        return {"action": self.action, "id": self.id, "outlet": self.outlet, "origin": self.origin, "detail": self.detail}


EVENT_COLUMNS = ("action", "id", "outlet", "origin", "detail")


@dataclass
class IngestReport:
    """Counts, timings and notable records of one ingest run.

    Attributes:
        added: Articles newly stored (reprints, renamed ids and new versions included).
        texts: Distinct new texts prepared, fingerprinted and embedded for them.
        reprints: Added articles whose text was stored already or came earlier in the input:
            they share its features (computed once) and are still articles of their own.
        renamed: Added articles stored under a qualified id (``57@Outlet``) because another
            outlet uses their id.
        versions: Added articles stored as a new version of an id (``--on-duplicate-id version``).
        duplicates: Records not stored again: the same id, outlet and text are stored already
            (re-running an ingest, or a record repeated in the input).
        refused: Records whose id is stored already (same outlet) with another text, not stored
            (``--on-duplicate-id error``, or ``skip``).
        skipped: Bad records skipped (unreadable, empty text).
        on_duplicate_id: What was done with a repeated id with another text: ``error``,
            ``version`` or ``skip``.
        errors: Messages of the skipped and refused records (``file:line: reason``), in input order.
        events: Every record that was not plainly stored, with the reason (see ``write_summary``).
        seconds: Wall-clock time of the run.
        timings: Seconds per stage: parse, prepare, fingerprint, embed (article vectors),
            passages (passage vectors), write, ann (adding passages to the nearest-neighbour
            file); prepare to passages are summed over worker processes, so they can exceed
            ``seconds``.
    """

    added: int = 0
    texts: int = 0
    reprints: int = 0
    renamed: int = 0
    versions: int = 0
    duplicates: int = 0
    refused: int = 0
    skipped: int = 0
    on_duplicate_id: str = "error"
    errors: list[str] = field(default_factory=list)
    events: list[IngestEvent] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=lambda: {"parse": 0.0, "prepare": 0.0, "fingerprint": 0.0, "embed": 0.0, "passages": 0.0, "write": 0.0, "ann": 0.0})

    @property
    def processed(self) -> int:
        """Every record seen: added, duplicate, refused or skipped."""
        return self.added + self.duplicates + self.refused + self.skipped

    @property
    def rate(self) -> float:
        """Records per second over the run."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def note(self, action: str, article: Article, detail: str, stored_id: str | None = None) -> None:
        """Record an event for an article (``action`` is a key of ``EVENT_ACTIONS``)."""
        self.events.append(IngestEvent(action, stored_id or article.id, article.outlet, article.origin, detail))

    def write_summary(self, path: str | os.PathLike) -> Path:
        """Write the events as CSV (``action,id,outlet,origin,detail``), one row per record.

        The file is what a person opens to see which records were merged, renamed or refused and
        why; it is written whole to a temporary name and renamed.
        """
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(EVENT_COLUMNS)
            for ev in self.events:
                out.writerow([ev.action, ev.id, ev.outlet or "", ev.origin or "", ev.detail])
        os.replace(tmp, target)
        return target

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-friendly data."""
        return {
            "added": self.added,
            "texts": self.texts,
            "reprints": self.reprints,
            "renamed": self.renamed,
            "versions": self.versions,
            "duplicates": self.duplicates,
            "refused": self.refused,
            "skipped": self.skipped,
            "on_duplicate_id": self.on_duplicate_id,
            "errors": list(self.errors),
            "events": [e.to_dict() for e in self.events[:1000]],
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
        reprints: The other stored articles with the very same text (reprints), earliest first;
            ``article`` is the earliest of them all (at the same time, an agency's).
        passage: The passage of the source closest to the query, ``(first sentence index, last
            sentence index, cosine)``, when it was met through its passage vectors.
    """

    article: Article
    score: float
    comparison: Comparison
    retrieval: dict[str, float]
    reprints: tuple[Article, ...] = ()
    passage: tuple[int, int, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        """This source in the ``newslineage.sources/1`` document."""
        doc = self.comparison.to_dict()
        return {
            "id": self.article.id,
            "outlet": self.article.outlet,
            "title": self.article.title or self.comparison.b.headline,
            "published_at": self.article.published_at,
            "url": self.article.url,
            "score": round(self.score, 4),
            "relation": doc["relation"],
            "links": doc["links"],
            "retrieval": {k: round(v, 4) for k, v in self.retrieval.items()},
            "reprints": [
                {"id": r.id, "outlet": r.outlet, "title": r.title, "published_at": r.published_at, "url": r.url}
                for r in self.reprints
            ],
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
