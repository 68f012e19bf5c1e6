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
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import NewslineageError
from .errors import ApiError, error_code, install_error_handlers
from .jobs import JobRunner
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .pages import STATIC_DIR, comparison_fragment, error_box, message_page, pair_page, render_page, stories_page, story_page
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

    # Swagger UI and ReDoc from files shipped in the fastapi-offline wheel: the docs work with no
    # network (FastAPI's own pages load them from a CDN and stay blank offline)
    app = FastAPIOffline(
        title="newslineage",
        version=__version__,
        description="Where a news text came from and how it changed on the way. Every error is JSON "
        '`{"error": <code>, "detail": <one line>}`.',
        docs_url="/docs",
        redoc_url="/redoc",
        static_url="/docs-assets",
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

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon; a 204 keeps browsers' consoles quiet

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_html() -> HTMLResponse:
        try:
            found = corpus.stories()
        except ApiError as exc:
            return HTMLResponse(message_page("Stories", exc.detail), status_code=exc.status)
        return HTMLResponse(stories_page(found["stories"], corpus.db.name if corpus.db else "", corpus.articles_meta()))

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_html(story_id: str) -> HTMLResponse:
        try:
            story = corpus.story_page(story_id)
        except ApiError as exc:
            return HTMLResponse(message_page("Story", exc.detail), status_code=exc.status)
        return HTMLResponse(story_page(story))

    @app.get("/pair", response_class=HTMLResponse, include_in_schema=False)
    def pair_html(source: str = "", derived: str = "") -> HTMLResponse:
        if not source or not derived:
            return HTMLResponse(message_page("Side by side", "give two stored articles: /pair?source=ID&derived=ID"), status_code=422)
        try:
            doc = corpus.pair(source, derived)
        except ApiError as exc:
            return HTMLResponse(message_page("Side by side", exc.detail), status_code=exc.status)
        except NewslineageError as exc:
            return HTMLResponse(message_page("Side by side", exc.message), status_code=exc.http_status)
        return HTMLResponse(pair_page(doc, source, derived, corpus.articles_meta()))

    @app.post("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_form(request: Request) -> HTMLResponse:
        """The no-JavaScript path: the form posts here and gets the page back with the result."""
        form = await request.form(max_files=2, max_fields=10, max_part_size=settings.max_body_bytes)
        texts, dates, names = {"a": "", "b": ""}, {"a": "", "b": ""}, {"a": "", "b": ""}
        status, result = 200, ""
        try:
            for side in ("a", "b"):
                texts[side], names[side] = await _form_text(form, side)
                dates[side] = str(form.get(f"{side}_date") or "")
            body = CompareRequest(
                a=TextIn(text=texts["a"], published_at=dates["a"] or None, name=names["a"] or None),
                b=TextIn(text=texts["b"], published_at=dates["b"] or None, name=names["b"] or None),
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
        page = render_page(a_text=texts["a"], b_text=texts["b"], a_date=dates["a"], b_date=dates["b"], a_name=names["a"], b_name=names["b"], result=result)
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

    @app.post("/api/sources", tags=["index"], responses={**_ERRORS, 200: {"description": "newslineage.sources/1, or an HTML list with format=html"}})
    def sources_api(
        body: SourcesRequest,
        format: str = Query("json", pattern="^(json|html)$", description="json (newslineage.sources/1) or html (the list the page shows)"),
    ) -> Response:
        """Where the text may come from: the ``newslineage.sources/1`` document (identical copies in one source, with its ``reprints``)."""
        result = corpus.sources_result(
            TextIn(text=body.text, name=body.name, published_at=body.published_at),
            top=body.top, before=body.before, after=body.after, exclude_outlet=body.exclude_outlet, exclude_id=body.exclude_id,
        )
        if format == "html":
            from ..index.render import render_sources_list

            return HTMLResponse(render_sources_list(result, side_by_side=True))
        return JSONResponse(result.to_dict())

    @app.get("/api/pair", tags=["stories"], responses=_ERRORS)
    def pair_api(
        source: str = Query(description="Id of the source article"), derived: str = Query(description="Id of the article that takes from it")
    ) -> dict[str, Any]:
        """Two stored articles compared, the derived one as A: the ``newslineage.compare/2`` document (as kept by ``analyze`` when it is an edge)."""
        return corpus.pair(source, derived)

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


async def _form_text(form: Any, side: str) -> tuple[str, str]:
    """The text for one side of the form and the name of the file it came from.

    An uploaded file wins over the textarea, and its name names the text in the result; a text
    the browser already read from a file keeps that file's name (the hidden ``*_name`` field).
    """
    upload = form.get(f"{side}_file")
    if upload is not None and not isinstance(upload, str):
        data = await upload.read()
        if data:
            from ..textio import decode_bytes

            name = (upload.filename or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:255]
            return decode_bytes(data, name or f"{side} file")[0], name
    return str(form.get(f"{side}_text") or ""), str(form.get(f"{side}_name") or "")[:255]
