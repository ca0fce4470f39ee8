"""One store built from the bundled knowledge (with the bundled datasets) for the tests of this folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import torkham

BUNDLED_KB = Path(torkham.__file__).parent / "knowledge"


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("kb-bundled") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KB)
    return path
