"""Which records of an ingest batch are new articles, and which texts must be computed.

An article is identified by its id and outlet, never by its text: five outlets printing one
wire story are five articles. Their text is computed once (prepared, fingerprinted, embedded)
and shared. Per record, in input order:

* the same id, outlet and text are stored already (or came earlier in this run): a
  **duplicate**, not stored again (re-running an ingest is harmless); a record without an
  outlet is the record of that id whatever its outlet, when only one outlet uses the id (a
  client re-sending an article without its outlet);
* the same id and outlet with **another text**: what ``on_duplicate_id`` says: ``error``
  (refused, listed; ``--strict`` stops), ``version`` (stored as ``ID~v2``) or ``skip``
  (ignored, listed);
* a new id and outlet: stored under its id, or under ``ID@Outlet`` when another outlet uses
  that id already (two feeds numbering their articles from 1);
* its text is stored already, or came earlier: a **reprint**; the text is not computed again.

``IngestPlanner`` remembers what earlier batches of the run decided until they are written, so
batches in flight in a worker pool see each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..errors import ConfigError, RecordError
from ..model import Article
from ..store import ArticleEntry
from .ingest import content_hash
from .report import IngestReport

__all__ = ["ON_DUPLICATE_ID", "BatchPlan", "IngestPlanner", "Planned"]

#: What to do with a record whose id and outlet are stored already with another text.
ON_DUPLICATE_ID: tuple[str, ...] = ("error", "version", "skip")


@dataclass(frozen=True, slots=True)
class Planned:
    """An article to store and what to report once it is written.

    Attributes:
        entry: The article and the id it is stored under.
        action: ``renamed``, ``version``, ``reprint`` or None (plainly stored).
        detail: The reason in words.
        shared: Its text is stored already or came earlier (a reprint).
    """

    entry: ArticleEntry
    action: str | None = None
    detail: str = ""
    shared: bool = False


@dataclass
class BatchPlan:
    """What to do with one batch.

    Attributes:
        texts: One article per text to compute (the first that brought it).
        entries: Articles to store.
    """

    texts: list[Article] = field(default_factory=list)
    entries: list[Planned] = field(default_factory=list)


def _where(article: Article) -> str:
    return article.origin or article.id


class IngestPlanner:
    """Decide, batch by batch, what each record is (see the module doc).

    Args:
        store: The store (``identities``, ``taken``, ``texts_known``).
        on_duplicate_id: ``error``, ``version`` or ``skip``.
        strict: Raise on a refused record instead of listing it.
    """

    def __init__(self, store, on_duplicate_id: str = "error", strict: bool = False) -> None:
        if on_duplicate_id not in ON_DUPLICATE_ID:
            raise ConfigError(f"on_duplicate_id: {on_duplicate_id!r} is not one of {', '.join(ON_DUPLICATE_ID)}")
        self.store = store
        self.on_duplicate_id = on_duplicate_id
        self.strict = strict
        # decided in this run but maybe not written yet (batches in flight)
        self._identities: dict[str, list[tuple[str | None, int, str, str]]] = {}
        self._ids: set[str] = set()
        self._texts: dict[str, str] = {}

    def plan(self, batch: Sequence[Article], report: IngestReport) -> BatchPlan:
        """Classify a batch; duplicates, refused and empty records are reported here."""
        plan = BatchPlan()
        hashes = [content_hash(a.text) for a in batch]
        stored_identities = self.store.identities([a.id for a in batch])
        stored_texts = self.store.texts_known(hashes)
        candidates = {a.id for a in batch} | {f"{a.id}@{a.outlet}" for a in batch if a.outlet}
        taken = self.store.taken(sorted(candidates)) | self._ids
        for art, h in zip(batch, hashes):
            if not art.text.strip():
                report.skipped += 1
                message = f"{_where(art)}: empty text; skipped"
                report.errors.append(message)
                report.note("bad", art, "empty text")
                continue
            known = {row[3]: row for row in (*stored_identities.get(art.id, ()), *self._identities.get(art.id, ()))}
            versions, outlet = _same_record(art.outlet, list(known.values()))
            action, detail = None, ""
            version = 1
            if versions:
                same = next((aid for _o, _v, vh, aid in versions if vh == h), None)
                if same is not None:
                    report.duplicates += 1
                    report.note("duplicate", art, f"stored already as {same}", stored_id=same)
                    continue
                first_id, last = versions[0][3], versions[-1][1]
                if self.on_duplicate_id != "version":
                    action = "refused" if self.on_duplicate_id == "error" else "ignored"
                    detail = f"id {art.id!r}" + (f" of {art.outlet}" if art.outlet else "") + f" is stored already as {first_id} with another text"
                    if action == "refused":
                        if self.strict:
                            raise RecordError(_where(art), "id", detail + "; give it another id, or use --on-duplicate-id version (keep both) or skip")
                        report.errors.append(f"{_where(art)}: {detail}; refused (--on-duplicate-id version keeps both, skip ignores it)")
                    report.refused += 1
                    report.note(action, art, detail)
                    continue
                version = last + 1
                if art.outlet is None and outlet is not None:  # that outlet's record, re-sent without it
                    art = replace(art, outlet=outlet)
                stored_id = self._free(f"{first_id}~v{version}", taken)
                action, detail = "version", f"version {version} of {first_id}: the id came back with another text"
            elif art.id in taken:
                stored_id = self._free(f"{art.id}@{art.outlet}" if art.outlet else f"{art.id}@2", taken)
                action, detail = "renamed", f"id {art.id!r} is used by another outlet's article; stored as {stored_id}"
            else:
                stored_id = art.id
            taken.add(stored_id)
            self._ids.add(stored_id)
            self._identities.setdefault(art.id, []).append((art.outlet, version, h, stored_id))
            first_with_text = self._texts.get(h) or stored_texts.get(h)
            if first_with_text is not None:
                same = f"same text as {first_with_text}: computed once, shared"
                action, detail = (action or "reprint"), (f"{detail}; {same}" if detail else same)
            else:
                self._texts[h] = stored_id
                plan.texts.append(art)
            plan.entries.append(Planned(ArticleEntry(art, stored_id, version, h), action, detail, first_with_text is not None))
        return plan

    def settle(self, plan: BatchPlan) -> None:
        """Forget what a written batch decided: the store knows it now."""
        for planned in plan.entries:
            entry = planned.entry
            given = entry.article.id
            self._ids.discard(entry.id)
            rows = [row for row in self._identities.get(given, ()) if row[3] != entry.id]
            if rows:
                self._identities[given] = rows
            else:
                self._identities.pop(given, None)
            if self._texts.get(entry.content_hash) == entry.id:
                del self._texts[entry.content_hash]

    def _free(self, wanted: str, taken: set[str]) -> str:
        """``wanted``, or ``wanted~2``, ``wanted~3``... whichever no article uses yet."""
        name, n = wanted, 1
        while name in taken or self.store.taken([name]):
            n += 1
            name = f"{wanted}~{n}"
        return name


def _same_record(outlet: str | None, rows: list[tuple[str | None, int, str, str]]) -> tuple[list[tuple[str | None, int, str, str]], str | None]:
    """The stored versions of the record ``(id, outlet)`` among the articles given that id.

    The same outlet is the same record. A missing outlet on either side matches when only one
    outlet uses the id: it is that outlet's record, re-sent without its outlet.

    Returns:
        The versions (by version number) and the outlet they are stored under.
    """
    exact = [r for r in rows if r[0] == outlet]
    if not exact:
        loose = rows if outlet is None else [r for r in rows if r[0] is None]
        outlets = {r[0] for r in loose}
        exact = loose if len(outlets) == 1 else []
    exact.sort(key=lambda r: r[1])
    return exact, (exact[0][0] if exact else outlet)
