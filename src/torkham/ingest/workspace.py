"""Changes to the workspace made all at once: files are written to a hidden staging folder inside the
workspace, validated there with the rest of the knowledge base, then renamed into place. A failure at
any point — validation, a rename, the store step after it — puts every file back as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from torkham.kb.loader import Staged
from torkham.kb.workspace import is_knowledge_file


class WorkspaceChange:
    """Use as a context manager: `write`/`remove`, validate `staged()`, `commit()`; leaving the block
    with an exception undoes a commit, leaving it normally makes the change final."""

    def __init__(self, root: Path):
        self.root = root
        self._created_root = False
        self._stage: Path | None = None
        self._writes: dict[Path, Path] = {}  # real path -> staged copy
        self._removals: set[Path] = set()
        self._done: list[tuple[Path, Path | None]] = []  # (real path, backup or None when it was new)
        self._new_dirs: list[Path] = []

    def __enter__(self) -> WorkspaceChange:
        if not self.root.exists():
            self.root.mkdir(parents=True)
            self._created_root = True
        self._stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.root))
        return self

    def __exit__(self, kind, error, trace) -> None:
        try:
            if error is not None:
                self._undo()
        finally:
            if self._stage is not None:
                shutil.rmtree(self._stage, ignore_errors=True)
            if error is not None and self._created_root and not any(self.root.iterdir()):
                self.root.rmdir()

    @property
    def stage(self) -> Path:
        assert self._stage is not None, "use WorkspaceChange as a context manager"
        return self._stage

    def write(self, relative: str | Path, text: str) -> Path:
        copy = self.stage / "new" / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(text, encoding="utf-8")
        real = self.root / relative
        self._writes[real] = copy
        self._removals.discard(real)
        return real

    def remove(self, relative: str | Path) -> None:
        real = self.root / relative
        self._writes.pop(real, None)
        if real.exists():
            self._removals.add(real)

    def staged_text(self, real: Path) -> str | None:
        """The text a file will have after the change (None when it is removed or does not exist)."""
        if real in self._removals:
            return None
        source = self._writes.get(real, real)
        return source.read_text(encoding="utf-8") if source.is_file() else None

    def staged(self) -> Staged:
        """The knowledge files this change writes or removes, as kb.loader.load_knowledge takes them."""
        changes: Staged = {real: copy for real, copy in self._writes.items() if self._is_knowledge(real)}
        changes.update({real: None for real in self._removals if self._is_knowledge(real)})
        return changes

    def _is_knowledge(self, real: Path) -> bool:
        return real.suffix == ".yaml" and is_knowledge_file(self.root, real)

    @property
    def text_dir(self) -> Path:
        """Where staged source texts are found (the staging folder mirrors the workspace)."""
        return self.stage / "new"

    def commit(self) -> None:
        backups = self.stage / "backup"
        try:
            for real in sorted(self._removals):
                backup = backups / real.relative_to(self.root)
                backup.parent.mkdir(parents=True, exist_ok=True)
                os.replace(real, backup)
                self._done.append((real, backup))
            for real, copy in self._writes.items():
                self._make_parents(real.parent)
                saved: Path | None = None
                if real.exists():
                    saved = backups / real.relative_to(self.root)
                    saved.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(real, saved)
                try:
                    os.replace(copy, real)
                except BaseException:
                    if saved is not None:
                        os.replace(saved, real)
                    raise
                self._done.append((real, saved))
        except BaseException:
            self._undo()
            raise
        self._prune_empty_dirs()

    def _make_parents(self, folder: Path) -> None:
        missing = [p for p in [folder, *folder.parents] if p.is_relative_to(self.root) and not p.exists()]
        for path in reversed(missing):
            path.mkdir()
            self._new_dirs.append(path)

    def _undo(self) -> None:
        for real, backup in reversed(self._done):
            with contextlib.suppress(OSError):  # put back all that can be put back
                if backup is None:
                    real.unlink(missing_ok=True)
                else:
                    real.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(backup, real)
        self._done.clear()
        for folder in reversed(self._new_dirs):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()

    def _prune_empty_dirs(self) -> None:
        """Folders left empty by removals (a source whose proposals are all decided)."""
        for real in self._removals:
            folder = real.parent
            while folder != self.root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
