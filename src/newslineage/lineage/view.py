"""A story as a reader takes it in: who published first, who copied whom, how much, in time order.

``story_view`` turns one story of a ``newslineage.lineage/1`` document into a **copy tree**:

* one **row** per text: an article with its identical reprints (``copy_of``) on the same row;
* each row hangs under the text it took most from (its largest ``derives_from`` source), so the
  rows read top-down from the origin like a family tree, each row's children in time order;
* the other ``derives_from`` edges (a text that mixes two sources) are kept as extra edges;
* a ``shared_source`` pair is two texts that both took from a third. When the arrows drawn
  already join the two (one **family** of copies), the pair is **aggregated**: counted, not
  drawn one by one (the Luis Enrique story has 94 such pairs among 46 articles); a pair across
  two families is drawn. Likewise an ``indirect`` edge (a chain the arrows show).

The same view feeds the HTML report (``lineage.html``) and the web pages, drawn by
``lineage.svg``; ``story_summary`` and ``timeline`` are its words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..dates import parse_time
from ..unionfind import UnionFind

__all__ = ["Row", "StoryView", "fmt_time", "plural", "story_summary", "story_view", "timeline"]

_KIND_WORDS = {"verbatim": "word for word", "edit": "lightly edited", "paraphrase": "rewritten", "translation": "translated"}


@dataclass
class Row:
    """One text of the story: its first copy and its identical reprints.

    Attributes:
        ids: Article ids: the first copy, then its reprints in time order.
        parent: Index of the row it hangs under, or None for a root.
        edge: The ``derives_from`` edge from the parent's first copy to this row's first copy.
        depth: Generations below the root.
    """

    ids: list[str]
    parent: int | None = None
    edge: dict[str, Any] | None = None
    depth: int = 0

    @property
    def first(self) -> str:
        """The first copy's id."""
        return self.ids[0]


@dataclass
class StoryView:
    """Everything needed to draw a story (see the module doc)."""

    story: dict[str, Any]
    arts: dict[str, dict[str, Any]]
    rows: list[Row]
    row_of: dict[str, int]
    origin: str | None
    extra: list[dict[str, Any]] = field(default_factory=list)
    shared_drawn: list[dict[str, Any]] = field(default_factory=list)
    shared_implied: int = 0
    indirect_drawn: list[dict[str, Any]] = field(default_factory=list)
    indirect_implied: int = 0
    reprints: int = 0
    outside: int = 0
    #: Per row: articles in the rows under it (their reprints included).
    below: list[int] = field(default_factory=list)

    def time(self, article_id: str) -> datetime | None:
        """Publication time of an article, or None."""
        return parse_time(self.arts[article_id].get("published_at"))

    def ancestors(self, row: int) -> list[int]:
        """Rows above ``row`` in the tree, nearest first."""
        out = []
        while self.rows[row].parent is not None:
            row = self.rows[row].parent  # type: ignore[assignment]
            out.append(row)
        return out


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles`` (``many`` when the plural is not ``one + s``)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def fmt_time(value: str | None, *, seconds: bool = False) -> str:
    """``2022-12-09 04:33`` (``no date`` when unknown, the date alone at midnight)."""
    when = parse_time(value)
    if when is None:
        return value or "no date"
    if (when.hour, when.minute, when.second) == (0, 0, 0):
        return when.strftime("%Y-%m-%d")
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def _order(view_arts: dict[str, dict], ids: Iterable[str]) -> list[str]:
    def key(i: str) -> tuple:
        t = parse_time(view_arts[i].get("published_at"))
        return (t is None, t.timestamp() if t else 0.0)

    return sorted(ids, key=key)


def story_view(story: dict[str, Any], arts: dict[str, dict[str, Any]], edges: list[dict[str, Any]]) -> StoryView:
    """The copy tree of one story.

    Args:
        story: A story of the lineage document (``article_ids`` in publication order).
        arts: Every article of the document by id.
        edges: The edges touching the story (``load_story``'s ``edges``, or a filtered list).
    """
    members = [i for i in story["article_ids"] if i in arts]
    inside = set(members)
    # rows: a first copy and its reprints
    rows: list[Row] = []
    row_of: dict[str, int] = {}
    for i in members:
        first = arts[i].get("copy_of")
        if first and first in inside:
            continue
        row_of[i] = len(rows)
        rows.append(Row([i]))
    reprints = 0
    for i in members:
        first = arts[i].get("copy_of")
        if first and first in row_of:
            rows[row_of[first]].ids.append(i)
            row_of[i] = row_of[first]
            reprints += 1
    view = StoryView(story, arts, rows, row_of, story.get("origin_id"), reprints=reprints)
    story_edges = [e for e in edges if e["source_id"] in inside and e["derived_id"] in inside]
    view.outside = sum(1 for e in edges if (e["source_id"] in inside) != (e["derived_id"] in inside))
    derives = [e for e in story_edges if e["verdict"] == "derives_from" and row_of[e["source_id"]] != row_of[e["derived_id"]]]
    # each row hangs under the text it took most from; rows are settled in time order so that
    # a parent never hangs under its own child
    incoming: dict[int, list[dict]] = {}
    for e in derives:
        incoming.setdefault(row_of[e["derived_id"]], []).append(e)
    for r in sorted(range(len(rows)), key=lambda r: members.index(rows[r].first)):
        for e in sorted(incoming.get(r, []), key=lambda e: (-float(e.get("coverage_derived") or 0), -float(e.get("score") or 0), members.index(e["source_id"]))):
            p = row_of[e["source_id"]]
            if p != r and r not in [p, *view.ancestors(p)]:
                rows[r].parent, rows[r].edge = p, e
                break
    tree = {id(r.edge) for r in rows if r.edge is not None}
    view.extra = [e for e in derives if id(e) not in tree]
    # families: texts joined by the arrows drawn (tree and extra edges)
    family = UnionFind[int]()
    for e in derives:
        family.union(row_of[e["source_id"]], row_of[e["derived_id"]])
    for e in story_edges:
        a, b = row_of[e["source_id"]], row_of[e["derived_id"]]
        if e["verdict"] not in ("shared_source", "indirect"):
            continue
        # inside one family of copies the arrows already tie the two together: counted, not drawn
        implied = a != b and family.find(a) == family.find(b)
        if e["verdict"] == "shared_source":
            if implied:
                view.shared_implied += 1
            else:
                view.shared_drawn.append(e)
        elif implied:
            view.indirect_implied += 1
        else:
            view.indirect_drawn.append(e)
    _tree_order(view, members)
    return view


def _tree_order(view: StoryView, members: list[str]) -> None:
    """Rows in depth-first order from the roots (the origin's tree first), children in time order."""
    rows = view.rows
    rank = {i: n for n, i in enumerate(members)}
    children: dict[int | None, list[int]] = {}
    for r, row in enumerate(rows):
        children.setdefault(row.parent, []).append(r)
    origin_row = view.row_of.get(view.origin or "")
    origin_root = None if origin_row is None else ([origin_row, *view.ancestors(origin_row)][-1])

    roots = sorted(children.get(None, []), key=lambda r: (r != origin_root, r not in children, rank[rows[r].first]))
    order: list[int] = []
    depth: dict[int, int] = {}

    def visit(r: int, d: int) -> None:
        order.append(r)
        depth[r] = d
        for c in sorted(children.get(r, []), key=lambda c: rank[rows[c].first]):
            visit(c, d + 1)

    for r in roots:
        visit(r, 0)
    new_index = {old: new for new, old in enumerate(order)}
    view.rows = [rows[old] for old in order]
    for row, old in zip(view.rows, order):
        row.parent = None if row.parent is None else new_index[row.parent]
        row.depth = depth[old]
    view.row_of = {i: new_index[r] for i, r in view.row_of.items()}
    view.below = [0] * len(view.rows)
    for r in range(len(view.rows) - 1, -1, -1):  # depth-first order: children come after parents
        p = view.rows[r].parent
        if p is not None:
            view.below[p] += view.below[r] + len(view.rows[r].ids)


def _outlet(arts: dict[str, dict], i: str) -> str:
    return arts[i].get("outlet") or i


def story_summary(view: StoryView) -> str:
    """The story in a few sentences: its span, the origin of the copied text and how it spread, the rest."""
    arts, story, rows = view.arts, view.story, view.rows
    members = [i for i in story["article_ids"] if i in arts]
    if not members:
        return "The story holds no article."
    first = members[0]
    outlets = len({arts[i].get("outlet") for i in members if arts[i].get("outlet")})
    size = len(members)
    parts = [
        f"{size} {'article' if size == 1 else 'articles'} from {outlets} {'outlet' if outlets == 1 else 'outlets'}"
        + (f", {fmt_time(story.get('first_published'))} to {fmt_time(story.get('last_published'))}." if story.get("first_published") else ".")
    ]
    origin = view.origin if view.origin in view.row_of else None
    if origin is None:
        parts.append(f"First published by {_outlet(arts, first)} ({fmt_time(arts[first].get('published_at'))}); no article in it copies another: these are separate reports of one event.")
        return " ".join(parts)
    root = view.row_of[origin]
    below = []  # the subtree: the rows after it in depth-first order, until one as shallow
    for r in range(root + 1, len(rows)):
        if rows[r].depth <= rows[root].depth:
            break
        below.append(r)
    kinds: dict[str, int] = {}
    for r in below:
        kind = (rows[r].edge or {}).get("kind")
        if kind:
            kinds[kind] = kinds.get(kind, 0) + len(rows[r].ids)
    reprinted = len(rows[root].ids) - 1
    if reprinted:
        kinds["verbatim"] = kinds.get("verbatim", 0) + reprinted
    downstream = sum(kinds.values())
    how = ", ".join(f"{n} {_KIND_WORDS.get(k, k)}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    parts.append(
        f"Origin: {_outlet(arts, origin)}, {fmt_time(arts[origin].get('published_at'))} (\u201c{arts[origin].get('title') or origin}\u201d); "
        f"{downstream} {'article takes' if downstream == 1 else 'articles take'} its text, directly or through others"
        + (f" ({how})" if how else "") + "."
    )
    if view.row_of[first] != root:
        parts.append(f"First published: {_outlet(arts, first)}, {fmt_time(arts[first].get('published_at'))}.")
    others = [r for r in range(len(rows)) if rows[r].parent is None and r != root]
    copied = sorted(((len(rows[r].ids) - 1 + view.below[r], r) for r in others), key=lambda x: -x[0])
    families = [(n, r) for n, r in copied if n]
    if families:
        named = ", ".join(f"{_outlet(arts, rows[r].first)} (taken by {n})" for n, r in families[:3])
        parts.append(f"Other texts copied in this story: {named}" + (f" and {len(families) - 3} more." if len(families) > 3 else "."))
    alone = sum(1 for n, r in copied if not n)
    if alone:
        parts.append(f"{alone} {'article reports' if alone == 1 else 'articles report'} the event without copying or being copied.")
    return " ".join(parts)


def timeline(view: StoryView) -> list[dict[str, Any]]:
    """Every article in publication order with what it took and from whom.

    Each entry: ``id``, ``outlet``, ``title``, ``published_at``, ``role`` (``origin``,
    ``reprint``, ``copy``, ``source`` (copies none, others copy it), ``alone``), ``source_id``
    (its main source or the text it reprints), ``kind`` and ``share`` (of its text taken from
    that source; for a ``source``, how many articles take its text).
    """
    arts = view.arts
    out = []
    for i in _order(arts, (i for i in view.story["article_ids"] if i in arts)):
        row = view.rows[view.row_of[i]]
        entry: dict[str, Any] = {
            "id": i, "outlet": arts[i].get("outlet"), "title": arts[i].get("title"), "published_at": arts[i].get("published_at"),
            "role": "alone", "source_id": None, "kind": None, "share": None,
        }
        if i != row.first:
            entry.update(role="reprint", source_id=row.first, kind="verbatim", share=1.0)
        elif row.edge is not None:
            entry.update(role="copy", source_id=row.edge["source_id"], kind=row.edge["kind"], share=float(row.edge.get("coverage_derived") or 0))
        elif i == view.origin:
            entry["role"] = "origin"
        else:
            taken = view.below[view.row_of[i]] + len(row.ids) - 1
            if taken:
                entry.update(role="source", share=float(taken))
        out.append(entry)
    return out
