"""`torkham serve --write` as a user starts it: it prints a token with the address of the review pages, the
token signs in (any other is refused), and the upload form states the command's own size limit (50 MB, as
`torkham ingest`). Without --write the same server has no review pages."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from review_pages import free_port

TORKHAM = Path(sys.executable).parent / "torkham"
LIMIT = 120  # seconds: a server that does not start fails the test, never hangs it


@contextmanager
def serving(cwd: Path, *options: str) -> Iterator[tuple[str, list[str]]]:
    """`torkham serve` on the mini knowledge base until the block ends: its address and what it printed."""
    port = free_port()
    args = [str(TORKHAM), "--db", "store/torkham.duckdb", "--kb", "kb", "serve", "--port", str(port), *options]
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in process.stdout or ():
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    try:
        printed = [lines.get(timeout=LIMIT)]
        if "--write" in options:
            printed += [lines.get(timeout=LIMIT), lines.get(timeout=LIMIT)]
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url)
        yield url, printed
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(url: str) -> None:
    import time

    deadline = time.monotonic() + LIMIT
    while True:
        try:
            httpx.get(f"{url}/favicon.ico", timeout=2)
            return
        except httpx.TransportError:
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.1)


@pytest.fixture
def here(tmp_path, mini_kb, db_path) -> Path:
    """tmp_path holding kb/ (the mini knowledge) and store/torkham.duckdb (built from it)."""
    return tmp_path


def test_serve_write_prints_a_token_that_signs_in_and_others_do_not(here):
    with serving(here, "--write") as (url, printed):
        first, review, where = printed
        assert first.startswith(f"torkham workbench on {url}/")
        prefix = f"review and upload at {url}/review — sign in with the token "
        assert review.startswith(prefix) and review.endswith(" (valid until this server stops)\n"), review
        token = review[len(prefix) :].split(" ")[0]
        assert len(token) >= 40  # 32 random bytes, URL-safe
        assert where == "changes are written to kb and the store store/torkham.duckdb\n"
        with httpx.Client(base_url=url, follow_redirects=True) as browser:
            assert browser.post("/review/login", data={"token": token[:-1] + "x"}).status_code == 403
            signed = browser.post("/review/login", data={"token": token})
            assert (signed.status_code, signed.url.path) == (200, "/review")
            form = browser.get("/review/upload")
            assert form.status_code == 200 and "up to 50 MB." in form.text


def test_each_start_draws_a_new_token(here):
    tokens = set()
    for _ in range(2):
        with serving(here, "--write") as (_, printed):
            tokens.add(printed[1].split("sign in with the token ")[1].split(" ")[0])
    assert len(tokens) == 2


def test_serve_without_write_has_no_review_pages(here):
    with serving(here) as (url, printed):
        assert len(printed) == 1
        assert httpx.get(f"{url}/review/upload").status_code == 404
        assert httpx.post(f"{url}/review/login", data={"token": "x"}).status_code in (404, 405)


def test_serve_help_describes_write():
    result = subprocess.run(
        [str(TORKHAM), "serve", "--help"], capture_output=True, text=True, timeout=LIMIT, check=False
    )
    assert result.returncode == 0
    assert "read-only unless --write" in " ".join(result.stdout.split())
    assert "--write" in result.stdout and "Prints a token that every change needs." in " ".join(result.stdout.split())
