"""What every command needs: where the store and the knowledge are, and an open, current store."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from torkham.errors import TorkhamError


@dataclass
class Settings:
    db: str | None = None
    kb: str | None = None

    @property
    def db_path(self) -> Path:
        from torkham.store.db import resolve_db_path

        return resolve_db_path(self.db)

    @property
    def kb_root(self) -> Path:
        from torkham.kb.loader import BUNDLED_KNOWLEDGE

        chosen = self.kb or os.environ.get("TORKHAM_KB")
        return Path(chosen) if chosen else BUNDLED_KNOWLEDGE


@contextmanager
def open_store(settings: Settings):
    """The store, built or rebuilt first if the knowledge files changed; opened read-only."""
    from torkham.store.build import ensure_store, is_current
    from torkham.store.db import connect

    con = connect(settings.db_path, read_only=True) if settings.db_path.exists() else None
    if con is None or not is_current(con, settings.kb_root):  # one connection when nothing changed
        if con is not None:
            con.close()
        ensure_store(settings.db_path, settings.kb_root)
        con = connect(settings.db_path, read_only=True)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def open_store_for_writing(settings: Settings):
    """The store, current, opened for writing (imports, fetches). One writer at a time."""
    from torkham.store.build import ensure_store
    from torkham.store.db import connect

    ensure_store(settings.db_path, settings.kb_root)
    con = connect(settings.db_path)
    try:
        yield con
    finally:
        con.close()


def resolve_actor(con, name: str, option: str | None = None, index=None) -> str:
    """The id of the one actor `name` denotes, or a TorkhamError listing candidates/suggestions.
    `index`: a NameIndex of the store already built (the web app keeps one)."""
    from torkham.kb.resolve import NameIndex

    index = index or NameIndex.from_store(con)
    result = index.resolve(name)
    if result.actor_id:
        return result.actor_id
    prefix = f"{option}: " if option else ""
    if result.ambiguous:
        listed = "\n".join(f"  {a}  {index.canonical.get(a, a)}" for a in result.candidates)
        raise TorkhamError(
            f"{prefix}'{name}' is ambiguous; it names {len(result.candidates)} actors:\n{listed}\nUse one of these ids instead."
        )
    if result.suggestions:
        close = ", ".join(f"{index.canonical[a]} ({a})" for a in result.suggestions)
        raise TorkhamError(f"{prefix}no actor named '{name}'. Closest known names: {close}")
    raise TorkhamError(f"{prefix}no actor named '{name}'; run 'torkham actors' to list them")


def check_term(section: str, value: str | None, option: str) -> None:
    if value is None:
        return
    from torkham.model.vocabulary import default_vocabulary

    known = default_vocabulary()[section]
    if value not in known:
        raise TorkhamError(f"{option}: unknown value '{value}'; choose one of: {', '.join(known)}")
