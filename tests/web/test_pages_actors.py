"""/actors and /actors/{id}: the index and its kind filter, an actor with every section, names instead of ids
(redirect, candidates, suggestions), unknown ids; in Chromium, a fact's link leads to its quote."""

from __future__ import annotations

from page_text import error_message, paper_at_hand, text_of
from shots import screenshot


def test_index_lists_every_actor_and_filters_by_kind(client):
    everyone = client.get("/actors")
    assert everyone.status_code == 200
    assert "Tehrik-e-Taliban Pakistan" in everyone.text and 'href="/actors/ttp"' in everyone.text
    people = client.get("/actors?kind=person")
    assert people.status_code == 200
    assert "Sirajuddin Haqqani" in people.text and 'href="/actors/ttp"' not in people.text


def test_unknown_kind_is_422_naming_the_parameter(client):
    response = client.get("/actors?kind=warlord")
    assert response.status_code == 422
    assert error_message(response).startswith("kind: unknown value 'warlord'; choose one of: state, state_group,")


def test_actor_page_shows_names_relations_events_series_claims_and_sources(client):
    response = client.get("/actors/ttp")
    assert response.status_code == 200
    text = text_of(response)
    for heading in ("Names and aliases", "Relations (35)", "Events in the knowledge base (31)", "Events in the datasets",
                    "Series", "Questions and perspectives", "Claims", "Sources"):  # fmt: skip
        assert heading in text, heading
    assert "Tehreek-i-Taliban Pakistan (not in the text)" in text  # an external alias, marked
    assert 'href="/sources/gul-2024#record-rel-ttp-ally-of-tta"' in response.text  # a relation's source passage
    assert "4,247 dataset events involve Tehrik-e-Taliban Pakistan" in text
    assert 'href="/timeline?actor=ttp&amp;layer=data"' in response.text
    assert "<svg" in response.text and "<summary>Data table: Tehrik-e-Taliban Pakistan in UCDP GED" in response.text
    assert "Where do TTP attacks originate" in text  # a question naming the TTP


def test_shared_name_is_warned(client):
    text = text_of(client.get("/actors/imtiaz-gul"))
    assert "'Gul' also names Ayaz Gul" in text


def test_a_name_redirects_to_the_one_actor_it_denotes(client):
    response = client.get("/actors/Haggani", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (302, "/actors/sirajuddin-haqqani")
    assert client.get("/actors/Tehreek-e-Taliban").url.path == "/actors/ttp"


def test_an_ambiguous_name_lists_its_candidates(client):
    response = client.get("/actors/Dostom")
    assert response.status_code == 200
    text = text_of(response)
    assert "'Dostom' names 2 actors" in text
    assert (
        'href="/actors/abdul-rashid-dostom"' in response.text and 'href="/actors/yar-mohammad-dostom"' in response.text
    )


def test_unknown_actor_is_404_with_the_closest_names(client):
    close = client.get("/actors/Mehsood")
    assert close.status_code == 404
    assert error_message(close) == (
        "no actor with the id or name 'Mehsood'; closest known names: Noor Wali Mehsud (noor-wali-mehsud)"
    )
    nothing = client.get("/actors/qqqqqq")
    assert nothing.status_code == 404
    assert error_message(nothing) == "no actor with the id or name 'qqqqqq'; the actors page (/actors) lists them all"


def test_browser_actor_fact_links_to_its_verbatim_quote(page):
    page.goto("/actors")
    screenshot(page, "actors")
    page.select_option("#kind", "armed_group")  # submits on change
    page.wait_for_url("**/actors?kind=armed_group")
    page.get_by_role("link", name="Tehrik-e-Taliban Pakistan", exact=True).click()
    page.wait_for_url("**/actors/ttp")
    assert page.locator("h1").inner_text() == "Tehrik-e-Taliban Pakistan"
    screenshot(page, "actor-ttp")
    row = page.locator("#relation-rel-ttp-supports-tta")
    quoted = row.locator("q.verbatim").inner_text()
    row.locator("a.prov").click()
    page.wait_for_url("**/sources/gul-2024#record-rel-ttp-supports-tta")
    passage = page.locator("#record-rel-ttp-supports-tta")
    assert passage.is_visible()
    assert passage.locator("blockquote").inner_text() == quoted.strip("“”")
    assert ("§ 4.1, line 275" if paper_at_hand() else "§ 4.1") in passage.inner_text()
