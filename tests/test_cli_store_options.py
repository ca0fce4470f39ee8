"""--db and --kb are taken before the command (`torkham --db X show TTP`) and after it (`torkham show TTP
--db X`), by every command and group; given in both places, the one after the command wins."""

from __future__ import annotations

import pytest

COMMANDS = [
    ("show", "TTP"),
    ("show", "TTP", "--json"),
    ("recommendations", "--json"),
    ("imports", "--json"),
    ("timeline", "--json", "--from", "2021-08", "--to", "2021-08"),
    ("kb", "validate"),
    ("kb", "export", "--format", "csv", "--kind", "actors"),
]


@pytest.fixture
def store_options(mini_kb, db_path):
    return ("--db", str(db_path), "--kb", str(mini_kb))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_the_options_after_the_command_give_the_same_output(cli, store_options, command):
    before = cli(*store_options, *command)
    after = cli(*command, *store_options)
    assert before.code == 0, before.err
    assert (after.code, after.out, after.err) == (0, before.out, before.err)


@pytest.mark.parametrize("where", ["before", "after"])
def test_kb_build_names_the_store_given_before_or_after(cli, store_options, db_path, where):
    options = store_options
    result = cli(*options, "kb", "build") if where == "before" else cli("kb", "build", *options)
    assert (result.code, result.out, result.err) == (0, f"up to date: {db_path}\n", "")


def test_kb_options_may_follow_the_group_too(cli, store_options, db_path):
    assert cli("kb", *store_options, "build").out == f"up to date: {db_path}\n"


def test_given_before_and_after_the_command_the_one_after_wins(cli, store_options, db_path, fresh_db, mini_kb):
    result = cli("--db", fresh_db, "--kb", mini_kb, "kb", "build", "--db", db_path)
    assert (result.code, result.out) == (0, f"up to date: {db_path}\n")
    assert not fresh_db.exists()
    result = cli("--db", db_path, "--kb", mini_kb, "kb", "build", "--db", fresh_db)
    assert (result.code, result.out) == (0, f"built: {fresh_db}\n")


def test_the_after_options_keep_the_other_one_given_before(cli, mini_kb, db_path):
    """--kb before the command and --db after it: both count."""
    result = cli("--kb", mini_kb, "kb", "build", "--db", db_path)
    assert (result.code, result.out) == (0, f"up to date: {db_path}\n")


def test_every_command_lists_the_options_in_its_help(cli):
    for command in (("show",), ("import",), ("serve",), ("kb", "export"), ("fetch", "ucdp")):
        shown = cli(*command, "--help").out
        assert "--db" in shown and "--kb" in shown, command
