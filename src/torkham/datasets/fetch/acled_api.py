"""The ACLED API's side of a fetch: the query, the OAuth token (password grant, refreshed when it
expires or is refused) and one page of `data` rows with ACLED's refusals turned into plain messages."""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from torkham.datasets.fetch.http import HttpError, RetryPolicy, Unreachable, check_base_url, parse_json, request
from torkham.datasets.fetch.state import FetchFolder
from torkham.errors import TorkhamError

ACLED_URL = "https://acleddata.com"
_NAMES = {"700": "Afghanistan", "770": "Pakistan"}  # the Gleditsch–Ward codes `fetch ucdp` takes


@dataclass(frozen=True)
class AcledQuery:
    countries: tuple[str, ...]
    since: str | None
    pagesize: int
    base_url: str

    def key(self) -> dict[str, Any]:
        return {"source": "acled", **self._filters(), "pagesize": self.pagesize, "base_url": self.base_url}

    def store_key(self) -> str:
        """Under which key the store keeps this query's last timestamp."""
        filters = self._filters()
        return "timestamp:" + ";".join(
            f"{k}={'|'.join(v) if isinstance(v, list) else v or ''}" for k, v in filters.items()
        )

    def _filters(self) -> dict[str, Any]:
        return {"countries": sorted(self.countries), "since": self.since}

    def read_params(self, page: int, timestamp: int | None, until: str) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": self.pagesize, "page": page}
        if self.countries:
            params["country"] = "|".join(self.countries)
        if self.since:
            params["event_date"] = f"{self.since}|{until}"
            params["event_date_where"] = "BETWEEN"
        if timestamp is not None:
            params["timestamp"] = timestamp  # ACLED: rows with timestamp >= this
        return params

    def describe(self) -> str:
        return (", ".join(self.countries) or "all countries") + (f" since {self.since}" if self.since else "")


def acled_query(country: str | None, since: str | None, pagesize: int, base_url: str | None) -> AcledQuery:
    from torkham.datasets.fetch.ucdp import check_date

    if not 1 <= pagesize <= 5000:
        raise TorkhamError(f"--pagesize: {pagesize} is out of range; ACLED serves 1 to 5000 rows a page")
    countries: list[str] = []
    for item in (country or "").split(","):
        name = " ".join(item.split())
        name = _NAMES.get(name, name[:1].upper() + name[1:])
        if name and name not in countries:
            countries.append(name)
    from torkham.config import Settings

    base = base_url or Settings.load().fetch.acled_url or ACLED_URL
    option = "--base-url" if base_url else "TORKHAM_ACLED_URL"
    return AcledQuery(tuple(countries), check_date(since, "--since"), pagesize, check_base_url(base, option))


class AcledAuth:
    """A bearer token from `/oauth/token`; renewed (refresh token first, then the password) when it
    has expired or the API refuses it."""

    def __init__(self, base_url: str, email: str, password: str, policy: RetryPolicy, clock: Callable[[], float] = time.monotonic):  # fmt: skip
        self.url, self.email, self.password, self.policy, self.clock = f"{base_url}/oauth/token", email, password, policy, clock  # fmt: skip
        self.token: str | None = None
        self.refresh_token: str | None = None
        self.expires_at = 0.0
        self.grants: list[str] = []  # grant types used, in order (for tests and notes)

    def headers(self) -> dict[str, str]:
        if self.token is None or self.clock() >= self.expires_at:
            self._renew()
        return {"Authorization": f"Bearer {self.token}"}

    def expire(self) -> None:
        self.expires_at = 0.0

    def _renew(self) -> None:
        if self.refresh_token:
            try:
                self._grant({"grant_type": "refresh_token", "refresh_token": self.refresh_token, "client_id": "acled"})
                return
            except HttpError:
                self.refresh_token = None  # refused: log in again with the password
        try:
            self._grant({"grant_type": "password", "username": self.email, "password": self.password,
                         "client_id": "acled", "scope": "authenticated"})  # fmt: skip
        except HttpError as exc:
            response = exc.response
            said = f"HTTP {response.status}" + (f": {response.text()}" if response.text() else "")
            if response.status == 429:
                raise TorkhamError(f"ACLED refused the login: too many requests ({said}); run the same command again later") from None  # fmt: skip
            raise TorkhamError(f"ACLED refused the login of {self.email} ({said}); check ACLED_EMAIL and ACLED_PASSWORD (your myACLED account)") from None  # fmt: skip

    def _grant(self, form: dict[str, str]) -> None:
        try:
            data = request("POST", self.url, self.policy, form=form, parse=parse_json).data
        except Unreachable as exc:
            raise TorkhamError(f"ACLED login ({self.url}) failed {exc.attempts} time(s), last: {exc.reason}; run the same command again later") from None  # fmt: skip
        if not isinstance(data, dict) or not data.get("access_token"):
            raise TorkhamError(f"ACLED login ({self.url}) answered without an access token; run the same command again later")  # fmt: skip
        self.grants.append(form["grant_type"])
        self.token = str(data["access_token"])
        self.refresh_token = str(data.get("refresh_token") or "") or self.refresh_token
        lifetime = float(data["expires_in"]) if data.get("expires_in") is not None else 86400.0
        self.expires_at = self.clock() + lifetime - min(60.0, lifetime / 2)


def get_page(auth: AcledAuth, policy: RetryPolicy, url: str, params: dict[str, Any], folder: FetchFolder, what: str) -> list[dict]:  # fmt: skip
    """The `data` rows of one page; a refused token is renewed once; other refusals stop the fetch
    with a message saying what is saved and how to resume."""
    full = f"{url}?{urllib.parse.urlencode(params, safe='|')}"
    for attempt in (1, 2):
        try:
            body = request("GET", full, policy, headers=auth.headers(), parse=parse_json).data
        except HttpError as exc:
            if exc.response.status == 401 and attempt == 1:
                auth.expire()
                continue
            raise TorkhamError(_refusal(exc, folder, what)) from None
        except Unreachable as exc:
            raise TorkhamError(f"ACLED API: {what} failed {exc.attempts} time(s), last: {exc.reason}; {_saved(folder)}") from None  # fmt: skip
        if not isinstance(body, dict) or body.get("success") is False or not isinstance(body.get("data"), list):
            said = _api_message(body)
            raise TorkhamError(f"ACLED API refused {what}: {said}; {_saved(folder)}")
        return [row for row in body["data"] if isinstance(row, dict)]
    raise AssertionError("unreachable")  # pragma: no cover


def _api_message(body: Any) -> str:
    if isinstance(body, dict):
        error = body.get("error") or body.get("messages") or body.get("message")
        if isinstance(error, dict):
            error = error.get("message") or error
        if error:
            return str(error)[:300]
    return "the answer holds no data list"


def _saved(folder: FetchFolder) -> str:
    pages = int(folder.state.get("pages", 0))
    if not pages:
        return "run the same command again to retry"
    return f"{pages} page(s) are saved in {folder.path}; run the same command again to resume after page {pages}"


def _refusal(exc: HttpError, folder: FetchFolder, what: str) -> str:
    response = exc.response
    said = f"HTTP {response.status}" + (f": {response.text()}" if response.text() else "")
    if response.status == 429:
        return f"ACLED refused {what}: too many requests ({said}). {_saved(folder).replace('run the same command again', 'run the same command again later')}"  # fmt: skip
    if response.status in (401, 403):
        return f"ACLED refused {what} ({said}): the account in ACLED_EMAIL may lack API access (see https://acleddata.com/myacled-faqs); {_saved(folder)}"  # fmt: skip
    return f"ACLED API refused {what} ({said}); {_saved(folder)}"
