"""Fixtures for the web tests: an app per test with its own settings, the seed texts."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newslineage[web]'")

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork in its test client; plain httpx still works.
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

from newslineage.web import WebSettings, create_app

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"
SEED_A = SEEDS / "000_0b8b1ce8151e0a78.txt"
SEED_B = SEEDS / "004_04fc8d81745fa5a0.txt"

#: Sentences of A (000) that its source B (004) does not support.
CUBA = "Blinken recently stated that China had been using the nearby island of Cuba"
AGGRESSIVE = 'The US government accused China of an "unnecessarily aggressive" intercept maneuver.'


@pytest.fixture(scope="session")
def seed_texts() -> tuple[str, str]:
    """The texts of the seed pair: A (000) derives from B (004)."""
    return SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """``make_client(**WebSettings fields, raise_server_exceptions=True)``: a started test client.

    Embeddings are off unless asked for (no model to load), and requests come from
    ``http://127.0.0.1`` as a local browser's would.
    """
    clients: list[TestClient] = []

    def make(raise_server_exceptions: bool = True, base_url: str = "http://127.0.0.1:8000", **fields: Any) -> TestClient:
        fields.setdefault("embeddings", False)
        app = create_app(WebSettings(**fields))
        client = TestClient(app, base_url=base_url, raise_server_exceptions=raise_server_exceptions)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    """A client of a server with no index and no token, lexical comparison."""
    return make_client()


@pytest.fixture
def db_client(make_client: Callable[..., TestClient], tmp_path: Path) -> TestClient:
    """A client of a server with an empty index (lexical), writes open to loopback."""
    pytest.importorskip("newslineage.index", reason="the corpus index is not in this build")
    return make_client(db=tmp_path / "corpus.db")
