"""The API load benchmark runs end to end with tiny settings (no timing is asserted), and its load
generator reports every answer that is not a 200."""

import re
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
MINI_KB = Path(__file__).resolve().parent / "data" / "mini" / "kb"
sys.path.insert(0, str(BENCH))
from loadgen import drive  # noqa: E402

QUERIES = [
    "faceted: 50 rows + total + admin1 facet",
    "admin1 facet counts",
    "50 rows + total",
    "actors list",
    "actor detail (ttp)",
    "series ttp/PAK/month",
    "search TTP",
]
COMPARED = QUERIES[:3]
FIGURES = r"\s+\d+\s+0\s+[\d.]+\s+\d\s+[\d.]+\s+[\d.]+$"  # queries, 0 errors, queries/s, GETs, p50, p95


def test_the_bench_drives_both_servers_and_prints_each_query_and_the_ratio(tmp_path, mini_store_template):
    # The session's mini store (knowledge of tests/data/mini, bundled datasets) spares building one.
    result = subprocess.run(
        [sys.executable, str(BENCH / "api_load.py"), "--events", "0", "--seconds", "0.2", "--warmup", "0",
         "--clients", "4", "--work-dir", str(tmp_path), "--db", str(mini_store_template), "--kb", str(MINI_KB), "--no-settle"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "torkham bench: /api/v1 under concurrent load vs Datasette on the same events table"
    for label in QUERIES:
        assert any(re.match(re.escape(label) + r"\s+ours" + FIGURES, line) for line in lines), label
    for label in COMPARED:
        assert any(re.match(re.escape(label) + r"\s+datasette" + FIGURES, line) for line in lines), label
        assert any(re.match(rf"p95 ratio ours/Datasette, {re.escape(label)}: \d+\.\d\d \(target <= 1\.0: (met|NOT met)\)$", line)
                   for line in lines), label  # fmt: skip
    assert lines[-1] == "no errors: every answer was 200 and both servers agree on the faceted query"
    assert not list(tmp_path.glob("bench*")), "the stores and the SQLite copy are removed"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn

    def do_GET(self):  # noqa: N802 (http.server's name)
        status = 200 if self.path == "/ok" else 503
        body = b"fine" if status == 200 else b"overloaded"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_the_load_generator_counts_answers_other_than_200_as_errors_with_their_body():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        # In a thread of its own: drive() runs an asyncio loop, and the browser tests' Playwright keeps one
        # running in the main thread once it has started.
        with ThreadPoolExecutor(1) as pool:
            good = pool.submit(drive, "127.0.0.1", port, ["/ok"], clients=2, seconds=0.2).result()
            bad = pool.submit(drive, "127.0.0.1", port, ["/ok", "/busy"], clients=2, seconds=0.2).result()
    finally:
        server.shutdown()
        server.server_close()
    assert good.latencies and not good.errors and good.requests == len(good.latencies)
    assert not bad.latencies, "a query with a failed GET is not timed"
    assert bad.errors and set(bad.errors) == {"/busy: HTTP 503 overloaded"}
