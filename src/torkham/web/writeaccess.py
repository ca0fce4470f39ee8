"""Who may change the knowledge from the browser: `torkham serve --write` (off by default).

How a change is made safe, in the order a request meets it:

- The server listens on 127.0.0.1 unless `--host` says otherwise. Without `--write` the write routes
  (/review, /review/upload, …) do not exist: they answer 404 and no page offers an upload.
- At start the server draws a random token (`secrets`, 256 bits) and prints it. It lives in the process's
  memory only and is gone when the server stops.
- A browser proves it knows the token once: typed into the form at /review/login (compared with
  `hmac.compare_digest`), it sets the cookie `torkham_write` — HttpOnly (no script reads it), SameSite=Strict
  (no other site's page sends it), Path=/review. The cookie holds a random sign-in nonce and an HMAC of it
  keyed by the token, never the token itself: it is checked without state on the server, and is worthless
  once the server restarts with a new token.
- Every change is a POST carrying a CSRF token in a hidden form field: HMAC(token, "csrf:" + nonce), so it
  differs per sign-in and cannot be made without the token. SameSite=Strict already keeps other sites'
  posts from carrying the cookie in current browsers; the CSRF token does not rely on that. A POST whose
  Origin header names another site is refused as well.
- A script sends the token itself in the `X-Torkham-Token` header instead of signing in. No cookie is
  involved, so no CSRF token is needed: another site's page cannot set that header without a CORS
  preflight, which this server never grants.

Every refusal is a `Refused` (403, or 413/415 for an upload) with one sentence saying what to do. The
sender is checked before anything is read from the body."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from torkham.ingest.pipeline import DEFAULT_MAX_BYTES

COOKIE = "torkham_write"
HEADER = "X-Torkham-Token"
CSRF_FIELD = "csrf"
HOME = "/review"
LOGIN = "/review/login"

NO_TOKEN = (
    f"changing the knowledge needs the write token: sign in at {LOGIN} with the token `torkham serve --write` "
    f"printed (scripts send it in the {HEADER} header)"
)
WRONG_TOKEN = (
    "that is not the token this server printed; copy it again from the terminal running `torkham serve --write`"  # noqa: S105 - a message
)
STALE_SIGN_IN = (
    f"your sign-in is not valid for this server (it was restarted with a new token); sign in again at {LOGIN}"
)
NO_CSRF = "the form carries no CSRF token; reload the page and submit it again"
WRONG_CSRF = "the form's CSRF token does not belong to your sign-in; reload the page and submit it again"
TITLES = {403: "Not allowed", 413: "File too large", 415: "Unsupported file type"}


class Refused(Exception):
    """A write the server will not make: the status code and one sentence saying what to do."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Session:
    """A sender known to hold the token: signed in (with the CSRF token its forms carry) or by header."""

    csrf: str | None  # None: the token came in the header, no cookie and no form


@dataclass(frozen=True)
class WriteAccess:
    token: str
    max_upload_bytes: int = DEFAULT_MAX_BYTES  # as `torkham ingest --max-mb` by default
    lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)  # one change at a time

    @classmethod
    def new(cls, max_upload_bytes: int = DEFAULT_MAX_BYTES) -> WriteAccess:
        return cls(secrets.token_urlsafe(32), max_upload_bytes)

    def matches(self, typed: str) -> bool:
        return hmac.compare_digest(typed.encode("utf-8"), self.token.encode("utf-8"))

    def sign_in(self) -> str:
        """A new value for the cookie: nonce and its HMAC."""
        nonce = secrets.token_urlsafe(16)
        return f"{nonce}.{self._mac('session', nonce)}"

    def session(self, cookie: str | None) -> Session | None:
        """The session a cookie proves, or None (absent, forged, or made with another token)."""
        nonce, _, mac = (cookie or "").partition(".")
        if not nonce or not hmac.compare_digest(mac.encode("utf-8"), self._mac("session", nonce).encode("utf-8")):
            return None
        return Session(self._mac("csrf", nonce))

    def _mac(self, purpose: str, nonce: str) -> str:
        return hmac.new(self.token.encode("utf-8"), f"{purpose}:{nonce}".encode(), hashlib.sha256).hexdigest()


def access_of(request: Request) -> WriteAccess:
    return request.app.state.write


def current_session(request: Request) -> Session | None:
    """Who sends this request: a session, None when nobody signed in; a wrong token is refused."""
    typed = request.headers.get(HEADER)
    access = access_of(request)
    if typed is not None:
        if not access.matches(typed):
            raise Refused(403, WRONG_TOKEN)
        return Session(None)
    return access.session(request.cookies.get(COOKIE))


def require_writer(request: Request) -> Session:
    """The session of a write, or a 403 saying how to get one (checked before the body is read)."""
    _same_origin(request)
    session = current_session(request)
    if session is None:
        raise Refused(403, STALE_SIGN_IN if COOKIE in request.cookies else NO_TOKEN)
    return session


def check_csrf(session: Session, form: FormData) -> None:
    if session.csrf is None:
        return  # the token itself came in the header
    given = form.get(CSRF_FIELD)
    if not isinstance(given, str) or not given:
        raise Refused(403, NO_CSRF)
    if not hmac.compare_digest(given.encode("utf-8"), session.csrf.encode("utf-8")):
        raise Refused(403, WRONG_CSRF)


def _same_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin is None:
        return
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise Refused(403, f"refused a change sent from another site ({origin}); make changes from this server's pages")


def set_sign_in(response: Response, request: Request, value: str) -> None:
    secure = request.url.scheme == "https"
    response.set_cookie(COOKIE, value, httponly=True, samesite="strict", path=HOME, secure=secure)


def forget_sign_in(response: Response) -> None:
    response.delete_cookie(COOKIE, path=HOME, httponly=True, samesite="strict")


def safe_next(path: str | None) -> str:
    """Where to go after signing in: a page of the review, never another site."""
    if path and path.startswith(HOME) and not path.startswith("//") and "\\" not in path:
        return path
    return HOME


def refused_page(request: Request, exc: Exception) -> Response:
    from torkham.web.templating import templates

    assert isinstance(exc, Refused)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"title": TITLES.get(exc.status, "Not allowed"), "status": exc.status, "message": exc.message},
        status_code=exc.status,
    )
