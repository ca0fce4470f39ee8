"""The fuzz suite's settings and counters. In CI (the default) each format's test runs a fixed number of
examples, derandomized so every run tries the same inputs; `--long` or TORKHAM_FUZZ_LONG=1 runs far more,
randomly. Inputs are counted as the rows generated (a file of 40 mutated rows counts 40), files apart;
the counts are printed at the end of the run and written to test-artefacts/fuzz-counts.json."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from fuzz_settings import COUNTS
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data"
_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("torkham-ci", max_examples=100, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("torkham-long", max_examples=2000, derandomize=False, print_blob=True, **_COMMON)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true", default=False, help="fuzz the importers far longer")


def pytest_configure(config: pytest.Config) -> None:
    long = config.getoption("--long", default=False) or os.environ.get("TORKHAM_FUZZ_LONG") == "1"
    settings.load_profile("torkham-long" if long else "torkham-ci")


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if not COUNTS:
        return
    rows = sum(v for k, v in COUNTS.items() if k.endswith(":rows"))
    files = sum(v for k, v in COUNTS.items() if k.endswith(":files"))
    terminalreporter.write_line(f"fuzz: {rows:,} generated rows in {files:,} files; {dict(sorted(COUNTS.items()))}")
    out = REPO / "test-artefacts"
    out.mkdir(exist_ok=True)
    (out / "fuzz-counts.json").write_text(json.dumps({"rows": rows, "files": files, **COUNTS}, indent=1) + "\n")


@pytest.fixture(scope="session")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store built once from the mini knowledge base, and a copy of that knowledge base."""
    from torkham.store.build import ensure_store

    folder = tmp_path_factory.mktemp("fuzz-store")
    kb = folder / "kb"
    shutil.copytree(DATA / "mini" / "kb", kb)
    ensure_store(folder / "template.duckdb", kb)
    return folder / "template.duckdb", kb
