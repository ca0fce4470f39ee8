from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.model.dates import DateError, parse_partial_date
from torkham.model.vocabulary import VOCABULARY_FILE, default_vocabulary, load_vocabulary


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2023-09-05", "day", "2023-09-05", "2023-09-05"),
        ("2023-11", "month", "2023-11-01", "2023-11-30"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2024", "year", "2024-01-01", "2024-12-31"),
    ],
)
def test_partial_dates_keep_their_precision(text, precision, first, last):
    date = parse_partial_date(text)
    assert date.precision == precision
    assert date.iso() == text
    assert (str(date.first_day), str(date.last_day)) == (first, last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-30", "'2023-02-30' is not a real day: February 2023 has 28 days"),
        ("2023-13", "'2023-13' has month 13; months run from 01 to 12"),
        ("Sept 2023", "'Sept 2023' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)"),
        ("", "'' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)"),
    ],
)
def test_impossible_dates_are_refused_with_the_fix(text, message):
    with pytest.raises(DateError) as info:
        parse_partial_date(text)
    assert str(info.value) == message


def test_vocabulary_declares_the_kinds_the_issue_names():
    vocab = default_vocabulary()
    assert {
        "state",
        "de_facto_government",
        "armed_group",
        "opposition_group",
        "intergovernmental_organisation",
        "government_body",
        "institution",
        "initiative",
        "media",
        "person",
        "ethnic_group",
    } <= set(vocab["actor_kinds"])
    assert vocab.is_directed("leads") and not vocab.is_directed("borders")
    assert "person" in vocab["units"]


def test_a_broken_vocabulary_is_refused_with_file_and_line(tmp_path: Path):
    broken = tmp_path / "vocabulary.yaml"
    text = VOCABULARY_FILE.read_text(encoding="utf-8").replace(
        '  media: {label: Media, description: "A news organisation, publication or channel."}',
        "  media: {label: Media}",
    )
    broken.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("  media:"))
    with pytest.raises(TorkhamError) as info:
        load_vocabulary(broken)
    assert str(info.value) == f"{broken}:{line}: term 'media' needs a label and a description"
