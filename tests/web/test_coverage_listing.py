"""No zero where there is no data (issue 11): every listing or count of dataset events says what covers
its range — `coverage` and `coverage_notes` in the API, a sentence on /timeline and /map, provinces no data
covers drawn as 'no data' — and a series is null where no data covers a period."""

from __future__ import annotations

import re

import pytest
from page_text import text_of
from shots import screenshot

GED_ENDS = "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after"
TOTALS = "no events, only monthly deaths per country"


def _bundle_landed(client) -> bool:
    body = client.get("/api/v1/events", params={"layer": "data", "dataset": "ucdp-candidate", "limit": 1})
    return body.status_code == 200


def test_events_of_an_uncovered_year_are_none_with_the_coverage_that_says_why(client):
    response = client.get("/api/v1/events", params={"layer": "data", "from": "2022-01", "to": "2022-12"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 0 and body["items"] == []
    assert any(note.startswith(GED_ENDS) for note in body["coverage_notes"])
    assert "no event data covers Afghanistan or Pakistan from 2022-01-01 to 2022-12-31" in body["coverage_notes"]
    ged = [s for s in body["coverage"] if s["dataset"] == "ucdp-ged"]
    assert ged and ged[0]["to"] == "2021-12-31" and ged[0]["status"] == "final"


def test_events_csv_carries_the_coverage_in_a_header(client):
    response = client.get("/api/v1/events", params={"layer": "data", "from": "2022", "to": "2022", "format": "csv"})
    assert response.status_code == 200
    assert GED_ENDS in response.headers["X-Coverage-Notes"]


def test_candidate_events_are_marked_preliminary(client):
    if not _bundle_landed(client):
        pytest.skip("UCDP Candidate 23.0.10 is not bundled yet")
    body = client.get("/api/v1/events", params={"layer": "data", "from": "2023-10", "to": "2023-10"}).json()
    assert body["total"] == 67
    assert {item["dataset_status"] for item in body["items"]} == {"preliminary"}
    assert any("(preliminary) covers Afghanistan" in note for note in body["coverage_notes"])
    ged = client.get("/api/v1/events", params={"layer": "data", "from": "2021-12", "to": "2021-12", "limit": 3})
    assert {item["dataset_status"] for item in ged.json()["items"]} == {"final"}


def test_year_facet_names_the_years_no_event_data_covers_instead_of_zero(client):
    response = client.get(
        "/api/v1/events/facets", params={"by": "year", "layer": "data", "from": "2021-08", "to": "2024-04"}
    )
    assert response.status_code == 200
    body = response.json()
    years = {row["value"]: row["count"] for row in body["items"]}
    assert "2022" not in years and "2024" not in years  # not covered: absent, never 0
    assert all(count > 0 for count in years.values())
    assert body["years_not_covered"] == ["2022", "2024"]
    assert body["coverage_notes"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"from": "2022-13"}, "from"), ({"layer": "everything"}, "layer"), ({"dataset": "acled-x"}, "dataset")],
)
def test_bad_values_are_422_naming_the_parameter(client, params, field):
    response = client.get("/api/v1/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field


def test_afghan_deaths_per_year_after_ged_rest_on_country_totals(client):
    if not _bundle_landed(client):
        pytest.skip("UCDP country-month totals are not bundled yet")
    params = {"country": "Afghanistan", "by": "year", "metric": "fatalities", "from": "2022", "to": "2023"}
    response = client.get("/api/v1/series", params=params)
    assert response.status_code == 200
    rows = response.json()["series"]
    assert [(r["period"], r["fatalities"], r["basis"]) for r in rows] == [
        ("2022", 1525, "aggregate"),
        ("2023", 356, "aggregate"),
    ]


def test_an_actor_series_is_null_where_no_event_data_covers_the_month(client):
    params = {"actor": "TTP", "country": "Pakistan", "by": "month", "from": "2021-10", "to": "2022-03", "window": 1}
    response = client.get("/api/v1/series", params=params)
    assert response.status_code == 200
    body = response.json()
    values = {r["period"]: r["events"] for r in body["series"]}
    assert all(isinstance(values[m], int) and values[m] > 0 for m in ("2021-10", "2021-11", "2021-12"))
    assert [values[m] for m in ("2022-01", "2022-02", "2022-03")] == [None, None, None]
    assert body["periods_unknown"] == 3
    assert any(note.startswith("UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31") for note in body["notes"])


def test_timeline_of_an_uncovered_year_says_what_covers_it_not_zero(client):
    response = client.get("/timeline", params={"from": "2022-01", "to": "2022-12", "layer": "data"})
    assert response.status_code == 200
    text = text_of(response)
    assert "No dataset events in this range; the data held covers: " + GED_ENDS in text
    assert TOTALS in text
    assert not re.search(r"\b0 events\b", text)


def test_map_of_2022_draws_no_province_as_zero(client):
    response = client.get("/map", params={"from": "2022-01", "to": "2022-12"})
    assert response.status_code == 200
    text = text_of(response)
    assert "No dataset events from 2022-01-01 to 2022-12-31: no event data covers this range." in text
    assert GED_ENDS in text
    provinces = re.findall(r'<a href="[^"]*" data-code="([A-Z]{2}-[A-Z]+)"( data-no-data="true")?>', response.text)
    assert provinces and all(marked for _, marked in provinces)
    assert "no data (not covered)" in text  # the legend entry


# --- in the browser -------------------------------------------------------------------------------


def test_timeline_2022_to_2024_in_the_browser_says_what_covers_it(page):
    page.goto("/timeline?from=2022-01&to=2024-04&layer=data")
    summary = page.locator("p.summary").inner_text()
    note = page.locator("#coverage-note").inner_text()
    screenshot(page, "timeline-coverage-2022-2024")
    assert not re.match(r"0 events", summary)
    assert GED_ENDS in note
    assert "only part of this range event data covers" in note or "No dataset events" in summary
    assert TOTALS in note
    if page.locator("table.events tr.data").count():  # the candidate events of October 2023
        assert (
            page.locator("table.events tr.data .tag.preliminary").count()
            == page.locator("table.events tr.data").count()
        )
    when = page.locator("section[aria-labelledby=when-h]")
    if when.count():
        assert "Not covered by the event data (unknown, not 0): 2022, 2024" in when.inner_text()


def test_map_2022_in_the_browser_hatches_what_no_data_covers(page):
    page.goto("/map?from=2022-01&to=2022-12")
    summary = page.locator("#map-summary").inner_text()
    screenshot(page, "map-coverage-2022")
    assert "no event data covers this range" in summary and GED_ENDS in summary
    provinces = page.locator("figure.map svg g.provinces a")
    assert provinces.count() > 30
    assert page.locator("figure.map svg g.provinces a[data-no-data=true]").count() == provinces.count()
    fills = set(
        page.locator("figure.map svg g.provinces path").evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")
    )
    assert fills == {"url(#no-data)"}
    assert page.locator("ul.legend", has_text="no data (not covered)").count() == 1
