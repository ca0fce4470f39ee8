"""/search with the queries users reported: no "close spelling" among the results, an honest "No match for …",
close names only as "Did you mean …?", a year beside a name; in the browser too (axe, phone width)."""

from __future__ import annotations

from a11y import check_page
from page_text import text_of


def section(html: str, kind: str) -> str:
    return html.split(f'id="hits-{kind}"', 1)[1].split("</section>", 1)[0]


def test_torkham_lists_the_border_closure_and_no_person(client):
    response = client.get("/search?q=Torkham")
    text = text_of(response)
    assert text.startswith("Search Actors (any spelling)")
    assert "9 matches for “Torkham”." in text
    assert "Tore Hamming" not in text and "close spelling" not in text and "Did you mean" not in text
    assert "2023-09 Pakistan temporarily closes the Torkham border crossing for several days" in section(
        response.text, "events"
    )
    assert 'id="hits-actors"' not in response.text


def test_tehreek_e_labbaik_is_an_honest_no_match(client):
    text = text_of(client.get("/search?q=Tehreek-e-Labbaik"))
    assert "No match for “Tehreek-e-Labbaik”. JSON" in text
    assert "Taliban" not in text.split("JSON", 1)[1] and "Did you mean" not in text and "No match among" not in text


def test_baloch_liberation_army_leads_to_the_bla(client):
    response = client.get("/search?q=Baloch+Liberation+Army")
    actors = section(response.text, "actors")
    assert '<a href="/actors/bla">Baloch Liberation Army</a>' in actors
    assert "armed forces" not in actors.lower()
    assert "Dataset events (259)" in text_of(response)


def test_iskp_2023_keeps_the_year_and_says_so(client):
    response = client.get("/search?q=ISKP+2023")
    text = text_of(response)
    assert "9 matches for “ISKP 2023”." in text
    assert "2023 is read as a year: only records dated in it are listed;" in text
    assert "Khyber Pakhtunkhwa" not in section(response.text, "actors")
    assert "Dataset events (7)" in text and "2023-10-29 IS – Civilians" in text


def test_close_spellings_are_offered_apart(client):
    text = text_of(client.get("/search?q=Mehsood"))
    assert "No match for “Mehsood”. JSON Did you mean Noor Wali Mehsud? Close spellings, not matches." in text


def test_browser_the_four_reported_queries(page):
    page.goto("/search")
    page.fill("#search-q", "Torkham")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Torkham*")
    assert page.locator("#hits-actors").count() == 0
    page.locator("#hits-events").get_by_role("link", name="2023-09 Pakistan temporarily closes the Torkham").click()
    page.wait_for_url("**/timeline?layer=kb&from=2023-09&to=2023-09#event-ev-2023-09-torkham-closure")
    page.goto("/search?q=Tehreek-e-Labbaik")
    assert page.get_by_role("status").inner_text() == "No match for “Tehreek-e-Labbaik”. JSON"
    page.goto("/search?q=Baloch+Liberation+Army")
    assert page.locator("#hits-actors li a").all_inner_texts() == ["Baloch Liberation Army"]
    page.goto("/search?q=Mehsood")
    page.locator("#did-you-mean").get_by_role("link", name="Noor Wali Mehsud").click()
    page.wait_for_url("**/search?q=Noor+Wali+Mehsud")
    assert page.locator("#hits-actors li a").first.inner_text() == "Noor Wali Mehsud"


def test_search_pages_pass_axe_and_fit_a_phone(page):
    check_page(page, "/search?q=ISKP+2023", "search-iskp-2023")
    check_page(page, "/search?q=Mehsood", "search-did-you-mean")
    check_page(page, "/search?q=Tehreek-e-Labbaik", "search-no-match")
