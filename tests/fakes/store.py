"""A store built once per test module and copied for each test (building one takes most of a test's time)."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def template_store(folder: Path) -> Path:
    """A store built from a copy of the mini knowledge base (the same content the `mini` fixture copies,
    so its fingerprint matches and the copy is used as it is)."""
    from torkham.store.build import ensure_store

    kb = folder / "kb"
    shutil.copytree(DATA / "mini" / "kb", kb)
    path = folder / "template.duckdb"
    ensure_store(path, kb)
    return path


def copy_store(template: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return target
