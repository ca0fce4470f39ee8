from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from paper_paths import PAPER, paper_dir  # noqa: F401  (re-exported for the tests)
from torkham.cli.app import run

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def mini_kb(tmp_path: Path) -> Path:
    """A writable copy of the small test knowledge base (with its own source text)."""
    target = tmp_path / "kb"
    shutil.copytree(DATA / "mini" / "kb", target)
    return target


@pytest.fixture(scope="session")
def mini_store_template(tmp_path_factory) -> Path:
    """A store built once from the mini knowledge base (with the bundled datasets imported)."""
    from torkham.store.build import ensure_store

    template = tmp_path_factory.mktemp("template") / "torkham.duckdb"
    ensure_store(template, DATA / "mini" / "kb")
    return template


@pytest.fixture
def db_path(tmp_path: Path, mini_store_template: Path) -> Path:
    """A fresh store for one test: a copy of the template, so tests need not import the bundled data
    again. Commands still check it against their knowledge folder and rebuild what changed."""
    target = tmp_path / "store" / "torkham.duckdb"
    target.parent.mkdir()
    shutil.copyfile(mini_store_template, target)
    return target


@pytest.fixture
def con(tmp_path):
    """A read-write connection to an empty store file."""
    import duckdb

    connection = duckdb.connect(str(tmp_path / "store.duckdb"))
    yield connection
    connection.close()


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    """A store path where nothing exists yet."""
    return tmp_path / "fresh" / "torkham.duckdb"


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run torkham in-process like a user would; returns exit code, stdout and stderr."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def mini(cli, mini_kb, db_path):
    """torkham over the mini knowledge base and a fresh store."""

    def invoke(*args: str) -> Result:
        return cli("--db", db_path, "--kb", mini_kb, *args)

    return invoke


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store built from the bundled knowledge and datasets, shared by the tests that only read it."""
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("kb-bundled") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path
