"""The interactive map of /map in Chromium: zoom, the month slider (counts change without reloading), a
province's panel and its links, fixed legend classes, provinces no data covers marked 'not covered', the
dots toggled; accessibility and the phone width."""

from __future__ import annotations

import re

from a11y import DESKTOP, PHONE, axe_violations, check_page, horizontal_overflow
from shots import screenshot

CLASSES = (
    "0\n1–9\n10–49\n50–249\n250–999\n1,000 or more\nnot covered (unknown, not 0)\n"
    "covered for part of the period (its colour, hatched)\nn\nn of the paper's events name the province (reviewed knowledge)"
)


def _open(page, url: str, period: str) -> None:
    """Open the map and wait until it shows `period` ('2010-01-01/2012-12-31')."""
    page.goto(url)
    page.wait_for_selector(f'#map-interactive[data-period="{period}"][data-loading="false"]')


def _fill(page, code: str) -> str:
    return page.locator(f'#map-canvas path[data-code="{code}"]').get_attribute("fill")


def test_the_interactive_map_replaces_the_svg_and_zooms(page):
    _open(page, "/map", "1989-01-01/2023-10-31")
    assert page.locator("#map-static").is_hidden() and page.locator("#map-canvas").is_visible()
    assert page.locator("#map-canvas path[data-code]").count() == 34 + 8
    before = float(page.locator("#map-interactive").get_attribute("data-zoom"))
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function(f"Number(document.getElementById('map-interactive').dataset.zoom) > {before}")
    assert float(page.locator("#map-interactive").get_attribute("data-zoom")) == before + 1


def test_moving_the_slider_refilters_without_reloading(page):
    _open(page, "/map?from=2010-01&to=2012-12", "2010-01-01/2012-12-31")
    summary = page.locator("#map-live-summary")
    assert summary.get_attribute("data-events") == "2201"
    page.evaluate("window.notReloaded = true")
    page.focus("#map-to")
    for _ in range(24):  # 2012-12 → 2010-12, a month a key
        page.keyboard.press("ArrowLeft")
    page.wait_for_selector('#map-interactive[data-period="2010-01-01/2010-12-31"][data-loading="false"]')
    assert page.evaluate("window.notReloaded") is True
    assert page.locator("#map-period-label").inner_text() == "2010-01 to 2010-12"
    one_year = page.request.get("/api/v1/events?layer=data&from=2010-01&to=2010-12&limit=1").json()["total"]
    assert summary.get_attribute("data-events") == str(one_year) != "2201"
    assert re.search(r"from=2010-01&to=2010-12", page.url)
    assert page.input_value("form.filters input[name=to]") == "2010-12"


def test_clicking_a_province_shows_its_figures_and_working_links(page):
    _open(page, "/map?from=2010-01&to=2012-12", "2010-01-01/2012-12-31")
    page.locator('#map-canvas path[data-code="PK-SD"]').click()
    panel = page.locator("#province-panel")
    assert panel.locator("h3").inner_text() == "Sindh"
    assert panel.locator("dd[data-value]").first.get_attribute("data-value") == "23"
    link = panel.locator("a.timeline-link")
    assert link.inner_text() == "On the timeline: “Sindh province”"
    link.click()
    page.wait_for_url(re.compile(r"/timeline\?.*admin1=Sindh\+province"))
    assert page.locator("#total").inner_text() == "23"
    page.go_back()
    page.wait_for_selector('#map-interactive[data-loading="false"]')
    page.focus('#map-canvas path[data-code="PK-BA"]')  # the keyboard reaches a province too
    page.keyboard.press("Enter")
    assert panel.locator("h3").inner_text() == "Balochistan"
    panel.locator("a.province-events").click()
    page.wait_for_url(re.compile(r"/map\?from=2010-01&to=2012-12&admin1=PK-BA#events$"))
    assert page.locator("#events h2").inner_text().startswith("Events in Balochistan (")


def test_legend_classes_are_the_same_for_two_filters(page):
    _open(page, "/map", "1989-01-01/2023-10-31")
    wide = page.locator(".map-legend").inner_text()
    _open(page, "/map?from=2023-10&to=2023-10&type=one-sided", "2023-10-01/2023-10-31")
    assert page.locator(".map-legend").inner_text() == wide == CLASSES


def test_afghanistan_is_marked_not_covered_where_no_data_covers_it(page):
    _open(page, "/map?from=2010-01&to=2012-12", "2010-01-01/2012-12-31")
    assert _fill(page, "AF-KAB") == "url(#map-not-covered)"
    assert _fill(page, "PK-SD") != "url(#map-not-covered)"
    country = page.locator('#map-countries p[data-country="AFG"]').inner_text()
    assert country.startswith("Afghanistan: no province-level event data covers this period (hatched: unknown, not 0).")
    assert "UCDP's country totals: 21,814 deaths in Afghanistan over 36 month(s)" in country
    page.locator("details.map-table summary").click()  # the data table, a province a button
    page.locator("#map-province-table").locator("button", has_text="Kabul").click()
    assert "its events are unknown, not 0" in page.locator("#province-panel").inner_text()
    # over all the data's months Afghanistan is covered for one only: its colour hatched, and a way there
    _open(page, "/map", "1989-01-01/2023-10-31")
    assert _fill(page, "AF-HEL") == "url(#map-partial-0)" and _fill(page, "AF-KAB") == "url(#map-partial-2)"
    page.locator('#map-countries p[data-country="AFG"] button', has_text="Show 2023-10 to 2023-10").click()
    page.wait_for_selector('#map-interactive[data-period="2023-10-01/2023-10-31"][data-loading="false"]')
    assert _fill(page, "AF-KAB") == "#f59e72"  # 10 deaths (3 events): the class 10–49
    assert page.locator('#map-province-table tr[data-code="AF-KAB"] td').first.text_content() == "3"


def test_the_papers_events_with_a_province_are_badges_that_open_the_province(page):
    _open(page, "/map", "1989-01-01/2023-10-31")
    root = page.locator("#map-interactive")
    badges = page.locator("#map-canvas .knowledge-badge")
    assert root.get_attribute("data-knowledge") == "2"
    assert {b.get_attribute("data-code"): b.inner_text() for b in badges.all()} == {"PK-KP": "2", "AF-KNR": "1"}
    assert "3 name a province (badges)" in page.locator("#map-live-summary").inner_text()
    page.focus('#map-canvas .knowledge-badge[data-code="PK-KP"]')  # a badge is a button: Tab to it, Enter
    page.keyboard.press("Enter")
    panel = page.locator("#province-panel")
    assert panel.locator("h3").inner_text() == "Khyber Pakhtunkhwa"
    assert panel.locator("dd[data-knowledge]").inner_text() == "2 placed here"
    page.locator("details.map-table summary").click()
    assert page.locator('#map-province-table tr[data-code="PK-KP"] td').last.inner_text() == "2"
    assert page.locator('#map-province-table tr[data-code="PK-SD"] td').last.inner_text() == "none placed"
    page.uncheck("#map-show-knowledge")
    assert badges.count() == 0
    page.check("#map-show-knowledge")
    assert badges.count() == 2
    panel.locator("a.knowledge-link").click()
    page.wait_for_url(re.compile(r"/timeline\?layer=kb&admin1=Khyber\+Pakhtunkhwa&from=1989-01&to=2023-10$"))
    assert page.locator("#total").inner_text() == "2"
    page.go_back()
    _open(page, "/map?from=2010-01&to=2012-12", "2010-01-01/2012-12-31")  # none of them in 2010–2012
    assert root.get_attribute("data-knowledge") == "0" and badges.count() == 0


def test_points_and_provinces_can_be_toggled(page):
    _open(page, "/map?from=2010-01&to=2012-12", "2010-01-01/2012-12-31")
    assert int(page.locator("#map-interactive").get_attribute("data-points")) > 0
    page.uncheck("#map-show-points")
    assert page.locator("#map-interactive").get_attribute("data-points") == "0"
    assert page.locator(".leaflet-points-pane path").count() == 0
    page.uncheck("#map-show-provinces")
    assert page.locator("#map-canvas path[data-code]").count() == 0
    page.check("#map-show-provinces")
    assert page.locator("#map-canvas path[data-code]").count() == 34 + 8


def test_map_page_accessibility_phone_and_screenshots(page):
    check_page(page, "/map", "map-page")
    for size, name in ((DESKTOP, "map-interactive-desktop"), (PHONE, "map-interactive-phone")):
        page.set_viewport_size(size)
        _open(page, "/map?from=2010-01&to=2012-12", "2010-01-01/2012-12-31")
        page.locator('#map-canvas path[data-code="PK-SD"]').click()
        problems = axe_violations(page)
        assert not problems, "\n".join(problems)
        assert horizontal_overflow(page) <= 0
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        screenshot(page, name)


def test_the_svg_fallback_has_the_same_fixed_classes_for_two_filters(client):
    def legend(params: dict) -> list[str]:
        html = client.get("/map", params=params).text
        block = re.search(r'<ul class="legend" aria-label="Legend">(.*?)</ul>', html, re.S).group(1)
        return re.findall(r"</span>([^<]+)</li>", block)

    wide = legend({})
    assert wide[:6] == ["no events", "1–9", "10–49", "50–249", "250–999", "1,000 or more"]
    assert legend({"from": "2023-10", "to": "2023-10", "type": "one-sided"})[:6] == wide[:6]
