from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newslineage.errors import InputNotFoundError, RecordError
from newslineage.readers import read_folder


def test_reads_every_article_with_relative_ids(data: Path) -> None:
    articles = list(read_folder(data / "folder"))
    assert [a.id for a in articles] == ["source-document00001.txt", "sub/local-report.html", "wire-copy.md"]
    by_id = {a.id: a for a in articles}
    assert by_id["source-document00001.txt"].text.startswith("Storm closes ports along the northern coast")
    # HTML is reduced to text: the navigation and tags are gone, the story stays.
    html = by_id["sub/local-report.html"].text
    assert "forcing fishermen to stay ashore" in html
    assert "<p>" not in html and "Weather" not in html
    assert by_id["wire-copy.md"].origin == str(data / "folder" / "wire-copy.md")
    assert all(a.encoding == "utf-8" for a in articles)


def test_bad_files_are_reported_and_skipped(tmp_path: Path, data: Path, errors: list[RecordError]) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(data / "folder", folder)
    (folder / "empty.txt").write_text("  \n")
    (folder / "unknown.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".hidden.txt").write_text("not an article")
    ids = [a.id for a in read_folder(folder, on_error=errors.append)]
    assert ids == ["source-document00001.txt", "sub/local-report.html", "wire-copy.md"]
    assert [(e.source, e.location) for e in errors] == [(str(folder), "empty.txt"), (str(folder), "unknown.txt")]
    assert "is empty" in errors[0].reason
    assert "encoding could not be detected; re-save it as UTF-8" in errors[1].reason


def test_strict_raises_on_the_first_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    with pytest.raises(RecordError, match="a.txt: is empty"):
        list(read_folder(tmp_path, strict=True))


def test_missing_folder_fails_on_the_call(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such folder"):
        read_folder(tmp_path / "nope")
