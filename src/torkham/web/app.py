"""The ASGI application: one read-only store connection for the process, a cursor per request."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from torkham import __version__
from torkham.cli.context import Settings
from torkham.errors import TorkhamError
from torkham.web.errors import NotFound, wants_html

STATIC = Path(__file__).resolve().parent / "static"
# Threads running requests at once. Each DuckDB query already uses every core; more threads than this
# only queue inside DuckDB and raise latency under load (bench/api_load.py: 50 clients, 2 cores).
WORKER_THREADS = 8


def create_app(settings: Settings | None = None, warm_up: bool = True) -> FastAPI:
    """The workbench over the store of `settings`. With `warm_up`, pages that are slow to compute the first
    time (overview, claim checks) are prepared in background threads at start-up."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio.to_thread

        from torkham.store.build import ensure_store
        from torkham.store.db import connect

        ensure_store(settings.db_path, settings.kb_root)
        app.state.con = connect(settings.db_path, read_only=True)
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        try:
            yield
        finally:
            app.state.con.close()

    app = FastAPI(
        title="torkham",
        version=__version__,
        description="Evidence workbench for the Afghanistan–Pakistan security situation: the knowledge base of "
        "Gul (2024) with provenance, UCDP/UNHCR data, analytics and claim checks. Read-only.",
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; /api/v1/docs is our own offline page
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.warm_up = warm_up
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from torkham.web.api import router as api_router
    from torkham.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    _error_handlers(app)
    return app


def _error_handlers(app: FastAPI) -> None:
    from torkham.web.pages.errors import error_page

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        if wants_html(request):
            return error_page(request, 404, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if exc.status_code != 404 else f"nothing at {request.url.path}"
        if wants_html(request):
            return error_page(request, exc.status_code, message)
        return JSONResponse({"detail": message}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(TorkhamError)
    async def bad_value(request: Request, exc: TorkhamError):
        if wants_html(request):
            return error_page(request, 422, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        problems = [_problem(e) for e in exc.errors()]
        if wants_html(request):
            return error_page(request, 422, "; ".join(p["message"] for p in problems))
        return JSONResponse({"detail": problems}, status_code=422)


def _problem(error: dict) -> dict:
    where = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
    name = ".".join(where)
    return {"parameter": name, "message": f"{name}: {error.get('msg', 'invalid value')}", "input": error.get("input")}
