"""Every error the HTTP API returns is JSON ``{"error": <code>, "detail": <one line>}``.

Library errors (``NewslineageError``) are mapped here and only here, using their
``http_status``; request validation, unknown routes and unexpected failures get the same shape.
A traceback never leaves the server: it goes to the log.
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewslineageError

__all__ = ["ApiError", "error_code", "error_response", "install_error_handlers"]

log = logging.getLogger("newslineage.web")

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "validation",
    500: "internal",
    501: "not_available",
}

#: Headers every response carries, errors included (the 500 handler runs outside the middleware).
BASE_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


class ApiError(Exception):
    """An HTTP-level refusal raised by the web layer itself (no index, bad token...).

    Args:
        status: HTTP status code.
        code: Stable machine-readable code, e.g. ``no_index``.
        detail: One line for a person: what was wrong and what to do.
        headers: Extra response headers (e.g. ``WWW-Authenticate``).
    """

    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}


def error_code(exc: NewslineageError) -> str:
    """``EmptyInputError`` -> ``empty_input``: a stable code derived from the class name."""
    name = type(exc).__name__.removesuffix("Error") or "newslineage"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:500]


def error_response(status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error body with its status code."""
    return JSONResponse(
        {"error": code, "detail": _one_line(detail)},
        status_code=status,
        headers={**BASE_HEADERS, **(headers or {})},
    )


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        if err.get("type") == "json_invalid":
            return f"the body is not valid JSON ({err.get('ctx', {}).get('error', 'syntax error')} at character {err['loc'][-1]})"
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def install_error_handlers(app: FastAPI) -> None:
    """Register the one mapping from exceptions to JSON errors."""

    @app.exception_handler(NewslineageError)
    async def _library_error(request: Request, exc: NewslineageError) -> JSONResponse:
        return error_response(exc.http_status, error_code(exc), exc.message)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "validation", _validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else code
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such page or endpoint: {request.url.path}; see /docs for the API"
        return error_response(exc.status_code, code, detail, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal", "unexpected server error; the details are in the server log")
