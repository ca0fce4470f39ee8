"""Zip files: every member that is a file is imported on its own (folders are skipped), each named
`archive.zip:member.csv`; a member that cannot be imported is refused with its reason and the others go
on. A zip holding one file is imported as that file, under the zip's own name."""

from __future__ import annotations

import stat
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from torkham.datasets.accounting import ImportAccountingError
from torkham.errors import TorkhamError

if TYPE_CHECKING:
    from torkham.datasets.importer import ImportSummary

MSDOS_FOLDER = 0x10  # the directory bit of a member's MS-DOS attributes (the low byte of external_attr)


def members(path: Path) -> list[str] | None:
    """The files inside a zip file, in order (folders left out); None when `path` is not a zip file."""
    if not zipfile.is_zipfile(path):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise TorkhamError(f"{path}: a damaged zip file ({exc})") from None
    parents = {folder for info in infos for folder in _folders_of(info.filename)}
    return [info.filename for info in infos if not _is_folder(info, parents)]


def _is_folder(info: zipfile.ZipInfo, parents: set[str]) -> bool:
    """A folder entry, however the tool that made the zip wrote it: a name ending in / (or \\ from Windows
    tools), the folder bit of its Unix mode or MS-DOS attributes, or an empty entry the other names sit in."""
    if info.is_dir() or info.filename.endswith("\\"):
        return True
    if stat.S_ISDIR(info.external_attr >> 16) or info.external_attr & MSDOS_FOLDER:
        return True
    return info.file_size == 0 and _plain(info.filename) in parents


def _plain(name: str) -> str:
    return name.replace("\\", "/").rstrip("/")


def _folders_of(name: str) -> list[str]:
    """The folders a member's name sits in: a/b/c.csv is in a and a/b."""
    parts = _plain(name).split("/")[:-1]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def first_member(path: Path) -> str:
    found = members(path) or []
    if not found:
        raise TorkhamError(f"{path}: the zip file is empty (it holds no file, only folders or nothing)")
    return found[0]


class readable:
    """The path DuckDB can read: the only file of a zip is extracted to a temporary folder first."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> Path:
        if members(self.path) is None:
            return self.path
        member = first_member(self.path)
        self.tmp = tmp = tempfile.TemporaryDirectory(prefix="torkham-")
        return _extract(self.path, member, Path(tmp.name))

    def __exit__(self, *exc: object) -> None:
        if self.tmp is not None:
            self.tmp.cleanup()


def _extract(path: Path, member: str, folder: Path) -> Path:
    """Write one member to `folder` under its own base name (never outside the folder)."""
    target = folder / (Path(member).name or "member")
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as src, target.open("wb") as out:
            for block in iter(lambda: src.read(1 << 20), b""):
                out.write(block)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise TorkhamError(f"{path}:{member}: cannot be extracted ({exc})") from None
    return target


def import_paths(con: Any, path: Path, *args: Any, **kwargs: Any) -> list[ImportSummary]:
    """Import a file, or each file of a zip holding several (see the module); `args` as for import_file."""
    from torkham.datasets.importer import ImportSummary, import_file

    found = members(path) if path.is_file() else None
    if found is None or len(found) <= 1:
        return [import_file(con, path, *args, **kwargs)]
    summaries = []
    with tempfile.TemporaryDirectory(prefix="torkham-") as tmp:
        for index, member in enumerate(found):
            shown = f"{kwargs.get('shown') or path}:{member}"
            folder = Path(tmp) / str(index)
            folder.mkdir()
            try:
                extracted = _extract(path, member, folder)
                summaries.append(import_file(con, extracted, *args, **{**kwargs, "shown": shown}))
            except ImportAccountingError:
                raise
            except TorkhamError as exc:
                reason = str(exc).replace(str(folder / (Path(member).name or "member")), shown)
                summaries.append(ImportSummary(shown, "", "", "", "", refused=reason.removeprefix(f"{shown}: ")))
    return summaries
