"""Knowledge that does not validate is never built into the store: the store keeps answering from its last
valid build, every command says so in one warning line, `kb validate` lists every problem. An empty or cut
file is such a problem, with its file and line; an unclosed quote is reported where it opens."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dataset_shapes import ged, write_ged
from torkham.store.lastgood import BUILT_KEY

RESTORE = "restore its records (from git or a backup), or delete the file"
CUT_LINE = (
    "the file ends in the middle of this line, without a line break: it may have been cut short; restore the "
    "rest of it (from git or a backup), or end the line with a line break if it is whole"
)


def built(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT value FROM meta WHERE key = ?", [BUILT_KEY]).fetchone()[0]


def warning(problem: str, when: str) -> str:
    return (
        f"Warning: the knowledge in kb does not validate ({problem}); answering from the last valid build {when}. "
        "Run `torkham kb validate` for every problem.\n"
    )


def cut_after(path: Path, text: str) -> None:
    """Cut the file just after the first `text` in it (as a crash or a full disk leaves a file)."""
    content = path.read_text(encoding="utf-8")
    path.write_text(content[: content.index(text) + len(text)], encoding="utf-8")


BROKEN = [
    pytest.param(
        lambda kb: (kb / "records.yaml").write_text(""),
        f"kb/records.yaml:1: the file is empty (no records); {RESTORE}",
        id="empty",
    ),
    pytest.param(
        lambda kb: (kb / "records.yaml").write_text("# relations, events and figures of mini-2024\n\n# (none yet)\n"),
        f"kb/records.yaml:1: the file holds only comments (no records); {RESTORE}",
        id="only-comments",
    ),
    pytest.param(
        lambda kb: (kb / "relations.yaml").write_text("# relations of mini-2024\nsource: mini-2024\n"),
        f"kb/relations.yaml:2: the file has no record list such as 'relations:'; it may have been cut short: {RESTORE}",
        id="cut-after-source",
    ),
    pytest.param(
        lambda kb: cut_after(kb / "records.yaml", '    date: "2022-03'),
        "kb/records.yaml:11: malformed YAML: the quote opened on this line is never closed (the file ends inside "
        "it); close it, or restore the rest of the file if it was cut short",
        id="cut-inside-a-quote",
    ),
    pytest.param(
        lambda kb: cut_after(kb / "records.yaml", "type: attack\n    title: Attack on a fo"),
        f"kb/records.yaml:13: {CUT_LINE}",
        id="cut-mid-record",
    ),
    pytest.param(
        lambda kb: (kb / "records.yaml").write_text(
            (kb / "records.yaml").read_text().replace('date: "2022-03-30"', 'date: "2022-03-30', 1)
        ),
        "kb/records.yaml:11: malformed YAML: the quote opened on this line is not closed on it (the quoted text "
        "runs on to line 18); add the closing quote",
        id="unclosed-quote",
    ),
]


@pytest.mark.parametrize(("breaks", "problem"), BROKEN)
def test_broken_knowledge_is_an_error_with_file_and_line(mini, mini_kb, breaks, problem):
    breaks(mini_kb)
    result = mini("kb", "validate")
    assert result.code == 1
    assert f"{problem}\n" in result.err
    assert result.err.endswith("fix them and run again (the store was not changed).\n")
    assert "Traceback" not in result.err


@pytest.mark.parametrize(("breaks", "problem"), BROKEN)
def test_the_store_answers_from_its_last_valid_build_and_says_so(mini, mini_kb, db_path, breaks, problem):
    before = mini("show", "TTP", "--json")
    store = db_path.read_bytes()
    breaks(mini_kb)
    expected = warning(problem, f"of {built(db_path)}")
    for command in (("show", "TTP", "--json"), ("imports",), ("quarantine",), ("actors",)):
        result = mini(*command)
        assert (result.code, result.err) == (0, expected), command
    assert mini("show", "TTP", "--json").out == before.out
    assert db_path.read_bytes() == store  # never rebuilt from knowledge that does not validate


def test_the_warning_names_the_first_problem_and_counts_the_others(mini, mini_kb, db_path):
    (mini_kb / "records.yaml").write_text("")
    (mini_kb / "relations.yaml").write_text("# nothing yet\n")
    result = mini("show", "TTP")
    first = f"kb/records.yaml:1: the file is empty (no records); {RESTORE}"
    assert (result.code, result.err) == (0, warning(f"{first}; and 1 more", f"of {built(db_path)}"))


def test_an_empty_relations_file_never_rebuilds_the_store_without_its_relations(mini, mini_kb, db_path):
    (mini_kb / "records.yaml").write_text("")
    assert mini("show", "TTP", "--json").code == 0
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM kb_relations").fetchone()[0] == 1


def test_validate_and_build_still_refuse_with_every_problem(mini, mini_kb, db_path):
    store = db_path.read_bytes()
    (mini_kb / "records.yaml").write_text("")
    (mini_kb / "relations.yaml").write_text("# nothing yet\n")
    expected = (
        f"kb/records.yaml:1: the file is empty (no records); {RESTORE}\n"
        f"kb/relations.yaml:1: the file holds only comments (no records); {RESTORE}\n"
    )
    for command in (("kb", "validate"), ("kb", "build")):
        result = mini(*command)
        assert result.code == 1, command
        assert result.err == (
            f"{expected}Error: 2 problem(s) in the knowledge base; fix them and run again (the store was not changed).\n"
        )
    assert db_path.read_bytes() == store


def test_once_the_files_are_fixed_the_store_is_rebuilt_and_the_warning_goes(mini, mini_kb, db_path):
    records = mini_kb / "records.yaml"
    good = records.read_text()
    records.write_text("")
    assert mini("show", "TTP").err != ""
    records.write_text(good.replace("title: Attack on a fort in Tank", "title: Attack on the fort in Tank"))
    result = mini("timeline", "--json", "--from", "2022-03", "--to", "2022-03")
    assert (result.code, result.err) == (0, "")
    assert "Attack on the fort in Tank" in result.out
    assert mini("show", "TTP").err == ""


def test_a_store_built_before_the_date_was_kept_says_so(mini, mini_kb, db_path):
    with duckdb.connect(str(db_path)) as con:
        con.execute("DELETE FROM meta WHERE key = ?", [BUILT_KEY])
    (mini_kb / "records.yaml").write_text("")
    result = mini("show", "TTP")
    problem = f"kb/records.yaml:1: the file is empty (no records); {RESTORE}"
    assert (result.code, result.err) == (0, warning(problem, "(its date was not recorded)"))


def test_without_a_valid_build_there_is_nothing_to_answer_from(cli, mini_kb, fresh_db):
    (mini_kb / "records.yaml").write_text("")
    result = cli("--db", fresh_db, "--kb", mini_kb, "show", "TTP")
    assert result.code == 1
    assert result.err == (
        f"kb/records.yaml:1: the file is empty (no records); {RESTORE}\n"
        "Error: 1 problem(s) in the knowledge base; fix them and run again (the store was not changed).\n"
    )
    assert not fresh_db.exists()


def test_a_writer_refuses_while_the_knowledge_does_not_validate(mini, mini_kb, db_path, tmp_path):
    store = db_path.read_bytes()
    (mini_kb / "records.yaml").write_text("")
    result = mini("import", str(write_ged(tmp_path / "GEDEvent_v25_1.csv", [ged(1)])))
    assert result.code == 1
    assert result.err.endswith("fix them and run again (the store was not changed).\n")
    assert db_path.read_bytes() == store
