"""The CLI as a user meets it: exit codes, exact messages, JSON shapes."""

import json

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "TTP",
        "ttp",
        "Tehrik-e-Taliban Pakistan",
        "tehreek e taliban pakistan",
        "Tehreek-e-Taliban",
        "TEHRÎK-E-TALIBAN PAKISTAN",
    ],
)
def test_show_finds_an_actor_by_any_spelling(mini, name):
    result = mini("show", name, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["actor"]["id"] == "ttp"


def test_show_prints_names_relations_events_and_figures_with_citations(mini):
    result = mini("show", "TTP")
    assert result.code == 0
    assert result.out.splitlines()[0] == "Tehrik-e-Taliban Pakistan  (armed group)  id: ttp"
    assert "  Taleban (external) — UCDP's spelling." in result.out
    assert "  ← Noor Wali Mehsud leads this actor" in result.out
    assert "  2022-03-30  attack  Attack on a fort in Tank" in result.out
    assert "    mini-2024 §2 l.11  “claimed 54 attacks in April 2022”" in result.out
    assert "  24 — soldiers killed and wounded at Tank" in result.out


def test_show_resolves_a_misspelling_recorded_as_an_alias(mini):
    result = mini("show", "Haggani")
    assert result.code == 0
    assert result.out.startswith("Sirajuddin Haqqani  (person)")
    assert "Sirajuddin Haggani (misspelling) — Typo for Haqqani in the text." in result.out


def test_an_ambiguous_name_lists_the_candidates(mini):
    result = mini("show", "Dostom")
    assert result.code == 1
    assert result.err == (
        "Error: 'Dostom' is ambiguous; it names 2 actors:\n"
        "  abdul-rashid-dostom  Abdul Rashid Dostom\n"
        "  yar-mohammad-dostom  Yar Mohammad Dostom\n"
        "Use one of these ids instead.\n"
    )
    assert mini("show", "abdul-rashid-dostom").code == 0


def test_the_declared_ambiguity_is_shown_on_each_actor(mini):
    result = mini("show", "yar-mohammad-dostom")
    assert "  'Dostom' also names Abdul Rashid Dostom (abdul-rashid-dostom)" in result.out


def test_an_unknown_name_suggests_close_names(mini):
    result = mini("show", "Mehsood")
    assert result.code == 1
    assert result.err == "Error: no actor named 'Mehsood'. Closest known names: Noor Wali Mehsud (noor-wali-mehsud)\n"
    assert result.out == ""


def test_a_blank_name_says_what_to_give(mini):
    result = mini("show", "  ")
    assert (result.code, result.out) == (1, "")
    assert result.err == "Error: give a name, alias or id of an actor, e.g. torkham show TTP\n"


def test_a_name_like_nothing_says_how_to_list_actors(mini):
    result = mini("show", "Zzyzx")
    assert result.code == 1
    assert result.err == "Error: no actor named 'Zzyzx'; run 'torkham actors' to list them\n"


def test_actors_by_kind(mini):
    result = mini("actors", "--kind", "person", "--json")
    assert result.code == 0
    assert sorted(a["id"] for a in json.loads(result.out)) == [
        "abdul-rashid-dostom",
        "noor-wali-mehsud",
        "sirajuddin-haqqani",
        "yar-mohammad-dostom",
    ]


def test_an_unknown_kind_lists_the_known_ones(mini):
    result = mini("actors", "--kind", "warlord")
    assert result.code == 1
    assert result.err.startswith("Error: --kind: unknown value 'warlord'; choose one of: state, state_group, ")


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ([], ["ev-2022-03-30-tank-attack", "ev-2022-04-ttp-attacks"]),
        (["--from", "2022-04"], ["ev-2022-04-ttp-attacks"]),
        (["--to", "2022-03"], ["ev-2022-03-30-tank-attack"]),
        (
            ["--from", "2022-04-15", "--to", "2022-04-15"],
            ["ev-2022-04-ttp-attacks"],
        ),  # a month-dated event overlaps its days
        (["--from", "2023"], []),
        (
            ["--actor", "Tehreek-e-Taliban Pakistan", "--type", "attack"],
            ["ev-2022-03-30-tank-attack", "ev-2022-04-ttp-attacks"],
        ),
        (["--actor", "Pakistan"], []),
    ],
)
def test_timeline_filters(mini, args, ids):
    result = mini("timeline", *args, "--json")
    assert result.code == 0, result.err
    assert [e["id"] for e in json.loads(result.out)] == ids


def test_timeline_dates_keep_their_precision(mini):
    events = json.loads(mini("timeline", "--json").out)
    assert [(e["date"], e["precision"]) for e in events] == [("2022-03-30", "day"), ("2022-04", "month")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "March 2022"],
            "Error: --from: 'March 2022' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)\n",
        ),
        (["--from", "2023", "--to", "2022"], "Error: --from: 2023 is after --to 2022; swap them\n"),
        (["--type", "massacre"], "Error: --type: unknown value 'massacre'; choose one of: takeover, "),
        (["--actor", "Dostom"], "Error: --actor: 'Dostom' is ambiguous; it names 2 actors:\n"),
    ],
)
def test_timeline_refuses_bad_options_with_the_fix(mini, args, message):
    result = mini("timeline", *args)
    assert result.code == 1
    assert result.err.startswith(message)


def test_figures_keep_vague_amounts_as_words(mini):
    figures = {f["id"]: f for f in json.loads(mini("figures", "--json").out)}
    assert figures["fig-chitral-militants"]["value"] is None
    assert figures["fig-chitral-militants"]["value_text"] == "several hundred"
    assert figures["fig-tank-casualties"]["value"] == 24
    assert figures["fig-tank-casualties"]["unit"] == "person"


def test_claims_by_actor_and_topic(mini):
    assert [c["id"] for c in json.loads(mini("claims", "--by", "Noor Wali Mehsud", "--json").out)] == [
        "cl-ttp-from-within"
    ]
    assert json.loads(mini("claims", "--by", "Pakistan", "--json").out) == []
    assert [c["disputed_by"] for c in json.loads(mini("claims", "--topic", "ttp-origin", "--json").out)] == [
        ["pakistan"]
    ]


@pytest.mark.parametrize("command", ["actors", "timeline", "figures", "claims", "recommendations", "sources"])
def test_every_listing_prints_a_table_and_takes_json(mini, command):
    table = mini(command)
    assert table.code == 0 and table.out.strip()
    listing = json.loads(mini(command, "--json").out)
    assert isinstance(listing, list) and listing
    assert all({"id", "source", "locator"} <= set(item) for item in listing)


def test_export_writes_one_json_document_with_every_kind(mini):
    result = mini("kb", "export", "--format", "json")
    assert result.code == 0
    document = json.loads(result.out)
    assert {
        "actors",
        "relations",
        "events",
        "figures",
        "claims",
        "priorities",
        "factors",
        "recommendations",
        "sources",
    } <= set(document)
    for kind, records in document.items():
        for record in records:
            assert {"id", "source", "locator"} <= set(record), (kind, record["id"])
            if kind != "ambiguities":
                assert record["quote"]
    actor = document["actors"][0]
    assert {"name", "aliases", "kind"} <= set(actor)
    assert {"date", "actors", "precision"} <= set(document["events"][0])
    assert {"value", "unit", "counts"} <= set(document["figures"][0])


def test_export_to_a_file(mini, tmp_path):
    target = tmp_path / "kb.json"
    result = mini("kb", "export", "--format", "json", "-o", target)
    assert result.code == 0 and result.err == f"wrote {target}\n"
    assert json.loads(target.read_text())["recommendations"][0]["number"] == 1


def test_export_refuses_an_unknown_format(mini):
    result = mini("kb", "export", "--format", "xml")
    assert (result.code, result.err) == (
        1,
        "Error: --format: unknown format 'xml'; choose one of: json, yaml, stix, ftm, gexf, graphml, geojson, csv, parquet\n",
    )


def test_the_store_location_comes_from_torkham_db(cli, mini_kb, tmp_path, monkeypatch):
    target = tmp_path / "elsewhere.duckdb"
    monkeypatch.setenv("TORKHAM_DB", str(target))
    monkeypatch.setenv("TORKHAM_KB", str(mini_kb))
    assert cli("actors").code == 0
    assert target.exists() and not (tmp_path / "torkham.duckdb").exists()


def test_default_store_is_created_in_the_working_directory(cli, mini_kb, tmp_path):
    assert cli("--kb", mini_kb, "kb", "build").out == "built: torkham.duckdb\n"
    assert (tmp_path / "torkham.duckdb").exists()
    assert cli("--kb", mini_kb, "kb", "build").out == "up to date: torkham.duckdb\n"


def test_version_and_unknown_commands(cli):
    from torkham import __version__

    assert cli("--version").out == f"torkham {__version__}\n"
    result = cli("frobnicate")
    assert result.code == 2 and "No such command 'frobnicate'" in result.err
