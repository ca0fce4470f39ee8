"""While the knowledge files do not validate, every page says, in a banner, that the store answers from its
last valid build; the banner follows the files while the server runs (gone once they are fixed)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import duckdb
import pytest
from a11y import check_page

from torkham.config import Settings
from torkham.store.lastgood import BUILT_KEY

PAGES = ["/", "/actors", "/actors/ttp", "/timeline", "/sources", "/about", "/nowhere"]
EMPTY = (
    "kb/records.yaml:1: the file is empty (no records); restore its records (from git or a backup), or delete the file"
)


def banner(db: Path, problem: str) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        built = con.execute("SELECT value FROM meta WHERE key = ?", [BUILT_KEY]).fetchone()[0]
    return (
        f'<p class="warning knowledge-warning" role="note" style="overflow-wrap: anywhere">Warning: the knowledge in '
        f"kb does not validate ({problem}); answering from the last valid build of {built}. Run `torkham kb validate` "
        "for every problem.</p>"
    )


@pytest.fixture
def served_app(mini_kb, db_path, monkeypatch, tmp_path):
    """The workbench in-process over a store built from the mini knowledge, which the test then breaks."""
    from fastapi.testclient import TestClient

    from torkham.web.app import create_app

    monkeypatch.chdir(tmp_path)  # paths in messages as a user in that folder sees them: kb/…
    app = create_app(Settings.load(db=str(db_path), kb="kb"), warm_up=False)
    with TestClient(app) as client:
        app.state.knowledge.interval = 0  # look at the files on every page
        yield client


def test_no_banner_while_the_knowledge_validates(served_app):
    page = served_app.get("/actors")
    assert page.status_code == 200
    assert "knowledge-warning" not in page.text


def test_every_page_has_the_banner_while_the_knowledge_does_not_validate(served_app, mini_kb, db_path):
    (mini_kb / "records.yaml").write_text("")
    expected = banner(db_path, EMPTY)
    for path in PAGES:
        page = served_app.get(path)
        assert page.status_code == (404 if path == "/nowhere" else 200), path
        assert page.text.count(expected) == 1, path


def test_the_pages_answer_from_the_last_valid_build(served_app, mini_kb):
    before = served_app.get("/api/v1/actors/ttp").json()
    (mini_kb / "records.yaml").write_text("")
    assert served_app.get("/api/v1/actors/ttp").json() == before
    assert "Noor Wali Mehsud" in served_app.get("/actors/ttp").text  # its relation, from records.yaml


def test_the_banner_goes_once_the_files_are_fixed(served_app, mini_kb, db_path):
    records = mini_kb / "records.yaml"
    good = records.read_text()
    records.write_text(good.replace('date: "2022-03-30"', 'date: "2022-03-30', 1))
    problem = (
        "kb/records.yaml:11: malformed YAML: the quote opened on this line is not closed on it (the quoted text "
        "runs on to line 18); add the closing quote"
    )
    assert banner(db_path, problem) in served_app.get("/timeline").text
    records.write_text(good)
    assert "knowledge-warning" not in served_app.get("/timeline").text


def test_the_banner_is_read_and_fits_a_phone(browser, mini_kb, db_path, monkeypatch, tmp_path):
    import uvicorn

    from torkham.web.app import create_app

    monkeypatch.chdir(tmp_path)
    (mini_kb / "records.yaml").write_text("")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Settings.load(db=str(db_path), kb="kb"), warm_up=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start in 30 s"
        time.sleep(0.05)
    context = browser.new_context(base_url=f"http://127.0.0.1:{port}")
    try:
        tab = context.new_page()
        check_page(tab, "/actors", "knowledge-banner")
        shown = tab.locator(".knowledge-warning")
        assert shown.is_visible()
        assert shown.inner_text().startswith(f"Warning: the knowledge in kb does not validate ({EMPTY});")
    finally:
        context.close()
        server.should_exit = True
        thread.join(timeout=10)
