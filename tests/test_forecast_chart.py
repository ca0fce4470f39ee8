"""`torkham chart forecast`: fan charts (history, median, 50%/90% bands, baselines' medians) as SVG and PNG,
with title, axis labels, source line and the note that forecasts are not predictions of events."""

import xml.etree.ElementTree as ET

import pytest

from torkham.forecast.models import CHOSEN

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")  # ibis on duckdb 2

SVG = "{http://www.w3.org/2000/svg}"
NOTE = "Forecasts are distributions of what may come, not predictions of events."


@pytest.fixture(scope="module")
def chart_db(tmp_path_factory):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("fan") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def chart(cli, chart_db, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)

    def invoke(*args):
        return cli("--db", chart_db, "chart", "forecast", *args)

    return invoke


def _texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_an_svg_fan_chart_has_bands_median_baselines_and_the_note(chart, tmp_path):
    target = tmp_path / "pakistan.svg"
    result = chart("--country", "Pakistan", "-o", target)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"wrote {target} (Pakistan: {CHOSEN} from 2024-04, 12 months ahead)\n"
    texts = _texts(target)
    assert f"Forecast of deaths per month: Pakistan, from 2024-04 (model {CHOSEN})" in texts
    assert {"90% band (5th–95th percentile)", "50% band (25th–75th percentile)", f"median ({CHOSEN})",
            "observed (UCDP)", "conflictology median", "rolling_nb median", "persistence median",
            "zero median"} <= set(texts)  # fmt: skip
    assert {"Month", "Deaths (UCDP best estimate) per month", "Pakistan", "origin 2024-04"} <= {
        t.strip() for t in texts
    }
    assert NOTE in texts  # the source line follows it, wrapped over lines
    footer = " ".join(texts[texts.index(NOTE) + 1 :])
    assert "licence CC BY 4.0" in footer and f"model {CHOSEN}, seed 12" in footer


def test_both_countries_other_model_origin_and_horizon_as_png(chart, tmp_path):
    target = tmp_path / "both.png"
    result = chart("--horizon", "6", "--origin", "2022-12", "--model", "nb_glm", "-o", target)
    assert result.code == 0, result.err
    assert result.out == f"wrote {target} (Afghanistan, Pakistan: nb_glm from 2022-12, 6 months ahead)\n"
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert b"model nb_glm, seed 12" in data  # the source line is in the PNG's metadata


def test_a_history_peak_above_the_scale_is_named(chart, tmp_path):
    target = tmp_path / "afghanistan.svg"
    assert chart("--country", "Afghanistan", "-o", target).code == 0
    assert any("history off the scale: up to 8,286 deaths in 2021-07" in t for t in _texts(target))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "fan.txt"), "Error: --output: 'fan.txt' must end in .svg or .png (the chart format is taken from it)"),
        (("-o", "/nonexistent-folder/fan.svg"),
         "Error: --output: folder /nonexistent-folder does not exist; create it or choose another path"),
        (("--horizon", "0", "-o", "fan.svg"), "Error: --horizon: 0 months is out of range; use 1 to 36"),
        (("--origin", "2030-01", "-o", "fan.svg"),
         "Error: --origin: 2030-01 is beyond the data; the last month covered is 2024-04"),
    ],
)  # fmt: skip
def test_bad_values_are_errors_naming_the_option(chart, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = chart(*args)
    assert result.code != 0
    assert result.err.strip() == message
    assert not list(tmp_path.iterdir())
