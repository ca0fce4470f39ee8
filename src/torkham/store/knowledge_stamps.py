"""Stamps of the files the knowledge fingerprint reads, so that a reader can tell they are unchanged from a
few stats instead of reading and hashing them (store/actor_index.py, for `torkham show`).

A stamp is what the file system says of a file or folder: device, inode, size, modification and change
times. Any write to a file, and any file added, removed or renamed in a folder, gives it a new change time,
which no program can set back. A writer takes the stamps of the vocabulary, the bundled dataset list,
every knowledge file and crosswalk and every folder they are found in; then reads and hashes them
(the fingerprint it must equal), then takes the stamps again. It vouches for them only when both takings
agree and every change time lies well before it began: a file changed in the same tick of the file
system's clock as a stamp was taken could otherwise keep its stamp (the "racy" case). Without that, it
records nothing and readers hash the files, as before."""

from __future__ import annotations

import json
import os
import time

from torkham.locations import knowledge_roots

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

# Change times this close to the taking are not trusted: more than any file system's clock tick (FAT's is
# two seconds) and than the usual skew between the kernel's clock and the one a stamp is compared with.
RACY_NS = 3_000_000_000


def vouch(kb_root: Path, files: list[Path], read_all: Callable[[], bool]) -> str:
    """The stamps of the knowledge roots' folders and of `files` (every file the fingerprint reads), as a
    record to keep; "" when they cannot be vouched for. `read_all` reads the files and says whether what it
    read is what the store was built from."""
    started = time.time_ns()
    first = _taking(kb_root, files)
    if first is None or not read_all() or _taking(kb_root, files) != first:
        return ""
    if any(max(map(int, stamp.split(":")[-2:])) >= started - RACY_NS for stamp in first[2].values()):
        return ""
    return json.dumps(dict(zip(("kb_root", "roots", "stamps"), first, strict=True)), ensure_ascii=False)


def unchanged(record: str, kb_root: str | Path) -> bool:
    """Whether the files and folders `record` stamped are, by every stamp, as they were, for the same
    knowledge folder and the same roots (a user workspace that appeared or went away is a change)."""
    try:
        kept = json.loads(record)
        if kept["kb_root"] != os.path.abspath(kb_root):
            return False
        if kept["roots"] != [os.path.abspath(root) for root in knowledge_roots(kb_root)]:
            return False
        return all(_stamp(path) == stamp for path, stamp in kept["stamps"].items())
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def _taking(kb_root: Path, files: list[Path]) -> tuple[str, list[str], dict[str, str]] | None:
    """The knowledge folder, its roots, and the stamp of each file and folder; None when one is unreadable."""
    roots = [os.path.abspath(root) for root in knowledge_roots(kb_root)]
    paths = [os.path.abspath(path) for path in files]
    for root in roots:
        paths.extend(_folders(root))
    stamps = {path: _stamp(path) for path in paths}
    if not all(stamps.values()):
        return None
    return os.path.abspath(kb_root), roots, stamps


def _folders(root: str) -> list[str]:
    """The root and every folder below it where a knowledge file may be found: not hidden folders nor the
    source texts, whose files the fingerprint never reads (kb.workspace.is_knowledge_file)."""
    from torkham.kb.workspace import TEXTS_FOLDER

    found = []
    for folder, subfolders, _ in os.walk(root):
        found.append(folder)
        top = folder == root
        subfolders[:] = [s for s in subfolders if not s.startswith(".") and not (top and s == TEXTS_FOLDER)]
    return found


def _stamp(path: str) -> str:
    """Device, inode, size, modification and change times ("" when it cannot be read)."""
    try:
        s = os.stat(path)
    except OSError:
        return ""
    return f"{s.st_dev}:{s.st_ino}:{s.st_size}:{s.st_mtime_ns}:{s.st_ctime_ns}"
