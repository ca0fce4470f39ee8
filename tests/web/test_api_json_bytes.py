"""The lists and the series are written with orjson (web/api/paging.py: json_bytes): every byte is what FastAPI's
JSONResponse writes for the same body (compact, UTF-8 left as it is, floats as Python writes them), so a client
that compared or cached the old answers sees no change."""

from __future__ import annotations

import json

import pytest

URLS = [
    "/api/v1/events?layer=data&country=PAK&from=2008-01-01&to=2013-12-31&limit=50",
    "/api/v1/events?country=PAK&from=2008-01-01&to=2013-12-31&limit=200",  # both layers: quotes, en dashes
    "/api/v1/events?type=attack&admin1=Khyber%20Pakhtunkhwa&limit=40",
    "/api/v1/events/facets?by=region&country=PAK",
    "/api/v1/events/facets?by=year",
    "/api/v1/actors/ttp/events?limit=30",
    "/api/v1/series?actor=TTP&country=PAK&by=month",  # rolling means: floats
    "/api/v1/series?country=Pakistan&by=year&metric=fatalities&window=3",
]


def json_response_bytes(body: object) -> bytes:
    """What starlette's JSONResponse renders."""
    return json.dumps(body, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


@pytest.mark.parametrize("url", URLS)
def test_the_body_is_byte_for_byte_what_json_response_writes(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert len(response.content) > 500  # a body with something in it
    assert response.content == json_response_bytes(response.json())


def test_a_page_has_non_ascii_text_and_floats_to_compare(client):
    content = client.get(URLS[1]).content
    assert "–".encode() in content and b"\\u" not in content  # en dash of a title, written as UTF-8
    series = client.get(URLS[6]).json()["series"]
    assert any(isinstance(p["rolling_mean"], float) and not p["rolling_mean"].is_integer() for p in series)
