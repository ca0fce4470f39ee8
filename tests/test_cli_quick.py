"""The commands that answer at once (cli/quick.py) answer as the full commands do: `--version`, `--help`
(written from cli/listing.py) and `show` from the actor index beside the store (store/actor_index.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from torkham.cli.listing import COMMANDS, LISTED, root_help
from torkham.store.actor_index import index_path


@pytest.fixture
def indexed(db_path: Path) -> Path:
    """The mini store as a writer leaves it: with its actor index (a test's copy of the template has none)."""
    from torkham.store.swap import writing_store

    with writing_store(db_path):
        pass
    assert index_path(db_path).exists()
    return db_path


@pytest.fixture
def vouched(db_path: Path, mini_kb: Path, monkeypatch) -> Path:
    """The mini store, as built from this test's copy of the knowledge, with an index that keeps the stamps
    of its files: written as if they had not changed just before (a test's copy is too new to be trusted)."""
    with monkeypatch.context() as patched:
        patched.setattr("torkham.store.knowledge_stamps.RACY_NS", 0)
        _index_from(db_path, mini_kb)
    assert json.loads(_index_meta(db_path)["inputs"])["kb_root"] == str(mini_kb)
    return db_path


def _index_from(db_path: Path, kb_root: Path) -> None:
    """Write the store again as built from `kb_root` (the template was built from tests/data: the same files)."""
    from torkham.store.swap import writing_store

    with writing_store(db_path) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'kb_root'", [str(kb_root)])


@pytest.fixture
def no_store(monkeypatch):
    """Opening the store fails: whatever still answers did not open it."""

    import torkham.cli.commands_query  # noqa: F401  (imported first: it takes open_store from store.access)

    monkeypatch.setattr("torkham.store.access.open_store", _refuse)
    monkeypatch.setattr("torkham.cli.commands_query.open_store", _refuse)


def test_version_is_answered_at_once_and_by_click_alike(cli, db_path):
    assert _said(cli("--version")) == (0, "torkham 0.1.0\n", "")
    assert _said(cli("--db", db_path, "--version")) == (0, "torkham 0.1.0\n", "")


@pytest.mark.parametrize("columns", ["40", "64", "79", "200"])
def test_the_quick_help_is_the_help_click_writes(cli, db_path, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    quick = _said(cli("--help"))
    assert quick == (0, root_help() + "\n", "")
    assert _said(cli("--db", db_path, "--help")) == quick  # through click: its formatter, the same rows
    assert quick[1].startswith("Usage: torkham [OPTIONS] COMMAND [ARGS]...\n\n  Evidence workbench")


def test_the_listing_matches_the_commands_in_the_order_they_register():
    """cli/listing.py lists every command the modules register, in their order, with their own help and modules;
    when this fails after adding a command, add its line to COMMANDS (the message shows what is expected)."""
    script = """
import importlib, json
import typer.main
from torkham.cli.app import COMMAND_MODULES
from torkham.cli.base import app
for module in COMMAND_MODULES:
    importlib.import_module("torkham.cli." + module)
rows = []
for info in app.registered_commands:
    name = info.name or typer.main.get_command_name(info.callback.__name__)
    modules = {info.callback.__module__}
    rows.append((name, modules, info.callback.__doc__ or ""))
for group in app.registered_groups:
    typer_app = group.typer_instance
    modules = {c.callback.__module__ for c in typer_app.registered_commands}
    if typer_app.registered_callback:
        modules.add(typer_app.registered_callback.callback.__module__)
    built = typer.main.get_group_from_info(group, pretty_exceptions_short=False, rich_markup_mode=None,
                                           suggest_commands=True)
    rows.append((group.name, modules, built.help or ""))
print(json.dumps([[n, sorted(m.rsplit(".", 1)[1] for m in ms), h] for n, ms, h in rows]))
"""
    found = json.loads(
        subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, text=True).stdout
    )
    expected = [(name, tuple(modules), " ".join(text.split("\n\n")[0].split())) for name, modules, text in found]
    assert [tuple(c) for c in COMMANDS] == expected


def test_a_command_loads_only_its_own_modules():
    script = """
import sys
from torkham.cli.app import run
run(["kb", "--help"])
print(sorted(m for m in sys.modules if m.startswith("torkham.cli.commands_")))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True, text=True).stdout
    assert out.splitlines()[-1] == "['torkham.cli.commands_kb']"
    assert LISTED["kb"].modules == ("commands_kb",)


HEAVY = ("typer", "duckdb", "pydantic", "torkham.params", "rich", "yaml")
KNOWLEDGE_READERS = ("torkham.store.fingerprint", "hashlib")  # the files are read and hashed
# What `show` once loaded only to find the store and the knowledge, or to open the index: each costs more
# processor time than the page itself (bench/README.md, startup.py). The paths are found in locations.py.
START_UP = (
    "dataclasses",
    "pathlib",
    "typing",
    "torkham.config",
    "torkham.kb.resolve",
    "torkham.kb.workspace",
    "sqlite3",  # its own core, _sqlite3, opens the index: the package adds date types, which load datetime
    "datetime",
    "unicodedata",  # a name typed in ASCII has nothing to decompose
)


@pytest.mark.parametrize(
    ("store", "unloaded"),
    [("indexed", HEAVY), ("vouched", HEAVY + KNOWLEDGE_READERS + START_UP)],
    ids=["hashed", "stamped"],
)
def test_show_answers_from_the_index_without_typer_duckdb_or_rich(request, store, unloaded, mini_kb, tmp_path):
    """Piped, the page is written without Rich; and when the index's stamps vouch for the knowledge files,
    without reading them, nor loading what finding the files and opening the index once loaded."""
    db = request.getfixturevalue(store)
    script = f"""
import sys
from torkham.cli.app import run
status = run(["--db", {str(db)!r}, "--kb", {str(mini_kb)!r}, "show", "TTP"])
print(status, sorted(m for m in {unloaded!r} if m in sys.modules))
"""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")} | {"COLUMNS": "200"}
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, text=True, env=env, cwd=tmp_path
    )
    assert run.stdout.splitlines()[0] == "Tehrik-e-Taliban Pakistan  (armed group)  id: ttp"
    assert run.stdout.splitlines()[-1] == "0 []"


@pytest.mark.parametrize(
    "args",
    [("show", "TTP"), ("show", "ttp", "--json"), ("show", "Haggani"), ("show", "yar-mohammad-dostom")],
    ids=" ".join,
)
def test_show_from_the_index_prints_what_the_store_gives(cli, indexed, mini_kb, monkeypatch, args):
    kept = indexed.with_name("kept")
    index_path(indexed).rename(kept)
    from_store = cli("--db", indexed, "--kb", mini_kb, *args)
    kept.rename(index_path(indexed))
    with monkeypatch.context() as patched:
        patched.setattr("torkham.cli.commands_query.open_store", _refuse)
        patched.setattr("torkham.store.access.open_store", _refuse)
        quick = cli("--db", indexed, "--kb", mini_kb, *args)
        after = cli(*args, "--db", indexed, "--kb", mini_kb)  # the options after the command, too
    assert from_store.code == 0
    assert quick == from_store == after


def test_without_the_index_show_opens_the_store(cli, indexed, mini_kb):
    with_index = cli("--db", indexed, "--kb", mini_kb, "show", "TTP")
    index_path(indexed).unlink()
    assert cli("--db", indexed, "--kb", mini_kb, "show", "TTP") == with_index


@pytest.mark.parametrize("name", ["Dostom", "Zzyzx", "Mehsood", "  ", "x" * 201])
def test_names_that_are_not_one_actor_are_answered_by_the_full_command(cli, indexed, mini_kb, name):
    result = cli("--db", indexed, "--kb", mini_kb, "show", name)
    assert result.code == 1 and result.err.startswith("Error: ")


@pytest.mark.parametrize("store", ["indexed", "vouched"], ids=["hashed", "stamped"])
def test_changed_knowledge_is_not_answered_from_the_index(request, cli, store, mini_kb):
    db = request.getfixturevalue(store)
    actors = mini_kb / "actors.yaml"
    before = actors.stat().st_size
    actors.write_text(actors.read_text().replace("name: Tehrik-e-Taliban Pakistan", "name: Tehrik-i-Taliban Pakistan"))
    assert actors.stat().st_size == before  # only the content tells
    result = cli("--db", db, "--kb", mini_kb, "show", "TTP")
    assert result.out.splitlines()[0] == "Tehrik-i-Taliban Pakistan  (armed group)  id: ttp"
    assert _index_meta(db)["stamp"] == _stamp(db)  # the rebuild wrote the index again


def test_a_new_knowledge_file_is_not_answered_from_a_stamped_index(cli, vouched, mini_kb, no_store):
    (mini_kb / "more.yaml").write_text("")
    with pytest.raises(AssertionError, match="the store was opened"):
        cli("--db", vouched, "--kb", mini_kb, "show", "TTP")


def test_an_index_written_just_after_the_knowledge_changed_keeps_no_stamps(cli, db_path, mini_kb):
    """A file changed in the clock tick its stamp was taken in could keep that stamp: such files are read
    again by every reader (mini_kb was copied a moment ago)."""
    _index_from(db_path, mini_kb)
    assert _index_meta(db_path)["inputs"] == ""
    assert cli("--db", db_path, "--kb", mini_kb, "show", "TTP").code == 0


def test_a_store_changed_behind_the_index_is_not_answered_from_it(cli, indexed, mini_kb, no_store):
    os.utime(indexed, ns=(0, 0))  # no longer the file the index was written with
    with pytest.raises(AssertionError, match="the store was opened"):
        cli("--db", indexed, "--kb", mini_kb, "show", "TTP")


def test_a_store_without_its_bundled_datasets_is_not_answered_from_the_index(cli, indexed, mini_kb, no_store):
    import sqlite3

    with sqlite3.connect(index_path(indexed)) as con:
        con.execute("UPDATE meta SET value = '' WHERE key = 'bundled'")
    with pytest.raises(AssertionError, match="the store was opened"):
        cli("--db", indexed, "--kb", mini_kb, "show", "TTP")


def _refuse(*args, **kwargs):
    raise AssertionError("the store was opened")


def test_the_index_holds_each_actors_detail_as_the_store_gives_it(indexed, bundled_store):
    from torkham.store import queries
    from torkham.store.actor_index import all_actor_details
    from torkham.store.db import connect

    for path in (indexed, bundled_store):
        con = connect(path, read_only=True)
        try:
            details = all_actor_details(con)
            assert sorted(details) == sorted(queries.actor_names(con))
            for actor_id, detail in details.items():
                assert detail == queries.actor_detail(con, actor_id), actor_id
        finally:
            con.close()


def test_the_light_modules_name_the_files_the_heavy_ones_read():
    from torkham.datasets.bundled import DATA_DIR
    from torkham.model.vocabulary import VOCABULARY_FILE
    from torkham.store.actor_index import BUNDLED_LIST
    from torkham.store.fingerprint import VOCABULARY_FILE as LIGHT_VOCABULARY_FILE

    assert (LIGHT_VOCABULARY_FILE, Path(BUNDLED_LIST)) == (VOCABULARY_FILE, DATA_DIR / "bundled.yaml")


def test_show_finds_the_store_and_knowledge_as_the_settings_do(monkeypatch, tmp_path):
    """cli/quick.py finds them in locations.py, without loading config.py: the same places."""
    from torkham import locations
    from torkham.config import Settings
    from torkham.kb.workspace import knowledge_roots

    workspace = tmp_path / "workspace"
    workspace.mkdir()
    monkeypatch.setenv("TORKHAM_WORKSPACE", str(workspace))
    for db, kb in [(None, None), ("./x//y.duckdb", "kb/"), (tmp_path / "z.duckdb", tmp_path)]:
        settings = Settings.load(db=db, kb=kb)
        assert Path(locations.store_path(db)) == settings.db_path
        assert Path(locations.knowledge_path(kb)) == settings.kb_root
        assert list(map(Path, locations.knowledge_roots(locations.knowledge_path(kb)))) == knowledge_roots(
            settings.kb_root
        )
    assert knowledge_roots(Settings.load().kb_root)[1:] == [workspace]  # the bundled knowledge and the workspace


def test_a_bad_ingest_setting_is_the_error_of_show_from_the_index(cli, indexed, mini_kb, monkeypatch):
    monkeypatch.setenv("TORKHAM_INGEST_SECONDS", "soon")
    result = cli("--db", indexed, "--kb", mini_kb, "show", "TTP")
    assert _said(result) == (1, "", "Error: TORKHAM_INGEST_SECONDS must be a positive number (got 'soon')\n")
    monkeypatch.setenv("TORKHAM_INGEST_SECONDS", "60")
    assert cli("--db", indexed, "--kb", mini_kb, "show", "TTP").out.startswith("Tehrik-e-Taliban Pakistan  (armed")


@pytest.mark.parametrize("db", [".", "store/"])
def test_a_store_path_that_names_no_file_is_answered_by_the_full_command(cli, tmp_path, db, no_store):
    """The index is named after the store's file; where the path names none, `show` does not look for one."""
    (tmp_path / "store").mkdir()
    with pytest.raises(AssertionError, match="the store was opened"):
        cli("--db", db, "show", "TTP")


def _index_meta(db_path: Path) -> dict[str, str]:
    import sqlite3

    with sqlite3.connect(index_path(db_path)) as con:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())


def _stamp(path: Path) -> str:
    status = os.stat(path)
    return f"{status.st_ino}:{status.st_mtime_ns}:{status.st_size}"


def _said(result) -> tuple[int, str, str]:
    return (result.code, result.out, result.err)
