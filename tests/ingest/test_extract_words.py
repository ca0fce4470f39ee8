"""The extractors' word lists are data, checked against the vocabulary when they load."""

from __future__ import annotations

from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.ingest.extract.words import WORDLISTS_FILE, default_words, load_words


def test_the_shipped_word_lists_load_and_name_vocabulary_terms():
    words = default_words()
    assert words.months["sept"] == 9
    assert words.scales["lakh"] == 100000
    assert words.unit_of_noun["afghans"] == "person"
    assert "attack" in words.event_words["attack"]


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = WORDLISTS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "wordlists.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_unit_not_in_the_vocabulary_is_refused_with_its_line(tmp_path):
    path = _broken(tmp_path, "  kilometre: [", "  parsec: [")
    with pytest.raises(TorkhamError) as error:
        load_words(path)
    line = _line_of(path, "parsec:")
    assert str(error.value) == f"{path}:{line}: units: 'parsec' is not a term of the vocabulary (model/vocabulary.yaml)"


def test_a_word_yaml_reads_as_false_is_refused(tmp_path):
    path = _broken(tmp_path, '  - "no"\n', "  - no\n")
    with pytest.raises(TorkhamError) as error:
        load_words(path)
    line = _line_of(path, "non_name_words:")
    assert str(error.value) == (
        f"{path}:{line}: non_name_words must be a non-empty list of lowercase words "
        "(quote words YAML reads as true/false)"
    )


def test_an_unknown_section_is_refused(tmp_path):
    path = _broken(tmp_path, "months:\n", "monthz:\n")
    with pytest.raises(TorkhamError) as error:
        load_words(path)
    assert str(error.value).startswith(
        f"{path}:{_line_of(path, 'monthz:')}: unknown section 'monthz'; expected one of months,"
    )


def test_the_new_word_lists_load():
    words = default_words()
    assert words.unit_of_noun["citizens"] == "person"
    assert "killed" in words.casualty_words and "killing" in words.casualty_verbs
    assert words.country_abbreviations["U.S."] == "United States"
    assert "became * leader" in words.event_words["appointment"]


def test_a_country_abbreviation_must_map_to_a_name(tmp_path):
    path = _broken(tmp_path, "  UAE: United Arab Emirates\n", "  UAE: 7\n")
    with pytest.raises(TorkhamError) as error:
        load_words(path)
    line = _line_of(path, "  UAE: 7")
    assert str(error.value) == (
        f"{path}:{line}: country_abbreviations: 'UAE' must be a capitalised abbreviation mapped to a name"
    )
