"""Errors the web layer maps to status codes (422 for TorkhamError, 404 for NotFound)."""

from __future__ import annotations

from starlette.requests import Request

from torkham.errors import TorkhamError


class NotFound(TorkhamError):
    """An id or name that the store does not hold; the message says what was asked and what to try."""


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")
