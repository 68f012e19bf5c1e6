"""How the web server runs: one frozen settings record, checked once before the app is built."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["DEFAULT_MAX_BODY_BYTES", "WebSettings", "is_loopback"]

#: A news article is rarely over 100 kB; two of them plus JSON overhead fit easily in 5 MB,
#: while a bigger body is almost always a mistake (or an attempt to tie up the server).
DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _f(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


def is_loopback(host: str) -> bool:
    """True when ``host`` (a name or an IP address, IPv6 optionally in brackets) is this machine only."""
    name = host.strip().strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Settings of ``newslineage serve``.

    Raises:
        ConfigError: The server would listen beyond loopback with no token, or a value is out of range.
    """

    db: Path | None = _f(None, "Index file to search and ingest into; None serves comparison only.")
    token: str | None = _f(None, "Bearer token required by write endpoints (always required beyond loopback).")
    host: str = _f("127.0.0.1", "Address the server listens on.")
    max_body_bytes: int = _f(DEFAULT_MAX_BODY_BYTES, "Largest request body accepted, in bytes.")
    embeddings: bool = _f(True, "Use sentence embeddings in comparisons (off = lexical only, no model).")

    def __post_init__(self) -> None:
        if self.db is not None and not isinstance(self.db, Path):
            object.__setattr__(self, "db", Path(self.db))
        if self.token is not None and not self.token.strip():
            object.__setattr__(self, "token", None)
        if self.max_body_bytes < 1024:
            raise ConfigError(f"max_body_bytes: {self.max_body_bytes} is too small; give at least 1024 bytes")
        if not is_loopback(self.host) and self.token is None:
            raise ConfigError(
                f"host {self.host!r} is reachable from other machines; give --token (or set NEWSLINEAGE_TOKEN) "
                "so that only you can write to the index, or listen on 127.0.0.1"
            )
