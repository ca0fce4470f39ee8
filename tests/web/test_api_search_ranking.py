"""The one search (store.search) through /api/v1/search: the four queries users reported as answered with
"close spellings" of other names, the fuzzy threshold, exact names before words, and years in a query."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from torkham.kb.resolve import NameIndex
from torkham.store.search_names import SUGGEST_AT, suggestions

YEAR_NOTE = (
    "2023 is read as a year: only records dated in it are listed; claims and other records without a date are "
    "left out, actors are matched by name alone."
)


def search(client, query: str, **params) -> dict:
    response = client.get("/api/v1/search", params={"q": query, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_torkham_is_the_border_crossing_not_tore_hamming(client):
    body = search(client, "Torkham")
    ids = [h["id"] for h in body["items"]]
    assert "tore-hamming" not in ids and body["suggestions"] == []
    assert body["counts"]["actors"] == 0
    event = next(h for h in body["items"] if h["kind"] == "events")
    assert (event["id"], event["match"]) == ("ev-2023-09-torkham-closure", "phrase")
    assert event["label"] == "2023-09 Pakistan temporarily closes the Torkham border crossing for several days"
    figures = {h["id"] for h in body["items"] if h["kind"] == "figures"}
    assert "fig-torkham-closure-days" in figures
    data = [h for h in body["items"] if h["kind"] == "data_events"]
    assert [h["snippet"] for h in data] == [
        "Torkham Border Crossing, Federally Administered Tribal Areas; 23 killed (best estimate)"
    ]


def test_tehreek_e_labbaik_is_no_match_without_tlp(client):
    body = search(client, "Tehreek-e-Labbaik")
    assert (body["total"], body["items"], body["suggestions"]) == (0, [], [])
    assert body["words"] == ["tehreek", "e", "labbaik"]


def test_baloch_liberation_army_is_the_bla_and_its_events(client):
    body = search(client, "Baloch Liberation Army")
    first = body["items"][0]
    assert (first["kind"], first["id"], first["match"], first["ambiguous"]) == ("actors", "bla", "exact", False)
    assert body["counts"]["actors"] == 1 and body["suggestions"] == []
    assert not {"afghan-armed-forces", "pakistan-armed-forces"} & {h["id"] for h in body["items"]}
    data = [h for h in body["items"] if h["kind"] == "data_events"]
    assert body["counts"]["data_events"] == 259 and {h["match"] for h in data} == {"actor"}
    assert all("BLA" in h["label"] for h in data)


def test_iskp_2023_is_iskp_filtered_to_2023(client):
    body = search(client, "ISKP 2023")
    assert (body["words"], body["years"], body["notes"]) == (["iskp"], [2023], [YEAR_NOTE])
    assert body["items"][0]["id"] == "iskp" and body["items"][0]["match"] == "exact"
    assert "khyber-pakhtunkhwa" not in {h["id"] for h in body["items"]} and body["suggestions"] == []
    data = [h for h in body["items"] if h["kind"] == "data_events"]
    assert body["counts"]["data_events"] == 7 and all(h["date"].startswith("2023-") for h in data)
    assert body["counts"]["claims"] == 0  # claims carry no date
    assert all(not h.get("date") or h["date"].startswith("2023") for h in body["items"])


def test_a_year_alone_is_a_word_not_a_filter(client):
    body = search(client, "2023", kinds="events")
    assert (body["years"], body["notes"]) == ([], [])
    assert body["counts"]["events"] > 0


def test_exact_names_come_before_names_holding_the_word(client):
    body = search(client, "TTP", kinds="actors")
    assert [h["match"] for h in body["items"]] == ["exact"] + ["words"] * 6
    assert body["items"][0]["id"] == "ttp"


def test_records_of_the_named_actor_come_before_text_matches(client):
    body = search(client, "TTP", kinds="sources,events", limit=100)
    events = [h["match"] for h in body["items"] if h["kind"] == "events"]
    assert events == sorted(events, key=["actor", "phrase", "words"].index) and events[0] == "actor"


def test_the_whole_phrase_ranks_before_the_words_apart(client):
    body = search(client, "Spin Boldak", kinds="figures", limit=100)
    matches = [h["match"] for h in body["items"]]
    assert matches and matches == sorted(matches, key=["actor", "phrase", "words"].index)
    assert all("spin boldak" in h["snippet"].lower() or h["match"] == "words" for h in body["items"])


def test_close_spellings_are_never_results(client):
    body = search(client, "Haqani")
    assert body["items"] == [] and body["total"] == 0
    assert [s["id"] for s in body["suggestions"]][:2] == ["haqqani-network", "sirajuddin-haqqani"]


# --- the threshold ------------------------------------------------------------------------------------------


def test_the_threshold_sits_between_a_real_variant_and_an_unrelated_name():
    assert SUGGEST_AT == 75.0
    assert fuzz.ratio("mehsood", "mehsud") == pytest.approx(76.92, abs=0.01)  # offered
    assert fuzz.ratio("torkham", "torehamming") == pytest.approx(66.67, abs=0.01)  # not offered
    assert fuzz.ratio("labbaik", "taliban") == pytest.approx(42.86, abs=0.01)  # not offered
    assert fuzz.ratio("tehreek e labbaik", "tehreek e taliban") > SUGGEST_AT  # why whole strings are not compared


def index(*names: tuple[str, str]) -> NameIndex:
    return NameIndex(list(names), [], {actor_id: name for actor_id, name in names})


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        (["mehsood"], ["noor-wali-mehsud"]),  # one word close to one word of the name
        (["noorwali", "mehsud"], ["noor-wali-mehsud"]),  # two words of the name written as one
        (["torkham"], []),  # at best "torehamming": 67, below 75
        (["tehreek", "e", "labbaik"], []),  # "labbaik" has no close word although the strings look alike
        (["baloch", "liberaton", "army"], ["bla"]),  # every word close: a typo
        (["e"], []),  # words shorter than three letters are not compared
    ],
)
def test_suggestions_need_every_word_close(words, offered):
    names = index(
        ("noor-wali-mehsud", "Noor Wali Mehsud"), ("tore-hamming", "Tore Hamming"),
        ("ttp", "Tehreek-e-Taliban"), ("bla", "Baloch Liberation Army"), ("bra", "Baloch Republican Army"),
    )  # fmt: skip
    assert [s["id"] for s in suggestions(names, words, set())] == offered
