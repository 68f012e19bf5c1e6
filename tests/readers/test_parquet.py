from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newslineage.errors import InputError, MissingDependencyError, RecordError
from newslineage.model import content_id
from newslineage.readers import ColumnMap, read_parquet

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def passim_parquet(tmp_path: Path) -> Path:
    path = tmp_path / "passim.parquet"
    table = pa.table(
        {
            "id": ["ap-1", None, "gz-3", "gz-4"],
            "series": ["AP", "Gazette", "Gazette", "Gazette"],
            "date": [datetime(2024, 5, 2, 8, 30, tzinfo=UTC), None, None, None],
            "text": ["The bridge reopened.", "Repairs are complete.", "", None],
            "lang": ["en", "en", "en", "en"],
            "unused": [1, 2, 3, 4],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    return path


def test_reads_rows_and_reports_bad_ones(passim_parquet: Path, errors: list[RecordError]) -> None:
    articles = list(read_parquet(passim_parquet, on_error=errors.append))
    assert [a.id for a in articles] == ["ap-1", content_id("Repairs are complete.")]
    assert articles[0].published_at == "2024-05-02T08:30:00+00:00"
    assert (articles[0].outlet, articles[0].language, articles[0].origin) == ("AP", "en", f"{passim_parquet}:1")
    assert [(e.location, e.reason.split(";")[0]) for e in errors] == [
        (3, "the 'text' value is empty"),
        (4, "no text (looked for column 'text', 'content', 'body', 'article', 'full_text')"),
    ]


def test_custom_columns(tmp_path: Path) -> None:
    path = tmp_path / "custom.parquet"
    pq.write_table(pa.table({"doc": [5], "body_text": ["Text."], "paper": ["Herald"]}), path)
    [article] = read_parquet(path, columns=ColumnMap(id="doc", text="body_text", outlet="paper"))
    assert (article.id, article.text, article.outlet) == ("5", "Text.", "Herald")


def test_no_text_column(tmp_path: Path) -> None:
    path = tmp_path / "notext.parquet"
    pq.write_table(pa.table({"id": ["a"]}), path)
    with pytest.raises(InputError, match="no text column"):
        list(read_parquet(path))


def test_not_parquet_is_a_record_error(tmp_path: Path, errors: list[RecordError]) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not really parquet")
    assert list(read_parquet(path, on_error=errors.append)) == []
    assert len(errors) == 1 and "not a readable Parquet file" in errors[0].reason


def test_missing_pyarrow_raises_on_the_call(monkeypatch: pytest.MonkeyPatch, passim_parquet: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingDependencyError, match="Parquet reading"):
        read_parquet(passim_parquet)
