"""The page in a real browser: headless Chromium (Playwright) against the real server (uvicorn).

Needs ``/usr/bin/chromium`` (CI installs it: ``apt-get install -y chromium``); Playwright's own
browser download is not used. The server runs lexical-only so that no model is loaded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import AGGRESSIVE, CUBA

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.server,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not found; install it with: apt-get install -y chromium"),
]

HOSTILE = '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=1</script> and <a href="javascript:window.__pwned=1">link</a>'


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as http:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                if http.get(url + "/api/info").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer within {timeout:.0f}s:\n{log.read_text(errors='replace')}")


@contextmanager
def running_server(folder: Path, *args: str) -> Iterator[str]:
    """``newslineage serve ARGS`` on a free loopback port; yields its base URL."""
    port = free_port()
    log = folder / "server.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslineage", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-embeddings", *args],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NEWSLINEAGE_TOKEN": ""},
        )
        try:
            wait_until_up(url, proc, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server without an index."""
    with running_server(tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install 'newslineage[test]'")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    yield page
    context.close()
    assert errors == [], errors


def compare_in_page(page, a: str, b: str) -> None:
    page.fill("#a-text", a)
    page.fill("#b-text", b)
    page.click("#compare-button")
    page.wait_for_selector("#result .nl-verdict", timeout=30_000)


def test_compare_the_seed_pair(page, seed_texts):
    a, b = seed_texts
    compare_in_page(page, a, b)
    assert page.inner_text("#result .nl-verdict").strip() in ("A is partly derived from B", "A is wholly derived from B")
    added = page.locator("#result .nl-s.nl-added").all_inner_texts()
    assert any(CUBA in text for text in added), added
    assert any(AGGRESSIVE in text for text in added), added
    assert page.inner_text("#status") == ""


def test_hostile_text_is_shown_not_run(page):
    text = f"The minister spoke on Monday. She quoted {HOSTILE} in full."
    compare_in_page(page, text, "The minister spoke on Monday. Nothing else was said.")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shown = page.inner_text("#result")
    assert '<img src=x onerror="window.__pwned=1">' in shown and "<script>window.__pwned=1</script>" in shown
    assert page.locator("#result img, #result script, #result a[href^='javascript:']").count() == 0
    page.wait_for_timeout(200)  # give a sneaked-in onerror a chance to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_errors_are_shown_as_text(page):
    page.fill("#a-text", "   ")
    page.fill("#b-text", "<b>bold</b> claim.")
    page.click("#compare-button")
    page.wait_for_selector("#status:not(:empty)")  # (wait_for_function would need eval, which the page's policy forbids)
    assert "is empty" in page.inner_text("#status")
    assert page.locator("#result").inner_html() == ""


def test_page_works_without_javascript(browser, server, seed_texts):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "/")
        a, b = seed_texts
        page.fill("#a-text", a)
        page.fill("#b-text", b)
        page.click("#compare-button")
        page.wait_for_selector("#result .nl-verdict")
        assert page.inner_text("#result .nl-verdict").strip() in ("A is partly derived from B", "A is wholly derived from B")
    finally:
        context.close()


def test_uploaded_file_is_read_into_the_text_box(page, tmp_path, seed_texts):
    a, _ = seed_texts
    upload = tmp_path / "article-a.txt"
    upload.write_text(a, encoding="utf-8")
    page.set_input_files("#a-file", str(upload))
    page.wait_for_selector("#a-loaded:has-text('article-a.txt')")  # the file's name is kept and shown
    assert page.input_value("#a-text") == a
    assert page.eval_on_selector("#a-file", "el => el.files.length") == 0  # read in the browser, not posted again


def test_readable_on_a_phone(browser, server, seed_texts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(server + "/")
        a, b = seed_texts
        compare_in_page(page, a, b)
        # the page itself never scrolls sideways
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        a_box, b_box = page.evaluate(  # both at once: the result view may still be scrolling
            "['a-text', 'b-text'].map(id => { const r = document.getElementById(id).getBoundingClientRect();"
            " return {top: r.top, bottom: r.bottom}; })"
        )
        assert b_box["top"] >= a_box["bottom"]  # A above B, not side by side
    finally:
        context.close()


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory, seed_texts):
    """A server over an analysed index: a wire story, its two identical reprints, an edited copy."""
    import httpx

    lineage = pytest.importorskip("newslineage.lineage", reason="the corpus analysis is not in this build")
    a, b = seed_texts
    folder = tmp_path_factory.mktemp("corpus")
    db = folder / "corpus.db"
    with running_server(folder, "--db", str(db)) as url:
        with httpx.Client(base_url=url, timeout=60) as http:
            added = http.post("/api/articles", json={"articles": [
                {"id": "wire-004", "text": b, "outlet": "Wire <script>window.__pwned=1</script>", "published_at": "2023-06-14T08:00:00"},
                {"id": "reprint-1", "text": b, "outlet": "Gazette", "published_at": "2023-06-14T09:00:00"},
                {"id": "reprint-2", "text": b, "outlet": "Herald", "published_at": "2023-06-14T10:00:00"},
                {"id": "copy-000", "text": a, "outlet": "Copy Daily", "published_at": "2023-06-15T07:00:00"},
            ]})
            assert added.status_code == 200, added.text
        lineage.analyze(db, workers=1, embeddings=False)
        yield url, folder


def click_edge(page, n: int) -> None:
    """Click the n-th linked edge of the graph where a reader would: on its line, near its head."""
    page.locator("svg.nl-graph").scroll_into_view_if_needed()
    point = page.evaluate(
        """(n) => { const p = document.querySelectorAll('svg.nl-graph a path.nl-edge')[n];
             const pt = p.getPointAtLength(p.getTotalLength() - 14); const m = p.getScreenCTM();
             return {x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f}; }""",
        n,
    )
    page.mouse.click(point["x"], point["y"])


def test_stories_page_to_story_to_side_by_side(browser, corpus_server):
    url, _ = corpus_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url + "/")
        page.wait_for_selector("#stories:not([hidden])")
        assert "1 story with several articles." == page.inner_text("#stories-count")
        page.click("#nav-stories")
        page.wait_for_selector("table.stories")
        assert "4 articles" in page.inner_text("table.stories")
        page.click("table.stories a")
        page.wait_for_selector("svg.nl-graph")
        assert "Origin: Wire <script>window.__pwned=1</script>" in page.inner_text(".nl-summary")  # shown as text
        assert page.locator("ol.nl-timeline li").count() == 4
        assert "identical reprint of" in page.inner_text("ol.nl-timeline")
        click_edge(page, 0)  # the copy tree's only arrow: the edited copy from the wire
        page.wait_for_selector(".nl-compare .nl-verdict")
        assert "/pair?" in page.url and "Copy Daily" in page.inner_text("h1")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.click("text=Back to the story")
        page.wait_for_selector("svg.nl-graph")
        page.click("ol.nl-timeline a:has-text('side by side')")
        page.wait_for_selector(".nl-compare .nl-verdict")
    finally:
        context.close()
    assert errors == [], errors


def test_sources_search_with_an_uploaded_file_and_click_through(browser, corpus_server, seed_texts, tmp_path):
    url, _ = corpus_server
    _, b = seed_texts
    upload = tmp_path / "suspect-article.txt"
    upload.write_text(b, encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "/")
        page.wait_for_selector("#search:not([hidden])")
        page.set_input_files("#sources-file", str(upload))
        # a selector, not wait_for_function: the page's policy forbids the eval that polling a
        # JavaScript string needs
        page.wait_for_selector("#sources-loaded:has-text('suspect-article.txt')")
        assert page.input_value("#sources-text") == b
        page.fill("#sources-after", "2023-06-01")
        page.click("#sources-form button[type=submit]")
        page.wait_for_selector("#sources-list li")
        first = page.locator("#sources-list li").first.inner_text()
        assert "2 reprints" in first and "<script>window.__pwned=1</script>" in first
        page.click("#sources-list button.side-by-side >> nth=0")
        page.wait_for_selector("#result .nl-verdict")
        assert "suspect-article" in page.inner_text("#result .nl-head")
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()


def test_story_page_on_a_phone_scrolls_the_graph_not_the_page(browser, corpus_server):
    url, _ = corpus_server
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(url + "/stories")
        page.click("table.stories a")
        page.wait_for_selector("svg.nl-graph")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        context.close()


@pytest.mark.parametrize("path, ready", [("/docs", ".swagger-ui .opblock"), ("/redoc", "[data-section-id]")])
def test_api_reference_works_offline(browser, server, path, ready):
    context = browser.new_context()
    outside: list[str] = []
    try:
        page = context.new_page()
        page.route("**/*", lambda route: (outside.append(route.request.url), route.abort()) if not route.request.url.startswith(server) else route.continue_())
        page.goto(server + path)
        page.wait_for_selector(ready, timeout=30_000)
        assert "/api/compare" in page.inner_text("body")
    finally:
        context.close()
    assert all(not u.startswith("http") or "redoc.ly" in u for u in outside), outside  # only ReDoc's own logo is asked for, and refused
