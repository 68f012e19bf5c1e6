from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newslineage.errors import MissingDependencyError, RecordError
from newslineage.readers import read_warc

pytest.importorskip("warcio")

HTML = "text/html; charset=utf-8"
OK = "200 OK"


@pytest.fixture
def records(data: Path) -> list[tuple[str, bytes, str, str]]:
    page = (data / "page.html").read_bytes()
    river = page.replace(b"Harbour", b"River").replace(b"harbour", b"river")
    french = (
        "<html><body><article><p>Le café de la gare a rouvert ses portes mardi après trois mois de travaux, "
        "a annoncé la mairie.</p></article></body></html>"
    ).encode("latin-1")
    return [
        ("https://gazette.example.org/harbour", page, HTML, OK),
        ("https://gazette.example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", OK),
        ("https://gazette.example.org/app", b"<html><body><script>app()</script></body></html>", HTML, OK),
        ("https://gazette.example.org/gone", b"<html><body><p>Not found</p></body></html>", HTML, "404 Not Found"),
        ("https://gazette.example.org/river", river, "text/html", OK),
        ("https://cafe.example.fr/gare", french, "text/html; charset=iso-8859-1", OK),
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_reads_html_responses(make_warc: Callable[..., Path], records: list, gzip: bool, errors: list[RecordError]) -> None:
    path = make_warc("crawl.warc.gz" if gzip else "crawl.warc", records, gzip=gzip)
    articles = list(read_warc(path, on_error=errors.append))
    assert [a.id for a in articles] == [
        "https://gazette.example.org/harbour",
        "https://gazette.example.org/river",
        "https://cafe.example.fr/gare",
    ]
    harbour, river, cafe = articles
    assert harbour.url == harbour.id
    assert harbour.title == "Harbour bridge reopens after repairs"
    # The page's own date, not the WARC-Date (which is the crawl time, today).
    assert harbour.published_at == "2024-05-02"
    assert "three million more than planned" in harbour.text and "Sport" not in harbour.text
    assert river.title == "River bridge reopens after repairs"
    assert "Le café de la gare" in cafe.text and cafe.encoding == "iso-8859-1"
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:5", f"{path}:6"]
    # Only the page with no text is a bad record; the image and the 404 are simply not articles.
    assert [(e.location, "no article text" in e.reason) for e in errors] == [(3, True)]


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.95, 0.75])
def test_truncated_archive_keeps_earlier_records(
    make_warc: Callable[..., Path], records: list, gzip: bool, keep: float, tmp_path: Path, errors: list[RecordError]
) -> None:
    whole = make_warc("crawl.warc.gz" if gzip else "crawl.warc", records, gzip=gzip).read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(whole[: int(len(whole) * keep)])
    articles = list(read_warc(cut, on_error=errors.append))
    assert articles[0].id == "https://gazette.example.org/harbour"
    assert len(articles) < 3
    damaged = [e for e in errors if "truncated or corrupt" in e.reason]
    assert len(damaged) == 1
    assert damaged[0].location in (5, 6)
    assert "re-download or repair" in damaged[0].reason
    with pytest.raises(RecordError, match="truncated or corrupt|no article text"):
        list(read_warc(cut, strict=True))


def test_cut_inside_the_first_header(
    make_warc: Callable[..., Path], records: list, tmp_path: Path, errors: list[RecordError]
) -> None:
    whole = make_warc("crawl.warc", records, gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:100])
    assert list(read_warc(cut, on_error=errors.append)) == []
    assert [e.location for e in errors] == [1]


def test_not_an_archive(tmp_path: Path, errors: list[RecordError]) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is plain text, not a web archive\n")
    assert list(read_warc(path, on_error=errors.append)) == []
    assert len(errors) == 1 and errors[0].location == 1


def test_missing_warcio_raises_on_the_call(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(MissingDependencyError, match="WARC"):
        read_warc(tmp_path / "any.warc")
