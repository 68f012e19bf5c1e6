"""The HTTP API: every endpoint, every error status, with FastAPI's TestClient (no network)."""

from __future__ import annotations

import json
import sys
import time
import types
from pathlib import Path

import pytest

from newslineage.errors import ConfigError, MissingDependencyError
from newslineage.model import Article
from newslineage.web import WebSettings, create_app
from newslineage.web.settings import is_loopback

from .conftest import AGGRESSIVE, CUBA, REPO

COMPARE_SCHEMA = json.loads((REPO / "src" / "newslineage" / "schemas" / "compare-2.json").read_text(encoding="utf-8"))


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "detail"} and body["error"] == code
    assert body["detail"] and "\n" not in body["detail"]
    return body


def added_texts(doc: dict) -> list[str]:
    return [doc["a"]["sentences"][i]["text"] for i in doc["added"]]


# ---- page ---------------------------------------------------------------------------------


def test_page_is_served_with_its_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="compare-form"' in page.text and 'action="/compare"' in page.text
    assert "$" not in page.text  # every template slot filled
    for asset, kind in (("/static/app.js", "javascript"), ("/static/style.css", "text/css")):
        response = client.get(asset)
        assert response.status_code == 200 and kind in response.headers["content-type"]


def test_form_post_returns_the_page_with_the_result(client, seed_texts):
    a, b = seed_texts
    response = client.post("/compare", data={"a_text": a, "b_text": b, "a_date": "2023-06-14", "b_date": ""})
    assert response.status_code == 200
    assert 'class="nl-compare' in response.text and "Cuba" in response.text
    assert 'value="2023-06-14"' in response.text  # the inputs are kept
    assert "Blinken will travel to China" in response.text.split('id="result"')[0]


def test_form_post_accepts_uploaded_files(client, seed_texts):
    a, b = seed_texts
    files = {"a_file": ("a.txt", a.encode("utf-8"), "text/plain"), "b_file": ("b.txt", b.encode("utf-8"), "text/plain")}
    response = client.post("/compare", data={"a_text": "", "b_text": ""}, files=files)
    assert response.status_code == 200 and "Cuba" in response.text


def test_form_post_with_bad_input_shows_the_error_on_the_page(client):
    response = client.post("/compare", data={"a_text": "   ", "b_text": "Some text here."})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert 'class="error"' in response.text and "is empty" in response.text
    response = client.post("/compare", data={"a_text": "One.", "b_text": "Two.", "a_date": "last tuesday"})
    assert response.status_code == 422 and "ISO 8601" in response.text


# ---- compare ------------------------------------------------------------------------------


def test_compare_returns_exactly_the_library_document(client, seed_texts):
    jsonschema = pytest.importorskip("jsonschema")
    from newslineage import compare

    a, b = seed_texts
    response = client.post("/api/compare", json={"a": {"text": a}, "b": {"text": b}})
    assert response.status_code == 200
    doc = response.json()
    jsonschema.validate(doc, COMPARE_SCHEMA)
    assert doc == compare(Article(text=a), Article(text=b), embeddings=False).to_dict()
    assert doc["mode"] == "lexical" and doc["relation"]["verdict"] == "a_derives_from_b"
    added = added_texts(doc)
    assert any(CUBA in s for s in added) and AGGRESSIVE in added


def test_compare_keeps_the_metadata(client, seed_texts):
    a, b = seed_texts
    meta_a = {"title": "Blinken to visit", "published_at": "2023-06-15T08:00:00Z", "outlet": "Copy Daily"}
    meta_b = {"published_at": "2023-06-14", "outlet": "Wire"}
    doc = client.post("/api/compare", json={"a": {"text": a, **meta_a}, "b": {"text": b, **meta_b}}).json()
    assert {k: doc["a"][k] for k in meta_a} == meta_a
    assert doc["b"]["outlet"] == "Wire" and doc["b"]["published_at"] == "2023-06-14"
    assert doc["a"]["origin"] is None  # the label used in messages is not a file


def test_compare_as_html_fragment(client, seed_texts):
    a, b = seed_texts
    response = client.post("/api/compare?format=html", json={"a": {"text": a}, "b": {"text": b}})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.text.lstrip().startswith("<style") and 'class="nl-compare' in response.text
    assert "<script" not in response.text.lower() and "<html" not in response.text.lower()


def test_compare_with_embeddings(make_client, seed_texts):
    client = make_client(embeddings=True)
    a, b = seed_texts
    doc = client.post("/api/compare", json={"a": {"text": a}, "b": {"text": b}}).json()
    assert doc["mode"] == "embeddings" and doc["embedder"]
    assert doc["relation"]["verdict"] == "a_derives_from_b"
    assert client.get("/api/info").json()["mode"] == "embeddings"


def test_a_text_that_looks_like_a_path_is_text_not_a_file(client, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret plan is here. Nobody may read it.", encoding="utf-8")
    doc = client.post("/api/compare", json={"a": {"text": str(secret)}, "b": {"text": "/etc/hostname"}}).json()
    assert doc["a"]["text"] == str(secret) and doc["b"]["text"] == "/etc/hostname"
    assert "secret plan" not in json.dumps(doc)


@pytest.mark.parametrize(
    "body, where",
    [
        ({"a": {"text": "One."}}, "b"),
        ({"a": {"text": "One."}, "b": {"text": "Two.", "colour": "red"}}, "b.colour"),
        ({"a": {"text": "One.", "published_at": "soon"}, "b": {"text": "Two."}}, "a.published_at"),
        ({"a": {"text": 5}, "b": {"text": "Two."}}, "a.text"),
        ([1, 2], "body"),
    ],
)
def test_compare_validation_errors(client, body, where):
    detail = assert_error(client.post("/api/compare", json=body), 422, "validation")["detail"]
    assert detail.startswith(where)


def test_compare_unusable_texts(client):
    assert_error(client.post("/api/compare", json={"a": {"text": " \n "}, "b": {"text": "Two."}}), 422, "empty_input")
    body = assert_error(client.post("/api/compare", json={"a": {"text": "One."}, "b": {"text": "\x00\x01\x02" * 50}}), 422, "binary_input")
    assert body["detail"].startswith("b:")
    assert_error(client.post("/api/compare?format=xml", json={"a": {"text": "One."}, "b": {"text": "Two."}}), 422, "validation")


def test_invalid_json_and_wrong_content_type(client):
    body = assert_error(client.post("/api/compare", content=b'{"a":', headers={"content-type": "application/json"}), 422, "validation")
    assert "not valid JSON" in body["detail"]
    assert_error(client.post("/api/compare", content=b"a=1", headers={"content-type": "text/plain"}), 422, "validation")


# ---- body limit ---------------------------------------------------------------------------


def test_declared_body_over_the_limit_is_refused(make_client):
    client = make_client(max_body_bytes=4096)
    payload = json.dumps({"a": {"text": "x" * 5000}, "b": {"text": "y"}})
    body = assert_error(client.post("/api/compare", content=payload, headers={"content-type": "application/json"}), 413, "body_too_large")
    assert "MB limit" in body["detail"]


def test_streamed_body_over_the_limit_is_refused(make_client):
    client = make_client(max_body_bytes=4096)

    def chunks():
        yield b'{"a": {"text": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}, "b": {"text": "y"}}'

    response = client.post("/api/compare", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_error(response, 413, "body_too_large")


def test_body_under_the_limit_passes(make_client):
    client = make_client(max_body_bytes=4096)
    response = client.post("/api/compare", json={"a": {"text": "One thing happened. " * 10}, "b": {"text": "One thing happened."}})
    assert response.status_code == 200


def test_the_limit_applies_to_the_form_too(make_client):
    client = make_client(max_body_bytes=4096)
    assert_error(client.post("/compare", data={"a_text": "x" * 5000, "b_text": "y"}), 413, "body_too_large")


def test_bad_content_length_is_refused(client):
    response = client.post("/api/compare", content=b"{}", headers={"content-type": "application/json", "content-length": "abc"})
    assert response.status_code == 400


# ---- server settings and CLI ---------------------------------------------------------------


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
                                        ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


def test_refuses_to_listen_beyond_loopback_without_a_token():
    with pytest.raises(ConfigError, match="--token"):
        WebSettings(host="0.0.0.0")
    assert WebSettings(host="0.0.0.0", token="s3cret").token == "s3cret"
    with pytest.raises(ConfigError):
        WebSettings(max_body_bytes=10)


def test_serve_command_refuses_a_public_host_without_a_token(monkeypatch, capsys):
    from newslineage.cli import main

    monkeypatch.delenv("NEWSLINEAGE_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--no-embeddings"]) == 2
    assert "--token" in capsys.readouterr().err


def test_serve_command_runs_uvicorn_with_the_settings(monkeypatch, tmp_path):
    import uvicorn

    from newslineage.cli import main

    seen = {}
    monkeypatch.setenv("NEWSLINEAGE_TOKEN", "from-env")
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--port", "8123", "--no-embeddings"]) == 0
    settings = seen["app"].state.settings
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 8123)
    assert settings.token == "from-env" and settings.embeddings is False and settings.db == tmp_path / "x.db"


def test_missing_web_extra_names_the_pip_command(monkeypatch):
    from newslineage.cli import main

    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(MissingDependencyError, match=r"newslineage\[web\]"):
        create_app(WebSettings())
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve"]) == 4


def test_info(client):
    info = client.get("/api/info").json()
    assert info["index"] == {"loaded": False, "articles": None}
    assert info["mode"] == "lexical" and info["writes_need_token"] is False


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/compare", "/api/sources", "/api/articles", "/api/articles/{article_id}", "/api/jobs/{job_id}",
                 "/api/stories", "/api/stories/{story_id}", "/api/info", "/api/pair"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200 and client.get("/redoc").status_code == 200


def test_unknown_route_and_method(client):
    assert_error(client.get("/api/nothing"), 404, "not_found")
    assert_error(client.get("/api/compare"), 405, "method_not_allowed")


def test_unexpected_error_is_a_500_without_details(make_client, monkeypatch, caplog):
    client = make_client(raise_server_exceptions=False)

    def broken(request):
        raise RuntimeError("secret internals at /srv/private/path")

    monkeypatch.setattr(client.app.state.comparer, "compare", broken)
    response = client.post("/api/compare", json={"a": {"text": "One."}, "b": {"text": "Two."}})
    body = assert_error(response, 500, "internal")
    assert "secret" not in response.text and "Traceback" not in response.text
    assert body["detail"].startswith("unexpected server error")
    assert response.headers["x-content-type-options"] == "nosniff"


# ---- endpoints that need an index, on a server without one ---------------------------------


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("post", "/api/sources", {"text": "Some text."}),
        ("post", "/api/articles", {"articles": [{"text": "Some text."}]}),
        ("get", "/api/articles/abc", None),
        ("get", "/api/stories", None),
        ("get", "/api/stories/s1", None),
    ],
)
def test_index_endpoints_without_an_index(client, method, path, body):
    response = client.request(method.upper(), path, json=body)
    assert "--db" in assert_error(response, 409, "no_index")["detail"]


def test_unknown_job(client):
    assert_error(client.get("/api/jobs/0123456789abcdef"), 404, "not_found")


# ---- write protection ----------------------------------------------------------------------


def test_writes_need_the_token_when_one_is_set(make_client, tmp_path):
    client = make_client(token="s3cret", db=tmp_path / "corpus.db")
    body = {"articles": [{"text": "A short article about nothing at all."}]}
    response = client.post("/api/articles", json=body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/articles", json=body, headers={"Authorization": "Basic s3cret"}), 401, "unauthorized")
    assert_error(client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}), 403, "forbidden")
    # read-only endpoints stay open
    assert client.post("/api/compare", json={"a": {"text": "One."}, "b": {"text": "One."}}).status_code == 200
    assert client.get("/api/info").json()["writes_need_token"] is True


def test_writes_with_the_token_from_any_host(make_client, tmp_path):
    pytest.importorskip("newslineage.index", reason="the corpus index is not in this build")
    client = make_client(token="s3cret", host="0.0.0.0", db=tmp_path / "corpus.db", base_url="http://news.example.org")
    response = client.post("/api/articles", json={"articles": [{"text": "A short article about nothing at all."}]},
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200 and response.json()["added"] == 1


def test_without_a_token_writes_only_from_loopback(make_client, tmp_path):
    body = {"articles": [{"text": "A short article."}]}
    client = make_client(db=tmp_path / "corpus.db", base_url="http://evil.example:8000")  # DNS rebinding
    assert_error(client.post("/api/articles", json=body), 403, "forbidden")
    client = make_client(db=tmp_path / "corpus.db")
    assert_error(client.post("/api/articles", json=body, headers={"Origin": "https://evil.example"}), 403, "forbidden")


# ---- with an index -------------------------------------------------------------------------


def test_add_get_and_find_sources(db_client, seed_texts):
    jsonschema = pytest.importorskip("jsonschema")
    a, b = seed_texts
    other = "The city council approved the new budget on Monday. Spending on parks rises by a tenth."
    response = db_client.post("/api/articles", json={"articles": [
        {"id": "wire-004", "text": b, "outlet": "Wire", "published_at": "2023-06-14", "url": "https://wire.example/004"},
        {"id": "council", "text": other, "outlet": "Local"},
    ]})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["added"] == 2 and report["duplicates"] == 0 and report["skipped"] == 0
    again = db_client.post("/api/articles", json={"articles": [{"id": "wire-004", "text": b}]}).json()
    assert again["added"] == 0 and again["duplicates"] == 1
    assert db_client.get("/api/info").json()["index"] == {"loaded": True, "articles": 2}

    stored = db_client.get("/api/articles/wire-004").json()
    assert stored["text"] == b and stored["outlet"] == "Wire" and stored["url"] == "https://wire.example/004"
    assert_error(db_client.get("/api/articles/nope"), 404, "not_found")

    found = db_client.post("/api/sources", json={"text": a, "top": 3, "after": "2023-01-01", "before": "2023-12-31"})
    assert found.status_code == 200, found.text
    doc = found.json()
    assert doc["schema"] == "newslineage.sources/1"
    assert [s["id"] for s in doc["sources"]][:1] == ["wire-004"]
    schema_path = REPO / "src" / "newslineage" / "schemas" / "sources-1.json"
    if schema_path.exists():
        jsonschema.validate(doc, json.loads(schema_path.read_text(encoding="utf-8")))
    excluded = db_client.post("/api/sources", json={"text": a, "exclude_outlet": "Wire"}).json()
    assert "wire-004" not in [s["id"] for s in excluded["sources"]]


def test_article_ids_are_opaque(db_client):
    response = db_client.post("/api/articles", json={"articles": [{"id": "../../etc/passwd", "text": "Just a text with an odd id."}]})
    assert response.status_code == 200
    assert db_client.get("/api/articles/../../etc/passwd").status_code in (404, 200)  # never a file read
    stored = db_client.get("/api/articles/..%2F..%2Fetc%2Fpasswd")
    assert stored.status_code == 200 and stored.json()["text"] == "Just a text with an odd id."


def test_ingest_validation(db_client):
    assert_error(db_client.post("/api/articles", json={"articles": []}), 422, "validation")
    assert_error(db_client.post("/api/articles", json={"articles": [{"title": "no text"}]}), 422, "validation")
    body = assert_error(db_client.post("/api/articles", json={"articles": [{"text": "Fine."}, {"text": "  "}]}), 422, "empty_input")
    assert body["detail"].startswith("articles[1]")
    assert db_client.get("/api/info").json()["index"]["articles"] == 0  # nothing stored from a refused batch
    assert_error(db_client.post("/api/sources", json={"text": "x", "top": 0}), 422, "validation")


def test_large_ingest_runs_as_a_job(db_client):
    articles = [{"id": f"n{i}", "text": f"Story number {i} happened in town {i}. The mayor of town {i} spoke about it at length."}
                for i in range(60)]
    response = db_client.post("/api/articles", json={"articles": articles})
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == job["status_url"] == f"/api/jobs/{job['job']}"
    deadline = time.monotonic() + 60
    while True:
        state = db_client.get(job["status_url"]).json()
        assert state["status"] in ("queued", "running", "done"), state
        assert 0 <= state["progress"] <= 1 and state["total"] == 60
        if state["status"] == "done" or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert state["status"] == "done" and state["done"] == 60 and state["progress"] == 1
    assert state["counts"]["added"] == 60 and state["error"] is None
    assert db_client.get("/api/articles/n59").status_code == 200


def test_failed_job_reports_its_error(db_client, monkeypatch):
    from newslineage.errors import CorruptStoreError

    def broken(articles, progress=None):
        raise CorruptStoreError("corpus.db: damaged")

    monkeypatch.setattr(db_client.app.state.corpus, "ingest", broken)
    articles = [{"text": f"Article {i} is here."} for i in range(51)]
    job = db_client.post("/api/articles", json={"articles": articles}).json()
    deadline = time.monotonic() + 10
    while (state := db_client.get(job["status_url"]).json())["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert state["status"] == "failed" and state["error"] == {"error": "corrupt_store", "detail": "corpus.db: damaged"}


# ---- stories -------------------------------------------------------------------------------


def test_stories_before_analysis(db_client, monkeypatch):
    monkeypatch.setitem(sys.modules, "newslineage.lineage", None)  # not built / not importable
    body = assert_error(db_client.get("/api/stories"), 404, "no_analysis")
    assert "newslineage analyze --db corpus.db" in body["detail"]
    assert_error(db_client.get("/api/stories/s1"), 404, "no_analysis")


def test_stories_from_the_analysis(db_client, monkeypatch, tmp_path):
    calls = []
    stories = [{"story_id": "s1", "label": "Blinken visit", "size": 2, "article_ids": ["wire-004", "copy-000"]}]
    fake = types.ModuleType("newslineage.lineage")

    def load_stories(db):
        calls.append(Path(db))
        return stories

    fake.load_stories = load_stories
    fake.load_story = lambda db, story_id: next((s for s in stories if s["story_id"] == story_id), None)
    monkeypatch.setitem(sys.modules, "newslineage.lineage", fake)
    assert db_client.get("/api/stories").json() == {"stories": stories}
    assert calls == [tmp_path / "corpus.db"]
    assert db_client.get("/api/stories/s1").json() == stories[0]
    assert_error(db_client.get("/api/stories/s2"), 404, "not_found")
    fake.load_stories = lambda db: None  # the index exists but was not analysed
    assert_error(db_client.get("/api/stories"), 404, "no_analysis")


def test_stories_after_a_real_analysis(db_client, seed_texts, tmp_path):
    lineage = pytest.importorskip("newslineage.lineage", reason="the corpus analysis is not in this build")
    a, b = seed_texts
    response = db_client.post("/api/articles", json={"articles": [
        {"id": "copy-000", "text": a, "outlet": "Copy Daily", "published_at": "2023-06-15"},
        {"id": "wire-004", "text": b, "outlet": "Wire", "published_at": "2023-06-14"},
        {"id": "council", "text": "The city council approved the new budget on Monday. Parks get more money.", "outlet": "Local"},
    ]})
    assert response.json()["added"] == 3
    assert_error(db_client.get("/api/stories"), 404, "no_analysis")
    lineage.analyze(tmp_path / "corpus.db", workers=1, embeddings=False)
    stories = db_client.get("/api/stories").json()["stories"]
    story = next(s for s in stories if {"copy-000", "wire-004"} <= set(s["article_ids"]))
    detail = db_client.get(f"/api/stories/{story['story_id']}").json()
    assert {art["id"] for art in detail["articles"]} >= {"copy-000", "wire-004"}
    assert any(e["source_id"] == "wire-004" and e["derived_id"] == "copy-000" for e in detail["edges"]), detail["edges"]
    assert_error(db_client.get("/api/stories/no-such-story"), 404, "not_found")
