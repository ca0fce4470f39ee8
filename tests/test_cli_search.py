"""`torkham search` over the bundled knowledge: the same search as the web, with the four queries users reported
("close spellings" of other names given as answers), an honest "No match for …" and "Did you mean …?" apart."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def bundled(cli, bundled_store):
    def invoke(*args: str):
        return cli("--db", bundled_store, "search", *args)

    return invoke


def test_torkham_is_the_border_closure(bundled):
    result = bundled("Torkham", "--limit", "1")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[:6] == [
        "9 matches for 'Torkham', best first:",
        "",
        "Events of the paper (1)",
        "  2023-09 Pakistan temporarily closes the Torkham border crossing for several days  [ev-2023-09-torkham-closure]",
        "    Pakistan temporarily closed the Torkham border crossing, bringing the two-way movement of",
        "    people and trade to a halt for several days.",
    ]
    assert "Tore Hamming" not in result.out and "Did you mean" not in result.out
    assert "  … 3 more (--kind figures --limit N)" in lines


def test_tehreek_e_labbaik_is_no_match(bundled):
    result = bundled("Tehreek-e-Labbaik")
    assert (result.code, result.out, result.err) == (0, "No match for 'Tehreek-e-Labbaik'.\n", "")


def test_baloch_liberation_army_is_the_bla(bundled):
    result = bundled("Baloch Liberation Army", "--limit", "1")
    assert result.code == 0, result.err
    assert result.out.splitlines()[:9] == [
        "260 matches for 'Baloch Liberation Army', best first:",
        "",
        "Actors (1)",
        "  Baloch Liberation Army  [bla]",
        "    Baloch separatist armed group; UCDP codes it in the conflict Pakistan: Balochistan (259",
        "    events, 2004–2021).",
        "",
        "Dataset events (259)",
        "  2018-11-23 Government of Pakistan – BLA  [ucdp-ged:275153]",
    ]
    assert "armed forces" not in result.out.lower()


def test_iskp_2023_keeps_2023(bundled):
    result = bundled("ISKP 2023", "--kind", "actors", "--kind", "data_events", "--limit", "1")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "8 matches for 'ISKP 2023', best first:",
        "2023 is read as a year: only records dated in it are listed; claims and other records without a date "
        "are left out, actors are matched by name alone.",
        "",
        "Actors (1)",
        "  Islamic State Khorasan Province  [iskp]",
        "    named 'ISKP'. Islamic State branch that is the most potent threat to the Taliban Emirate,",
        "    strongest in the eastern provinces.",
        "",
        "Dataset events (7)",
        "  2023-10-29 IS – Civilians  [ucdp-candidate:497448]",
        "    Mamund town, Khyber Pakhtunkwa province; 1 killed (best estimate)",
        "  … 6 more (--kind data_events --limit N)",
    ]


def test_a_close_spelling_is_only_offered(bundled):
    result = bundled("Mehsood")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "No match for 'Mehsood'.\nDid you mean: Noor Wali Mehsud (noor-wali-mehsud)? (close spellings, not matches)\n"
    )


def test_json_is_the_api_shape(bundled):
    found = json.loads(bundled("ISKP 2023", "--json", "--kind", "data_events").out)
    assert (found["words"], found["years"], found["counts"], found["total"]) == (
        ["iskp"], [2023], {"data_events": 7}, 7,
    )  # fmt: skip
    assert {h["match"] for h in found["hits"]} == {"actor"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["  "], "Error: give a name, a place or some words to search for, e.g. torkham search TTP"),
        (["?!"], "Error: '?!' has no letters or digits to search for"),
        (["TTP", "--kind", "people"], "Error: --kind: unknown kind 'people'; choose from: actors, events, claims, "
         "figures, sources, relations, data_events, passages"),
        (["TTP", "--limit", "0"], "Error: --limit: 0 is too small; use 1 or more"),
    ],
)  # fmt: skip
def test_bad_input_is_an_error_with_exit_1(bundled, args, message):
    result = bundled(*args)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
