"""Zip files whose first member is a folder: however the tool wrote the folder (a trailing /, the folder bit of
its Unix mode or of its MS-DOS attributes, or an empty entry named like the folder the files sit in), the
folder is skipped and the file inside it is imported; a zip holding folders only is refused as empty."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import duckdb
import pytest

from dataset_shapes import GED_COLUMNS, ged
from torkham.datasets.archive import import_paths, members
from torkham.errors import TorkhamError


def ged_text(ids: list[int]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, GED_COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(ged(n) for n in ids)
    return buffer.getvalue()


def folder_entry(how: str) -> zipfile.ZipInfo:
    """The entry of a folder `data`, written the way one tool or another writes it."""
    if how == "slash":
        return zipfile.ZipInfo("data/")
    entry = zipfile.ZipInfo("data")
    if how == "unix-mode":
        entry.external_attr = 0o40755 << 16
    elif how == "msdos-attribute":
        entry.external_attr = 0x10
    return entry  # "bare": an empty entry named like the folder the file sits in


def write_zip(path: Path, folder: str, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(folder_entry(folder), "")
        for name, text in files.items():
            archive.writestr(name, text)
    return path


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "store.duckdb"))
    yield connection
    connection.close()


FOLDERS = ["slash", "unix-mode", "msdos-attribute", "bare"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_folder_first_is_skipped_and_the_file_in_it_imported(con, tmp_path, folder):
    path = write_zip(tmp_path / "ged.zip", folder, {"data/ged.csv": ged_text([1, 2, 3])})
    assert members(path) == ["data/ged.csv"]
    (summary,) = import_paths(con, path, None, "1")
    assert (summary.format, summary.rows_read, summary.inserted, summary.refused) == ("ucdp-ged-csv", 3, 3, None)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (3,)


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_folder_first_then_two_files_imports_each_file(con, tmp_path, folder):
    files = {"data/2021.csv": ged_text([1, 2]), "data/2022.csv": ged_text([3])}
    path = write_zip(tmp_path / "ged.zip", folder, files)
    summaries = import_paths(con, path, None, "1")
    assert [(s.file, s.inserted, s.refused) for s in summaries] == [
        (f"{path}:data/2021.csv", 2, None),
        (f"{path}:data/2022.csv", 1, None),
    ]


def test_a_zip_of_folders_only_is_refused_as_empty(con, tmp_path):
    path = tmp_path / "folders.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(folder_entry("unix-mode"), "")
        archive.writestr(zipfile.ZipInfo("data/inner/"), "")
    assert members(path) == []
    with pytest.raises(TorkhamError) as refused:
        import_paths(con, path, None, "1")
    assert str(refused.value) == f"{path}: the zip file is empty (it holds no file, only folders or nothing)"


def test_an_empty_file_beside_others_is_still_a_member(tmp_path):
    path = tmp_path / "files.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "")
        archive.writestr("ged.csv", ged_text([1]))
    assert members(path) == ["notes.txt", "ged.csv"]
