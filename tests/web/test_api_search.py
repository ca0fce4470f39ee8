"""/api/v1/search: actors by any spelling, ambiguous names, misspellings; other kinds; bad input."""

from __future__ import annotations

import pytest
from problems import problem, problems


def hits(client, query: str, **params) -> dict:
    response = client.get("/api/v1/search", params={"q": query, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_misspelling_in_the_text_is_an_alias(client):
    body = hits(client, "Haggani", kinds="actors")
    (actor,) = body["items"]
    assert (actor["id"], actor["label"], actor["url"]) == (
        "sirajuddin-haqqani",
        "Sirajuddin Haqqani",
        "/actors/sirajuddin-haqqani",
    )
    assert actor["ambiguous"] is False and actor["matched_name"] == "Sirajuddin Haggani"
    assert "Extraction/typing error for Haqqani" in actor["snippet"]


def test_an_ambiguous_name_gives_every_candidate(client):
    body = hits(client, "Dostom", kinds="actors")
    assert [(h["id"], h["ambiguous"]) for h in body["items"]] == [
        ("abdul-rashid-dostom", True), ("yar-mohammad-dostom", True),
    ]  # fmt: skip
    assert body["counts"] == {"actors": 2} and body["total"] == 2


def test_a_spelling_finds_the_ttp(client):
    body = hits(client, "Tehreek-e-Taliban")
    first = body["items"][0]
    assert (first["kind"], first["id"], first["match"], first["url"]) == ("actors", "ttp", "exact", "/actors/ttp")


def test_an_unknown_name_is_no_match_and_suggests_the_closest_apart(client):
    body = hits(client, "Mehsood", kinds="actors")
    assert (body["items"], body["total"]) == ([], 0)
    assert [(s["id"], s["label"], s["score"], s["url"]) for s in body["suggestions"]] == [
        ("noor-wali-mehsud", "Noor Wali Mehsud", 76.9, "/actors/noor-wali-mehsud")
    ]


def test_events_claims_sources_and_dataset_events_are_found_with_their_page(client):
    body = hits(client, "Taliban", limit=3)
    kinds = {h["kind"] for h in body["items"]}
    assert {"actors", "events", "claims", "sources"} <= kinds
    assert body["counts"]["claims"] > 3 and body["count"] == len(body["items"])
    claim = next(h for h in body["items"] if h["kind"] == "claims")
    assert claim["url"] == f"/perspectives#claim-{claim['id']}"
    event = next(h for h in body["items"] if h["kind"] == "events")
    assert event["url"].startswith("/timeline?layer=kb&from=") and event["url"].endswith(f"#event-{event['id']}")
    source = next(h for h in body["items"] if h["kind"] == "sources")
    assert source["url"] == f"/sources/{source['id']}"
    places = hits(client, "Peshawar", kinds="data_events", limit=5)
    assert places["counts"] == {"data_events": 263} and len(places["items"]) == 5
    assert places["items"][0]["url"].endswith(f"#event-{places['items'][0]['id']}")


def test_search_as_csv(client):
    response = client.get("/api/v1/search?q=Dostom&kinds=actors&format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-search.csv"'
    assert response.text.splitlines()[0].startswith("kind,id,label,snippet,url")
    assert len(response.text.splitlines()) == 3


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        (
            "q=x&kinds=bogus",
            "kinds: unknown kind 'bogus'; choose from: actors, events, claims, figures, sources, relations, data_events, passages",
        ),
        (
            "q=x&kinds=,",
            "kinds: empty; choose from: actors, events, claims, figures, sources, relations, data_events, passages",
        ),
        ("q=%20%20", "q: empty; type a name, a place or some words"),
        ("q=%21%3F", "q: '!?' has no letters or digits to search for"),
        ("q=x&limit=0", "limit: Input should be greater than or equal to 1"),
        ("q=" + "a" * 201, "q: 201 characters is too long; use at most 200"),
    ],
)
def test_bad_search_input_is_422(client, query, detail):
    response = client.get(f"/api/v1/search?{query}")
    assert problem(response) == detail


def test_q_is_required(client):
    response = client.get("/api/v1/search")
    assert problems(response) == ["q: Field required"]


def test_injection_text_is_only_text(client):
    body = hits(client, "'; DROP TABLE kb_actors; --")
    assert body["counts"] == dict.fromkeys(
        ["actors", "events", "claims", "figures", "sources", "relations", "data_events", "passages"], 0
    )
    assert (body["items"], body["suggestions"]) == ([], [])
    assert hits(client, "Dostom", kinds="actors")["total"] == 2
