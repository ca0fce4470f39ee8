"""The ASGI application: the store read-only (a new connection once a writer replaced it), a cursor per request."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from torkham import __version__
from torkham.config import Settings
from torkham.errors import TorkhamError
from torkham.params import InvalidParameter
from torkham.web.assets import StaticAssets, asset
from torkham.web.errors import Missing, NotFound, Problem, wants_html
from torkham.web.templating import templates

if TYPE_CHECKING:
    from torkham.store.lastgood import LastGood
    from torkham.web.writeaccess import WriteAccess

STATIC = Path(__file__).resolve().parent / "static"
# Threads running requests at once. Each DuckDB query already uses every core; more threads than this
# only queue inside DuckDB and raise latency under load (bench/api_load.py: 50 clients, 2 cores).
WORKER_THREADS = 8


def create_app(
    settings: Settings | None = None, warm_up: bool = True, prepared: bool = False, last_good: LastGood | None = None,
    write: WriteAccess | None = None,
) -> FastAPI:  # fmt: skip
    """The workbench over the store of `settings`. With `warm_up`, pages that are slow to compute the first
    time (overview, claim checks) are prepared in background threads at start-up. `prepared`: the store was
    brought up to date already (`torkham serve` checks everything before it starts), with `last_good` when
    it answers from its last valid build because the knowledge does not validate (store/lastgood.py).
    `write` (`torkham serve --write`): the review and upload pages exist, for holders of its token
    (web/writeaccess.py); without it they answer 404."""
    settings = settings or Settings.load()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio.to_thread

        from torkham.store.build import ensure_readable
        from torkham.web.knowledge import KnowledgeWatch
        from torkham.web.served import ServedStore

        stale = last_good if prepared else ensure_readable(settings.db_path, settings.kb_root)
        # read-only, following the writers that replace the store file (web/served.py); `con` is its old name
        app.state.store = app.state.con = ServedStore(settings.db_path)
        app.state.knowledge = KnowledgeWatch(settings.kb_root, app.state.store, stale)  # the pages' banner
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        stopping = threading.Event()
        if app.state.warm_up:  # templates, page modules, boundaries: in this process (web/prime.py)
            from torkham.web.prime import start_priming

            start_priming(app, stopping)
        try:
            yield
        finally:
            stopping.set()
            app.state.store.close()

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
    app.mount("/static", StaticAssets(directory=STATIC), name="static")  # versioned links cached (web/assets.py)
    templates.env.globals["asset"] = asset  # pages link a static file as {{ asset("app.css") }}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:  # browsers ask for it whatever the pages link to
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    from torkham.web.api import router as api_router
    from torkham.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.state.write = write
    if write is not None:
        from torkham.web.pages import review, upload
        from torkham.web.writeaccess import Refused, refused_page

        app.include_router(review.router, include_in_schema=False)
        app.include_router(upload.router, include_in_schema=False)
        app.add_exception_handler(Refused, refused_page)
    _error_handlers(app)
    return app


def _error_handlers(app: FastAPI) -> None:
    from torkham.web.pages.errors import error_page

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        if wants_html(request):
            return error_page(request, 404, str(exc))
        return JSONResponse(Missing(detail=str(exc)).model_dump(), status_code=404)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if exc.status_code != 404 else f"nothing at {request.url.path}"
        if wants_html(request):
            return error_page(request, exc.status_code, message)
        return JSONResponse(Missing(detail=str(message)).model_dump(), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(TorkhamError)
    async def bad_value(request: Request, exc: TorkhamError):
        return _invalid_response(request, [_invalid(exc)])

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        return _invalid_response(request, [_validation_problem(e) for e in exc.errors()])


def _invalid_response(request: Request, problems: list[Problem]) -> Response:
    """422: the page naming each problem, or the API's one body for bad values (web/errors.py: Invalid)."""
    from torkham.web.pages.errors import error_page

    if wants_html(request):
        return error_page(request, 422, "; ".join(map(_sentence, problems)))
    return JSONResponse({"detail": [problem.body() for problem in problems]}, status_code=422)


# One 422 shape for every bad value, FastAPI's own: {"detail": [{"loc": [...], "msg": ..., "type": ...}]}.
def _invalid(exc: TorkhamError) -> Problem:
    if isinstance(exc, InvalidParameter):
        loc = ["query", exc.field] if exc.field else ["query"]
        return Problem(loc=loc, msg=exc.sentence(str), type="value_error")
    return Problem(loc=["query"], msg=str(exc), type="value_error")


def _validation_problem(error: Any) -> Problem:
    plain = error.get("input") if isinstance(error.get("input"), str | int | float | bool) else None
    loc = [str(part) for part in error.get("loc", ())]
    return Problem(loc=loc, msg=str(error.get("msg", "")), type=str(error.get("type", "value_error")), input=plain)


def _sentence(problem: Problem) -> str:
    """`<parameter>: <message>`, as the pages show a problem."""
    name = ".".join(p for p in problem.loc if p not in ("query", "path", "body"))
    return f"{name}: {problem.msg}" if name else problem.msg
