"""Hostile article text is shown as text, never run; HTML responses carry a strict CSP."""

from __future__ import annotations

import html
import re

import pytest

from newslineage.web.middleware import CSP
from newslineage.web.pages import STATIC_DIR

HOSTILE = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">click me</a>',
    '"><svg onload=window.__pwned=1>',
    "</textarea><script>window.__pwned=1</script>",
    "<style>body{display:none}</style>",
]
HOSTILE_TEXT = "The minister said the plan is ready. " + " ".join(f"Here is a quote: {h} indeed." for h in HOSTILE)
RAW_MARKERS = ["<script>window", "<img src=x", '<a href="javascript:', "<svg onload", "</textarea><script", "<style>body"]


def assert_no_live_markup(page: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in page, marker
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", page, re.IGNORECASE), "an event-handler attribute got through"
    assert not re.search(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", page, re.IGNORECASE), "a javascript: URL got through"


def assert_html_headers(response) -> None:
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_hostile_text_in_the_fragment_is_escaped(client):
    response = client.post("/api/compare?format=html", json={
        "a": {"text": HOSTILE_TEXT, "title": HOSTILE[1], "outlet": HOSTILE[3]},
        "b": {"text": "The minister said the plan is ready. Nothing else.", "title": HOSTILE[0]},
    })
    assert response.status_code == 200
    assert_html_headers(response)
    assert_no_live_markup(response.text)
    assert html.escape(HOSTILE[0], quote=False) in response.text or "&lt;script&gt;" in response.text


def test_hostile_text_in_the_form_page_is_escaped(client):
    response = client.post("/compare", data={"a_text": HOSTILE_TEXT, "b_text": "The minister said the plan is ready."})
    assert response.status_code == 200
    assert_html_headers(response)
    assert_no_live_markup(response.text)
    # the textarea gives the text back literally
    assert html.escape(HOSTILE_TEXT) in response.text


def test_hostile_values_in_form_errors_are_escaped(client):
    response = client.post("/compare", data={"a_text": "One.", "b_text": "Two.", "a_date": '"><script>window.__pwned=1</script>'})
    assert response.status_code == 422
    assert_html_headers(response)
    assert_no_live_markup(response.text)


def test_hostile_html_page_input_is_reduced_to_its_text(client):
    page = "<html><body><p>First sentence here.</p><script>window.__pwned=1</script><p>Second <b>bold</b> one.</p></body></html>"
    doc = client.post("/api/compare", json={"a": {"text": page}, "b": {"text": "First sentence here."}}).json()
    assert "__pwned" not in doc["a"]["text"] and "First sentence here." in doc["a"]["text"]


def test_json_answers_are_never_sniffed_as_html(client):
    response = client.post("/api/compare", json={"a": {"text": HOSTILE_TEXT}, "b": {"text": HOSTILE_TEXT}})
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    error = client.get("/api/articles/<script>alert(1)</script>")
    assert error.headers["content-type"].startswith("application/json")
    assert error.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/style.css", "/api/info", "/nowhere"])
def test_every_response_has_nosniff(client, path):
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_every_html_page_has_the_csp(client):
    for response in (client.get("/"), client.post("/compare", data={"a_text": "One.", "b_text": "One."})):
        assert response.headers["content-type"].startswith("text/html")
        assert_html_headers(response)
        assert response.headers["x-frame-options"] == "DENY"


def test_the_page_needs_nothing_external_and_has_no_inline_script():
    page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    for attr in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert attr.startswith("/"), attr
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="/static/app.js" defer>']
    assert not re.search(r"\son[a-z]+\s*=", page, re.IGNORECASE)
    assert "url(" not in (STATIC_DIR / "style.css").read_text(encoding="utf-8")
    assert "@import" not in (STATIC_DIR / "style.css").read_text(encoding="utf-8")


def test_the_script_inserts_only_the_server_fragments():
    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    sinks = re.findall(r"\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function", script)
    assert sinks == [".innerHTML =", ".innerHTML ="]
    # the comparison and the list of sources, both rendered and escaped by the server
    assert 'result.innerHTML = await response.text();' in script and 'list.innerHTML = await response.text();' in script
    assert "http://" not in script and "https://" not in script


def test_no_traceback_leaks_on_malformed_requests(make_client):
    client = make_client(raise_server_exceptions=False)
    bad = [
        client.post("/compare", content=b"--xx\r\nbroken", headers={"content-type": "multipart/form-data; boundary=xx"}),
        client.post("/api/compare", content=b"\xff\xfe\x00garbage", headers={"content-type": "application/json"}),
        client.post("/api/articles", content=b'{"articles": "nope"}', headers={"content-type": "application/json"}),
        client.get("/api/jobs/" + "x" * 5000),
    ]
    for response in bad:
        assert response.status_code < 500, response.text
        assert "Traceback" not in response.text and "File \"" not in response.text


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_nothing_from_outside(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "http" not in policy
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
