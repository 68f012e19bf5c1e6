"""Reprints: every article with an identical text is in every export, with a verbatim edge from the earliest copy."""

from __future__ import annotations

import csv
import json
import sqlite3

from newslineage.lineage import analyze
from newslineage.lineage.reprints import copy_order, is_agency_outlet
from newslineage.model import Article


def _doc(out):
    return json.loads((out / "lineage.json").read_text())


def _wire_corpus(gen):
    src = gen.sentences(21, 14)
    wire = gen.text(src)
    return [
        Article(text=wire, id="ap", outlet="Associated Press News", title="Bridge", published_at="2022-09-12T22:10:14"),
        Article(text=wire, id="kifi", outlet="KIFI", title="Bridge", published_at="2022-09-12T17:09:03"),
        Article(text=wire, id="krdo", outlet="KRDO", title="Bridge", published_at="2022-09-12T19:48:43"),
        Article(text=wire, id="wfp", outlet="Winnipeg Free Press", title="Bridge", published_at="2022-09-12T11:10:32"),
        # an edited copy, published after the earliest reprint
        Article(text=gen.text(gen.sentences(22, 2) + src[:10]), id="edit", outlet="Daily", title="Bridge", published_at="2022-09-13T08:00:00"),
        Article(text=gen.text(gen.sentences(23, 12)), id="other", outlet="Gazette", title="Else", published_at="2022-09-12T10:00:00"),
    ]


def test_every_copy_is_exported_with_a_verbatim_edge_from_the_earliest(make_index, tmp_path, gen):
    corpus = _wire_corpus(gen)
    db = make_index(corpus)
    out = tmp_path / "o"
    summary = analyze(db, out, workers=1, embeddings=False)
    doc = _doc(out)
    assert summary.articles == len(doc["articles"]) == 6
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == {a.id for a in corpus}
    assert {i: rows[i]["copy_of"] for i in ("ap", "kifi", "krdo", "wfp")} == {"ap": "wfp", "kifi": "wfp", "krdo": "wfp", "wfp": ""}
    edges = {(e["source_id"], e["derived_id"]): e for e in doc["edges"]}
    for copy in ("ap", "kifi", "krdo"):
        e = edges[("wfp", copy)]
        assert (e["kind"], e["verdict"], e["coverage_source"], e["coverage_derived"], e["direction_by"]) == ("verbatim", "derives_from", 1.0, 1.0, "time")
    assert ("wfp", "edit") in edges  # the edited copy derives from the earliest copy of the text
    assert not any(e["derived_id"] == "wfp" for e in doc["edges"])
    story = next(s for s in doc["stories"] if "wfp" in s["article_ids"])
    assert story["article_ids"][:4] == ["wfp", "kifi", "krdo", "ap"] and "edit" in story["article_ids"]
    assert story["origin_id"] == "wfp" and story["size"] == 5
    assert story["first_published"] == "2022-09-12T11:10:32" and story["last_published"] == "2022-09-13T08:00:00"
    with open(out / "edges.csv", newline="", encoding="utf-8") as fh:
        assert sum(1 for r in csv.DictReader(fh) if r["source_id"] == "wfp") == 4


def test_a_reprint_ingested_later_is_added_without_new_comparisons(make_index, tmp_path, gen):
    corpus = _wire_corpus(gen)
    db = make_index(corpus)
    out = tmp_path / "o"
    analyze(db, out, workers=1, embeddings=False)
    gen.build_index(db, [Article(text=corpus[0].text, id="late", outlet="Times Colonist", published_at="2022-09-14T06:00:00")])
    again = analyze(db, out, workers=1, embeddings=False)
    assert again.new_pairs == 0
    edges = {(e["source_id"], e["derived_id"]) for e in _doc(out)["edges"]}
    assert ("wfp", "late") in edges


def test_same_time_puts_the_agency_first():
    assert is_agency_outlet("Associated Press News") and is_agency_outlet("Reuters UK") and is_agency_outlet("dpa")
    assert not is_agency_outlet("Channel News Asia") and not is_agency_outlet("The Times") and not is_agency_outlet(None)
    when = "2024-01-01T10:00:00"
    ranked = sorted([("KIFI", 1), ("AP", 2), ("KRDO", 0)], key=lambda o: copy_order(when, o[0], o[1]))
    assert [o for o, _ in ranked] == ["AP", "KRDO", "KIFI"]
    assert copy_order("2024-01-01T09:00:00", "KIFI", 9) < copy_order(when, "AP", 1)
    assert copy_order(None, "AP", 1) > copy_order(when, "KIFI", 9)  # undated after dated


def test_index_of_the_old_schema_is_upgraded_before_analysis(make_index, tmp_path, gen):
    """analyze opens the index read-only, but upgrades a schema-1 file once (in place)."""
    from newslineage.lineage._db import IndexReader

    db = make_index(_wire_corpus(gen)[3:])
    con = sqlite3.connect(db)
    # turn it back into the schema-1 layout (one article row per text)
    con.executescript("""
        ALTER TABLE sentence RENAME COLUMN content TO article; ALTER TABLE signature RENAME COLUMN content TO article;
        ALTER TABLE band RENAME COLUMN content TO article; ALTER TABLE vector RENAME COLUMN content TO article;
        ALTER TABLE sentence_vector RENAME COLUMN content TO article;
        CREATE TABLE old AS SELECT a.rowid AS rowid, a.id, a.outlet, a.url, a.title, a.published_at, c.language, a.origin, c.text, c.hash AS content_hash
            FROM article a JOIN content c ON c.rowid = a.content;
        DROP TABLE article; DROP TABLE content; ALTER TABLE old RENAME TO article;
        UPDATE meta SET value = '1' WHERE key = 'schema_version';
    """)
    con.commit()
    con.close()
    reader = IndexReader(db)
    assert reader.meta["schema_version"] == "2" and len(reader.articles()) == 3
    reader.close()
    analyze(db, tmp_path / "o", workers=1, embeddings=False)
    assert len(_doc(tmp_path / "o")["articles"]) == 3
