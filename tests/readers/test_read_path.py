"""Tests for ``newslineage.readers`` itself: dispatch by path, chaining, the public names."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

import newslineage.readers as readers
from newslineage.errors import InputError, InputNotFoundError, MissingDependencyError, RecordError
from newslineage.readers import ColumnMap, read_path, read_paths

from .conftest import SHARED_DATA


def test_public_names_are_sorted_and_exist() -> None:
    assert readers.__all__ == sorted(readers.__all__)
    assert all(hasattr(readers, name) for name in readers.__all__)


@pytest.mark.parametrize(
    ("name", "first_id"),
    [
        ("folder", "source-document00001.txt"),
        ("articles.jsonl", "ap-001"),
        ("groundnews.csv", "1"),
        ("page.html", "page.html"),
        ("feed.rss", "wire-2024-0305-001"),
        ("feed.atom", "urn:nd:2024:0305:1"),
        ("latin1.txt", "latin1.txt"),
    ],
)
def test_dispatch_by_path(data: Path, name: str, first_id: str) -> None:
    articles = list(read_path(data / name, on_error=lambda err: None))
    assert articles[0].id == first_id


def test_single_text_file_in_latin1(data: Path) -> None:
    [article] = read_path(data / "latin1.txt")
    assert article.text.startswith("Le café de la gare a rouvert ses portes mardi après trois mois")
    assert article.encoding not in (None, "utf-8")
    assert article.origin == str(data / "latin1.txt")


def test_single_text_file_in_unknown_encoding(tmp_path: Path, errors: list[RecordError]) -> None:
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3)
    assert list(read_path(path, on_error=errors.append)) == []
    assert [(e.source, e.location) for e in errors] == [(str(path), 1)]
    assert errors[0].reason == "is not UTF-8 and its encoding could not be detected; re-save it as UTF-8"
    with pytest.raises(RecordError, match="mystery.txt:1: is not UTF-8"):
        list(read_path(path, strict=True))


def test_suffix_case_and_compressed_jsonl(tmp_path: Path, data: Path) -> None:
    path = tmp_path / "CORPUS.JSONL.GZ"
    path.write_bytes(gzip.compress((data / "articles.jsonl").read_bytes()))
    assert [a.id for a in read_path(path, on_error=lambda err: None)][:2] == ["ap-001", "gazette-17"]


def test_columns_are_passed_to_table_readers(data: Path) -> None:
    articles = list(read_path(data / "groundnews.csv", columns=ColumnMap(outlet="title"), on_error=lambda err: None))
    assert articles[0].outlet == "Ports close as storm hits coast"


def test_warc_dispatch(make_warc: Callable[..., Path], data: Path) -> None:
    page = (data / "page.html").read_bytes()
    path = make_warc("crawl.warc.gz", [("https://gazette.example.org/harbour", page, "text/html", "200 OK")])
    assert [a.id for a in read_path(path)] == ["https://gazette.example.org/harbour"]


def test_parquet_dispatch(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"id": ["p1"], "text": ["Parquet text."]}), path)
    assert [a.id for a in read_path(path)] == ["p1"]


def test_unknown_type_names_the_file_and_supported_types(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(
        InputError, match=r"report\.pdf: unsupported file type; give a folder or a file ending in .*\.jsonl.*\.warc\.gz"
    ):
        read_path(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such file or folder"):
        read_path(tmp_path / "nope.jsonl")


def test_missing_dependency_is_raised_when_the_reader_is_chosen(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    monkeypatch.setitem(__import__("sys").modules, "feedparser", None)
    with pytest.raises(MissingDependencyError):
        read_path(data / "feed.rss")
    # Readers that do not need it still work.
    assert len(list(read_path(data / "folder"))) == 3


def test_read_paths_chains_in_order(data: Path, errors: list[RecordError]) -> None:
    articles = list(read_paths([data / "latin1.txt", data / "articles.jsonl", data / "folder"], on_error=errors.append))
    assert [a.id for a in articles][:3] == ["latin1.txt", "ap-001", "gazette-17"]
    assert len(articles) == 1 + 3 + 3
    assert len(errors) == 1


def test_read_paths_checks_every_path_first(tmp_path: Path, data: Path) -> None:
    with pytest.raises(InputNotFoundError):
        read_paths([data / "articles.jsonl", tmp_path / "typo.jsonl"])


@pytest.mark.shared_data
def test_real_ground_news_cluster() -> None:
    path = SHARED_DATA / "groundnews_story_clusters" / "0" / "data.csv"
    if not path.exists():
        pytest.skip(f"shared data not available at {path}")
    columns = ColumnMap(outlet="outlet_name", date="datetime", date_format=("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M"))
    errors: list[RecordError] = []
    articles = list(read_path(path, columns=columns, on_error=errors.append))
    assert errors == []
    assert len(articles) == 6
    assert len({a.id for a in articles}) == 6
    assert all(a.outlet and a.title and len(a.text) > 200 for a in articles)
    assert all(a.published_at and a.published_at.startswith("2022-09-12T") for a in articles)
