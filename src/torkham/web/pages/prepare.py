"""What the actor, network, map and briefing pages need that the analysis stack computes (Ibis, pandas,
pyarrow: hundreds of megabytes) or that takes long, prepared at start-up — and again after a writer replaced
the store — in a child process (web/warm_child.py), so that neither the server's memory nor a visitor's
first request pays for it: every actor's series, the network's layout, the first map and each country's
monthly deaths, the briefing of the paper's period. A page whose entry is not ready yet computes it itself."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from fastapi import FastAPI

from torkham.web.pages.cache import HasApp, page_cache


def prepare_pages(app: FastAPI, con: Any) -> None:
    """Fill the page cache of `app` (in the child: a stand-in whose cache is handed back to the server)."""
    from torkham.web.pages import actors, briefing, map, network

    request = SimpleNamespace(app=app)
    network.layout(request, con)
    map.prepare(request, con)
    actors.prepare_series(request, con)
    briefing.prepare_default(request, con)


def peek(request: HasApp, key: tuple) -> Any:
    """The cached value of `key`, or None when nothing computed it (yet); never computes."""
    return page_cache(request).values.get(key)
