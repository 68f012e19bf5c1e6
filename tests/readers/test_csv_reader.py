from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newslineage.errors import InputError, RecordError
from newslineage.readers import ColumnMap, csv_reader, read_csv

GROUND = ColumnMap(outlet="outlet_name", date="datetime")


def test_ground_news_columns(data: Path, errors: list[RecordError]) -> None:
    articles = list(read_csv(data / "groundnews.csv", columns=GROUND, on_error=errors.append))
    assert [a.id for a in articles] == ["1", "2"]
    first = articles[0]
    assert first.title == "Ports close as storm hits coast"
    assert first.outlet == "Coastal Gazette"
    assert first.published_at == "2024-03-05T14:04:00"
    # A quoted field keeps its paragraph break.
    assert first.text == (
        "Three ports on the northern coast were closed on Tuesday.\n\n"
        "Ferries are expected to run again on Wednesday, officials said."
    )
    assert articles[1].published_at == "2024-03-05T10:50:00+00:00"
    # Rows start on lines 2 and 5 (the first row spans three lines).
    assert [a.origin for a in articles] == [f"{data / 'groundnews.csv'}:2", f"{data / 'groundnews.csv'}:5"]
    assert [(e.location, e.reason.split(";")[0]) for e in errors] == [
        (6, "the 'text' value is empty"),
        (7, "the row has 1 fields but the header has 5, so the text column 'text' is missing"),
    ]


def test_default_columns_accept_outlet_name_and_datetime(data: Path) -> None:
    articles = list(read_csv(data / "groundnews.csv", on_error=lambda err: None))
    assert [a.outlet for a in articles] == ["Coastal Gazette", "Wire Service"]
    assert articles[0].published_at == "2024-03-05T14:04:00"


def test_strict_raises(data: Path) -> None:
    with pytest.raises(RecordError, match=r"groundnews.csv:6:"):
        list(read_csv(data / "groundnews.csv", columns=GROUND, strict=True))


def test_tsv_and_latin1(tmp_path: Path, data: Path) -> None:
    # A few sentences: detecting a legacy encoding needs more than a handful of accented letters.
    french = (data / "latin1.txt").read_bytes().decode("latin-1").strip()
    path = tmp_path / "corpus.tsv"
    path.write_bytes(f"id\ttext\n1\t{french}\n".encode("latin-1"))
    [article] = read_csv(path)
    assert article.text == french
    assert "café" in article.text
    assert article.encoding not in (None, "utf-8")


def test_no_text_column_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("headline,when\nA,2024\n")
    with pytest.raises(InputError, match=r"no text column .*the columns are 'headline', 'when'"):
        list(read_csv(path))


def test_unparseable_row_stops_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[RecordError]) -> None:
    # The csv module's only error on lenient input is a field over its size limit; shrink the
    # limit (a process-wide setting, restored below) instead of writing a 64 MB file.
    previous = csv.field_size_limit()
    monkeypatch.setattr(csv_reader, "_FIELD_LIMIT", 20)
    csv.field_size_limit(20)
    try:
        path = tmp_path / "long.csv"
        path.write_text("id,text\n1,fine\n2," + "x" * 50 + "\n3,never read\n")
        texts = [a.text for a in read_csv(path, on_error=errors.append)]
    finally:
        csv.field_size_limit(previous)
    assert texts == ["fine"]
    assert len(errors) == 1 and errors[0].location == 3 and "not valid CSV" in errors[0].reason
