"""The done-when journey: a new user answers "what happened with the TTP in 2021, where, and who says what
about it" in the browser alone — from the overview, by clicking, with no URL typed after the first."""

from __future__ import annotations

from shots import screenshot


def test_ttp_in_2021_where_and_who_says_what(page):
    page.goto("/")
    page.fill("header form.search input[name=q]", "TTP")
    page.locator("header form.search button").click()
    page.wait_for_url("**/search?q=TTP")

    page.locator("#hits-actors").get_by_role("link", name="Tehrik-e-Taliban Pakistan").click()
    page.wait_for_url("**/actors/ttp")
    assert page.locator("h1").inner_text() == "Tehrik-e-Taliban Pakistan"

    page.locator("#data-events").get_by_role("link", name="2021", exact=True).click()  # what happened in 2021
    page.wait_for_url("**/timeline?actor=ttp&from=2021&to=2021")
    assert page.locator("#total").inner_text() == "129"
    where = page.locator("section[aria-labelledby=where-h] tbody tr").all_inner_texts()
    assert where[0].split("\t") == ["Federally Administered Tribal Areas", "75", "166"]  # where: provinces
    # one region under its standard name, the dataset's own spelling shown beneath it
    assert "Khyber Pakhtunkhwa\nas Khyber Pakhtunkwa province\t36\t69" in where
    screenshot(page, "journey-ttp-2021")

    page.get_by_role("link", name="Where do TTP attacks originate: Afghan sanctuaries or inside Pakistan?").click()
    page.wait_for_url("**/perspectives?topic=ttp-origin")
    sides = page.locator("#topic-ttp-origin .side h3").all_inner_texts()
    assert "Imtiaz Gul / Pakistan" in sides and "Sohail Shaheen / Afghan Taliban" in sides  # who says what
    claim = page.locator("#claim-cl-ttp-attacks-from-within-pakistan")
    assert claim.locator("q.verbatim").count() == 1 and claim.locator("a.prov").count() == 1
    screenshot(page, "journey-ttp-origin")
