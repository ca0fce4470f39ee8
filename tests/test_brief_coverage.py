"""Issue 11 in the briefing: per country, deaths per month on their basis, the coverage sentences and the
returns figures over time; no 0 for a month no data covers."""

from __future__ import annotations

from torkham.cli.app import run
from torkham.kb.loader import BUNDLED_KNOWLEDGE


def test_brief_has_country_charts_coverage_and_returns(tmp_path):
    from torkham.store.build import ensure_store

    store = tmp_path / "torkham.duckdb"
    ensure_store(store, BUNDLED_KNOWLEDGE)
    out = tmp_path / "brief.html"
    args = ["--db", str(store), "--kb", str(BUNDLED_KNOWLEDGE), "brief", "--from", "2021-08", "--to", "2024-04"]
    assert run([*args, "-o", str(out)]) == 0
    html = out.read_text()
    assert 'id="deaths-afghanistan"' in html and 'id="deaths-pakistan"' in html
    assert "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after until 2023-10-01" in html
    assert "covers Afghanistan from 1989-01-01 to 2024-04-30" in html
    assert "country totals (UCDP country-month)" in html and "final events (UCDP GED)" in html
    assert 'id="returns"' in html and "over 758,000" in html and "more than 3,400" not in html
    assert "over 3,400" in html and "less than 260" in html
