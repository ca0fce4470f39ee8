"""/refugees and /summary in a real browser: the charts with their data tables, the licence and attribution,
the reported returns figures with their quotes, the CSV; the summary's verdict, events, forecast and the
one-page PDF; both pass axe and fit a phone; bad values are 422 naming the parameter."""

from __future__ import annotations

import io

from a11y import check_page
from page_text import error_message, text_of
from pypdf import PdfReader


def test_refugees_page_shows_charts_tables_licence_and_the_reported_figures(page):
    page.goto("/refugees?from=2015&to=2025")
    assert page.locator("nav a[href='/refugees']").get_attribute("aria-current") == "page"
    charts = page.locator("#unhcr figure.chart svg")
    assert charts.count() == 5  # refugees, asylum-seekers, others of concern, OIP, returns: one quantity each
    assert page.locator("#refugees-refugees svg g.series").count() == 2  # Pakistan and Iran
    assert page.locator("#refugees-oip svg rect.gap").count() == 10  # 2015–2024: not recorded, a gap, not 0
    page.get_by_text("Data table: Refugees (end of year), from Afghanistan").click()
    table = page.locator("details.data-table").first
    assert "2023 1,987,717 3,752,317" in " ".join(table.inner_text().split())
    attribution = page.locator("#unhcr-attribution").inner_text()
    assert "CC BY 4.0" in attribution and "UNHCR Refugee Data Finder" in attribution and "2025.12.1" in attribution
    assert page.locator("table.returns tbody tr").count() >= 5
    assert page.locator("table.returns q.verbatim").count() >= 5
    assert page.locator("table.returns .tag", has_text="secondary").count() >= 1
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "torkham-refugees-afg-pak-irn.csv"


def test_refugees_page_passes_axe_and_fits_a_phone(page):
    check_page(page, "/refugees", "refugees")


def test_refugees_page_form_narrows_the_years(page):
    page.goto("/refugees")
    page.fill("#asylum", "IRN")
    page.fill("#from", "2020")
    page.fill("#to", "2021")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/refugees?origin=AFG&asylum=IRN&from=2020&to=2021")
    assert page.locator("#refugees-refugees svg g.series").count() == 1
    assert "2020 to 2021" in page.locator("#unhcr").inner_text()


def test_refugees_page_unknown_country_is_422(client):
    response = client.get("/refugees?origin=XYZ")
    assert response.status_code == 422
    assert error_message(response).startswith("origin: no UNHCR figures held for 'XYZ' as country of origin; use one")


def test_summary_page_shows_the_verdict_events_forecast_and_coverage(page):
    page.goto("/summary?country=Pakistan&from=2023-01&to=2023-12")
    assert page.locator("#summary-verdict").inner_text() == "Deteriorated"
    main = " ".join(page.locator("main").inner_text().split())
    assert "1,177 deaths (UCDP best estimate) in 2023-01 to 2023-12 against 719" in main
    assert page.locator("ol.summary-event-list > li").count() == 3
    assert page.locator("ol.summary-event-list a[href='/sources/gul-2024#record-ev-2023-11-01-deportations']").count()
    assert page.locator("table.summary-forecast-table tbody tr").count() == 3
    assert "not predictions of events" in main
    assert page.locator(".summary-coverage li").count() >= 3


def test_summary_page_passes_axe_and_fits_a_phone(page):
    check_page(page, "/summary?country=Pakistan&from=2023-01&to=2023-12", "summary")


def test_summary_pdf_download_is_one_page_with_the_verdict(page):
    page.goto("/summary?country=Afghanistan&from=2021-08&to=2021-12")
    with page.expect_download() as download:
        page.locator("#summary-pdf").click()
    assert download.value.suggested_filename == "torkham-summary_AFG_2021-08_2021-12.pdf"
    reader = PdfReader(download.value.path())
    assert len(reader.pages) == 1
    verdict = page.locator("#summary-verdict").inner_text()
    assert verdict in reader.pages[0].extract_text()


def test_summary_pdf_and_bad_values(client):
    response = client.get("/summary.pdf?country=PAK&from=2023-01&to=2023-12")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1
    response = client.get("/summary?country=Pakistan&from=2023-13")
    assert response.status_code == 422
    assert error_message(response) == "from: '2023-13' is not a month; write YYYY-MM, e.g. 2023-04"
    response = client.get("/summary?country=India")
    assert error_message(response).startswith("country: no events in 'India'; the store holds:")
    assert "Not assessed" in text_of(client.get("/summary?country=Afghanistan&from=2024-01&to=2024-12"))
