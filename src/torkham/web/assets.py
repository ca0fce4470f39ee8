"""The static files (/static): styles, scripts and the vendored libraries, each linked with its version.

A page links `asset("map.js")` = /static/map.js?v=<hash of its content>; a request carrying the file's current
hash is answered `Cache-Control: public, max-age=31536000, immutable`, so a browser reuses the file without
asking again until a new version of torkham changes its content (and so its link). A request without the
hash, or with an old one, gets the current file with `no-cache`: the browser asks each time (its ETag then
answers 304 when nothing changed)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

STATIC = Path(__file__).resolve().parent / "static"
FOREVER = "public, max-age=31536000, immutable"


@lru_cache(maxsize=64)
def version(path: str) -> str:
    """A short hash of the file's content (read once per process: the package's files do not change while
    it runs); '' when there is no such file."""
    try:
        return hashlib.sha256((STATIC / path).read_bytes()).hexdigest()[:12]
    except OSError:
        return ""


def asset(path: str) -> str:
    """The versioned URL of a file under static/ (a template global)."""
    return f"/static/{path}?v={version(path)}"


class StaticAssets(StaticFiles):
    def file_response(self, full_path: Any, stat_result: Any, scope: Any, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("v", [""])[0]
        relative = Path(full_path).resolve().relative_to(STATIC).as_posix()
        current = asked == version(relative) != ""
        response.headers["Cache-Control"] = FOREVER if current else "no-cache"
        return response
