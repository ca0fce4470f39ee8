"""The actor candidates' word lists (actor_words.yaml) are data, checked when they load: a problem is one
line naming the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.ingest.extract.actor_words import ACTOR_WORDS_FILE, actor_words, load_actor_words


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = ACTOR_WORDS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "actor_words.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _error(path: Path) -> str:
    with pytest.raises(TorkhamError) as error:
        load_actor_words(path)
    return str(error.value)


def test_the_shipped_lists_load():
    words = actor_words()
    assert words.organisation_acronyms["IRGC"] == "government_body"
    assert "agency" in words.byline_words
    assert words.kind_since[0].kind == "de_facto_government"


def test_an_abbreviation_of_a_kind_the_vocabulary_lacks_is_refused_on_its_line(tmp_path):
    path = _broken(tmp_path, "  IRGC: government_body", "  IRGC: militia")
    assert _error(path).startswith(f"{path}:{_line_of(path, 'IRGC: militia')}: organisation_acronyms: 'militia' is not")


def test_an_honorific_that_is_no_person_title_is_refused(tmp_path):
    path = _broken(tmp_path, "honorifics: [mullah,", "honorifics: [pir, mullah,")
    assert _error(path) == (
        f"{path}:{_line_of(path, 'honorifics:')}: honorifics: 'pir' is not in person_titles of wordlists.yaml; "
        "add it there too"
    )


def test_a_capitalised_word_in_a_list_is_refused(tmp_path):
    path = _broken(tmp_path, "byline_words: [a,", "byline_words: [Agency, a,")
    assert _error(path) == (
        f"{path}:{_line_of(path, 'byline_words:')}: byline_words must be a non-empty list of lowercase words "
        "(quote yes/no/on/off)"
    )


def test_a_date_written_without_quotes_or_the_day_is_refused(tmp_path):
    path = _broken(tmp_path, 'since: "2021-08-15"', 'since: "2021-08"')
    assert "kind_since: since must be a date written YYYY-MM-DD in quotes" in _error(path)


def test_an_unknown_section_is_refused(tmp_path):
    path = _broken(tmp_path, "honorifics:", "titles: [mr]\nhonorifics:")
    assert _error(path).startswith(f"{path}:{_line_of(path, 'titles:')}: unknown section 'titles'; expected one of")


def test_a_proper_head_that_is_no_kind_word_is_refused(tmp_path):
    path = _broken(tmp_path, "proper_heads: [taliban,", "proper_heads: [jirga, taliban,")
    assert _error(path) == (
        f"{path}:{_line_of(path, 'proper_heads:')}: proper_heads: 'jirga' is not in actor_kind_words of "
        "wordlists.yaml; add it there too"
    )


def test_the_lists_of_where_a_country_acts_are_checked_too(tmp_path):
    path = _broken(tmp_path, "country_agent_after: [said,", "country_agent_after: [Said,")
    assert _error(path) == (
        f"{path}:{_line_of(path, 'country_agent_after:')}: country_agent_after must be a non-empty list of "
        "lowercase words (quote yes/no/on/off)"
    )
    assert "said" in actor_words().country_agent_after and "from" in actor_words().country_agent_before
