"""/api/v1 itself: the index, the OpenAPI document, the offline docs page; rules every route follows."""

from __future__ import annotations

import re

from problems import problem

LISTS = ["/actors", "/relations", "/events", "/claims", "/perspectives", "/checks", "/sources", "/datasets",
         "/figures", "/recommendations"]  # fmt: skip


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        "/api/v1/", "/api/v1/actors", "/api/v1/actors/{actor_id}", "/api/v1/actors/{actor_id}/events",
        "/api/v1/relations", "/api/v1/events", "/api/v1/events/facets", "/api/v1/events/{event_id}", "/api/v1/series",
        "/api/v1/signals", "/api/v1/claims", "/api/v1/perspectives", "/api/v1/checks", "/api/v1/checks/{check_id}",
        "/api/v1/sources", "/api/v1/sources/{source_id}", "/api/v1/datasets", "/api/v1/figures",
        "/api/v1/recommendations", "/api/v1/search",
    }  # fmt: skip
    assert expected <= set(paths)
    assert all(set(operations) == {"get"} for p, operations in paths.items() if p.startswith("/api/v1"))


def test_index_names_the_docs_and_every_endpoint(client):
    body = client.get("/api/v1/").json()
    assert (body["docs"], body["openapi"]) == ("/api/v1/docs", "/api/v1/openapi.json")
    assert "/api/v1/events" in {e["path"] for e in body["endpoints"]}


def test_docs_page_is_offline_and_shows_every_endpoint_parameter_and_example(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert not re.search(r"""(src|href)=["']https?://""", html), "the docs page must not load anything from outside"
    operations = client.get("/api/v1/openapi.json").json()["paths"]
    for path, methods in operations.items():
        assert f"GET {path}" in html.replace("&#x27;", "'")
        for parameter in methods["get"].get("parameters", []):
            assert f"<code>{parameter['name']}</code>" in html
    assert '<a href="/api/v1/events?actor=TTP&amp;from=2021&amp;to=2021&amp;layer=data">' in html
    assert client.get("/docs").status_code == 404  # Swagger UI (from a CDN) is off


def test_every_example_in_the_docs_answers_200(client):
    for path, methods in client.get("/api/v1/openapi.json").json()["paths"].items():
        example = methods["get"].get("x-example")
        assert example, f"{path} has no example"
        response = client.get(example)
        assert response.status_code == 200, (example, response.text[:200])


def test_every_list_answers_total_count_items_next_and_csv(client):
    for path in LISTS:
        body = client.get(f"/api/v1{path}?limit=2").json()
        assert {"total", "count", "items", "next"} <= set(body), path
        assert body["count"] == len(body["items"]) <= 2
        assert (body["next"] is None) == (body["total"] <= 2), path
        download = client.get(f"/api/v1{path}?limit=2&format=csv")
        assert download.headers["content-type"] == "text/csv; charset=utf-8", path
        assert download.headers["content-disposition"].startswith('attachment; filename="torkham-'), path


def test_offset_cursors_are_checked(client):
    for cursor in ["abc", "eyJvZmZzZXQiOi0xfQ", "WyIyMDIxLTAxLTAxIiwwLCJ4Il0"]:
        response = client.get(f"/api/v1/actors?cursor={cursor}")
        assert problem(response) == "cursor: not a cursor this API issued; start again without it"


def test_unknown_api_path_is_404_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"detail": "nothing at /api/v1/nothing-here"}


def test_too_many_parameters_are_refused(client):
    query = "&".join(f"q{n}=1" for n in range(21))
    response = client.get(f"/api/v1/actors?{query}")
    assert problem(response) == "too many query parameters (21); use at most 20"


def test_no_write_methods(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/v1/events").status_code == 405
