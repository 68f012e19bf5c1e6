from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newslineage.errors import RecordError
from newslineage.model import content_id
from newslineage.readers import ColumnMap, read_jsonl


def test_reads_good_lines_and_reports_the_malformed_one(data: Path, errors: list[RecordError]) -> None:
    articles = list(read_jsonl(data / "articles.jsonl", on_error=errors.append))
    assert [a.id for a in articles] == ["ap-001", "gazette-17", content_id(articles[2].text)]
    first = articles[0]
    assert (first.outlet, first.published_at, first.title, first.url, first.language) == (
        "Associated Press",
        "2024-05-02",
        "Bridge reopens",
        "https://ap.example/bridge",
        "en",
    )
    assert articles[1].published_at == "2024-05-02T09:15:00"
    # Line 5 uses the alternative names (content, outlet, published_at, headline).
    assert (articles[2].outlet, articles[2].title, articles[2].published_at, articles[2].origin) == (
        "Daily Planet",
        "Repairs done",
        "2024-05-02T10:30:00+02:00",
        f"{data / 'articles.jsonl'}:5",
    )
    assert len(errors) == 1
    assert errors[0].location == 3
    assert errors[0].reason == "not valid JSON: Expecting ',' delimiter at column 46; fix or remove the line"


def test_strict_raises_at_the_malformed_line(data: Path) -> None:
    with pytest.raises(RecordError, match=r"articles.jsonl:3: not valid JSON"):
        list(read_jsonl(data / "articles.jsonl", strict=True))


def test_other_bad_lines(tmp_path: Path, errors: list[RecordError]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'[1, 2]\n{"id": "x"}\n{"text": ""}\n{"text": "caf\xe9"}\n{"text": "ok"}\n')
    assert [a.text for a in read_jsonl(path, on_error=errors.append)] == ["ok"]
    assert [e.location for e in errors] == [1, 2, 3, 4]
    assert "not an object" in errors[0].reason
    assert "no text" in errors[1].reason and "ColumnMap(text=...)" in errors[1].reason
    assert "is empty" in errors[2].reason
    assert "not UTF-8" in errors[3].reason


def test_gzip_and_custom_columns(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write('{"doc": "d1", "words": "Gzipped text.", "paper": "Herald"}\n')
    columns = ColumnMap(id="doc", text="words", outlet="paper")
    [article] = read_jsonl(path, columns=columns)
    assert (article.id, article.text, article.outlet) == ("d1", "Gzipped text.", "Herald")


def test_truncated_gzip_keeps_earlier_lines(tmp_path: Path, errors: list[RecordError]) -> None:
    lines = "".join(f'{{"id": "{i}", "text": "Article number {i} {"x" * 200}"}}\n' for i in range(50))
    whole = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) - 40])
    articles = list(read_jsonl(path, on_error=errors.append))
    assert 0 < len(articles) < 50
    assert len(errors) == 1 and "truncated or corrupt" in errors[0].reason
    assert errors[0].location == len(articles) + 1
