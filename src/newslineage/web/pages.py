"""The HTML pages: the single page at ``/`` and the same page with a comparison result in it.

The page is one static template (``static/index.html``) with a few ``$name`` slots; every value
put into a slot is escaped here, except the result, which is the fragment rendered (and escaped)
by ``newslineage.report.html``. The page needs nothing from outside this server.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

from .errors import ApiError

__all__ = ["STATIC_DIR", "comparison_fragment", "error_box", "render_page"]

STATIC_DIR = Path(__file__).parent / "static"


@lru_cache(maxsize=1)
def _template() -> Template:
    return Template((STATIC_DIR / "index.html").read_text(encoding="utf-8"))


def comparison_fragment(doc: dict[str, Any]) -> str:
    """The server-rendered result section for a ``newslineage.compare/2`` document."""
    try:
        from ..report.html import render_comparison_fragment
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("newslineage"):
            raise ApiError(501, "not_available", "the HTML report is not part of this build; use /api/compare for JSON") from None
        raise
    return render_comparison_fragment(doc)


def error_box(code: str, detail: str) -> str:
    """A short, escaped error message for the page."""
    return (
        f'<div class="error" role="alert"><strong>{html.escape(code.replace("_", " "))}</strong>: '
        f"{html.escape(detail)}</div>"
    )


def render_page(*, a_text: str = "", b_text: str = "", a_date: str = "", b_date: str = "", result: str = "") -> str:
    """The page, with the given inputs filled in and ``result`` (trusted, already escaped HTML) below them."""
    values = {
        "a_text": html.escape(a_text),
        "b_text": html.escape(b_text),
        "a_date": html.escape(a_date, quote=True),
        "b_date": html.escape(b_date, quote=True),
        "result": result,
    }
    return _template().substitute(values)
