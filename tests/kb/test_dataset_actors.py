"""Issue 11: actors only the data names (sourced from the UCDP GED extract), the crosswalk mapping
them for ucdp-ged and, through catalog actor_names_from, for ucdp-candidate; families of factions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from torkham.kb.loader import BUNDLED_KNOWLEDGE as BUNDLED_KB

TTP_FACTIONS = {"ttp-ta", "ttp-mr", "ttp-mt", "ttp-km", "ttp-sm", "ttp-islahi"}
NEW_ACTORS = {
    "bla": "separatist_armed_group",
    "bra": "separatist_armed_group",
    "blf": "separatist_armed_group",
    "bras": "separatist_armed_group",
    "lashkar-e-islam": "armed_group",
    "jamaat-ul-ahrar": "armed_group",
    **{faction: "armed_group" for faction in TTP_FACTIONS},
}


@pytest.fixture
def ro(bundled_store: Path):
    from torkham.store.db import connect

    con = connect(bundled_store, read_only=True)
    yield con
    con.close()


def test_new_actors_exist_with_a_dataset_source(ro):
    rows = ro.execute(
        "SELECT a.id, a.kind, r.source, r.record FROM kb_actors a JOIN kb_records r ON r.id = a.id"
    ).fetchall()
    found = {actor_id: (kind, source, json.loads(record)) for actor_id, kind, source, record in rows}
    for actor_id, kind in NEW_ACTORS.items():
        got_kind, source, record = found[actor_id]
        assert (got_kind, source) == (kind, "ucdp-ged-22-1")
        assert set(record["locator"]) == {"column", "row"} and record["quote"]
    assert found["bla"][2]["quote"] == "Baloch Liberation Army (BLA) spokesman Sarbaz Baloch"
    assert found["ttp-ta"][2]["locator"] == {"column": "side_b", "row": "53893"}
    source = ro.execute("SELECT kind, title FROM kb_sources WHERE id = 'ucdp-ged-22-1'").fetchone()
    assert source[0] == "dataset" and "22.1" in source[1]


def test_the_quoted_cells_are_in_the_bundled_extract():
    """Every dataset locator names a real cell whose text contains the quote (checked here, as the
    validator does not read the CSV)."""
    import csv

    import yaml

    import torkham

    extract = Path(torkham.__file__).parent / "data" / "ucdp-ged-pakistan" / "ucdp_ged_pakistan.csv"
    with extract.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    for path in sorted((BUNDLED_KB / "ucdp-ged-22-1").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind, records in data.items():
            if kind == "source":
                continue
            for record in records:
                cell = rows[record["locator"]["row"]][record["locator"]["column"]]
                assert record["quote"] in cell, (path.name, record["id"], cell)


def test_haqqani_network_is_not_a_name_of_the_person(ro):
    names = {
        n for (n,) in ro.execute("SELECT normalized FROM kb_names WHERE actor_id = 'sirajuddin-haqqani'").fetchall()
    }
    assert not any("network" in n for n in names)


def test_ucdp_ged_names_map_to_the_new_actors(ro):
    mapped = dict(
        ro.execute("SELECT raw_name, actor_id FROM dataset_actor_names WHERE dataset = 'ucdp-ged'").fetchall()
    )
    expected = {
        "BLA": "bla",
        "BRA": "bra",
        "BLF": "blf",
        "BRAS": "bras",
        "Lashkar-e-Islam": "lashkar-e-islam",
        "Jamaat-ul-Ahrar": "jamaat-ul-ahrar",
        "TTP - TA": "ttp-ta",
        "TTP-KM": "ttp-km",
        "TTP-SM": "ttp-sm",
        "TTP - MR": "ttp-mr",
        "TTP - MT": "ttp-mt",
        "TTP-Islahi": "ttp-islahi",
        "TTP": "ttp",
    }
    assert {name: mapped.get(name) for name in expected} == expected


@pytest.fixture
def candidate_store(bundled_store: Path, tmp_path: Path) -> Path:
    """The bundled store with UCDP candidate events: the bundled ones, or else a few written as the
    importer would leave them (the candidate extract is bundled separately)."""
    from torkham.datasets.actors import refresh_actor_names
    from torkham.store.db import connect

    path = tmp_path / "candidate.duckdb"
    shutil.copyfile(bundled_store, path)
    con = connect(path)
    try:
        rows = [
            ("497143", "Government of Pakistan", "BRAS"),
            ("493102", "Government of Pakistan", "TTP"),
            ("496894", "Government of Afghanistan", "NRF"),
            ("497382", "XXX770", "Civilians"),
        ]
        held = con.execute("SELECT count(*) FROM events WHERE dataset = 'ucdp-candidate'").fetchone()
        if held is None or held[0] == 0:
            con.executemany(
                """INSERT INTO events (dataset, event_id, dataset_version, date_start, date_end, date_precision,
                 actor1, actor2, content_hash, import_id)
               VALUES ('ucdp-candidate', ?, '23.0.10', DATE '2023-10-04', DATE '2023-10-04', 'day', ?, ?, 1, 0)""",
                rows,
            )
        refresh_actor_names(con, BUNDLED_KB)
    finally:
        con.close()
    return path


def test_candidate_names_map_through_the_ged_crosswalk(candidate_store: Path):
    from torkham.store.db import connect

    con = connect(candidate_store, read_only=True)
    try:
        mapped = {
            name: (actor, how)
            for name, actor, how in con.execute(
                "SELECT raw_name, actor_id, method FROM dataset_actor_names WHERE dataset = 'ucdp-candidate'"
            ).fetchall()
        }
    finally:
        con.close()
    assert mapped["BRAS"] == ("bras", "crosswalk")
    assert mapped["TTP"] == ("ttp", "crosswalk")
    assert mapped["Government of Pakistan"] == ("pakistan", "crosswalk")
    assert mapped["NRF"][0] == "nrf"  # an exact alias
    assert "Civilians" not in mapped and "XXX770" not in mapped


def test_unmatched_candidate_names_leave_out_the_reviewed_ones(candidate_store: Path):
    from torkham.datasets.actors import unmatched_names
    from torkham.store.db import connect

    con = connect(candidate_store, read_only=True)
    try:
        names = {row["name"] for row in unmatched_names(con, BUNDLED_KB, "ucdp-candidate")}
    finally:
        con.close()
    assert "XXX770" in names
    assert not names & {"Civilians", "BRAS", "TTP", "Government of Pakistan"}  # reviewed in the ucdp-ged crosswalk


def test_cli_unmatched_for_candidate(cli, candidate_store: Path):
    result = cli("--db", candidate_store, "actors", "unmatched", "--dataset", "ucdp-candidate", "--json")
    assert result.code == 0, result.err
    names = {row["name"] for row in json.loads(result.out)}
    assert "XXX770" in names and "BRAS" not in names and "Civilians" not in names


def test_faction_family_of_the_ttp(ro):
    from torkham.store.families import faction_family

    family = faction_family(ro, "ttp")
    assert family[0] == ("ttp", "Tehrik-i-Taliban Pakistan") or family[0][0] == "ttp"
    assert {actor_id for actor_id, _ in family[1:]} == TTP_FACTIONS
    names = [name for _, name in family[1:]]
    assert names == sorted(names)
    assert "jamaat-ul-ahrar" not in {actor_id for actor_id, _ in family}  # no source declares it a faction


def test_faction_family_of_an_actor_without_factions_and_of_an_unknown_id(ro):
    from torkham.store.families import faction_family

    assert faction_family(ro, "bla") == [("bla", "Baloch Liberation Army")]
    assert faction_family(ro, "no-such-actor") == []


def test_faction_family_is_transitive_and_survives_cycles(con):
    from torkham.store.families import faction_family

    con.execute("CREATE TABLE kb_actors (id VARCHAR, name VARCHAR)")
    con.execute("CREATE TABLE kb_relations (type VARCHAR, from_id VARCHAR, to_id VARCHAR)")
    con.execute("INSERT INTO kb_actors VALUES ('a', 'Zed'), ('b', 'Bee'), ('c', 'Cee'), ('d', 'Dee')")
    con.execute(
        "INSERT INTO kb_relations VALUES ('faction_of', 'b', 'a'), ('faction_of', 'c', 'b'), "
        "('faction_of', 'a', 'c'), ('ally_of', 'd', 'a')"
    )
    assert faction_family(con, "a") == [("a", "Zed"), ("b", "Bee"), ("c", "Cee")]


def test_a_datasets_own_crosswalk_overrides_the_one_it_borrows(bundled_store):
    """GED 22.1's 'Government of Afghanistan' is the Republic; in 2023 candidate data it is the Taliban's."""
    import duckdb

    with duckdb.connect(str(bundled_store), read_only=True) as con:
        rows = con.execute(
            "SELECT dataset, actor_id FROM dataset_actor_names WHERE raw_name = 'Government of Afghanistan' ORDER BY 1"
        ).fetchall()
    assert rows == [("ucdp-candidate", "tta"), ("ucdp-ged", "afghan-republic")]
