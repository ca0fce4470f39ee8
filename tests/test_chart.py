"""`torkham chart series`: SVG and PNG files that are valid and carry title, axes and source line."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")  # ibis on duckdb 2

TITLE = "Tehrik-e-Taliban Pakistan (ttp) in Pakistan (PAK): events per month, 2021-01 to 2021-12"
SOURCE = "Source: UCDP GED 22.1 (ucdp-ged), Uppsala Conflict Data Program; licence CC BY 4.0"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def chart_db(tmp_path_factory):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("chart") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def chart(cli, chart_db, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)

    def invoke(*args):
        return cli("--db", chart_db, "chart", "series", *args)

    return invoke


def _texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_an_svg_chart_has_title_axes_legend_and_source_line(chart, tmp_path):
    target = tmp_path / "ttp.svg"
    result = chart("--actor", "TTP", "--country", "Pakistan", "--from", "2021-01", "--to", "2021-12", "-o", target)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"wrote {target} (119 events, 12 months)\n"
    texts = _texts(target)
    assert TITLE in texts and SOURCE in texts
    assert {"Events per month", "Month (start of period)", "rolling mean (3 months)", "events per month"} <= set(texts)


def test_a_png_chart_is_a_png(chart, tmp_path):
    target = tmp_path / "ttp.png"
    result = chart("--actor", "TTP", "--metric", "fatalities", "--by", "week", "--from", "2021", "-o", target)
    assert result.code == 0, result.err
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert b"Source: UCDP GED 22.1" in data  # the source line is also in the PNG's metadata


def test_a_long_series_is_drawn_as_a_line_and_says_what_it_counts(chart, tmp_path):
    target = tmp_path / "all.svg"
    assert chart("--metric", "fatalities", "-o", target).code == 0
    texts = _texts(target)
    assert "Deaths (UCDP best estimate) per month" in texts
    assert "all actors: fatalities (best estimate) per month, 1989-01 to 2024-04" in texts


def test_months_no_data_covers_are_a_hatched_gap_not_a_fall_to_zero(chart, tmp_path):
    """Done when: TTP in Pakistan 2021-01..2024-04 — GED 22.1 ends in 2021; 2022 on is a gap, not 0."""
    target = tmp_path / "ttp.svg"
    result = chart("--actor", "TTP", "--country", "Pakistan", "--from", "2021-01", "--to", "2024-04", "-o", target)
    assert result.code == 0, result.err
    assert result.out == f"wrote {target} (152 events, 40 months; 27 not covered by any data, left blank)\n"
    svg = target.read_text(encoding="utf-8")
    assert "not covered by any data" in _texts(target)
    assert "<pattern" in svg  # matplotlib writes the hatch as an SVG pattern


def test_a_range_without_data_still_charts_and_says_so(chart, tmp_path):
    target = tmp_path / "empty.svg"
    assert chart("--from", "2030-01", "--to", "2030-06", "-o", target).code == 0
    assert "no data covers this range" in _texts(target)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("-o", "chart.jpg"),
            "Error: --output: 'chart.jpg' must end in .svg or .png (the chart format is taken from it)\n",
        ),
        (
            ("-o", "missing/chart.svg"),
            "Error: --output: folder missing does not exist; create it or choose another path\n",
        ),
        (
            ("--actor", "TTPX", "-o", "c.svg"),
            "Error: --actor: no actor named 'TTPX'. Closest known names: Tehrik-e-Taliban Pakistan (ttp), "
            "TTP - TA (ttp-ta), TTP - MR (ttp-mr), TTP - MT (ttp-mt), TTP-KM (ttp-km)\n",
        ),
        (
            ("--country", "Narnia", "-o", "c.svg"),
            "Error: --country: no ucdp-ged or ucdp-country-month or ucdp-candidate data covers 'Narnia'; "
            "the data covers: Afghanistan (AFG), Pakistan (PAK)\n",
        ),
        (("--by", "decade", "-o", "c.svg"), "Error: --by: unknown value 'decade'; choose one of: month, week, year\n"),
        (
            ("--metric", "deaths", "-o", "c.png"),
            "Error: --metric: unknown value 'deaths'; choose one of: events, fatalities\n",
        ),
        (
            ("--from", "2021-12", "--to", "2021-01", "-o", "c.svg"),
            "Error: --from: 2021-12 is after --to 2021-01; swap them\n",
        ),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(chart, tmp_path, args, message):
    result = chart(*args)
    assert (result.code, result.out, result.err) == (1, "", message)
    assert not list(tmp_path.glob("*.svg")) and not list(tmp_path.glob("*.png"))
