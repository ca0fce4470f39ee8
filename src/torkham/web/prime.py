"""Light start-up work in the server process itself, in a background thread: what the first request after a
start would otherwise pay for, at little memory — FastAPI's preparation of every route, the page templates
compiled, the modules the pages draw with imported, the admin-1 crosswalk read, and the pages that need
neither the analysis stack nor numpy rendered once (what needs those is prepared in a child process:
web/pages/prepare.py, web/warm_child.py). Without it the first /timeline after a start took ~0.75 s in
process against ~0.06 s with it (bench/page_speed.py measures the pages cold)."""

from __future__ import annotations

import asyncio
import importlib
import logging
import threading
from typing import Any

log = logging.getLogger("torkham.web")
# What the pages import when they render; each is small next to Ibis, pandas and pyarrow, which none of
# them loads here (bench/serve_memory.py keeps the idle server under its target).
MODULES = (
    "torkham.store.events",
    "torkham.store.queries",
    "torkham.store.network",
    "torkham.evidence.perspectives",
    "torkham.web.render.network",
    "torkham.web.render.mapsvg",
    "torkham.web.render.charts",
    "torkham.web.render.multiples",
    "torkham.web.mapdata",
)


UNROUTED = "/.torkham-prime"  # a path no route answers (see _routes)
LIGHT_PAGES = ("/timeline", "/actors")  # rendered once at start-up (see _pages)


def start_priming(app: Any, stopping: threading.Event) -> threading.Thread:
    """Prime in a daemon thread; `stopping` set ends it between steps (the server is shutting down)."""
    thread = threading.Thread(target=prime, args=(app, stopping), name="torkham-prime", daemon=True)
    thread.start()
    return thread


def prime(app: Any, stopping: threading.Event) -> None:
    steps = (lambda: _routes(app), _templates, _modules, _lookups, lambda: _pages(app))
    for name, step in zip(("routes", "templates", "modules", "lookups", "pages"), steps, strict=True):
        if stopping.is_set():
            return
        try:
            step()
        except Exception:  # a page reports its own problem to its visitor; priming only saves time
            log.exception("could not prepare the %s at start-up", name)


def _routes(app: Any) -> None:
    """FastAPI prepares a route (the validators of its parameters) when a request first walks past it, which
    made the first request after a start a few hundred milliseconds slower; a request for a path that no
    route answers walks past them all."""
    _get(app, UNROUTED, "application/json")


def _pages(app: Any) -> None:
    """The pages that need neither the analysis stack nor numpy, rendered once as a first visitor would: the
    store's lookups for this opening (store.memo) and DuckDB's buffers are then warm."""
    for path in LIGHT_PAGES:
        _get(app, path, "text/html")


def _get(app: Any, path: str, accept: str) -> None:
    """GET `path` of the application itself (not over the network); the answer is dropped."""

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"accept", accept.encode())], "client": None, "server": None}  # fmt: skip
    asyncio.run(app(scope, receive, send))


def _templates() -> None:
    from torkham.web.templating import templates

    env = templates.env
    for name in env.list_templates(filter_func=lambda name: name.endswith(".html")):
        env.get_template(name)  # compiled once, kept in the environment's cache


def _modules() -> None:
    for name in MODULES:
        importlib.import_module(name)


def _lookups() -> None:
    """Files read once per process: the vocabulary, the datasets' catalogue, the event-type crosswalk and the
    admin-1 crosswalk (it reads every boundary file to check its codes) — the timeline's facets and the
    map's counts need them. The map's own drawing is prepared in the child process."""
    from torkham.datasets.catalog import catalog
    from torkham.geo.admin1 import load_crosswalk
    from torkham.model.event_types import event_crosswalk
    from torkham.model.vocabulary import default_vocabulary

    default_vocabulary()
    catalog()
    event_crosswalk()
    load_crosswalk()
