"""/about: what torkham is, the paper, the licences and attributions of every bundled dataset and of the
boundaries, the version and how to cite."""

from __future__ import annotations

from page_text import text_of
from shots import screenshot

from torkham import __version__


def test_about_names_every_licence_and_attribution(client):
    response = client.get("/about")
    assert response.status_code == 200
    text = text_of(response)
    assert "Imtiaz Gul, Pakistan's Viewpoint of Afghanistan" in text
    assert "Davies, Pettersson & Öberg (2022)" in text  # UCDP's required citation
    assert "UNHCR Refugee Data Finder" in text and "Internal Displacement Monitoring Centre (IDMC)" in text
    assert "© OpenStreetMap contributors, available under the Open Database License (ODbL) 1.0" in text
    assert "Made with Natural Earth (public domain)" in text
    assert f"torkham {__version__}" in text and "How to cite" in text


def test_browser_about(page):
    page.goto("/about")
    assert page.locator("h1").inner_text() == "About torkham"
    screenshot(page, "about")
