"""A fake UCDP API: `/api/gedevents/{version}` with the `x-ucdp-access-token` header, 0-based `page`,
`pagesize`, `Country` (GW codes) and `StartDate` filters, and `NextPageUrl` paging."""

from __future__ import annotations

import math
import urllib.parse

from fakes.server import FakeApi, Reply, Request
from torkham.datasets.formats.ucdp import GED_COLUMNS

TOKEN = "test-ucdp-token"
COUNTRIES = {770: ("Pakistan", 30.0, 70.0), 700: ("Afghanistan", 34.5, 69.2)}


def ged_event(
    event_id: int, country_id: int = 770, day: str = "2023-03-05", best: int = 2, side_b: str = "TTP"
) -> dict:
    """A GED event as the API gives it: numbers as numbers, 49 fields."""
    country, lat, lon = COUNTRIES[country_id]
    side_a = f"Government of {country}"
    values = {
        "id": event_id, "relid": f"{country[:3].upper()}-2023-1-{event_id}", "year": int(day[:4]),
        "active_year": True, "code_status": "Clear", "type_of_violence": 1, "conflict_dset_id": "209",
        "conflict_new_id": 209, "conflict_name": f"{country}: Government", "dyad_dset_id": "725",
        "dyad_new_id": 725, "dyad_name": f"{side_a} - {side_b}", "side_a_dset_id": "139", "side_a_new_id": 139,
        "side_a": side_a, "side_b_dset_id": "1069", "side_b_new_id": 1069, "side_b": side_b,
        "number_of_sources": 1, "source_article": f"Test wire {event_id}", "source_office": "",
        "source_date": "", "source_headline": "", "source_original": "", "where_prec": 1,
        "where_coordinates": "Test town", "where_description": "", "adm_1": "Khyber Pakhtunkhwa province",
        "adm_2": "Test district", "latitude": lat, "longitude": lon, "geom_wkt": f"POINT ({lon} {lat})",
        "priogrid_gid": 150000, "country": country, "country_id": country_id, "region": "Asia",
        "event_clarity": 1, "date_prec": 1, "date_start": f"{day} 00:00:00.000", "date_end": f"{day} 00:00:00.000",
        "deaths_a": 0, "deaths_b": best, "deaths_civilians": 0, "deaths_unknown": 0, "best": best,
        "high": best + 1, "low": best, "gwnoa": str(country_id), "gwnob": "",
    }  # fmt: skip
    assert tuple(values) == GED_COLUMNS
    return values


class FakeUcdp(FakeApi):
    def __init__(self, events: list[dict], version: str = "25.1", token: str = TOKEN):
        super().__init__()
        self.events, self.version, self.token = events, version, token

    def handle(self, request: Request) -> Reply:
        prefix = "/api/gedevents/"
        if not request.path.startswith(prefix):
            return Reply(404, b"Not found")
        if request.headers.get("x-ucdp-access-token") != self.token:
            return Reply(401, b"Unauthorized: a valid x-ucdp-access-token header is required", "text/plain")
        version = request.path[len(prefix) :]
        if version != self.version:
            return Reply(404, f"Resource gedevents version {version} not found".encode(), "text/plain")
        params = request.params
        size, page = int(params.get("pagesize", 1)), int(params.get("page", 0))
        rows = self.events
        if params.get("Country"):
            codes = {int(c) for c in params["Country"].split(",")}
            rows = [e for e in rows if e["country_id"] in codes]
        if params.get("StartDate"):
            rows = [e for e in rows if e["date_start"][:10] >= params["StartDate"]]
        pages = math.ceil(len(rows) / size)
        following = ""
        if page + 1 < pages:
            query = urllib.parse.urlencode({**params, "page": page + 1}, safe=",")
            host = request.headers.get("host", "")
            following = f"http://{host}{request.path}?{query}"
        return Reply.json(
            {"TotalCount": len(rows), "TotalPages": pages, "PreviousPageUrl": "", "NextPageUrl": following,
             "Result": rows[page * size : (page + 1) * size]}
        )  # fmt: skip


def page_number(request: Request) -> int:
    return int(request.params.get("page", -1))
