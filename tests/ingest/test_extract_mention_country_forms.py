"""A known name that holds a country is known with the country's other forms ('United States Institute of
Peace' is 'U.S. Institute of Peace'), unless another actor holds the form; the country alone is not widened."""

from __future__ import annotations

from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import find_mentions

ACTORS = [
    ("us-peace-council", "United States Council for Peace", "institution"),
    ("uk-aid-office", "UK Office for Aid", "government_body"),
    ("united-states", "United States", "state"),
    ("other-office", "United Kingdom Office for Aid", "government_body"),
]


def _mentions(text: str, actors: list[tuple[str, str, str]]) -> list[tuple[str, str | None]]:
    lexicon = Lexicon.from_names(actors, []).with_country_abbreviations()
    return [(p.record["name"], p.record["actor"]) for p in find_mentions(text_document(text), lexicon)]


def test_a_known_name_is_found_with_the_country_abbreviated_or_written_out():
    found = _mentions("The U.S. Council for Peace and the US Council for Peace met.", ACTORS[:1])
    assert found == [("U.S. Council for Peace", "us-peace-council"), ("US Council for Peace", "us-peace-council")]


def test_a_form_another_actor_holds_or_would_get_too_is_given_to_no_second_actor():
    lexicon = Lexicon.from_names(ACTORS[1:], []).with_country_abbreviations()
    assert lexicon.actors_named("United Kingdom Office for Aid") == ["other-office"]
    assert lexicon.actors_named("UK Office for Aid") == ["uk-aid-office"]
    assert lexicon.actors_named("U.K. Office for Aid") == []  # either office: left unknown


def test_the_country_alone_gets_no_new_forms():
    lexicon = Lexicon.from_names(ACTORS[2:3], []).with_country_abbreviations()
    assert lexicon.actors_named("US") == []
    assert lexicon.actors_named("U.S.") == []
