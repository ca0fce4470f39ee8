"""Web fixtures: a store built once from the bundled knowledge and data, an in-process API client and
a real server on a free loopback port for the browser tests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from torkham.config import Settings

ARTEFACTS = Path(__file__).resolve().parent.parent.parent / "test-artefacts"


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory) -> Path:
    """The store of a new user: bundled knowledge, UCDP and UNHCR data. Built once per session;
    the web opens it read-only, so tests can share it."""
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("web") / "torkham.duckdb"
    ensure_store(path, Settings.load().kb_root)
    return path


@pytest.fixture(scope="session")
def web_app(bundled_store):
    from torkham.web.app import create_app

    return create_app(Settings.load(db=str(bundled_store)))


@pytest.fixture(scope="session")
def client(web_app):
    from fastapi.testclient import TestClient

    with TestClient(web_app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def server_url(bundled_store, tmp_path_factory):
    """A real uvicorn server in a thread, on a copy of the store (the client fixture holds the original)."""
    import uvicorn

    from torkham.web.app import create_app

    copy = tmp_path_factory.mktemp("served") / "torkham.duckdb"
    shutil.copyfile(bundled_store, copy)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(Settings.load(db=str(copy))), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start in 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; no browser download."""
    from playwright.sync_api import sync_playwright

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium (scripts/test.sh does this)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server_url):
    """A fresh browser page that fails the test on any console error or page error, and blocks any
    request that leaves the test server (the workbench must work offline)."""
    context = browser.new_context(base_url=server_url, viewport={"width": 1366, "height": 900}, accept_downloads=True)
    errors: list[str] = []
    outside: list[str] = []
    tab = context.new_page()
    tab.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))

    def guard(route):
        if route.request.url.startswith(server_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    yield tab
    context.close()
    assert not outside, f"requests outside the app: {outside}"
    assert not errors, "\n".join(errors)
