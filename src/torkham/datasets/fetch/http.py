"""A small HTTP client on urllib (standard library only): bounded retries with exponential backoff for
server errors (5xx), timeouts and connections dropped mid-response; any other HTTP error goes back to
the caller, which knows what it means for its API."""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from torkham import __version__
from torkham.errors import TorkhamError

USER_AGENT = f"torkham/{__version__}"
_N = TypeVar("_N", int, float)


@dataclass
class Response:
    status: int
    url: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    data: Any = None  # the parsed body, when the request was given a parser

    def text(self, limit: int = 300) -> str:
        """The body's first line, for messages."""
        text = self.body.decode("utf-8", errors="replace").strip()
        first = text.splitlines()[0] if text else ""
        return first[:limit] + ("…" if len(first) > limit else "")


class HttpError(Exception):
    """A response the server meant (4xx): the caller decides what it means."""

    def __init__(self, response: Response):
        self.response = response
        super().__init__(f"HTTP {response.status}")


class Unreachable(Exception):
    """Retries exhausted: the server kept failing (5xx), timing out or dropping the connection."""

    def __init__(self, url: str, attempts: int, reason: str):
        self.url, self.attempts, self.reason = url, attempts, reason
        super().__init__(f"{_shown(url)} failed {attempts} time(s); last: {reason}")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # tries per request, the first included
    backoff: float = 2.0  # seconds before the second try; doubled each time, at most `max_wait`
    timeout: float = 60.0  # seconds without data before a try is given up
    max_wait: float = 60.0

    @classmethod
    def from_env(cls) -> RetryPolicy:
        """Defaults, overridable by TORKHAM_FETCH_RETRIES, TORKHAM_FETCH_BACKOFF, TORKHAM_FETCH_TIMEOUT."""
        policy = cls(
            attempts=_env_number("TORKHAM_FETCH_RETRIES", int, cls.attempts),
            backoff=_env_number("TORKHAM_FETCH_BACKOFF", float, cls.backoff),
            timeout=_env_number("TORKHAM_FETCH_TIMEOUT", float, cls.timeout),
        )
        if policy.attempts < 1:
            raise TorkhamError("TORKHAM_FETCH_RETRIES must be at least 1")
        return policy

    def wait(self, attempt: int) -> float:
        return min(self.backoff * (2**attempt), self.max_wait)


def _env_number(name: str, kind: Callable[[str], _N], default: _N) -> _N:
    """The environment variable `name` read as a number of type `kind`, or `default` when unset or empty."""
    from torkham.config import Settings

    raw = Settings.load().fetch.retry_setting(name)
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        raise TorkhamError(f"{name}={raw!r} is not a number; unset it or give e.g. {name}=3") from None


def check_base_url(url: str, option: str) -> str:
    """An http(s) URL without a trailing slash, or a TorkhamError naming the option."""
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise TorkhamError(f"{option}: '{url}' is not an http(s) URL (e.g. https://ucdpapi.pcr.uu.se)")
    return url.strip().rstrip("/")


def same_origin(url: str, base: str) -> str:
    """`url` moved onto `base`'s scheme and host: credentials are only ever sent to the host chosen."""
    target, origin = urllib.parse.urlsplit(url), urllib.parse.urlsplit(base)
    if (target.scheme, target.netloc) == (origin.scheme, origin.netloc):
        return url
    return urllib.parse.urlunsplit((origin.scheme, origin.netloc, target.path, target.query, ""))


def request(
    method: str,
    url: str,
    policy: RetryPolicy,
    *,
    headers: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    parse: Callable[[bytes], Any] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """One request, retried on 5xx, timeouts, refused or dropped connections and bodies `parse` rejects
    (a truncated page). 4xx raises HttpError at once; exhausted retries raise Unreachable."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise TorkhamError(f"refusing to fetch '{url}': only http(s) URLs are fetched")
    body = urllib.parse.urlencode(form).encode() if form is not None else None
    sent = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    if body is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    reason = "no attempt made"
    for attempt in range(policy.attempts):
        if attempt:
            sleep(policy.wait(attempt - 1))
        try:
            response = _once(method, url, sent, body, policy.timeout)
        except _Retryable as exc:
            reason = str(exc)
            continue
        if parse is not None:
            try:
                response.data = parse(response.body)
            except ValueError as exc:
                reason = f"incomplete or unreadable response ({str(exc).splitlines()[0][:120]})"
                continue
        return response
    raise Unreachable(url, policy.attempts, reason)


def parse_json(body: bytes) -> Any:
    return json.loads(body.decode("utf-8"))


class _Retryable(Exception):
    pass


def _once(method: str, url: str, headers: dict[str, str], body: bytes | None, timeout: float) -> Response:
    req = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310 (scheme checked)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as handle:  # noqa: S310 (scheme checked)
            return Response(handle.status, url, handle.read(), dict(handle.headers.items()))
    except urllib.error.HTTPError as exc:
        try:
            payload = exc.read()
        except (OSError, http.client.HTTPException):
            payload = b""
        response = Response(exc.code, url, payload, dict(exc.headers.items()) if exc.headers else {})
        if exc.code >= 500:
            raise _Retryable(f"HTTP {exc.code}: {response.text(120)}") from None
        raise HttpError(response) from None
    except http.client.IncompleteRead as exc:
        raise _Retryable(f"connection dropped after {len(exc.partial):,} bytes of the response") from None
    except (http.client.HTTPException, urllib.error.URLError, OSError) as exc:
        raise _Retryable(_describe(exc)) from None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        inner = exc.reason
        return _describe(inner) if isinstance(inner, BaseException) else str(inner)
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the server closed the connection without a response"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, ConnectionResetError):
        return "connection reset"
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


def _shown(url: str) -> str:
    """The URL without its query string (which may carry filters but should not fill a message)."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
