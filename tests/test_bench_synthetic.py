"""The benchmark's SYNTHETIC GED files stay importable and its baselines stay equivalent (no timing here)."""

import sys
from pathlib import Path

import duckdb
import pytest

from torkham.datasets.importer import import_file

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synthetic_ged import generate, header_of_bundled_extract, synthetic_name  # noqa: E402

ROWS = 3000


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bench") / synthetic_name(ROWS)
    generate(ROWS, path)
    return path


def test_the_file_has_the_real_header_and_is_labelled_synthetic(synthetic):
    assert synthetic.name.startswith("SYNTHETIC-")
    with synthetic.open(encoding="utf-8") as handle:
        assert handle.readline().strip().split(",") == header_of_bundled_extract()
    text = synthetic.read_text(encoding="utf-8")
    assert '"""' in text  # quoted source fields with quotes and commas
    assert "TTP" in text and "Government of Pakistan" in text


def test_every_synthetic_row_imports_and_the_pandas_baseline_agrees(synthetic, tmp_path):
    from pandas_baseline import read_and_normalise

    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    summary = import_file(con, synthetic, version="25.1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (ROWS, ROWS, 0)
    held = con.execute(
        """SELECT count(*), sum(fatalities_best), count(*) FILTER (WHERE source_text LIKE '%' || chr(10) || '%'),
                  min(latitude) >= 23.5 AND max(latitude) <= 37.1 AND min(longitude) >= 60.8 AND max(longitude) <= 77.9,
                  min(date_start) >= DATE '1989-01-01' AND max(date_start) <= DATE '2024-12-31'
           FROM events"""
    ).fetchone()
    assert held[0] == ROWS and held[2] > 0 and held[3] and held[4]
    events, set_aside = read_and_normalise(synthetic)
    assert (len(events), set_aside, int(events["fatalities_best"].sum())) == (ROWS, 0, held[1])
