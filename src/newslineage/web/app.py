"""``create_app(settings)``: the HTTP API (``/api/...``, OpenAPI at ``/docs``) and the page at ``/``.

Handlers are thin: they validate the request (pydantic), call one library function through
``service`` and return its JSON document. Errors become JSON in ``errors.install_error_handlers``.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import NewslineageError
from .errors import ApiError, error_code, install_error_handlers
from .jobs import JobRunner
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .pages import STATIC_DIR, comparison_fragment, error_box, render_page
from .schemas import MAX_SYNC_ARTICLES, CompareRequest, IngestRequest, SourcesRequest, TextIn
from .service import Comparer, Corpus
from .settings import WebSettings, is_loopback

__all__ = ["create_app"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": text, "content": {"application/json": {"example": {"error": code, "detail": "..."}}}}
    for status, code, text in [
        (401, "unauthorized", "Write endpoint called without a bearer token."),
        (403, "forbidden", "Wrong token, or a write from a non-loopback host/origin."),
        (409, "no_index", "The server runs without --db."),
        (413, "body_too_large", "Request body over the limit."),
        (422, "validation", "Bad request body or unusable text."),
    ]
}


def _host_name(value: str) -> str:
    """``[::1]:8000`` -> ``::1``; ``localhost:8000`` -> ``localhost``."""
    return urlsplit(f"//{value}").hostname or ""


def create_app(settings: WebSettings) -> FastAPI:
    """Build the web application.

    Args:
        settings: Where the index is, the write token, the listening host, the body limit and
            whether comparisons use embeddings.

    Returns:
        A FastAPI (ASGI) application; run it with uvicorn (``newslineage serve``).
    """
    comparer = Comparer(embeddings=settings.embeddings)
    corpus = Corpus(settings.db, comparer.settings)
    jobs = JobRunner()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(comparer.warm_up)
        yield
        await run_in_threadpool(jobs.shutdown)

    app = FastAPI(
        title="newslineage",
        version=__version__,
        description="Where a news text came from and how it changed on the way. Every error is JSON "
        '`{"error": <code>, "detail": <one line>}`.',
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.comparer = comparer
    app.state.corpus = corpus
    app.state.jobs = jobs
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    def require_writer(request: Request) -> None:
        """Writes need the token when one is set; without one (loopback only) they must come from loopback."""
        if settings.token is None:
            origin = request.headers.get("origin")
            if not is_loopback(_host_name(request.headers.get("host", ""))) or (
                origin is not None and not is_loopback(urlsplit(origin).hostname or "")
            ):
                raise ApiError(403, "forbidden", "writes are only accepted from this machine; start the server with --token to allow others")
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise ApiError(401, "unauthorized", "this endpoint needs the header  Authorization: Bearer <token>",
                           {"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
            raise ApiError(403, "forbidden", "the bearer token is not the one this server was started with")

    # ---- pages -------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index_page() -> HTMLResponse:
        return HTMLResponse(render_page())

    @app.post("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_form(request: Request) -> HTMLResponse:
        """The no-JavaScript path: the form posts here and gets the page back with the result."""
        form = await request.form(max_files=2, max_fields=10, max_part_size=settings.max_body_bytes)
        texts, dates = {"a": "", "b": ""}, {"a": "", "b": ""}
        status, result = 200, ""
        try:
            for side in ("a", "b"):
                texts[side] = await _form_text(form, side)
                dates[side] = str(form.get(f"{side}_date") or "")
            body = CompareRequest(
                a=TextIn(text=texts["a"], published_at=dates["a"] or None),
                b=TextIn(text=texts["b"], published_at=dates["b"] or None),
            )
            doc = await run_in_threadpool(comparer.compare, body)
            result = comparison_fragment(doc)
        except NewslineageError as exc:
            status, result = exc.http_status, error_box(error_code(exc), exc.message)
        except ApiError as exc:
            status, result = exc.status, error_box(exc.code, exc.detail)
        except ValidationError as exc:
            first = exc.errors()[0]
            status, result = 422, error_box("validation", f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
        finally:
            await form.close()
        page = render_page(a_text=texts["a"], b_text=texts["b"], a_date=dates["a"], b_date=dates["b"], result=result)
        return HTMLResponse(page, status_code=status)

    # ---- API ---------------------------------------------------------------------------

    @app.get("/api/info", tags=["server"])
    def info() -> dict[str, Any]:
        """What this server offers: version, index loaded or not, comparison mode, write rules."""
        articles = None
        if corpus.loaded:
            try:
                articles = corpus.count()
            except (ApiError, NewslineageError):
                articles = None
        return {
            "version": __version__,
            "index": {"loaded": corpus.loaded, "articles": articles},
            "mode": "embeddings" if comparer.settings.embeddings else "lexical",
            "writes_need_token": settings.token is not None,
            "max_body_bytes": settings.max_body_bytes,
        }

    @app.post("/api/compare", tags=["compare"], responses={**_ERRORS, 200: {"description": "newslineage.compare/2, or an HTML fragment with format=html"}})
    def compare_api(
        body: CompareRequest,
        format: str = Query("json", pattern="^(json|html)$", description="json (newslineage.compare/2) or html (the result fragment the page shows)"),
    ) -> Response:
        """How article ``a`` relates to article ``b``: the ``newslineage.compare/2`` document."""
        doc = comparer.compare(body)
        if format == "html":
            return HTMLResponse(comparison_fragment(doc))
        return JSONResponse(doc)

    @app.post("/api/sources", tags=["index"], responses=_ERRORS)
    def sources_api(body: SourcesRequest) -> dict[str, Any]:
        """Where the text may come from: the ``newslineage.sources/1`` document."""
        return corpus.sources(
            TextIn(text=body.text), top=body.top, before=body.before, after=body.after, exclude_outlet=body.exclude_outlet
        )

    @app.post("/api/articles", tags=["index"], dependencies=[Depends(require_writer)], status_code=200,
              responses={**_ERRORS, 202: {"description": "More than 50 articles: a background job was started"}})
    def add_articles(body: IngestRequest) -> Response:
        """Add articles to the index. Up to 50 are added at once; more run as a background job (202)."""
        articles = corpus.articles(body.articles)
        if len(articles) <= MAX_SYNC_ARTICLES:
            return JSONResponse(corpus.ingest(articles))
        job = jobs.submit(len(articles), lambda progress: corpus.ingest(articles, progress))
        return JSONResponse(
            {"job": job.id, "status": job.status, "total": job.total, "status_url": f"/api/jobs/{job.id}"},
            status_code=202,
            headers={"Location": f"/api/jobs/{job.id}"},
        )

    @app.get("/api/jobs/{job_id}", tags=["index"], responses=_ERRORS)
    def job_status(job_id: str) -> dict[str, Any]:
        """State of a background ingest: status, progress and counts so far."""
        job = jobs.get(job_id)
        if job is None:
            raise ApiError(404, "not_found", f"no job with id {job_id!r} (jobs are forgotten when the server restarts)")
        return job

    @app.get("/api/articles/{article_id:path}", tags=["index"], responses=_ERRORS)
    def get_article(article_id: str) -> dict[str, Any]:
        """One article from the index, by its id."""
        return corpus.get(article_id)

    @app.get("/api/stories", tags=["stories"], responses={**_ERRORS, 404: {"description": "no_analysis: run newslineage analyze"}})
    def stories() -> Any:
        """Stories found by the corpus analysis."""
        return corpus.stories()

    @app.get("/api/stories/{story_id:path}", tags=["stories"], responses=_ERRORS)
    def story(story_id: str) -> Any:
        """One story: its articles and who derives from whom."""
        return corpus.stories(story_id)

    return app


async def _form_text(form: Any, side: str) -> str:
    """The text for one side of the form: an uploaded file wins over the textarea."""
    upload = form.get(f"{side}_file")
    if upload is not None and not isinstance(upload, str):
        data = await upload.read()
        if data:
            from ..textio import decode_bytes

            return decode_bytes(data, f"{side} file")[0]
    return str(form.get(f"{side}_text") or "")
