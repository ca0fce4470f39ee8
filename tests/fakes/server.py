"""A threaded HTTP server on 127.0.0.1 that imitates an API, records every request and injects faults
(a status, a connection dropped mid-body, a connection closed without answer) on chosen requests."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    form: dict[str, str] = field(default_factory=dict)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"

    @classmethod
    def json(cls, data: object, status: int = 200) -> Reply:
        return cls(status, json.dumps(data).encode())


@dataclass
class Fault:
    """On requests `when` accepts: `kind` is "status" (answer `reply`), "drop" (send half of the real
    body, then close) or "close" (close without answering); `times` such requests, then stop."""

    when: Callable[[Request], bool]
    kind: str
    reply: Reply | None = None
    times: int = 1


class FakeApi:
    def __init__(self):
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- to override
    def handle(self, request: Request) -> Reply:  # pragma: no cover - subclasses answer
        return Reply(404, b"not found")

    # --- running
    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeApi:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake._serve(self, "GET")

            def do_POST(self) -> None:
                fake._serve(self, "POST")

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def fail(self, when: Callable[[Request], bool], kind: str, reply: Reply | None = None, times: int = 1) -> None:
        self.faults.append(Fault(when, kind, reply, times))

    def calls(self, path_part: str) -> list[Request]:
        return [r for r in self.requests if path_part in r.path]

    def _serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        params = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        form = dict(urllib.parse.parse_qsl(raw.decode())) if raw else {}
        request = Request(method, parts.path, params, {k.lower(): v for k, v in handler.headers.items()}, form)
        with self._lock:
            self.requests.append(request)
            fault = next((f for f in self.faults if f.times > 0 and f.when(request)), None)
            if fault is not None:
                fault.times -= 1
        if fault is not None and fault.kind == "close":
            handler.close_connection = True
            return
        reply = fault.reply if fault is not None and fault.kind == "status" else self.handle(request)
        assert reply is not None
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.content_type)
        handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        if fault is not None and fault.kind == "drop":
            handler.wfile.write(reply.body[: len(reply.body) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            return
        handler.wfile.write(reply.body)
