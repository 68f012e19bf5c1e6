"""Fixtures shared by the reader tests: the fixture folder, an error collector, a WARC builder."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from newslineage.errors import RecordError

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def data() -> Path:
    """The reader fixtures folder (tests/data/readers)."""
    return DATA


@pytest.fixture
def errors() -> list[RecordError]:
    """A list to pass as ``on_error=errors.append``."""
    return []


WarcRecord = tuple[str, bytes, str, str]


@pytest.fixture
def make_warc(tmp_path: Path) -> Callable[..., Path]:
    """Build a small WARC with warcio's own writer: records are (uri, body, content type, status)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def build(name: str, records: list[WarcRecord], *, gzip: bool = True) -> Path:
        path = tmp_path / name
        with path.open("wb") as stream:
            writer = WARCWriter(stream, gzip=gzip)
            for uri, body, content_type, status in records:
                headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
                # Giving the length keeps warcio from spooling the payload to a temporary file
                # that it never closes (a ResourceWarning, which this suite treats as an error).
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
                )
                writer.write_record(record)
        return path

    return build
