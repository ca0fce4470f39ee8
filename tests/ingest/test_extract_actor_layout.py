"""Actor candidates and the layout of a text: headlines, headings, name lines under a title and lists of
speakers — one test per class, on texts written for these tests."""

from __future__ import annotations

from actor_support import candidates


def test_a_headline_with_a_lowercase_preposition_gives_only_its_named_actor():
    found = candidates(
        "Baloch-Army Standoff Drifts into Iran\n\nThe standoff near the frontier went on for a third day, "
        "officials said."
    )
    assert not [name for name in found if "Standoff" in name or "Drifts" in name]


def test_a_name_listed_beside_a_group_stays_on_its_line_and_is_no_thing():
    found = candidates(
        "Between the BLA and the Frontier Line\n\nSince the election the BLA has grown. The BLA attacked a "
        "post on Monday, police said.\n"
    )
    assert "BLA" in found
    assert not [name for name in found if "Line" in name]


def test_a_group_listed_beside_a_group_on_one_line_is_still_found():
    found = candidates("Its allies, including the BLA, Zarghun Tigers and Kalat Lions, attacked. The BLA denied it.")
    assert found["Zarghun Tigers"].notes == ["listed with BLA; kind guessed from it"]
    assert found["Kalat Lions"].record["kind"] == found["BLA"].record["kind"]
