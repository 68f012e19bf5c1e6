"""The corpus pages: the stories, one story's copy tree and timeline, any edge side by side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("newslineage.lineage", reason="the corpus analysis is not in this build")

from newslineage.lineage import analyze  # noqa: E402


@pytest.fixture
def analysed(db_client, seed_texts, tmp_path):
    """An index with a wire story, an edited copy, two identical reprints and an unrelated article, analysed."""
    a, b = seed_texts
    response = db_client.post("/api/articles", json={"articles": [
        {"id": "wire-004", "text": b, "outlet": "Wire <i>dpa</i>", "published_at": "2023-06-14T08:00:00"},
        {"id": "reprint-1", "text": b, "outlet": "Gazette", "published_at": "2023-06-14T09:00:00"},
        {"id": "reprint-2", "text": b, "outlet": "Herald", "published_at": "2023-06-14T10:00:00"},
        {"id": "copy-000", "text": a, "outlet": "Copy Daily", "published_at": "2023-06-15T07:00:00"},
        {"id": "council", "text": "The city council approved the new budget on Monday. Parks get more money.", "outlet": "Local"},
    ]})
    assert response.json()["added"] == 5 and response.json()["reprints"] == 2
    analyze(Path(tmp_path / "corpus.db"), workers=1, embeddings=False)
    stories = db_client.get("/api/stories").json()["stories"]
    story = next(s for s in stories if "wire-004" in s["article_ids"])
    return db_client, story


def test_stories_page_lists_stories_with_their_origin(analysed):
    client, story = analysed
    page = client.get("/stories")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert f'href="/stories/{story["story_id"]}"' in html
    assert "4 articles" in html and "Wire &lt;i&gt;dpa&lt;/i&gt;, 2023-06-14 08:00" in html
    assert "1 article alone" in html and "1 articles" not in html


def test_story_page_draws_the_copy_tree_and_links_every_edge_to_its_side_by_side_view(analysed):
    client, story = analysed
    html = client.get(f"/stories/{story['story_id']}").text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="nl-graph"' in html and "nl-legend-graph" in html
    assert "Origin: Wire &lt;i&gt;dpa&lt;/i&gt;, 2023-06-14 08:00" in html and "<i>dpa" not in html
    assert "identical reprint of Wire &lt;i&gt;dpa&lt;/i&gt;" in html
    links = set(re.findall(r'href="(/pair\?[^"]+)"', html))
    assert "/pair?source=wire-004&amp;derived=copy-000" in links
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_pair_page_shows_the_stored_or_a_fresh_comparison(analysed):
    client, story = analysed
    page = client.get("/pair", params={"source": "wire-004", "derived": "copy-000"})
    assert page.status_code == 200 and 'class="nl-compare"' in page.text
    assert "Copy Daily (2023-06-15 07:00) and its source Wire &lt;i&gt;dpa&lt;/i&gt; (2023-06-14 08:00)" in page.text
    assert f'href="/stories/{story["story_id"]}">Back to the story' in page.text
    reprint = client.get("/api/pair", params={"source": "wire-004", "derived": "reprint-2"}).json()  # no stored comparison: compared now
    assert reprint["schema"] == "newslineage.compare/2" and reprint["relation"]["coverage_a"] == 1.0
    missing = client.get("/pair", params={"source": "wire-004", "derived": "nope"})
    assert missing.status_code == 404 and "no article with id &#x27;nope&#x27;" in missing.text


def test_sources_list_groups_reprints_and_leaves_out_the_query_itself(analysed, seed_texts):
    client, _ = analysed
    _, b = seed_texts
    doc = client.post("/api/sources", json={"text": b, "name": "reprint-1"}).json()
    first = doc["sources"][0]
    ids = [first["id"], *(r["id"] for r in first["reprints"])]
    assert ids == ["wire-004", "reprint-2"] and doc["query"]["id"] == "reprint-1"
    html = client.post("/api/sources?format=html", json={"text": b, "published_at": "2023-06-14", "after": "2023-06-01"}).text
    assert "and 2 reprints: Gazette 2023-06-14 09:00, Herald 2023-06-14 10:00" in html
    assert '<button type="button" class="link side-by-side" data-id="wire-004">' in html


def test_stories_pages_before_analysis_say_what_to_run(db_client):
    page = db_client.get("/stories")
    assert page.status_code == 404 and "newslineage analyze --db corpus.db" in page.text and "<h1>Stories</h1>" in page.text


def test_an_uploaded_file_keeps_its_name(client, seed_texts):
    a, b = seed_texts
    files = {"a_file": ("copy-of-wire.txt", a.encode(), "text/plain"), "b_file": ("wire.txt", b.encode(), "text/plain")}
    page = client.post("/compare", files=files).text
    (verdict,) = re.findall(r'class="nl-verdict"[^>]*>([^<]*)<', page)
    assert verdict.startswith("copy-of-wire ") and verdict.endswith(" from wire"), verdict
    json_doc = client.post("/api/compare", json={"a": {"text": a, "name": "copy-of-wire.txt"}, "b": {"text": b, "name": "wire.txt"}}).json()
    assert json_doc["names"] == {"a": "copy-of-wire", "b": "wire"}
