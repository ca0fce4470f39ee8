"""`torkham import` while `torkham serve` runs on the same store: the import succeeds, the next request (API
or a reloaded page, caches included) shows the new events, a writer killed half-way changes nothing and the
server goes on, and a second writer is told another one is at work."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import duckdb
import httpx
import pytest
from a11y import check_page

from dataset_shapes import ged, write_ged
from torkham.config import Settings
from torkham.datasets.formats.ucdp import GED_COLUMNS
from torkham.store.swap import copy_path

TORKHAM = Path(sys.executable).parent / "torkham"
PLACE = "Torkhamtestville"
REGION = "Torkhamtest province"


@pytest.fixture(scope="module")
def served(bundled_store, tmp_path_factory):
    """A real server on its own copy of the store, with its start-up warm-ups, as `torkham serve` runs it."""
    import uvicorn

    from torkham.web.app import create_app

    db = tmp_path_factory.mktemp("import-while-serving") / "torkham.duckdb"
    shutil.copyfile(bundled_store, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(Settings.load(db=str(db))), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start in 30 s"
        time.sleep(0.05)
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", db=db, folder=db.parent)
    server.should_exit = True
    thread.join(timeout=10)


def torkham(served, *args: str) -> subprocess.CompletedProcess:
    """The torkham command in its own process, as a user runs it beside the server."""
    return subprocess.run(
        [str(TORKHAM), *args], cwd=served.folder, capture_output=True, text=True, timeout=300, check=False
    )


def events_at(served, place: str) -> list[str]:
    response = httpx.get(f"{served.url}/api/v1/events", params={"q": place, "layer": "data", "limit": 100})
    assert response.status_code == 200, response.text
    return sorted(e["id"] for e in response.json()["items"])


def stored_events(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


def small_file(served, name: str, first_id: int) -> str:
    rows = [ged(first_id + i, where_coordinates=f"{PLACE} town", adm_1=REGION) for i in range(2)]
    write_ged(served.folder / name, rows)
    return name


def large_file(path: Path, rows: int) -> Path:
    """A GED-shaped file of `rows` events, written by DuckDB (slow enough to import to be killed half-way)."""
    values = {c: f"'{v}'" for c, v in ged(0).items()}
    values["id"] = "CAST(range + 5000000 AS VARCHAR)"
    select = ", ".join(f"{values[c]} AS {c}" for c in GED_COLUMNS)
    connection = duckdb.connect()
    connection.execute(f"COPY (SELECT {select} FROM range({rows})) TO '{path}' (HEADER)")
    connection.close()
    return path


def test_an_import_while_serving_succeeds_and_the_next_request_shows_it(served):
    assert events_at(served, PLACE) == []
    name = small_file(served, "first.csv", 990001)
    result = torkham(served, "import", name, "--version", "99.1", "--db", str(served.db))
    assert (result.returncode, result.stdout) == (
        0,
        f"{name}: ucdp-ged 99.1: 2 rows read, 2 new, 0 changed, 0 unchanged, 0 quarantined\n",
    ), result.stderr
    assert events_at(served, PLACE) == ["ucdp-ged:990001", "ucdp-ged:990002"]
    assert sorted(p.name for p in served.folder.iterdir() if p.name.startswith("torkham.duckdb")) == [
        "torkham.duckdb",
        "torkham.duckdb.actors",  # the actor index `show` answers from, rewritten with the store
        "torkham.duckdb.lock",
    ]


def test_a_reloaded_page_shows_the_new_data_and_its_cached_choices(served, browser):
    context = browser.new_context(base_url=served.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        path = f"/timeline?q={PLACE}B"
        tab.goto(path)  # the page's choices (regions …) are cached for the store as it was
        assert tab.locator("main").inner_text().count(f"{PLACE}B town") == 0
        assert tab.locator(f'#regions option[value="{REGION}B"]').count() == 0
        rows = [ged(990101 + i, where_coordinates=f"{PLACE}B town", adm_1=f"{REGION}B") for i in range(2)]
        write_ged(served.folder / "second.csv", rows)
        result = torkham(served, "--db", str(served.db), "import", "second.csv", "--version", "99.1")
        assert result.returncode == 0, result.stderr
        tab.reload()
        assert tab.locator("main").get_by_text(f"{PLACE}B town").count() == 2
        assert tab.locator(f'#regions option[value="{REGION}B"]').count() == 1
        check_page(tab, path, "import-while-serving-timeline")
    finally:
        context.close()
    assert not errors, errors


def test_a_writer_killed_half_way_changes_nothing_and_the_server_goes_on(served):
    before_api, before_store = events_at(served, PLACE), stored_events(served.db)
    large = large_file(served.folder / "large.csv", 200_000)
    writer = subprocess.Popen(
        [str(TORKHAM), "--db", str(served.db), "import", str(large), "--version", "99.2"],
        cwd=served.folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not copy_path(served.db).exists():  # the import has begun on its copy of the store
            assert writer.poll() is None, writer.communicate()
            assert time.monotonic() < deadline, "the import did not start in 120 s"
            time.sleep(0.01)
        time.sleep(0.3)
        os.kill(writer.pid, signal.SIGKILL)
        assert writer.wait(timeout=60) == -signal.SIGKILL
    finally:
        writer.kill()
        writer.communicate()
    assert copy_path(served.db).exists()  # what the killed writer left
    assert (events_at(served, PLACE), stored_events(served.db)) == (before_api, before_store)
    name = small_file(served, "after-kill.csv", 990201)
    result = torkham(served, "import", name, "--version", "99.1", "--db", str(served.db))
    assert result.returncode == 0, result.stderr
    assert not copy_path(served.db).exists()
    assert events_at(served, PLACE) == sorted([*before_api, "ucdp-ged:990201", "ucdp-ged:990202"])


HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from torkham.store.swap import writer_lock
    with writer_lock(Path(sys.argv[1])):
        print("held", flush=True)
        sys.stdin.readline()
    """
)


def test_a_second_writer_is_told_another_is_at_work(served):
    name = small_file(served, "blocked.csv", 990301)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(served.db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "held\n", holder.stderr.read()
        refused = torkham(served, "import", name, "--version", "99.1", "--db", str(served.db))
        assert (refused.returncode, refused.stdout, refused.stderr) == (
            1,
            "",
            f"Error: store {served.db} is being changed by another torkham command (process {holder.pid}); "
            "try again when it has finished\n",
        )
        holder.communicate("\n", timeout=60)
    finally:
        holder.kill()
    assert torkham(served, "import", name, "--version", "99.1", "--db", str(served.db)).returncode == 0
    assert "ucdp-ged:990301" in events_at(served, PLACE)


def test_favicon_ico_is_the_workbench_icon(client):
    from torkham.web.app import STATIC

    response = client.get("/favicon.ico")
    assert (response.status_code, response.headers["content-type"]) == (200, "image/svg+xml")
    assert response.content == (STATIC / "favicon.svg").read_bytes()
