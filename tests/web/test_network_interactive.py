"""The network page in Chromium: Cytoscape.js draws one link per pair of actors, a link clicked lists its
relations in the side panel, the type and date filters refilter without a reload, no two labels overlap,
the page passes axe and fits a phone; without JavaScript the server drawing and the table still work."""

from __future__ import annotations

import pytest
from a11y import DESKTOP, PHONE, axe_violations, check_page, horizontal_overflow
from shots import screenshot

READY = "#network-stage[data-ready='1']"
OVERLAPS = """() => {
  const boxes = window.torkhamNetwork.nodes(':visible').map((n) => [n.id(), n.boundingBox({includeLabels: true})]);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) out.push(`${a} and ${b}`);
  }
  return out;
}"""


def open_network(tab, path: str = "/network") -> None:
    tab.goto(path)
    tab.locator(READY).wait_for(state="attached")


def shown(tab) -> int:
    return int(tab.locator("#relation-count").get_attribute("data-count"))


def visible_links(tab) -> int:
    return tab.evaluate("window.torkhamNetwork.edges(':visible').length")


def wait_for_count_change(tab, before: int) -> None:
    tab.wait_for_function(f"Number(document.getElementById('relation-count').dataset.count) !== {before}")


def click_link(tab, link_id: str) -> None:
    """A real click on the middle of the link, zoomed so that the link is long and clear of labels."""
    tab.locator("#network-graph").evaluate("(graph) => graph.scrollIntoView({block: 'center'})")
    tab.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")  # scrolled
    point = tab.evaluate(
        """(id) => { const cy = window.torkhamNetwork, e = cy.getElementById(id);
        cy.fit(e.connectedNodes(), 120); const m = e.renderedMidpoint(), s = e.renderedSourceEndpoint();
        const box = cy.container().getBoundingClientRect();
        return {x: box.left + (m.x + s.x) / 2, y: box.top + (m.y + s.y) / 2}; }""",
        link_id,
    )
    tab.mouse.click(point["x"], point["y"])


def test_one_link_per_pair_carries_the_count_and_a_click_lists_its_relations(page):
    page.set_viewport_size(DESKTOP)
    open_network(page)
    assert page.evaluate("window.torkhamNetwork.$id('ttp').edgesWith('#tta').length") == 1
    assert page.evaluate("window.torkhamNetwork.$id('tta--ttp').data('count')") == 15
    assert page.evaluate("window.torkhamNetwork.$id('tta--ttp').data('countLabel')") == "15"
    assert visible_links(page) == 137 and shown(page) == 187
    click_link(page, "tta--ttp")
    assert (
        page.locator("#network-panel-title").inner_text()
        == "Afghan Taliban and Tehrik-e-Taliban Pakistan: 15 relations"
    )
    items = page.locator("#network-panel ul.link-relations[data-link='tta--ttp'] > li")
    assert items.count() == 15
    assert items.first.inner_text().startswith("ally of — Tehrik-e-Taliban Pakistan → Afghan Taliban\nno dates")
    quote = items.first.locator("a.prov")
    assert quote.get_attribute("href") == "/sources/gul-2024#record-rel-ttp-ally-of-tta"
    assert "a close ally of the Afghan Taliban" in items.first.inner_text()
    assert page.evaluate("window.torkhamNetwork.$id('tta--ttp').selected()")


def test_no_two_labels_overlap_at_desktop(page):
    page.set_viewport_size(DESKTOP)
    open_network(page)
    assert page.evaluate("window.torkhamNetwork.nodes(':visible').length") == 114
    assert page.evaluate(OVERLAPS) == []
    assert page.evaluate("window.torkhamNetwork.zoom()") > 0.5  # the whole network fits, its labels readable
    labels = page.evaluate("window.torkhamNetwork.nodes().map((n) => n.data('label'))")
    assert len(set(labels)) == len(labels) and {"Yar Mohammad Dostom", "Abdul Rashid Dostom"} <= set(labels)


def test_a_type_filter_removes_links_without_a_reload(page):
    open_network(page)
    page.evaluate("window.notReloaded = true")
    before = shown(page)
    page.locator("details.type-filter summary").click()
    page.locator("input[name=type][value=supports]").uncheck()
    wait_for_count_change(page, before)
    assert shown(page) == before - 14 and visible_links(page) < 137  # of the 137 links, those only of supports go
    assert page.evaluate("window.torkhamNetwork.$id('tta--ttp').data('count')") == 9  # 15 less its 6 "supports"
    assert "type=supports" not in page.url and "filtered=1" in page.url
    assert page.evaluate("window.notReloaded") is True
    table_rows = page.locator("table.network-links tbody[data-link='tta--ttp'] tr[id^=relation-]")
    assert table_rows.count() == 9  # the table follows the graph
    assert not page.evaluate(OVERLAPS)


def test_a_date_filter_changes_the_links_without_a_reload(page):
    open_network(page)
    page.evaluate("window.notReloaded = true")
    before, links = shown(page), visible_links(page)
    page.select_option("#network-undated", "exclude")
    wait_for_count_change(page, before)
    dated = shown(page)
    page.fill("#network-from", "2022")
    page.fill("#network-to", "2022")
    page.locator("#network-to").press("Enter")
    wait_for_count_change(page, dated)
    assert 0 < shown(page) < dated < before and visible_links(page) < links
    assert page.evaluate("window.torkhamNetwork.$id('tta--ttp').data('count')") == 3  # dated, and from 2021-08 on
    assert "from=2022" in page.url and "to=2022" in page.url and page.evaluate("window.notReloaded") is True


def test_network_passes_axe_and_fits_a_phone_with_the_panel_below(page):
    check_page(page, "/network", "network")  # the server page: axe, no horizontal scroll, screenshots
    page.set_viewport_size(DESKTOP)
    open_network(page)
    assert not axe_violations(page), axe_violations(page)  # and once Cytoscape has drawn
    screenshot(page, "network-desktop")
    page.set_viewport_size(PHONE)
    open_network(page)
    assert horizontal_overflow(page) <= 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    graph, panel = page.locator("#network-graph").bounding_box(), page.locator("#network-panel").bounding_box()
    assert graph["width"] <= 390 and panel["y"] >= graph["y"] + graph["height"]  # the panel below the graph
    drawn = page.evaluate("window.torkhamNetwork.elements().renderedBoundingBox()")
    assert drawn["x1"] >= -1 and drawn["x2"] <= graph["width"] + 1  # the whole network fits
    inputs = [page.locator(f"#network-{name}").bounding_box() for name in ("from", "to", "undated")]
    assert inputs[0]["y"] < inputs[1]["y"] < inputs[2]["y"]  # the controls stack
    click_link(page, "tta--ttp")
    assert page.locator("#network-panel ul.link-relations > li").count() == 15
    screenshot(page, "network-phone")


@pytest.fixture
def no_js_page(browser, server_url):
    context = browser.new_context(base_url=server_url, java_script_enabled=False, viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_without_javascript_the_server_drawing_and_the_table_of_links_work(no_js_page):
    tab = no_js_page
    tab.goto("/network")
    assert tab.locator("#network-svg svg").is_visible() and not tab.locator("#network-graph").is_visible()
    assert tab.locator("#network-svg svg g.edges path").count() == 137
    assert tab.locator("#network-svg svg path[data-count='15']").count() == 1
    assert tab.locator("table.network-links tbody[data-link='tta--ttp']").get_attribute("data-count") == "15"
    tab.locator("details.type-filter summary").click()
    tab.locator("input[name=type][value=supports]").uncheck()
    tab.click("form.network-filters button[type=submit]")
    tab.wait_for_url("**/network?*filtered=1*")
    assert tab.locator("table.network-links tbody[data-link='tta--ttp']").get_attribute("data-count") == "9"
    assert tab.locator("details.type-filter summary").inner_text() == "Relation types: 35 of 36 chosen"
