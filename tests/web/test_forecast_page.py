"""/forecast in a real browser: two fan charts, the quantiles and the backtest beside them, the note; the
form's horizon and model redraw the charts; bad values are 422 naming the parameter."""

from __future__ import annotations

from page_text import error_message
from shots import screenshot

from torkham.forecast.models import CHOSEN

NOTE = "Forecasts are distributions, not predictions of events"


def test_the_page_shows_two_fan_charts_the_backtest_and_the_note(page):
    page.goto("/forecast")
    charts = page.locator("figure.fan svg")
    assert charts.count() == 2
    assert page.locator("#fan-afghanistan svg polygon.band-90").count() == 1
    assert page.locator("#fan-pakistan svg polyline.median").count() == 1
    assert page.locator("#fan-pakistan svg polyline.baseline").count() == 4
    assert page.get_by_text(NOTE).is_visible()
    assert page.locator("#fan-pakistan-table tbody tr").count() == 12
    assert page.locator("table.backtest").count() == 2
    assert page.locator("table.backtest").first.is_visible()
    assert page.locator("nav a[href='/forecast']").get_attribute("aria-current") == "page"
    assert f"model {CHOSEN}" in page.locator("main").inner_text()
    screenshot(page, "forecast-page")


def test_changing_the_horizon_and_model_redraws(page):
    page.goto("/forecast")
    before = page.locator("#fan-pakistan svg polyline.median").get_attribute("points")
    page.select_option("#horizon", "6")
    page.select_option("#model", "nb_glm")
    page.get_by_role("button", name="Forecast").click()
    page.wait_for_url("**/forecast?horizon=6&model=nb_glm*")
    assert page.locator("figure.fan svg").count() == 2
    assert page.locator("#fan-pakistan-table tbody tr").count() == 6
    after = page.locator("#fan-pakistan svg polyline.median").get_attribute("points")
    assert after != before and len(after.split()) == 7  # the origin and six months ahead
    assert page.locator("#horizon").input_value() == "6"
    assert page.get_by_text(NOTE).is_visible()


def test_bad_values_are_422_naming_the_parameter(client):
    response = client.get("/forecast?horizon=99")
    assert response.status_code == 422
    assert error_message(response) == "horizon: 99 months is out of range; use 1 to 36"
    response = client.get("/forecast?origin=2030-01")
    assert error_message(response) == "origin: 2030-01 is beyond the data; the last month covered is 2024-04"
