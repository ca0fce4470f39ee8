"""/search: actors by any spelling first, then events, claims, sources and dataset events; each hit links to
its page. The done-when journey is in test_pages_journey.py."""

from __future__ import annotations

from page_text import error_message, text_of
from shots import screenshot


def test_misspelling_finds_the_actor(client):
    response = client.get("/search?q=Haggani")
    assert response.status_code == 200
    actors = response.text.split('id="hits-actors"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/actors/sirajuddin-haqqani">Sirajuddin Haqqani</a>' in actors


def test_hits_are_grouped_with_counts_and_a_link_to_more(client):
    response = client.get("/search?q=TTP")
    text = text_of(response)
    assert "Actors (7)" in text and "Claims (" in text and "Dataset events (" in text
    assert 'href="/search?q=TTP&amp;kind=data_events"' in response.text
    more = client.get("/search?q=TTP&kind=data_events")
    assert more.status_code == 200 and text_of(more).count("killed (best estimate)") == 100


def test_empty_query_shows_the_form_and_bad_kind_is_422(client):
    empty = client.get("/search")
    assert empty.status_code == 200 and 'id="search-q"' in empty.text
    bad = client.get("/search?q=TTP&kind=people")
    assert bad.status_code == 422
    assert error_message(bad) == (
        "kind: unknown kind 'people'; choose one of: actors, events, claims, figures, sources, relations, "
        "data_events, passages"
    )
    long = client.get("/search?q=" + "x" * 201)
    assert long.status_code == 422
    assert error_message(long) == "q: String should have at most 200 characters"


def test_browser_search_haggani_leads_to_sirajuddin_haqqani(page):
    page.goto("/search")
    page.fill("#search-q", "Haggani")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Haggani*")
    screenshot(page, "search-haggani")
    page.locator("#hits-actors").get_by_role("link", name="Sirajuddin Haqqani").click()
    page.wait_for_url("**/actors/sirajuddin-haqqani")
    assert page.locator("h1").inner_text() == "Sirajuddin Haqqani"
