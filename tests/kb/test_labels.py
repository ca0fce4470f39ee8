"""Labels drawn beside actors: short, and never shared by two actors (the paper's two Dostoms)."""

from __future__ import annotations

from pathlib import Path

import yaml

from torkham.kb.labels import clashes, short_label, unique_labels

ACTORS = Path(__file__).resolve().parents[2] / "src" / "torkham" / "knowledge" / "gul-2024" / "actors.yaml"


def actor(actor_id, name, kind="person", *short):
    return {"id": actor_id, "name": name, "kind": kind, "aliases": [{"name": s, "type": "short_name"} for s in short]}


def test_a_long_name_is_drawn_as_its_abbreviation():
    ttp = {"name": "Tehrik-e-Taliban Pakistan", "aliases": [{"name": "TTP", "type": "abbreviation"},
                                                            {"name": "Pakistani Taliban", "type": "short_name"}]}  # fmt: skip
    assert short_label(ttp) == "TTP"
    assert short_label({"name": "Pakistan", "aliases": []}) == "Pakistan"
    assert short_label({"name": "A very long name without any alias", "aliases": []}) == "A very long name with…"


def test_two_actors_with_one_short_name_get_their_full_names():
    labels = unique_labels([actor("yar", "Yar Mohammad Dostom", "person", "Dostom"),
                            actor("rashid", "Abdul Rashid Dostom", "person", "Dostom"),
                            actor("ttp", "Tehrik-e-Taliban Pakistan", "armed_group", "TTP")])  # fmt: skip
    assert labels == {"yar": "Yar Mohammad Dostom", "rashid": "Abdul Rashid Dostom", "ttp": "TTP"}


def test_one_name_for_two_actors_is_qualified_by_kind_then_by_id():
    by_kind = unique_labels([actor("gul-p", "Gul", "person"), actor("gul-g", "Gul", "armed_group")])
    assert by_kind == {"gul-p": "Gul (person)", "gul-g": "Gul (armed group)"}
    by_id = unique_labels([actor("gul-1", "Gul"), actor("gul-2", "Gul"), actor("gul-3", "Gul", "state")])
    assert by_id == {"gul-1": "Gul (gul-1)", "gul-2": "Gul (gul-2)", "gul-3": "Gul (state)"}


def test_labels_clash_whatever_their_case_or_accents():
    assert clashes({"a": "Dostom", "b": "dostom", "c": "Dóstom!", "d": "Dostum"}) == {"a", "b", "c"}


def test_every_bundled_actor_has_its_own_label_and_the_two_dostoms_are_told_apart():
    records = yaml.safe_load(ACTORS.read_text(encoding="utf-8"))["actors"]
    assert sum(short_label(a) == "Dostom" for a in records) == 2  # what the network drew before: two "Dostom"
    labels = unique_labels(records)
    assert not clashes(labels)
    assert (labels["yar-mohammad-dostom"], labels["abdul-rashid-dostom"]) == (
        "Yar Mohammad Dostom",
        "Abdul Rashid Dostom",
    )
    assert labels["ttp"] == "TTP"
