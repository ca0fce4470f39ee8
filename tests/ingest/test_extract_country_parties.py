"""Countries that act are state candidates, countries that only locate are not (eval/README.md, "Countries");
a speech word used as a noun — on sentences written for these tests."""

from __future__ import annotations

from actor_support import candidates


def _states(text: str) -> set[str]:
    return {name for name, p in candidates(text).items() if p.record["kind"] == "state"}


def test_a_country_that_acts_is_a_state():
    assert _states("Tajikistan will not reopen the crossing, officials in Dushanbe said.") == {"Tajikistan"}
    assert _states("The envoy said Uzbekistan's government would host the talks.") == {"Uzbekistan"}
    assert _states("The ministry urged Turkmenistan to release the drivers.") == {"Turkmenistan"}


def test_a_possessive_before_a_province_or_side_of_a_border_locates():
    assert not _states("Fighters crossed from Tajikistan’s Khatlon province into the valley at dawn.")
    assert not _states("The shells landed on Uzbekistan’s side of the border near the river.")


def test_a_country_inside_a_longer_name_is_no_state():
    assert not _states("A spokesman told reporters that the Interim Tajikistan government was building a post.")
    assert not _states("The tactic was copied from the Vietnam War by the planners.")


def test_an_abbreviated_country_as_an_adjective_or_in_a_name_is_no_state():
    assert not _states("Analysts at the U.S. Institute of Peace studied the U.S. withdrawal closely.")
    assert _states("U.S. officials said the U.S. will send aid.") == {"United States"}


def test_a_speech_word_used_as_a_noun_names_no_speaker():
    found = candidates("Broad calls by provincial officials for curfews have raised fears among traders.")
    assert "Broad" not in found
