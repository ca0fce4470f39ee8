"""Charts that do not lie: two quantities never share an axis (small multiples, one panel each, one shared
x axis); parts of one quantity stack with the rest as "other"; a period no data covers is a hatched gap;
countries compared side by side can share one scale."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from torkham.web.render.charts import basis_chart
from torkham.web.render.multiples import OTHER_COLOUR, Panel, panels_chart, stacked_chart

SVG = "{http://www.w3.org/2000/svg}"
YEARS = ["2019", "2020", "2021"]


def _panels(root) -> list:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "panel"]


def _bar_heights(panel) -> list[float]:
    return [float(r.get("height")) for r in panel.iter(f"{SVG}rect") if r.get("class") == "bar"]


def test_events_and_deaths_are_two_panels_each_on_its_own_axis():
    chart = panels_chart(
        "c", "TTP in UCDP GED", "Source: test", YEARS,
        [Panel("Events", "events per year", [80, 100, 119]), Panel("Deaths", "deaths per year", [3000, 5000, 6100])],
    )  # fmt: skip
    root = ET.fromstring(str(chart.svg))
    events, deaths = _panels(root)
    assert (events.get("data-quantity"), deaths.get("data-quantity")) == ("Events", "Deaths")
    assert (events.get("data-axis-top"), deaths.get("data-axis-top")) == ("125", "8,000")
    # on its own axis, the largest events bar is nearly as tall as the largest deaths bar — not flat at 0
    assert max(_bar_heights(events)) / max(_bar_heights(deaths)) > 0.75
    tick_labels = lambda g: [t.text for t in g.iter(f"{SVG}text") if t.get("text-anchor") == "end"]  # noqa: E731
    assert tick_labels(events)[-1] == "125" and tick_labels(deaths)[-1] == "8,000"
    x_axes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "x-axis"]
    assert len(x_axes) == 1 and [t.text for t in x_axes[0].iter(f"{SVG}text")] == YEARS  # one shared x axis
    assert chart.columns == ["Period", "Events (events per year)", "Deaths (deaths per year)"]
    assert chart.rows[2] == ["2021", 119, 6100]


def test_a_period_no_data_covers_is_a_gap_in_every_panel_never_a_bar_at_zero():
    chart = panels_chart("g", "T", "S", YEARS, [Panel("Events", "e", [1, None, 0]), Panel("Deaths", "d", [5, None, 0])])
    svg = str(chart.svg)
    assert svg.count('class="gap"') == 2 and svg.count('data-period="2020"') == 2
    assert svg.count('id="g-hatch"') == 1  # one pattern per chart: ids stay unique on the page
    assert "2020: " not in re.sub(r"<title>2020: no data", "", svg)  # no bar tooltip for the gap
    assert "no data (not covered)" in svg


def test_panels_refuse_values_of_the_wrong_length():
    with pytest.raises(ValueError, match="panel 'Events' has 2 values for 3 periods"):
        panels_chart("c", "T", "S", YEARS, [Panel("Events", "e", [1, 2])])


def test_stacked_parts_add_up_and_the_rest_is_grey_other():
    chart = stacked_chart(
        "s", "Pakistan: deaths by dyad", "deaths", "Source: test", YEARS,
        [("Government of Pakistan – TTP", [10, None, 5]), ("IS – Civilians", [2, None, 0]), ("other", [1, None, 3])],
    )  # fmt: skip
    root = ET.fromstring(str(chart.svg))
    parts = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "part"]
    assert len(parts) == 5  # zero parts are not drawn; the unknown year has none
    assert parts[2].get("fill") == OTHER_COLOUR and parts[-1].get("fill") == OTHER_COLOUR
    first_year = parts[:3]
    assert float(first_year[0].get("y")) == pytest.approx(
        float(first_year[1].get("y")) + float(first_year[1].get("height"))
    )  # stacked: the second sits on the first
    assert str(chart.svg).count('class="gap"') == 1 and chart.rows[1] == ["2020", None, None, None, None]
    assert chart.rows[0][-1] == 13 and chart.columns[-1] == "Total"


def test_countries_side_by_side_can_share_one_scale():
    bases = {"events": "final events"}

    def top_tick(scale_to):
        chart = basis_chart("b", "T", "deaths", "S", ["2021-01", "2021-02"], [20, 30], ["events", "events"], bases,
                            scale_to=scale_to)  # fmt: skip
        return re.findall(r'text-anchor="end">([\d,]+)</text>', str(chart.svg))[-1]

    assert top_tick(None) == "30" and top_tick(900) == "1,000"
