"""The web server: an HTTP API over the library and a page to compare two texts in a browser.

Needs the ``web`` extra (``pip install 'newslineage[web]'``)::

    from newslineage.web import WebSettings, create_app
    app = create_app(WebSettings(db="newslineage.db"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .settings import WebSettings

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI

__all__ = ["WebSettings", "create_app"]


def create_app(settings: WebSettings) -> FastAPI:
    """Build the FastAPI application (see ``newslineage.web.app.create_app``).

    Raises:
        MissingDependencyError: The ``web`` extra is not installed.
    """
    try:
        import fastapi  # noqa: F401
        import fastapi_offline  # noqa: F401  (the API reference's own Swagger UI and ReDoc files)
    except ImportError:
        from ..errors import MissingDependencyError

        raise MissingDependencyError("the web server", "web") from None
    from .app import create_app as _create_app

    return _create_app(settings)
