"""/briefing: the form, the briefing of the range in the page, the PDF download; bad bounds are 422."""

from __future__ import annotations

import pytest
from page_text import error_message
from shots import screenshot


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2021-13", "from: '2021-13' has month 13; months run from 01 to 12"),
        ("to=2024-02-30", "to: '2024-02-30' is not a real day: February 2024 has 29 days"),
        ("from=2024&to=2021", "from: 2024 is after to 2021; swap them"),
        ("country=Narnia", "country: no events in 'Narnia'; the store holds: …"),  # the list is the events library's
        ("actor=qqqqqq", "actor: no actor named 'qqqqqq'; run 'torkham actors' to list them"),
    ],
)
def test_bad_values_are_422_naming_the_parameter(client, query, message):
    for path in ("/briefing", "/briefing/view", "/briefing.pdf"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422, path
        shown = error_message(response)
        assert shown.startswith(message.removesuffix("…")) if message.endswith("…") else shown == message


def test_default_range_is_the_papers_period(client):
    response = client.get("/briefing")
    assert response.status_code == 200
    assert 'value="2021-08"' in response.text and 'value="2024-04"' in response.text
    assert 'href="/briefing.pdf?from=2021-08&amp;to=2024-04"' in response.text


def test_browser_briefing_shows_and_its_pdf_downloads(page):
    page.goto("/briefing?from=2021&to=2021&actor=TTP")
    frame = page.frame_locator("iframe.briefing-frame")
    heading = frame.locator("h1")
    heading.wait_for(timeout=60_000)
    assert heading.inner_text() == "Afghanistan–Pakistan situation briefing"
    assert "actor: Tehrik-e-Taliban Pakistan (ttp)" in frame.locator("header .meta").inner_text()
    screenshot(page, "briefing")
    href = page.get_by_role("link", name="Download PDF").get_attribute("href")
    response = page.request.get(href, timeout=120_000)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        'attachment; filename="torkham-briefing_2021-01-01_2021-12-31_ttp.pdf"'
    )
    assert response.body().startswith(b"%PDF")
