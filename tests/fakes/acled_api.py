"""A fake ACLED API: OAuth password and refresh-token grants at `/oauth/token`, `/api/acled/read`
(country `|` list, event_date BETWEEN, timestamp >=, limit, 1-based page) and `/api/deleted/read`
(deleted_timestamp >=). Events are revised (new timestamp) and deleted like ACLED's."""

from __future__ import annotations

import itertools

from fakes.server import FakeApi, Reply, Request

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
EMAIL, PASSWORD = "analyst@example.org", "s3cret"
ISO = {"Pakistan": ("PAK", "586"), "Afghanistan": ("AFG", "4")}


def acled_row(number: int, country: str = "Pakistan", day: str = "2024-03-05", fatalities: int = 1, timestamp: int = 1_700_000_000, actor1: str = "TTP: Tehreek-i-Taliban Pakistan") -> dict:  # fmt: skip
    """An ACLED event as the API's JSON gives it: every value a string."""
    code, iso = ISO[country]
    values = {
        "event_id_cnty": f"{code}{number}", "event_date": day, "year": day[:4], "time_precision": "1",
        "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": actor1, "assoc_actor_1": "", "inter1": "Rebel group",
        "actor2": f"Military Forces of {country} (2018-)", "assoc_actor_2": "", "inter2": "State forces",
        "interaction": "State forces-Rebel group", "civilian_targeting": "", "iso": iso, "region": "South Asia",
        "country": country, "admin1": "Khyber Pakhtunkhwa", "admin2": "Test", "admin3": "", "location": "Test town",
        "latitude": "33.5", "longitude": "70.1", "geo_precision": "1", "source": "Test wire", "source_scale": "National",
        "notes": f"On {day}, a test event, with a comma\nand a line break.", "fatalities": str(fatalities),
        "tags": "", "timestamp": str(timestamp),
    }  # fmt: skip
    assert tuple(values) == ACLED_COLUMNS
    return values


class FakeAcled(FakeApi):
    def __init__(self, rows: list[dict], token_uses: int = 1000, expires_in: int = 86400):
        super().__init__()
        self.rows = {r["event_id_cnty"]: dict(r) for r in rows}
        self.deleted: list[dict] = []
        self.token_uses, self.expires_in = token_uses, expires_in
        self.tokens: dict[str, int] = {}  # access token -> uses left
        self.refresh_tokens: set[str] = set()
        self._serial = itertools.count(1)

    # --- what the tests change between fetches
    def revise(self, event_id: str, timestamp: int, **changes: str) -> None:
        self.rows[event_id].update(changes, timestamp=str(timestamp))

    def add(self, row: dict) -> None:
        self.rows[row["event_id_cnty"]] = dict(row)

    def delete(self, event_id: str, timestamp: int) -> None:
        self.rows.pop(event_id, None)
        self.deleted.append({"event_id_cnty": event_id, "deleted_timestamp": str(timestamp)})

    def grants(self) -> list[str]:
        return [r.form.get("grant_type", "") for r in self.calls("/oauth/token")]

    # --- the API
    def handle(self, request: Request) -> Reply:
        if request.path == "/oauth/token" and request.method == "POST":
            return self._token(request.form)
        if request.path in ("/api/acled/read", "/api/deleted/read"):
            auth = request.headers.get("authorization", "")
            token = auth.removeprefix("Bearer ")
            if not auth.startswith("Bearer ") or self.tokens.get(token, 0) <= 0:
                return Reply.json({"error": "invalid_token", "message": "The access token is invalid or expired"}, 401)  # fmt: skip
            self.tokens[token] -= 1
            rows = self._read(request.params) if request.path == "/api/acled/read" else self._deleted(request.params)
            return self._page(rows, request.params)
        return Reply(404, b"Not found", "text/plain")

    def _token(self, form: dict[str, str]) -> Reply:
        if form.get("client_id") != "acled":
            return Reply.json({"error": "invalid_client", "error_description": "Client authentication failed"}, 401)
        if form.get("grant_type") == "password":
            if (form.get("username"), form.get("password"), form.get("scope")) != (EMAIL, PASSWORD, "authenticated"):
                return Reply.json({"error": "invalid_grant", "error_description": "The user credentials were incorrect."}, 400)  # fmt: skip
        elif form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return Reply.json({"error": "invalid_grant", "error_description": "The refresh token is invalid."}, 400)  # fmt: skip
        else:
            return Reply.json({"error": "unsupported_grant_type"}, 400)
        serial = next(self._serial)
        access, refresh = f"access-{serial}", f"refresh-{serial}"
        self.tokens[access] = self.token_uses
        self.refresh_tokens.add(refresh)
        return Reply.json({"token_type": "Bearer", "expires_in": self.expires_in, "access_token": access, "refresh_token": refresh})  # fmt: skip

    def _read(self, params: dict[str, str]) -> list[dict]:
        rows = sorted(self.rows.values(), key=lambda r: r["event_id_cnty"])
        if params.get("country"):
            rows = [r for r in rows if r["country"] in params["country"].split("|")]
        if params.get("event_date"):
            assert params.get("event_date_where") == "BETWEEN"
            low, high = params["event_date"].split("|")
            rows = [r for r in rows if low <= r["event_date"] <= high]
        if params.get("timestamp"):
            rows = [r for r in rows if int(r["timestamp"]) >= int(params["timestamp"])]
        return rows

    def _deleted(self, params: dict[str, str]) -> list[dict]:
        since = int(params.get("deleted_timestamp") or 0)
        return [d for d in self.deleted if int(d["deleted_timestamp"]) >= since]

    @staticmethod
    def _page(rows: list[dict], params: dict[str, str]) -> Reply:
        limit, page = int(params.get("limit", 5000)), int(params.get("page", 1))
        chunk = rows[(page - 1) * limit : page * limit]
        return Reply.json({"status": 200, "success": True, "count": len(chunk), "total_count": len(rows), "data": chunk})  # fmt: skip
