"""The overview, map and network pages: in-process for content, timing and bad input; in Chromium for
what a user does (filter, click a province, download its events, move the date, use the keyboard)."""

from __future__ import annotations

import csv
import io
import re
import threading
import time

import pytest
from shots import screenshot

PHONE = {"width": 390, "height": 844}


def _wait_for_warm_up() -> None:
    for thread in threading.enumerate():
        if thread.name == "torkham-warm-up-overview":  # cache.warm_up_lifespan names it so
            thread.join(timeout=120)


def test_overview_first_screen_is_fast_and_cites_its_figures(client):
    _wait_for_warm_up()  # started with the app: computes the overview while nobody is looking
    started = time.perf_counter()
    response = client.get("/")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert elapsed < 1.0, f"the overview took {elapsed:.2f} s"
    html = response.text
    assert "6,416" in html and 'href="/sources/ucdp-ged:22.1"' in html  # events held, linked to the dataset
    assert 'href="/sources/unhcr-population:2025.12.1"' in html
    # a figure of the paper: its value, its quote and the link to the passage
    assert (
        "TTP-claimed attacks in Pakistan" in html and 'href="/sources/gul-2024#record-fig-ttp-attacks-2021-12"' in html
    )
    assert 'id="trend-actors"' in html and 'id="trend-provinces"' in html
    assert html.count("<summary>Data table") == 5  # two trend charts, deaths per month of two countries, by dyad
    assert 'href="/timeline?from=2021-12&amp;to=2021-12&amp;layer=kb#event-ev-2021-12-ttp-45-attacks"' in html
    assert "FATA enjoys autonomous status" not in html  # began in 1947: not a key event since 2018
    assert 'data-code="PK-TA"' in html and "Latest signals" in html


def test_map_counts_by_province_and_lists_a_provinces_events(client):
    html = client.get("/map", params={"from": "2010", "to": "2012", "admin1": "PK-SD"}).text
    assert re.search(r'<a href="/map\?from=2010&amp;to=2012&amp;admin1=PK-SD#events" aria-current="true"', html)
    assert "<h2>Events in Sindh (" in html
    count = int(re.search(r'class="downloads" data-count="(\d+)"', html).group(1))
    assert count > 0
    assert "/api/v1/events?layer=data&amp;from=2010-01-01&amp;to=2012-12-31&amp;admin1=Sindh+province" in html
    assert "Province not given" in html


def test_map_current_boundaries_count_fata_in_khyber_pakhtunkhwa(client):
    html = client.get("/map", params={"boundaries": "current", "admin1": "PK-KP"}).text
    assert "<h2>Events in Khyber Pakhtunkhwa (4,783)</h2>" in html  # GED 22.1 and 42 candidate events of 2023-10
    assert "As “Federally Administered Tribal Areas” in the data (3,378)" in html
    assert "As “Khyber Pakhtunkwa province” in the data (1,405)" in html


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/map?from=2021-13", "from: &#39;2021-13&#39; has month 13; months run from 01 to 12"),
        ("/map?boundaries=nope", "boundaries: unknown value &#39;nope&#39;; choose one of: with-fata, current"),
        ("/map?admin1=Atlantis", "admin1: unknown value &#39;Atlantis&#39;; choose one of: Azad Jammu &amp; Kashmir"),
        ("/map?actor=Nobody%20Atall", "actor: "),
        ("/map?points=maybe", "points: Input should be &#39;shown&#39; or &#39;hidden&#39;"),
        ("/network?at=yesterday", "at: &#39;yesterday&#39; is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/network?type=loves", "type: unknown relation type &#39;loves&#39;; choose from: ally_of, supports"),
    ],
)
def test_bad_filter_values_are_422_naming_the_parameter(client, url, message):
    response = client.get(url)
    assert response.status_code == 422
    assert message in response.text


def test_network_filters_by_type_and_date(client):
    everything = client.get("/network").text
    total = int(re.search(r'id="relation-count" data-count="(\d+)"', everything).group(1))
    fights = client.get("/network", params={"filtered": "1", "type": "fights"}).text
    assert re.search(r'id="relation-count" data-count="12"', fights)
    dated_only = client.get("/network", params={"at": "2022-06-01", "undated": "exclude"}).text
    shown = int(re.search(r'id="relation-count" data-count="(\d+)"', dated_only).group(1))
    assert 0 < shown < total
    assert 'href="/sources/gul-2024#record-rel-ttp-supports-tta"' in everything
    assert 'href="/sources/gul-2024#record-rel-ttp-supports-tta"' not in dated_only  # ended 2021-08


def test_overview_loads_in_the_browser(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Afghanistan–Pakistan security: overview"
    assert page.locator(".figures .card").count() >= 6
    page.locator("figure.map svg a").first.wait_for()
    screenshot(page, "overview")
    # from a key event to its place on the timeline, and from a figure to its passage in the source
    page.locator("ol.key-events a", has_text="TTP claims 45 attacks").first.click()
    page.wait_for_url(re.compile(r"/timeline\?.*#event-ev-2021-12-ttp-45-attacks$"))
    assert page.locator("#event-ev-2021-12-ttp-45-attacks").is_visible()
    page.go_back()
    page.locator("#figure-fig-border-length a.prov").click()
    page.wait_for_url(re.compile(r"/sources/gul-2024#record-fig-border-length$"))
    assert "2,560-kilometer border" in page.locator("#record-fig-border-length").inner_text()


@pytest.fixture
def static_page(browser, server_url):
    """A page without JavaScript: /map is then the server-drawn SVG (the interactive map is
    tests/web/test_map_interactive.py)."""
    context = browser.new_context(base_url=server_url, java_script_enabled=False, accept_downloads=True)
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(server_url) else route.abort()
    )
    yield context.new_page()
    context.close()


def test_map_filter_province_click_and_csv_download(static_page):
    page = static_page
    page.goto("/map")
    assert page.locator("#map-interactive").is_hidden()  # shown only by static/map.js
    page.fill("input[name=from]", "2010")
    page.fill("input[name=to]", "2012")
    page.select_option("select[name=type]", "one-sided")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=one-sided"))
    page.click('svg a[data-code="PK-SD"]')
    page.wait_for_url(re.compile(r"admin1=PK-SD#events$"))
    assert page.locator("#events h2").inner_text().startswith("Events in Sindh")
    shown = int(page.locator("#events .downloads").get_attribute("data-count"))
    assert shown == page.locator("#events table.events tbody tr.data").count()
    with page.expect_download() as download:
        page.locator("#events .downloads a", has_text="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert len(rows) == shown > 0
    assert {r["admin1"] for r in rows} == {"Sindh province"} and {r["type"] for r in rows} == {"one-sided"}
    screenshot(page, "map")


def test_map_keyboard_tab_reaches_a_province_and_enter_follows_it(static_page):
    page = static_page
    page.goto("/map")
    page.focus("form.filters a[href='/map']")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg a[data-code]')"):
            break
    code = page.evaluate("document.activeElement.getAttribute('data-code')")
    assert code, "Tab did not reach a province link"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"admin1={code}#events$"))
    assert page.locator("#events h2").inner_text().startswith("Events in")


def test_network_date_changes_the_relation_count(page):
    page.goto("/network")
    page.locator("#network-stage[data-ready='1']").wait_for(state="attached")
    before = page.locator("#relation-count").get_attribute("data-count")
    page.fill("#network-from", "2010-01-01")
    page.fill("#network-to", "2010-01-01")
    page.click("form.network-filters button[type=submit]")
    page.wait_for_function(f"document.getElementById('relation-count').dataset.count !== '{before}'")
    assert "from=2010-01-01" in page.url  # the address follows the filter, without a reload
    after = page.locator("#relation-count").get_attribute("data-count")
    assert int(after) < int(before)
    page.locator("#network-graph canvas").first.wait_for()
    screenshot(page, "network")


def test_phone_width_has_no_horizontal_overflow(page):
    page.set_viewport_size(PHONE)
    for url in ("/", "/map?admin1=PK-SD", "/network"):
        page.goto(url)
        width = page.evaluate("document.body.scrollWidth")
        assert width <= PHONE["width"], f"{url} is {width}px wide at phone width"
    screenshot(page, "network-phone")
