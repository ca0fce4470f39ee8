"""Issue 13 in Chromium: the actor page draws events and deaths as two panels (one axis each), the overview
compares Afghanistan and Pakistan on one scale (or each on its own) and splits deaths by dyad, the
timeline's When lists recent years first; each page passes axe and fits a phone (screenshots kept)."""

from __future__ import annotations

import re

from a11y import check_page

TOP_TICK = """id => { const ticks = [...document.querySelectorAll(`#${id} svg text[text-anchor=end]`)];
                      return ticks[ticks.length - 1].textContent; }"""


def test_actor_page_shows_events_and_deaths_in_two_visible_panels(page):
    page.goto("/actors/ttp")
    panels = page.locator("#series-ucdp-ged svg g.panel")
    assert panels.count() == 2
    assert panels.nth(0).is_visible() and panels.nth(1).is_visible()
    assert [panels.nth(i).get_attribute("data-quantity") for i in range(2)] == ["Events", "Deaths"]
    tops = [panels.nth(i).get_attribute("data-axis-top") for i in range(2)]
    assert tops[0] != tops[1]  # each quantity on its own axis
    events_box, deaths_box = panels.nth(0).bounding_box(), panels.nth(1).bounding_box()
    assert events_box["y"] + events_box["height"] <= deaths_box["y"] + 1  # stacked, not overlaid
    check_page(page, "/actors/ttp", "actor-ttp-panels")


def test_overview_compares_the_two_countries_on_one_scale_or_each_on_its_own(page):
    page.goto("/")
    assert page.locator(".comparison").get_attribute("data-scale") == "same"
    same = [page.evaluate(TOP_TICK, f"fatalities-{c}") for c in ("afghanistan", "pakistan")]
    assert same[0] == same[1]
    cells = page.locator(".comparison .chart-cell")
    assert cells.count() == 2 and cells.nth(0).is_visible() and cells.nth(1).is_visible()
    page.get_by_role("link", name="each on its own scale").click()
    page.wait_for_url(re.compile(r"/\?scale=own"))
    own = [page.evaluate(TOP_TICK, f"fatalities-{c}") for c in ("afghanistan", "pakistan")]
    number = lambda tick: int(tick.replace(",", ""))  # noqa: E731
    assert own[0] != own[1] and max(own, key=number) == same[0]  # the larger keeps the axis, the smaller gets its own
    dyads = page.locator("#dyads-pakistan svg")
    assert dyads.locator("rect.part").count() > 0 and dyads.locator("rect.gap").count() > 0
    assert "Government of Pakistan – TTP" in (dyads.locator(".legend").text_content() or "")
    check_page(page, "/", "overview-comparison")


def test_timeline_when_facet_lists_recent_years_first(page):
    page.goto("/timeline")
    years = page.locator("section[aria-labelledby=when-h] tbody tr td:first-child").all_inner_texts()
    assert years[:3] == ["2024", "2023", "2022"]
    assert page.get_by_text("19 events with unknown deaths").first.is_visible()
    check_page(page, "/timeline", "timeline-facets")
