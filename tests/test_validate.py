"""`torkham kb validate` on broken copies of a small knowledge base: each problem as file:line: message."""

from pathlib import Path

import pytest


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in a file; return the line where the new text starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    position = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:position].count("\n") + 1


def test_the_mini_knowledge_base_is_valid(mini):
    result = mini("kb", "validate")
    assert result.code == 0, result.err
    assert result.out == (
        "ok: 3 files, 16 records (6 actors, 1 ambiguities, 1 relations, 2 events, 2 figures, 1 claims, "
        "1 recommendations, 2 sources); quotes checked against the source text\n"
    )


CASES = [
    pytest.param(
        "records.yaml",
        "    type: attack\n    title: Attack on",
        "    type: [attack\n    title: Attack on",
        1,
        "malformed YAML: ",
        id="malformed-yaml",
    ),
    pytest.param(
        "actors.yaml",
        "kind: armed_group",
        "kind: terror_cell",
        0,
        "actor 'ttp': kind: unknown actor kind 'terror_cell'; known: ",
        id="unknown-kind",
    ),
    pytest.param(
        "records.yaml",
        "    from: noor-wali-mehsud",
        "    from: noor-wali-mesud",
        0,
        "from: unknown actor 'noor-wali-mesud' (dangling reference); did you mean noor-wali-mehsud?",
        id="dangling-id",
    ),
    pytest.param(
        "records.yaml",
        'date: "2022-03-30"',
        'date: "2022-02-30"',
        0,
        "event 'ev-2022-03-30-tank-attack': date: '2022-02-30' is not a real day: February 2022 has 28 days",
        id="impossible-date",
    ),
    pytest.param(
        "records.yaml",
        "quote: claimed 54 attacks in April 2022",
        "quote: claimed 55 attacks in April 2022",
        0,
        "quote of event 'ev-2022-04-ttp-attacks' does not occur in mini-paper.txt: \"claimed 55 attacks in "
        'April 2022"; copy it verbatim from the text',
        id="quote-not-in-source",
    ),
    pytest.param(
        "records.yaml",
        "  - id: ev-2022-04-ttp-attacks",
        "  - id: ev-2022-03-30-tank-attack",
        0,
        "duplicate id 'ev-2022-03-30-tank-attack': already used by the event at ",
        id="duplicate-id",
    ),
    pytest.param(
        "records.yaml",
        '    locator: {section: "1"}\n    quote: Its leader Noor Wali Mehsud\nevents:',
        "events:",
        -4,
        "relation 'rel-noor-wali-mehsud-leads-ttp' has no locator (provenance: every record "
        "needs source, locator and a verbatim quote)",
        id="no-provenance",
    ),
    pytest.param(
        "records.yaml",
        "    place: Tank\n",
        "    place: Tank\n    casualties: 24\n",
        1,
        "event 'ev-2022-03-30-tank-attack' has unknown field 'casualties'; known: ",
        id="unknown-field",
    ),
    pytest.param(
        "actors.yaml",
        '{name: Sirajuddin Haggani, type: misspelling, note: "Typo for Haqqani in the text."}',
        '{name: Sirajuddin Hagani, type: misspelling, note: "Typo."}',
        -1,
        "alias 'Sirajuddin Hagani' of actor 'sirajuddin-haqqani' does not occur in mini-paper.txt; fix the "
        "spelling or mark it in_text: false with a note",
        id="alias-not-in-text",
    ),
    pytest.param(
        "actors.yaml",
        '      - {name: Sirajuddin Haggani, type: misspelling, note: "Typo for Haqqani in the text."}',
        "      - {name: Sirajuddin Haggani, type: misspelling}",
        -1,
        "alias 'Sirajuddin Haggani' is a misspelling: add a note saying where it comes from",
        id="misspelling-without-note",
    ),
    pytest.param(
        "records.yaml",
        "    value: null\n    value_text: several hundred",
        "    value: 300\n    value_text: several hundred",
        0,
        "figure 'fig-chitral-militants' is vague: set value: null and keep the words in value_text",
        id="vague-figure-with-value",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "offset", "message"), CASES)
def test_broken_knowledge_is_reported_with_file_and_line(mini, mini_kb, db_path, file, old, new, offset, message):
    assert mini("kb", "build").code == 0
    before = db_path.read_bytes()
    line = edit(mini_kb / file, old, new) + offset
    result = mini("kb", "validate")
    assert result.code == 1
    problems = [row for row in result.err.splitlines() if not row.startswith(("Error:", "note:"))]
    expected_prefix = f"kb/{file}:{line}: "
    assert any(p.startswith(expected_prefix) and message in p for p in problems), result.err
    assert "Traceback" not in result.err
    assert result.err.splitlines()[-1].startswith("Error: ") and "the store was not changed" in result.err
    # Knowledge that does not validate is never built: commands answer from the last valid build and say so.
    shown = mini("show", "TTP")
    assert shown.code == 0 and shown.err.startswith("Warning: the knowledge in kb does not validate (kb/")
    assert db_path.read_bytes() == before


def test_a_name_shared_by_two_actors_must_be_declared(mini, mini_kb):
    edit(
        mini_kb / "actors.yaml",
        "ambiguities:\n  - id: amb-dostom\n    name: Dostom\n    actors: [yar-mohammad-dostom, abdul-rashid-dostom]\n    note: Two different Dostoms.\n",
        "",
    )
    result = mini("kb", "validate")
    assert result.code == 1
    rows = (mini_kb / "actors.yaml").read_text().splitlines()
    line = rows.index("    aliases:", rows.index("  - id: abdul-rashid-dostom")) + 1
    assert (
        f"kb/actors.yaml:{line}: name 'Dostom' of actor 'abdul-rashid-dostom' is also a name of actor "
        "'yar-mohammad-dostom'" in result.err
    )
    assert (
        "declare it in ambiguities (name: Dostom, actors: [abdul-rashid-dostom, yar-mohammad-dostom]) or remove one"
        in result.err
    )


def test_a_different_copy_of_the_source_text_is_refused(mini, mini_kb):
    text = mini_kb / "mini-paper.txt"
    text.write_text(text.read_text() + "\nAn added line.\n")
    result = mini("kb", "validate")
    assert result.code == 1
    assert "is not the text the knowledge was encoded from" in result.err


def test_without_the_source_text_quotes_are_not_checked_and_it_says_so(mini, mini_kb):
    (mini_kb / "mini-paper.txt").unlink()
    result = mini("kb", "validate")
    assert result.code == 0
    assert "note: quotes of source 'mini-2024' not checked: its text mini-paper.txt was not found" in result.err
    assert result.out.endswith("quotes NOT checked (source text not found)\n")


def test_a_missing_knowledge_folder_is_named(cli, tmp_path):
    result = cli("--kb", tmp_path / "nowhere", "kb", "validate")
    assert result.code == 1
    assert (
        result.err
        == f"Error: knowledge folder {tmp_path / 'nowhere'} does not exist; pass --kb DIR or set TORKHAM_KB\n"
    )
