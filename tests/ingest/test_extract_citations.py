"""In-text citations linked to the bibliography entries they name."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

TEXT = (
    "Islamabad issued a démarche on September 9 (Dawn, 2023). The Taliban victory emboldened the TTP "
    "(Sayed & Hamming, 2023). A spokesman was killed (Abdul Sayed 2022).\n\n"
    "8 Bibliography\n\n"
    'Dawn, 2023. Dawn: "Demarche issued to Afghan diplomat over Chitral attack" September 9 2023. [Online] '
    "Available at: https://www.dawn.com/news/1774931 Sayed, A. & Hamming, T., 2023. The Tehrik-i-Taliban "
    "Pakistan After the Taliban's Afghanistan Takeover.\n\n"
    "About the author\n"
)


def _citations(lexicon: Lexicon | None = None) -> dict[str, object]:
    doc = text_document(TEXT, date="2024-04")
    found = [p for p in propose(doc, lexicon or Lexicon.empty()) if p.kind == "citation"]
    for p in found:
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
        assert p.page == 1
    return {doc.text[p.start : p.end]: p for p in found}


def test_a_citation_is_linked_to_its_bibliography_entry():
    found = _citations()
    dawn = found["(Dawn, 2023)"]
    assert dawn.record == {
        "cited_as": "Dawn, 2023",
        "entry": 'Dawn, 2023. Dawn: "Demarche issued to Afghan diplomat over Chitral attack" September 9 2023. '
        "[Online] Available at: https://www.dawn.com/news/1774931",
    }
    assert dawn.notes == []
    assert dawn.sentence == "Islamabad issued a démarche on September 9 (Dawn, 2023)."


def test_two_authors_match_an_entry_that_starts_after_an_address():
    entry = _citations()["(Sayed & Hamming, 2023)"].record["entry"]
    assert entry.startswith("Sayed, A. & Hamming, T., 2023. The Tehrik-i-Taliban Pakistan")


def test_a_citation_without_an_entry_says_so():
    found = _citations()["(Abdul Sayed 2022)"]
    assert found.record == {"cited_as": "Abdul Sayed, 2022"}
    assert found.notes == ["no bibliography entry for 'Abdul Sayed, 2022'"]


def test_a_known_source_is_cited_by_id():
    lexicon = Lexicon.from_names([], [], [], [("dawn-2023", "Dawn, 2023")])
    assert _citations(lexicon)["(Dawn, 2023)"].record["cites"] == ["dawn-2023"]
