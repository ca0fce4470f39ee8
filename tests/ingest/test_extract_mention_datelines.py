"""A capital that names a government (an alias in the knowledge base) opening a dateline is the city, in each
way a dateline is written; the same capital acting in a sentence is still a mention. A known abbreviation opening
a body's longer name is no mention of it; opening a role, it is."""

from __future__ import annotations

from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import find_mentions

ACTORS = [("tajik-government", "Government of Tajikistan", "government_body")]
NAMES = [("tajik-government", "Dushanbe")]


def _mentions(text: str) -> list[tuple[str, str | None]]:
    lexicon = Lexicon.from_names(ACTORS, NAMES)
    return [(p.record["name"], p.record["actor"]) for p in find_mentions(text_document(text), lexicon)]


def test_a_capital_opening_a_dateline_with_a_date_or_a_bar_is_the_city():
    assert _mentions("Dushanbe, 4 March 2022: The agencies met.\n") == []
    assert _mentions("Title of the note\n\nDushanbe | May 9, 2015\n\nThe agencies met.\n") == []


def test_a_capital_acting_in_a_sentence_is_a_mention():
    assert _mentions("Dushanbe, however, rejected the plan on 4 March.\n") == [("Dushanbe", "tajik-government")]


def test_an_abbreviation_opening_a_body_s_name_is_no_mention_but_one_opening_a_role_is():
    lexicon = Lexicon.from_names(
        [("united-nations", "United Nations", "intergovernmental_organisation")], [("united-nations", "UN")]
    )

    def found(text: str) -> list[str]:
        return [p.record["name"] for p in find_mentions(text_document(text), lexicon)]

    assert found("FAO, the UN Farmers’ Fund, warned of hunger.") == []
    assert found("The UN Resident Coordinator warned of hunger.") == ["UN"]
