"""The SVG line and bar charts: well-formed, titled, with axes, unit, source line and the data as rows."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from torkham.web.render.charts import bar_chart, line_chart
from torkham.web.render.svg import nice_ceiling, nice_step

SVG = "{http://www.w3.org/2000/svg}"


def texts(root) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_line_chart_is_well_formed_svg_with_title_axes_unit_and_source():
    chart = line_chart(
        "c1", "Events per year", "events per year", "Source: UCDP GED 22.1", ["2019", "2020", "2021"],
        [("TTP", [10, 30, 25]), ("India", [5, None, 7])], source_href="/sources/ucdp-ged:22.1",
    )  # fmt: skip
    root = ET.fromstring(str(chart.svg))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title"
    assert root.find(f"{SVG}title").text == "Events per year"
    shown = texts(root)
    assert {"Events per year", "events per year", "Source: UCDP GED 22.1", "2019", "2021", "TTP", "India"} <= set(shown)
    assert {"0", "10", "20", "30"} <= set(shown)  # the y axis runs from 0 to a nice top above 30
    # India's missing 2020 breaks its line in two runs; each point has a tooltip with its value and unit
    india = [
        g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}title") is not None and g.find(f"{SVG}title").text == "India"
    ]
    assert len(india[0].findall(f"{SVG}polyline")) == 2
    tips = {c.find(f"{SVG}title").text for c in root.iter(f"{SVG}circle")}
    assert "TTP, 2020: 30 events per year" in tips
    assert chart.columns == ["Period", "TTP (events per year)", "India (events per year)"]
    assert chart.rows == [["2019", 10, 5], ["2020", 30, None], ["2021", 25, 7]]


def test_line_chart_refuses_series_of_the_wrong_length():
    with pytest.raises(ValueError, match="series 'TTP' has 2 values for 3 periods"):
        line_chart("c", "t", "u", "s", ["a", "b", "c"], [("TTP", [1, 2])])


def test_line_chart_escapes_text():
    chart = line_chart("c", "<b>A & B</b>", "u", "s", ["x"], [("<script>", [1])])
    root = ET.fromstring(str(chart.svg))
    assert "<b>A & B</b>" in texts(root)
    assert "<script>" not in str(chart.svg)


def test_all_zero_series_still_has_an_axis():
    root = ET.fromstring(str(line_chart("c", "t", "u", "s", ["2020", "2021"], [("a", [0, 0])]).svg))
    assert {"0", "1"} <= set(texts(root))


def test_bar_chart_links_bars_and_keeps_rows():
    chart = bar_chart("b", "Events by province", "events", "Source: X", [("Sindh", 395, "/map?admin1=PK-SD"),
                                                                          ("Punjab", 173, None)])  # fmt: skip
    root = ET.fromstring(str(chart.svg))
    links = list(root.iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == ["/map?admin1=PK-SD"]
    assert links[0].find(f"{SVG}title").text == "Sindh: 395 events"
    assert chart.rows == [["Sindh", 395], ["Punjab", 173]]


@pytest.mark.parametrize(("span", "step"), [(30, 10), (3378, 1000), (7, 2), (1, 0.2), (0, 1.0)])
def test_nice_steps(span, step):
    assert nice_step(span) == pytest.approx(step)


def test_nice_ceiling_of_counts():
    assert nice_ceiling(30) == (30, 10)
    assert nice_ceiling(31) == (40, 10)
    assert nice_ceiling(0) == (1, 1)
