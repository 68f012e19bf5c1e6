"""The story view: the copy tree, what is drawn and what is counted, the words, the SVG."""

from __future__ import annotations

import re

from newslineage.lineage.svg import legend_html, story_svg, timeline_html
from newslineage.lineage.view import story_summary, story_view, timeline


def _art(i, outlet, t, copy_of=None, title=None):
    return {"id": i, "outlet": outlet, "title": title or f"headline {i}", "published_at": f"2024-03-01T{t}:00", "story_id": "s", "copy_of": copy_of}


def _edge(s, d, kind="verbatim", verdict="derives_from", cov=0.9, via=None):
    return {"source_id": s, "derived_id": d, "kind": kind, "verdict": verdict, "coverage_source": 0.8, "coverage_derived": cov, "score": 0.9,
            "links": 5, "direction_by": "time", "explained_by": via}


def _story():
    arts = [
        _art("ap", "AP", "08:00"),
        _art("kifi", "KIFI", "09:00", copy_of="ap"),       # identical reprint
        _art("krdo", "KRDO", "10:00", copy_of="ap"),
        _art("daily", "<b>Daily</b>", "11:00"),             # light edit of AP
        _art("weekly", "Weekly", "13:00"),                  # takes from Daily (indirectly from AP) and, less, from AP
        _art("rt", "Reuters", "07:00"),                     # a second family
        _art("paper", "Paper", "12:00"),
        _art("alone", "Gazette", "12:30"),
    ]
    edges = [
        _edge("ap", "kifi", cov=1.0), _edge("ap", "krdo", cov=1.0),
        _edge("ap", "daily", "edit", cov=0.8),
        _edge("daily", "weekly", cov=0.9), _edge("ap", "weekly", "edit", cov=0.5),
        _edge("ap", "weekly", verdict="indirect", via="daily"),
        _edge("daily", "kifi", verdict="shared_source", via="ap"),      # inside AP's family: counted
        _edge("rt", "paper", "paraphrase", cov=0.6),
        _edge("paper", "daily", verdict="shared_source", via="rt"),     # across families: drawn
    ]
    members = [a["id"] for a in sorted(arts, key=lambda a: a["published_at"])]
    story = {"story_id": "s", "label": "Bridge", "size": len(arts), "first_published": "2024-03-01T07:00:00", "last_published": "2024-03-01T13:00:00",
             "origin_id": "ap", "article_ids": members}
    return story, {a["id"]: a for a in arts}, edges


def test_copy_tree_rows_reprints_and_what_is_counted():
    story, arts, edges = _story()
    view = story_view(story, arts, edges)
    assert [row.ids for row in view.rows] == [["ap", "kifi", "krdo"], ["daily"], ["weekly"], ["rt"], ["paper"], ["alone"]]
    assert [row.depth for row in view.rows] == [0, 1, 2, 0, 1, 0]
    assert view.rows[2].edge["source_id"] == "daily"           # the larger source is the parent
    assert [(e["source_id"], e["derived_id"]) for e in view.extra] == [("ap", "weekly")]
    assert view.indirect_implied == 1 and view.indirect_drawn == []
    assert view.shared_implied == 1 and [(e["source_id"], e["derived_id"]) for e in view.shared_drawn] == [("paper", "daily")]
    assert view.below[0] == 2 and view.reprints == 2


def test_every_edge_is_drawn_or_counted_and_links_open_the_comparison():
    story, arts, edges = _story()
    view = story_view(story, arts, edges)
    svg = story_svg(view, sid="t", edge_href=lambda e: f"/pair?source={e['source_id']}&derived={e['derived_id']}")
    linked = re.findall(r'<a href="/pair\?source=(\w+)&amp;derived=(\w+)">', svg)
    drawn = {(s, d) for s, d in linked}
    # tree edges (3 non-reprint), the second source, the shared pair across families
    assert drawn == {("ap", "daily"), ("daily", "weekly"), ("rt", "paper"), ("ap", "weekly"), ("paper", "daily")}
    reprint_edges = sum(1 for e in edges if arts[e["derived_id"]]["copy_of"] == e["source_id"])
    counted = view.shared_implied + view.indirect_implied
    assert len(linked) + reprint_edges + counted == len(edges)
    assert "1 pair of articles sharing a source within one family" in svg
    assert 'stroke-dasharray="1.5 3"' in svg   # the shared source is dotted, not an arrow
    assert "&lt;b&gt;Daily&lt;/b&gt;" in svg and "<b>Daily" not in svg
    assert "origin" in legend_html() and "share a source" in legend_html()


def test_summary_names_the_origin_and_the_timeline_says_who_took_what():
    story, arts, edges = _story()
    view = story_view(story, arts, edges)
    words = story_summary(view)
    assert "Origin: AP, 2024-03-01 08:00" in words and "4 articles take its text" in words
    assert "First published: Reuters, 2024-03-01 07:00" in words and "Reuters (taken by 1)" in words
    assert "1 article reports the event without copying or being copied" in words
    entries = {e["id"]: e for e in timeline(view)}
    assert entries["ap"]["role"] == "origin" and entries["kifi"]["role"] == "reprint" and entries["kifi"]["source_id"] == "ap"
    assert (entries["weekly"]["role"], entries["weekly"]["source_id"], entries["weekly"]["share"]) == ("copy", "daily", 0.9)
    assert entries["rt"]["role"] == "source" and entries["alone"]["role"] == "alone"
    html = timeline_html(view, timeline(view), href=lambda e: f"#{e['derived_id']}")
    assert "takes 90% of its text from &lt;b&gt;Daily&lt;/b&gt;, word for word" in html and 'href="#weekly"' in html
    assert "identical reprint of AP" in html


def test_sixty_articles_stay_one_row_per_text():
    arts = {"w": _art("w", "Wire", "06:00")}
    edges = []
    for n in range(60):
        i = f"c{n:02d}"
        copy = n % 3 == 0
        arts[i] = _art(i, f"Outlet {n}", f"{7 + n // 6:02d}:{(n * 7) % 60:02d}", copy_of="w" if copy else None)
        edges.append(_edge("w", i, cov=1.0 if copy else 0.7, kind="verbatim" if copy else "edit"))
    for n in range(1, 60, 3):  # pairs of copies sharing the wire
        edges.append(_edge(f"c{n:02d}", f"c{n + 1:02d}", verdict="shared_source", via="w"))
    members = sorted(arts, key=lambda i: arts[i]["published_at"])
    story = {"story_id": "s", "label": "big", "size": 61, "origin_id": "w", "article_ids": members, "first_published": None, "last_published": None}
    view = story_view(story, arts, edges)
    assert len(view.rows) == 41 and len(view.rows[0].ids) == 21     # 20 reprints on the wire's row
    svg = story_svg(view, sid="b")
    assert svg.count("<circle") == 61 and svg.count('marker-end="url(#b-m-edit)"') == 40
    height = int(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))
    assert height < 41 * 25 + 60
    assert "20 pairs of articles sharing a source within one family" in svg
