"""``newslineage serve``: the HTTP API and the web page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import MissingDependencyError
from . import app


@app.command()
def serve(
    db: Annotated[Optional[Path], typer.Option("--db", help="Index file to search and add to (without it: comparison only).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; beyond loopback a --token is required.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option("--token", help="Bearer token for write endpoints (default: $NEWSLINEAGE_TOKEN).", show_default=False)] = None,
    embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings", help="Use the sentence encoder; --no-embeddings: lexical comparison only (no model to load, faster, misses paraphrase and translation).")] = True,
    max_body_bytes: Annotated[Optional[int], typer.Option("--max-body-bytes", help="Largest request body accepted (default 5 MB).")] = None,
) -> None:
    """Serve the HTTP API (/api, reference at /docs) and the comparison page (/)."""
    try:
        import uvicorn
    except ImportError:
        raise MissingDependencyError("the web server", "web") from None
    from ..web import WebSettings, create_app
    from ..web.settings import DEFAULT_MAX_BODY_BYTES

    settings = WebSettings(
        db=db,
        token=token or os.environ.get("NEWSLINEAGE_TOKEN") or None,
        host=host,
        max_body_bytes=max_body_bytes or DEFAULT_MAX_BODY_BYTES,
        embeddings=embeddings,
    )
    application = create_app(settings)
    where = f"[{host}]" if ":" in host else host
    typer.echo(f"newslineage: serving on http://{where}:{port}/  (API reference: /docs; Ctrl-C to stop)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
