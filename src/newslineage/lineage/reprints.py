"""Reprints: several articles with one identical text (a wire story printed unchanged).

The index keeps such a text once and every article that carries it. The lineage stages compare
texts, not articles: a text takes part under its **first copy** (the earliest publication; at
the same time an agency's own copy; then the first ingested), so direction by time sees the
moment the text first appeared. ``expand`` then puts every other copy back into the graph: a
``verbatim`` edge from the first copy to each reprint, and the reprint in the first copy's
story. The same functions serve the in-process ``analyze`` and any other backend that groups
articles by text (pass the groups it found).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..dates import parse_time
from ..lang import AGENCIES
from ._db import ArticleMeta
from .direction import Edge
from .stories import Story

__all__ = ["ReprintGroup", "copy_order", "expand", "group_reprints", "is_agency_outlet", "reprint_edges", "with_reprints"]

_WORD = re.compile(r"[\w&-]+")
#: Longest agency name in words ("the associated press").
_LONGEST = max(len(a.split()) for a in AGENCIES)


def is_agency_outlet(outlet: str | None) -> bool:
    """True when the outlet is a news agency: its name starts with one ("Associated Press News", "Reuters UK")."""
    if not outlet:
        return False
    words = _WORD.findall(outlet.casefold())
    return any(" ".join(words[:n]) in AGENCIES for n in range(1, min(_LONGEST, len(words)) + 1))


def copy_order(published_at: str | None, outlet: str | None, rowid: int) -> tuple:
    """Sort key of identical copies: earliest first; at the same time an agency first; then ingest order."""
    when = parse_time(published_at)
    return (when is None, when.timestamp() if when else 0.0, not is_agency_outlet(outlet), rowid)


@dataclass(frozen=True, slots=True)
class ReprintGroup:
    """The articles carrying one text.

    Attributes:
        text: Row id of the text (the unit the lineage stages work on).
        first: The first copy (see ``copy_order``); the text's source in the graph.
        others: The other copies, in ``copy_order``.
    """

    text: int
    first: ArticleMeta
    others: tuple[ArticleMeta, ...] = ()

    @property
    def unit(self) -> ArticleMeta:
        """The text as the lineage stages see it: the first copy's metadata under the text's row id."""
        return replace(self.first, rowid=self.text)


def group_reprints(copies: Iterable[tuple[int, ArticleMeta]]) -> dict[int, ReprintGroup]:
    """Group articles by text.

    Args:
        copies: ``(text row id, article)`` pairs; the article's ``rowid`` is its own row id.

    Returns:
        One group per text, by text row id, in ascending row id.
    """
    by_text: dict[int, list[ArticleMeta]] = {}
    for text, meta in copies:
        by_text.setdefault(text, []).append(meta)
    out = {}
    for text in sorted(by_text):
        members = sorted(by_text[text], key=lambda m: copy_order(m.published_at, m.outlet, m.rowid))
        out[text] = ReprintGroup(text, members[0], tuple(members[1:]))
    return out


def _reprint_edge(first: ArticleMeta, copy: ArticleMeta, body: frozenset[int]) -> Edge:
    t_first, t_copy = parse_time(first.published_at), parse_time(copy.published_at)
    if t_first and t_copy and t_first != t_copy:
        by = "time"
    elif is_agency_outlet(first.outlet) and not is_agency_outlet(copy.outlet):
        by = "agency"
    else:  # nothing orders them: the first ingested is shown as the source, as for other edges
        by = "none"
    return Edge(
        source=first.rowid, derived=copy.rowid, kind="verbatim", verdict="derives_from",
        coverage_source=1.0, coverage_derived=1.0, score=1.0, links=len(body), direction_by=by,
        source_sentences=body, derived_sentences=body,
    )


def reprint_edges(group: ReprintGroup, body: frozenset[int] = frozenset()) -> list[Edge]:
    """A ``verbatim`` edge from the first copy to every other copy (article row ids).

    Args:
        group: The copies of one text.
        body: Indexes of the text's body sentences (all of them are shared).
    """
    return [_reprint_edge(group.first, copy, body) for copy in group.others]


def expand(
    edges: Sequence[Edge],
    stories: Sequence[Story],
    groups: Mapping[int, ReprintGroup],
    body: Mapping[int, frozenset[int]] | None = None,
) -> tuple[list[ArticleMeta], list[Edge], list[Story]]:
    """From texts back to articles: every copy in the graph and in its story.

    Args:
        edges: Edges between texts (text row ids), as ``build_edges`` makes them.
        stories: Stories of texts, as ``cluster_stories`` makes them.
        groups: The copies of every text, by text row id.
        body: Body sentence indexes per text row id (for the reprint edges' sentence sets).

    Returns:
        ``(articles, edges, stories)`` over article row ids: every article in ingest order, the
        edges between first copies followed by the reprint edges, and the stories with every
        copy, in publication order.
    """
    first = {t: g.first.rowid for t, g in groups.items()}
    articles = sorted(
        (m for g in groups.values() for m in (g.first, *(replace(o, copy_of=g.first.rowid) for o in g.others))),
        key=lambda m: m.rowid,
    )
    order = {m.rowid: copy_order(m.published_at, m.outlet, m.rowid)[:2] for m in articles}
    out_edges = [
        replace(e, source=first[e.source], derived=first[e.derived], explained_by=None if e.explained_by is None else first[e.explained_by])
        for e in edges
    ]
    for t, g in groups.items():
        out_edges.extend(reprint_edges(g, (body or {}).get(t, frozenset())))
    meta = {m.rowid: m for m in articles}
    out_stories = []
    for s in stories:
        members = [m.rowid for t in s.members for m in (groups[t].first, *groups[t].others)]
        members.sort(key=lambda r: (order[r], r))
        dated = sorted((parse_time(meta[r].published_at), meta[r].published_at) for r in members if parse_time(meta[r].published_at))
        out_stories.append(
            replace(
                s,
                members=tuple(members),
                central=first[s.central],
                first_published=dated[0][1] if dated else None,
                last_published=dated[-1][1] if dated else None,
            )
        )
    return articles, out_edges, out_stories


def with_reprints(reader, edges: Sequence[Edge], stories: Sequence[Story]) -> tuple[list[ArticleMeta], list[Edge], list[Story]]:
    """``expand`` with the groups and body sentences read from the index (``_db.IndexReader``)."""
    groups = reader.reprint_groups()
    shared = [t for t, g in groups.items() if g.others]
    body = {t: frozenset(i for i, _s, _e, role, _p in spans if role == "body") for t, (_text, _lang, spans) in reader.texts(shared).items()}
    return expand(edges, stories, groups, body)
