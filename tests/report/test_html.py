"""HTML report: markers on the right sentences, escaping of hostile text, a self-contained page."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser

import pytest

import newslineage.report as report
from newslineage.model import LINK_KINDS
from newslineage.pairwise import compare
from newslineage.report.html import KIND_COLORS, render_comparison_fragment, render_comparison_page

A_TEXT = """Flood hits town

Heavy rain flooded the old town on Monday, officials said.
Three people were injured and 40 homes were evacuated by the fire brigade.
The mayor said the damage would cost millions of euros to repair.

A new shelter opened at the school for families who lost their homes.
"""

B_TEXT = """Flood hits town

Heavy rain flooded the old town on Monday, officials said.
Two people were injured and 45 homes were evacuated by the fire brigade.
The mayor said the damage would cost millions of euros to repair.
Police closed the bridge over the river until further notice.
"""

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '" onmouseover="alert(1)" x=\'',
]

VOID = {"meta", "br", "col", "img", "input", "hr", "link", "wbr", "source", "area", "base", "embed", "track"}
ALLOWED_TAGS = {
    "html", "head", "body", "meta", "title", "style", "section", "header", "h2", "h3", "h4", "p", "div", "span",
    "a", "b", "mark", "dl", "dt", "dd", "ul", "li", "article", "details", "summary", "table", "colgroup", "col",
    "thead", "tbody", "tr", "th", "td", "br",
}  # fmt: skip
ALLOWED_ATTRS = {
    "class",
    "id",
    "href",
    "title",
    "lang",
    "scope",
    "open",
    "aria-label",
    "charset",
    "name",
    "content",
    "http-equiv",
}


class Collector(HTMLParser):
    """Every start tag with its attributes, the text, and a check that non-void tags nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def parse(markup: str) -> Collector:
    p = Collector()
    p.feed(markup)
    p.close()
    return p


def by_id(markup: str, ident: str) -> str:
    """The outer HTML of the sentence span with this id (sentence spans hold no nested sentence)."""
    m = re.search(rf'<span class="([^"]*)" id="{re.escape(ident)}">(.*?)<span class="nl-t">(.*?)</span></span> ', markup)
    assert m, f"no sentence with id {ident}"
    return m.group(0)


def classes_of(markup: str, ident: str) -> set[str]:
    m = re.search(rf'<span class="([^"]*)" id="{re.escape(ident)}">', markup)
    assert m, f"no element with id {ident}"
    return set(m.group(1).split())


def columns(markup: str) -> str:
    """The two article columns only (not the legend, not the tables)."""
    return markup.split('<div class="nl-cols">', 1)[1].split("<details", 1)[0]


@pytest.fixture(scope="module")
def doc() -> dict:
    # dated so that A is the copy: the lists then read "added" (A) and "omitted" (B)
    return compare(A_TEXT, B_TEXT, embeddings=False, a_meta={"published_at": "2024-05-02"}, b_meta={"published_at": "2024-05-01"}).to_dict()


@pytest.fixture(scope="module")
def page(doc) -> str:
    return render_comparison_page(doc)


def test_fixture_has_what_the_tests_rely_on(doc):
    # The small texts must give: a headline on both sides, a verbatim link, a changed number,
    # one added and one omitted sentence. If the aligner changes, fix the texts, not the tests.
    assert doc["a"]["sentences"][0]["role"] == "headline"
    kinds = {link["kind"] for link in doc["links"]}
    assert "verbatim" in kinds
    changed = [link for link in doc["links"] if link["changes"]]
    assert changed and any(ch["type"] == "number" for ch in changed[0]["changes"])
    assert doc["added"] == [4] and doc["omitted"] == [4]


def test_exports_and_palette():
    assert report.render_comparison_page is render_comparison_page
    assert report.render_comparison_fragment is render_comparison_fragment
    assert report.__all__ == sorted(report.__all__)
    assert set(KIND_COLORS) == set(LINK_KINDS)
    assert len(set(KIND_COLORS.values())) == len(KIND_COLORS)

    def luminance(color: str) -> float:
        rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for kind, color in KIND_COLORS.items():
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", color)
        assert 1.05 / (luminance(color) + 0.05) >= 4.5, f"{kind} colour too light to read on white"


def test_linked_sentences_carry_kind_colour_label_and_paired_badges(doc, page):
    for number, link in enumerate(doc["links"], start=1):
        kind = link["kind"]
        for i in link["a"]:
            span = by_id(page, f"a-{i}")
            assert f"nl-k-{kind}" in classes_of(page, f"a-{i}")
            assert f'href="#b-{link["b"][0]}"' in span and f">{number}</a>" in span
            assert f">{kind}</span>" in span  # the kind in words, not colour alone
        for j in link["b"]:
            span = by_id(page, f"b-{j}")
            assert f"nl-k-{kind}" in classes_of(page, f"b-{j}")
            assert f'href="#a-{link["a"][0]}"' in span and f">{number}</a>" in span
    mayor = by_id(page, "a-3")
    assert "The mayor said" in mayor and "nl-k-verbatim" in classes_of(page, "a-3") and ">verbatim</span>" in mayor


def test_added_and_omitted_sentences_are_marked(doc, page):
    added = by_id(page, "a-4")
    assert "nl-added" in classes_of(page, "a-4") and ">added</span>" in added and "A new shelter" in added
    omitted = by_id(page, "b-4")
    assert "nl-omitted" in classes_of(page, "b-4") and ">omitted</span>" in omitted and "Police closed" in omitted
    # and only those
    cols = columns(page)
    assert len(re.findall(r'class="nl-s[^"]*nl-added', cols)) == len(doc["added"])
    assert len(re.findall(r'class="nl-s[^"]*nl-omitted', cols)) == len(doc["omitted"])
    assert "nl-added" not in classes_of(page, "a-3") and "nl-omitted" not in classes_of(page, "b-3")


def test_changed_numbers_are_highlighted_on_both_sides(doc, page):
    link = next(link for link in doc["links"] if link["changes"])
    a_span, b_span = by_id(page, f"a-{link['a'][0]}"), by_id(page, f"b-{link['b'][0]}")
    assert "nl-changed" in classes_of(page, f"a-{link['a'][0]}") and "changed fact" in a_span
    assert "nl-changed" in classes_of(page, f"b-{link['b'][0]}") and "changed fact" in b_span
    assert '<mark class="nl-chg" title="changed number">Three</mark> people' in a_span
    assert 'and <mark class="nl-chg" title="changed number">40</mark> homes' in a_span
    assert '<mark class="nl-chg" title="changed number">Two</mark> people' in b_span
    assert ">45</mark> homes" in b_span
    # unchanged sentences have no mark
    assert "<mark" not in by_id(page, "a-3")
    # the changed-facts list says B wording -> A wording
    text = " ".join(parse(page).text)
    assert re.search(r"number\s*B:\s*“Two”\s*→\s*A:\s*“Three”", text)


def test_empty_change_spans_are_ignored(doc):
    d = copy.deepcopy(doc)
    link = next(link for link in d["links"] if link["changes"])
    for ch in link["changes"]:
        ch["a_end"] = ch["a_start"]  # e.g. a dropped "not": nothing to highlight on A
    out = render_comparison_fragment(d)
    a_span = by_id(out, f"a-{link['a'][0]}")
    assert "<mark" not in a_span and "changed fact" in a_span
    assert "<mark" in by_id(out, f"b-{link['b'][0]}")


def test_structure_lines_are_rendered_as_structure_and_not_compared(doc, page):
    for side in "ab":
        cls = classes_of(page, f"{side}-0")
        assert {"nl-struct", "nl-role-headline"} <= cls
        assert not any(c.startswith("nl-k-") or c in {"nl-added", "nl-omitted"} for c in cls)
        m = re.search(rf'<span class="[^"]*" id="{side}-0">(.*?)</span></span>', page)
        assert m and "headline · not compared" in m.group(1) and "nl-badge" not in m.group(1)
        assert "Flood hits town" in m.group(1)


def test_paragraphs_are_preserved(doc, page):
    # A: headline | 3 sentences | shelter sentence -> 3 paragraph blocks in A's column.
    col_a = page.split('<article class="nl-side nl-side-a"', 1)[1].split("</article>", 1)[0]
    paras = {s["paragraph"] for s in doc["a"]["sentences"]}
    assert col_a.count('<div class="nl-para">') == len(paras)
    every = re.findall(r'id="a-(\d+)"', col_a)
    assert [int(i) for i in every] == [s["index"] for s in doc["a"]["sentences"]]


def test_header_shows_verdict_confidence_coverage_and_mode(doc, page):
    text = " ".join(parse(page).text)
    assert "A is wholly derived from B" in text or "A is partly derived from B" in text  # verdict and extent in words
    assert doc["relation"]["explanation"] in text
    rel = doc["relation"]
    for value in (rel["confidence"], rel["supported_a"], rel["supported_b"], rel["coverage_a"], rel["coverage_b"]):
        assert f"{value:.0%}" in text
    assert "lexical" in text
    for word in ("verbatim", "edit", "paraphrase", "translation", "added", "omitted", "changed fact"):
        assert word in text


def test_hostile_text_is_escaped_everywhere():
    evil = " ".join(HOSTILE)
    a = f"{evil}\n\nThe council approved the new budget of 12 million euros on Tuesday. {evil} Residents protested.\n"
    b = "The council approved the new budget of 15 million euros on Tuesday. Residents protested outside.\n"
    meta = {"title": evil, "outlet": evil, "id": evil, "url": "javascript:alert(1)"}
    d = compare(a, b, embeddings=False, a_meta=meta, b_meta={"title": evil, "outlet": evil}).to_dict()
    d["names"] = {"a": evil, "b": evil}
    d["relation"]["explanation"] = evil
    d["relation"]["evidence"] = [evil]
    d["relation"]["verdict"] = evil
    d["mode"] = evil
    d["embedder"] = evil
    d["a"]["language"] = 'en" onclick="alert(1)'
    for link in d["links"]:
        link["kind"] = evil
        for ch in link["changes"]:
            ch["a_text"], ch["b_text"], ch["type"] = evil, evil, evil
    for p in d["passages"]:
        p["kind"] = evil
    out = render_comparison_page(d, title=evil)
    for raw in ("<script", "<img", '<a href="javascript', "onerror=alert(1)>", 'onmouseover="alert', 'onclick="'):
        assert raw not in out, raw
    parsed = parse(out)
    assert not parsed.errors
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert name in ALLOWED_ATTRS, (tag, name)
            if name == "href":
                assert value and value.startswith("#"), value
            if name == "lang":
                assert re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value or "")
            if name == "class":
                assert re.fullmatch(r"[a-z0-9 -]+", value or ""), value
    # the hostile strings are shown as text
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text


def test_page_is_self_contained_without_script(doc, page):
    assert page.startswith("<!doctype html>")
    head = page.split("</head>", 1)[0]
    assert '<meta charset="utf-8">' in head
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in head
    assert (
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">" in head
    )
    lowered = page.lower()
    for bad in ("<script", "http://", "https://", "<link", "@import", "url(", "<iframe", "<img", " on"):
        if bad == " on":
            assert not re.search(r"\son[a-z]+\s*=", lowered)
        else:
            assert bad not in lowered, bad
    parsed = parse(page)
    assert not parsed.errors and not parsed.stack
    assert [t for t, _ in parsed.tags].count("section") >= 1


def test_fragment_is_scoped_and_embeddable(doc):
    frag = render_comparison_fragment(doc)
    assert frag.startswith("<style>") and '<section class="nl-compare"' in frag and frag.endswith("</section>")
    assert "<html" not in frag and "<body" not in frag and "<script" not in frag.lower()
    css = frag.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@media" in css and "max-width" in css  # stacks on a phone
    # every rule is scoped to .nl-compare
    plain = re.sub(r"@media[^{]*\{", "", css)
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", plain):
        for sel in selectors.split(","):
            assert sel.strip().startswith(".nl-compare"), sel
    parsed = parse(frag)
    assert not parsed.errors and not parsed.stack


def test_unrelated_documents_render_without_links():
    d = compare(
        "The orchestra played Mahler in the new concert hall last night.\n",
        "Wheat prices fell sharply after a record harvest in Argentina.\n",
        embeddings=False,
    ).to_dict()
    assert d["links"] == [] and d["relation"]["verdict"] == "unrelated"
    out = render_comparison_page(d)
    assert "A and B are unrelated" in out
    assert "No sentence of A comes from B." in out
    assert "nl-badge" not in columns(out)
    # no copy named: each side's sentences are "only in" it, not added or omitted
    assert "nl-only" in classes_of(out, "a-0") and "nl-only" in classes_of(out, "b-0")
    assert ">only in A</span>" in by_id(out, "a-0") and ">only in B</span>" in by_id(out, "b-0")
    assert "nl-added" not in columns(out) and "nl-omitted" not in columns(out)
    assert not parse(out).errors


def test_reversed_direction_reads_from_the_copy(doc):
    """When B is the copy, A's sentences missing from B are omitted and B's own are added."""
    flipped = {**doc, "relation": {**doc["relation"], "verdict": "b_derives_from_a", "extent": "partly"}}
    out = render_comparison_page(flipped)
    assert "B is partly derived from A" in out
    assert "nl-omitted" in classes_of(out, "a-4") and "nl-added" in classes_of(out, "b-4")
    assert "Added in B (not supported by A)" in out and "Omitted from A (not carried into B)" in out
    assert out.index("Added in B") < out.index("Omitted from A")


def test_partly_supported_sentence_marks_its_new_words():
    a = "A fire destroyed the old mill in Riverton on Sunday night. Firefighters from three towns fought the flames until dawn, the mayor said.\n"
    b = "A fire destroyed the old mill in Riverton on Sunday night. Firefighters fought the flames for hours.\n"
    d = compare(a, b, embeddings=False, a_meta={"published_at": "2024-05-02"}, b_meta={"published_at": "2024-05-01"}).to_dict()
    partial = [s for s in d["support"] if s["level"] == "partial"]
    assert [s["a"] for s in partial] == [1]
    out = render_comparison_page(d)
    assert "nl-partial" in classes_of(out, "a-1")
    marked = re.findall(r'<mark class="nl-new"[^>]*>(.*?)</mark>', by_id(out, "a-1"))
    assert marked and "fought" not in " ".join(marked) and any("three towns" in m for m in marked)


def test_languages_set_lang_per_side(doc):
    d = copy.deepcopy(doc)
    d["a"]["language"], d["b"]["language"] = "de", "en"
    out = render_comparison_fragment(d)
    assert '<article class="nl-side nl-side-a" lang="de">' in out
    assert '<article class="nl-side nl-side-b" lang="en">' in out
    d["a"]["language"] = "und"
    assert '<article class="nl-side nl-side-a">' in render_comparison_fragment(d)


def test_long_document_renders_every_sentence():
    # speed is bench/speed.py's business (no timed unit tests on a noisy machine)
    sentences = [f"Sentence number {i} reports that the committee met {i} times about topic {i % 97}." for i in range(3000)]
    a = "\n".join(" ".join(sentences[k : k + 5]) for k in range(0, len(sentences), 5))
    b = "\n".join(" ".join(sentences[k : k + 5]) for k in range(0, 600, 5))
    d = compare(a, b, embeddings=False).to_dict()
    out = render_comparison_page(d)
    n_a, n_b = len(d["a"]["sentences"]), len(d["b"]["sentences"])
    assert len(re.findall(r'id="a-\d+"', out)) == n_a
    assert len(re.findall(r'id="b-\d+"', out)) == n_b
    assert "topic 96." in out
    assert not parse(out).errors


def test_single_sentence_side_and_cli(tmp_path):
    from typer.testing import CliRunner

    from newslineage.cli import app

    one = tmp_path / "one.txt"
    one.write_text("Heavy rain flooded the old town on Monday, officials said.\n", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text(B_TEXT, encoding="utf-8")
    d = compare(str(one), str(two), embeddings=False).to_dict()
    assert len(d["a"]["sentences"]) == 1
    out = render_comparison_page(d)
    assert "nl-k-" in " ".join(classes_of(out, "a-0"))
    assert not parse(out).errors

    target = tmp_path / "out.html"
    result = CliRunner().invoke(app, ["compare", str(one), str(two), "--no-embeddings", "--format", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    html_out = target.read_text(encoding="utf-8")
    assert html_out.startswith("<!doctype html>")
    assert '<span class="nl-side-letter">A</span>one' in html_out and '<span class="nl-side-letter">B</span>two' in html_out
    assert 'id="a-0"' in html_out and "<script" not in html_out
