"""Bad input gets a clear one-line error naming the input and what to do."""

from __future__ import annotations

import pytest

from newslineage import compare
from newslineage.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputNotFoundError,
    InputTooLargeError,
)
from newslineage.textio import read_article


def test_missing_path(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_empty_and_whitespace_files(tmp_path):
    for content in (b"", b"  \n\t \n"):
        path = tmp_path / "empty.txt"
        path.write_bytes(content)
        with pytest.raises(EmptyInputError, match=r"empty\.txt: is empty"):
            read_article(path)


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BinaryInputError, match="photo.txt: looks like a binary file"):
        read_article(path)


def test_latin1_is_detected_and_reported(tmp_path):
    path = tmp_path / "latin.txt"
    text = "Der Bürgermeister äußerte sich am Dienstag zur Lage. Die Straße bleibt gesperrt, sagte er in München."
    path.write_bytes(text.encode("latin-1"))
    article = read_article(path)
    assert article.text == text
    assert article.encoding and article.encoding != "utf-8"


def test_utf8_bom_and_utf16(tmp_path):
    p1, p2 = tmp_path / "bom.txt", tmp_path / "u16.txt"
    p1.write_bytes("\ufeffHello world, this is a test.".encode("utf-8"))
    p2.write_bytes("Hello world, this is a test.".encode("utf-16"))
    assert read_article(p1).text == "Hello world, this is a test."
    assert read_article(p2).text == "Hello world, this is a test."


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1]) * 3)
    with pytest.raises((EncodingError, BinaryInputError), match="junk.txt"):
        read_article(path)


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    with pytest.raises(InputTooLargeError, match=r"big.txt: is 50.0 MB, over the 10.0 MB limit"):
        read_article(path)


def test_html_soup_is_reduced_to_text():
    html = "<html><head><script>var x=1;</script><style>p{}</style></head><body><nav>Home | News</nav><p>The mayor opened the bridge on Monday.</p><p>Traffic resumes today.</p></body></html>"
    article = read_article(html.encode("utf-8"), name="page")
    assert "var x" not in article.text and "p{}" not in article.text
    assert "The mayor opened the bridge on Monday." in article.text


def test_text_strings_are_text_not_paths():
    assert read_article("The mayor opened the bridge on Monday.").text == "The mayor opened the bridge on Monday."


def test_compare_refuses_empty_side():
    with pytest.raises(EmptyInputError, match="text: is empty"):
        compare("   ", "Some text here that is long enough.", embeddings=False)
