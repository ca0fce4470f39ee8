"""Issue 11 on the overview: deaths per month per country on their basis, hatched where no data covers a
month (never a bar at 0), the coverage sentences, the returns figures over time, and signals that say
where their data ends. The chart renderer draws None as a gap."""

from __future__ import annotations

import re

from torkham.web.render.charts import NO_DATA, basis_chart, line_chart

BASES = {"events": "final events", "aggregate": "country totals", "candidate": "candidate (preliminary)"}


def test_basis_chart_hatches_a_month_no_data_covers_and_draws_no_bar_there():
    chart = basis_chart(
        "c", "Deaths", "deaths", "Source: test", ["2021-12", "2022-01", "2022-02"], [37, None, 0],
        ["events", None, "aggregate"], BASES,
    )  # fmt: skip
    svg = str(chart.svg)
    assert svg.count('class="gap"') == 1 and 'data-period="2022-01"' in svg
    assert svg.count('class="bar ') == 2  # 37 and a covered 0; none for the unknown month
    assert "2022-01: 0" not in svg and NO_DATA in svg and "final events" in svg and "country totals" in svg
    assert chart.rows[1] == ["2022-01", None, "no data covers this period"]


def test_line_chart_breaks_and_hatches_where_every_series_is_none():
    chart = line_chart("l", "Events", "events", "Source: test", ["2020", "2021", "2022"],
                       [("a", [3, None, 5]), ("b", [1, None, None])])  # fmt: skip
    svg = str(chart.svg)
    assert svg.count('class="gap"') == 1 and 'data-period="2021"' in svg
    assert svg.count("<polyline") == 3  # a: two runs, b: one


def test_overview_deaths_per_country_with_basis_and_coverage(client):
    html = client.get("/").text
    for country in ("Afghanistan", "Pakistan"):
        assert f'id="fatalities-{country.lower()}"' in html
    assert "country totals (UCDP country-month)" in html and "final events (UCDP GED)" in html
    assert "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after until 2023-10-01" in html
    assert "covers Afghanistan from 1989-01-01 to 2024-04-30" in html
    bars = re.findall(r'<rect class="bar basis-(\w+)"', html)
    assert "events" in bars and "aggregate" in bars


def test_overview_returns_figures_over_time_with_sources(client):
    html = client.get("/").text
    section = html[html.index('id="returns-figures"') :]
    section = section[: section.index("</section>")]
    rows = re.findall(r'<tr id="figure-([\w-]+)"', section)
    assert len(rows) == 19 and "fig-unhcr-2024-10-returned" in rows and "fig-abc-2023-11-returnees" in rows
    assert "over 758,000" in section and section.count(">secondary") == 3  # the two news relays' 3 figures
    assert "/sources/unhcr-afghanistan-update-2024-10#record-fig-unhcr-2024-10-returned" in section


def test_overview_signals_say_where_their_data_ends(client):
    html = client.get("/").text
    assert "Its coverage ends on 2021-12-31" in html
    assert "because the data held stops there, not because nothing happened" in html


def test_overview_chart_in_the_browser_has_a_basis_legend_and_data_table(page):
    page.goto("/")
    chart = page.locator("#fatalities-pakistan")
    legend = chart.locator("svg .legend").text_content() or ""
    assert "final events" in legend and "country totals" in legend
    assert chart.locator("rect.bar").count() == 33  # every month of 2021-08..2024-04 is covered for Pakistan
    page.get_by_text("Data table: Pakistan: deaths per month, 2021-08").click()
    assert page.get_by_role("cell", name="country totals (UCDP country-month)").first.is_visible()


def test_series_api_answers_null_where_nothing_covers(client):
    body = client.get("/api/v1/series?country=Afghanistan&by=year&metric=fatalities&from=2022&to=2023").json()
    assert [(p["period"], p["fatalities"], p["basis"]) for p in body["series"]] == [
        ("2022", 1525, "aggregate"),
        ("2023", 356, "aggregate"),
    ]
    body = client.get("/api/v1/series?actor=TTP&country=Pakistan&by=month&from=2021-10&to=2022-03").json()
    values = {p["period"]: p["events"] for p in body["series"]}
    assert all(values[m] is not None for m in ("2021-10", "2021-11", "2021-12"))
    assert [values[m] for m in ("2022-01", "2022-02", "2022-03")] == [None, None, None]
    assert any("not 0" in n for n in body["notes"])
    csv = client.get("/api/v1/series?actor=TTP&country=Pakistan&by=month&from=2021-10&to=2022-03&format=csv").text
    assert re.search(r"^2022-01,[^\n]*,,", csv, re.M) or ",," in csv.splitlines()[4]


def test_actor_page_charts_with_unknown_years(client):
    assert client.get("/actors/ttp").status_code == 200
