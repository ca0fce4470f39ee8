"""The dataset layer beside the knowledge: the bundled UCDP extract, the import log, actor names,
and timelines that show both layers."""

import csv
import json
from pathlib import Path

import pytest

BUNDLED_CSV = Path(__file__).resolve().parent.parent / "src/torkham/data/ucdp-ged-pakistan/ucdp_ged_pakistan.csv"


def test_a_new_store_holds_the_bundled_ucdp_extract(mini):
    held = [
        s for s in json.loads(mini("sources", "--json").out) if s["kind"] == "dataset" and s["dataset"] == "ucdp-ged"
    ]
    assert [(d["dataset"], d["version"], d["events"]) for d in held] == [("ucdp-ged", "22.1", 6416)]
    assert held[0]["licence"] == "CC BY 4.0"
    assert "Uppsala Conflict Data Program" in held[0]["attribution"]
    imports = [i for i in json.loads(mini("imports", "--json").out) if i["dataset"] == "ucdp-ged"]
    assert [(i["dataset"], i["rows_read"], i["inserted"], i["quarantined"]) for i in imports] == [
        ("ucdp-ged", 6416, 6416, 0)
    ]
    assert imports[0]["sha256"] == "29a906a9eb88d4ae20d46a9e430f01921ecb4569c521deceb01cd87d5d309cb7"


def test_the_sources_table_shows_the_attribution(mini):
    out = mini("sources").out
    assert "Uppsala Conflict Data Program" in out and "CC BY 4.0" in out


def test_importing_the_bundled_file_again_changes_nothing(mini):
    result = mini("import", BUNDLED_CSV)
    assert result.code == 0
    assert result.out == f"{BUNDLED_CSV}: already imported (import #1); nothing changed\n"
    assert len([i for i in json.loads(mini("imports", "--json").out) if i["dataset"] == "ucdp-ged"]) == 1


def _ucdp_rows_2021_ttp() -> list[dict]:
    with BUNDLED_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            r
            for r in csv.DictReader(handle)
            if r["date_start"].startswith("2021-12") and "TTP" in (r["side_a"], r["side_b"])
        ]


def test_the_data_layer_of_the_timeline_resolves_dataset_names_to_actors(bundled_cli):
    events = json.loads(
        bundled_cli(
            "timeline", "--layer", "data", "--actor", "TTP", "--from", "2021-12", "--to", "2021-12", "--json"
        ).out
    )
    expected = _ucdp_rows_2021_ttp()
    assert sorted(e["event_id"] for e in events) == sorted(r["id"] for r in expected)
    assert all("ttp" in e["actors"] and e["layer"] == "data" for e in events)
    assert sum(e["fatalities"]["best"] for e in events) == sum(int(r["best"]) for r in expected)


def test_both_layers_come_together_in_date_order(bundled_cli):
    events = json.loads(
        bundled_cli("timeline", "--layer", "both", "--from", "2021-08", "--to", "2021-08", "--json").out
    )
    layers = {e["layer"] for e in events}
    assert layers == {"kb", "data"}
    assert "ev-2021-08-taliban-takeover" in [e["id"] for e in events]
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)


def test_an_unknown_layer_is_refused(mini):
    result = mini("timeline", "--layer", "all")
    assert (result.code, result.err) == (1, "Error: --layer: unknown value 'all'; choose one of: kb, data, both\n")


def test_unmatched_names_are_listed_with_counts_not_merged(bundled_cli):
    rows = {r["name"]: r for r in json.loads(bundled_cli("actors", "unmatched", "--json").out)}
    assert rows["MQM"]["events"] == 93  # not an actor of the knowledge base
    assert "BLA" not in rows  # Baloch Liberation Army: an actor sourced from the UCDP extract, in the crosswalk
    assert "TTP" not in rows and "Taleban" not in rows and "Government of Pakistan" not in rows
    assert "Civilians" not in rows  # reviewed in the crosswalk as 'not an actor'
    assert "TTP - TA" not in rows  # a faction, reviewed and deliberately not merged into the TTP


def test_a_crosswalk_naming_an_unknown_actor_fails_validation(mini, mini_kb):
    folder = mini_kb / "crosswalks"
    folder.mkdir()
    (folder / "ucdp-ged.yaml").write_text(
        "dataset: ucdp-ged\nnames:\n  - {name: TTP, actor: ttp}\n  - {name: BLA, actor: bla}\n"
    )
    result = mini("kb", "validate")
    assert result.code == 1
    assert (
        "kb/crosswalks/ucdp-ged.yaml:4: crosswalk maps 'BLA' to unknown actor 'bla'; fix the id or use null"
        in result.err
    )


@pytest.fixture
def bundled_cli(cli, tmp_path_factory):
    db = tmp_path_factory.getbasetemp() / "bundled-layer.duckdb"

    def invoke(*args):
        return cli("--db", db, *args)

    return invoke


def test_acled_deletions_remove_the_events_they_list(mini, tmp_path):
    from dataset_shapes import acled, write_acled

    events = write_acled(tmp_path / "acled.csv", [acled("PAK1"), acled("PAK2"), acled("PAK3")])
    assert mini("import", events).code == 0
    deletions = tmp_path / "deleted.csv"
    deletions.write_text("event_id_cnty,deleted_timestamp\nPAK2,1700000000\nPAK9,1700000000\n")
    result = mini("import", "--deletions", deletions)
    assert result.code == 0 and ", 1 deleted" in result.out
    held = [
        e["event_id"]
        for e in json.loads(mini("timeline", "--layer", "data", "--from", "1900", "--json").out)
        if e["dataset"] == "acled"
    ]
    assert sorted(held) == ["PAK1", "PAK3"]
