"""Light start-up work in the server process itself, in a background thread: what every first request would
otherwise pay for and what costs little memory — compiling the page templates, importing the modules the
pages draw with (not the analysis stack, nor numpy: what needs them is prepared in a child process,
web/pages/prepare.py and web/warm_child.py), and reading the admin-1 crosswalk. Without it the
first visit of each page after a start is several times slower than the next (bench/page_speed.py, cold)."""

from __future__ import annotations

import importlib
import logging
import threading

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


def start_priming(stopping: threading.Event) -> threading.Thread:
    """Prime in a daemon thread; `stopping` set ends it between steps (the server is shutting down)."""
    thread = threading.Thread(target=prime, args=(stopping,), name="torkham-prime", daemon=True)
    thread.start()
    return thread


def prime(stopping: threading.Event) -> None:
    for step in (_templates, _modules, _boundaries):
        if stopping.is_set():
            return
        try:
            step()
        except Exception:  # a page reports its own problem to its visitor; priming only saves time
            log.exception("could not prepare %s at start-up", step.__name__.strip("_"))


def _templates() -> None:
    from torkham.web.templating import templates

    env = templates.env
    for name in env.list_templates(filter_func=lambda name: name.endswith(".html")):
        env.get_template(name)  # compiled once, kept in the environment's cache


def _modules() -> None:
    for name in MODULES:
        importlib.import_module(name)


def _boundaries() -> None:
    """The admin-1 crosswalk (it reads every boundary file to check its codes), which the timeline's regions
    and the map's counts place names with. The map's own drawing is prepared in the child process."""
    from torkham.geo.admin1 import load_crosswalk

    load_crosswalk()
