"""Fuzz the dataset importers through the CLI: GED, ACLED, GDELT and UNHCR files made of valid rows
mutated (empty cells, '#' prefixes, junk numbers and dates, quotes, line breaks, extra and missing
columns, blank lines), written with LF, CRLF or mixed endings, a BOM, an unterminated quote, or zipped
with several members and folders. See conftest.py for the profiles and how inputs are counted."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from cli_run import run_import
from fuzz_settings import COUNTS, batch
from generate import Case, dataset_file, write
from hypothesis import given
from hypothesis import strategies as st


def _check_case(fuzz_store: tuple[Path, Path], case: Case) -> None:
    COUNTS[f"{case.shape}:rows"] += case.rows
    COUNTS[f"{case.shape}:files"] += case.files
    with tempfile.TemporaryDirectory(prefix="torkham-fuzz-in-") as tmp:
        outcome = run_import(*fuzz_store, case.shape, write(case, Path(tmp)))
    COUNTS[f"{case.shape}:exit-{outcome.code}"] += 1
    if outcome.code == 0 and case.expected is not None and not outcome.refused:
        assert outcome.read == case.expected, (outcome.read, case.expected, case.notes, outcome.out, outcome.err)


@pytest.mark.parametrize("shape", ["ged", "acled", "gdelt", "unhcr"])
def test_every_row_is_imported_or_quarantined_and_nothing_crashes(fuzz_store, shape):
    @given(case=st.data())
    def fuzz(case: st.DataObject) -> None:
        _check_case(fuzz_store, case.draw(dataset_file(shape, batch())))

    fuzz()
