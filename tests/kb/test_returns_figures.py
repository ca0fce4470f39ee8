"""Issue 11: the UN/IOM figures on Afghan returns as knowledge — one source per agency document, each
figure with its verbatim quote, URL, period and unit, secondary sources flagged."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from torkham.kb.loader import BUNDLED_KNOWLEDGE as KB

SHARED_CSV = Path("/work/shared/data/afghan-returns/afghan_returns_figures_2023_2025.csv")
RETURNS_SOURCES = {
    "iom-dtm-pakistan-flow-2023-q3": 2,
    "abc-appeal-update-2023-11": 3,
    "abc-appeal-2023": 1,
    "unhcr-emergency-update-5-2023-12": 1,
    "abc-border-operations-2024-06": 1,
    "unhcr-afghanistan-update-2024-10": 4,
    "unhcr-rbap-returns-2024-q4": 2,
    "unhcr-briefing-2025-09-12": 2,
    "lokmattimes-2025-07-29": 2,
    "downthenews-2025-10-27": 1,
}


@pytest.fixture
def figures(cli, bundled_store):
    result = cli("--db", bundled_store, "figures", "--json")
    assert result.code == 0, result.err
    return {f["id"]: f for f in json.loads(result.out)}


@pytest.fixture
def sources(cli, bundled_store):
    result = cli("--db", bundled_store, "sources", "--json")
    assert result.code == 0, result.err
    return {s["id"]: s for s in json.loads(result.out) if "id" in s}


def test_shipped_knowledge_validates(cli):
    result = cli("--kb", KB, "kb", "validate")
    assert result.code == 0, result.err


def test_one_source_per_document_with_its_figures(figures, sources):
    for source_id, count in RETURNS_SOURCES.items():
        assert (KB / source_id / "sources.yaml").is_file()
        assert sources[source_id]["url"].startswith("https://")
        assert "own terms apply" in sources[source_id]["licence_note"]
        assert sum(f["source"] == source_id for f in figures.values()) == count
    assert sum(RETURNS_SOURCES.values()) == 19


def test_secondary_sources_are_flagged(sources):
    secondary = {s for s in RETURNS_SOURCES if sources[s]["secondary"]}
    assert secondary == {"lokmattimes-2025-07-29", "downthenews-2025-10-27"}
    assert sources["lokmattimes-2025-07-29"]["relays"] == "OCHA (quoted by Tolo News)"
    assert sources["gul-2024"]["secondary"] is False


def test_unhcr_october_2024_returns(figures, sources):
    fig = figures["fig-unhcr-2024-10-returned"]
    assert (fig["value"], fig["value_text"], fig["qualifier"], fig["unit"]) == (
        758000,
        "over 758,000",
        "more_than",
        "person",
    )
    assert fig["period"] == {"from": "2023-09-15", "to": "2024-10-31"}
    assert (
        fig["quote"]
        == "Between 15 September 2023 and 31 October 2024, over 758,000 Afghans have returned to Afghanistan."
    )
    source = sources[fig["source"]]
    assert source["publisher"] == "UNHCR" and source["secondary"] is False
    assert source["url"] == "https://reliefweb.int/report/afghanistan/unhcr-afghanistan-operational-update-october-2024"


def test_ocha_2025_returns_from_pakistan_are_secondary(figures, sources):
    fig = figures["fig-ocha-2025-07-returned-from-pakistan"]
    assert (fig["value"], fig["value_text"], fig["qualifier"], fig["country"]) == (340000, "340,000", "exact", "PAK")
    assert fig["period"] == {"from": "2025-01-01", "to": "2025-07-19"}
    assert "340,000 from Pakistan" in fig["quote"]
    assert sources[fig["source"]]["secondary"] is True
    assert "lokmattimes.com" in sources[fig["source"]]["url"]


def test_less_than_is_a_qualifier(figures):
    fig = figures["fig-abc-2023-historical-daily-returns"]
    assert (fig["value"], fig["value_text"], fig["qualifier"]) == (260, "less than 260", "less_than")


@pytest.mark.skipif(not SHARED_CSV.exists(), reason="the shared returns CSV is not beside this checkout")
def test_every_csv_row_is_a_figure_with_its_exact_value_and_quote(figures, sources):
    ours = [f for f in figures.values() if f["source"] in RETURNS_SOURCES]
    by_quote_value = {(f["quote"], f["value"]): f for f in ours}
    with SHARED_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(ours) == 19
    for row in rows:
        fig = by_quote_value[(row["quote"], int(row["value"]))]
        assert fig["period"] == {"from": row["period_start"], "to": row["period_end"]}
        assert fig["counts"] == row["measure"]
        source = sources[fig["source"]]
        assert (source["url"], source["title"]) == (row["url"], row["document"])
        assert source["secondary"] is (row["source_type"] == "secondary")


def test_show_pakistan_lists_the_returns_figures(cli, bundled_store):
    result = cli("--db", bundled_store, "show", "Pakistan", "--json")
    assert result.code == 0, result.err
    ids = {f["id"] for f in json.loads(result.out)["figures"]}
    assert {"fig-unhcr-2024-10-returned", "fig-ocha-2025-07-returned-from-pakistan"} <= ids
    assert "fig-afghans-forced-back" in ids  # the paper's "nearly half a million", unchanged
