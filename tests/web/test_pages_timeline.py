"""/timeline: both layers, the filter form, where/when/what counts, cursor paging, CSV of the same selection;
bad filter values are 422 naming the parameter."""

from __future__ import annotations

import csv
import io
import re

import pytest
from page_text import error_message, text_of
from shots import screenshot

TTP_2021 = "/timeline?actor=TTP&from=2021&to=2021"


def test_ttp_2021_shows_both_layers_and_where_they_happened(client):
    response = client.get(TTP_2021)
    assert response.status_code == 200
    text = text_of(response)
    assert "129 events involving Tehrik-e-Taliban Pakistan, 2021-01-01 to 2021-12-31" in text  # 10 kb + 119 UCDP
    where = response.text.split('id="where-h"', 1)[1].split("</section>", 1)[0]
    assert "Federally Administered Tribal Areas" in where and "Khyber Pakhtunkwa province" in where
    rows = re.findall(r'<tr id="event-([^"]+)" class="(kb|data)">\s*<td class="date">(\d{4})', response.text)
    assert len(rows) == 50 and {year for _, _, year in rows} == {"2021"}
    assert {layer for _, layer, _ in rows} == {"kb", "data"}
    assert 'rel="next"' in response.text
    assert 'href="/api/v1/events?actor=TTP&amp;from=2021&amp;to=2021&amp;limit=1000&amp;format=csv"' in response.text


def test_next_page_continues_where_the_first_ended(client):
    first = client.get(TTP_2021)
    next_url = re.search(r'<a href="([^"]+)" rel="next">', first.text).group(1).replace("&amp;", "&")
    second = client.get(next_url)
    assert second.status_code == 200
    ids = lambda r: re.findall(r'<tr id="event-([^"]+)"', r.text)  # noqa: E731
    assert len(ids(second)) == 50 and not set(ids(first)) & set(ids(second))
    assert "First page" in second.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2021-13", "from: '2021-13' has month 13; months run from 01 to 12"),
        ("from=2022&to=2021", "from: 2022 is after to 2021; swap them"),
        ("layer=all", "layer: unknown value 'all'; choose one of: kb, data, both"),
        ("cursor=abc", "cursor: not a cursor this API issued; start again without it"),
        ("limit=501", "limit: Input should be less than or equal to 500"),
        ("min_fatalities=-1", "min_fatalities: -1 is negative; use 0 or more"),
        ("min_fatalities=many", "min_fatalities: 'many' is not a whole number"),
    ],
)
def test_bad_filter_values_are_422_naming_the_parameter(client, query, message):
    response = client.get(f"/timeline?{query}")
    assert response.status_code == 422
    assert error_message(response) == message


def test_ambiguous_actor_lists_the_candidates(client):
    response = client.get("/timeline?actor=Dostom")
    assert response.status_code == 422
    assert error_message(response).startswith("actor: 'Dostom' is ambiguous; it names 2 actors:")


def test_browser_filters_and_csv_download(page):
    page.goto("/timeline")
    screenshot(page, "timeline")
    page.fill("#f-actor", "TTP")
    page.fill("#f-from", "2021")
    page.fill("#f-to", "2021")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/timeline?actor=TTP*")
    assert page.locator("#total").inner_text() == "129"
    dates = page.locator("table.events tbody td.date").all_inner_texts()
    assert len(dates) == 50 and all(d.startswith("2021") for d in dates)
    screenshot(page, "timeline-ttp-2021")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert list(rows[0])[:6] == ["layer", "id", "date", "end_date", "type", "title"]
    assert len(rows) == 129
    assert all(r["date"].startswith("2021") for r in rows)
    assert {r["layer"] for r in rows} == {"kb", "data"}
