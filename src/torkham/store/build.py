"""Build the knowledge layer of the store from the knowledge files: on first use, again when they
change, on a copy of the store that replaces it only when whole (store/swap.py), so that a failed or
killed build leaves the previous store as it was and readers never see half of it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from torkham.errors import ValidationFailed
from torkham.kb.validate import Validation, validate_knowledge
from torkham.model.vocabulary import default_vocabulary
from torkham.store.db import connect, transaction
from torkham.store.fingerprint import knowledge_fingerprint
from torkham.store.lastgood import BUILT_KEY, LastGood, built_at, built_now
from torkham.store.rows import export_form, store_schema
from torkham.store.rows import insert_all as _insert_all  # a module name tests can replace

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.datasets.bundled import BundledDataset

__all__ = [
    "build_store",
    "ensure_readable",
    "ensure_store",
    "export_form",
    "is_current",
    "knowledge_fingerprint",
    "store_validation",
]


def _state_of(con: DuckDBPyConnection) -> tuple[str | None, set[str]]:
    """The fingerprint the store was built from, and the hashes of the files imported into it."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    fingerprint = None
    if "meta" in tables:
        row = con.execute("SELECT value FROM meta WHERE key = 'kb_fingerprint'").fetchone()
        fingerprint = row[0] if row else None
    imported = {r[0] for r in con.execute("SELECT sha256 FROM imports").fetchall()} if "imports" in tables else set()
    return fingerprint, imported


def _stored_state(db_path: Path) -> tuple[str | None, set[str]]:
    if not db_path.exists():
        return None, set()
    con = connect(db_path, read_only=True)
    try:
        return _state_of(con)
    finally:
        con.close()


def is_current(con: DuckDBPyConnection, kb_root: Path) -> bool:
    """Whether an open store is up to date with the knowledge files and the bundled datasets."""
    from torkham.datasets.bundled import bundled_datasets

    stored, imported = _state_of(con)
    return stored == knowledge_fingerprint(kb_root) and all(b.sha256 in imported for b in bundled_datasets())


def ensure_store(db_path: Path, kb_root: Path) -> bool:
    """Make the store current: knowledge layer built from the knowledge files, bundled datasets
    imported, dataset actor names resolved. Returns True when anything was (re)built."""
    from torkham.datasets.bundled import bundled_datasets

    fingerprint = knowledge_fingerprint(kb_root)
    stored, imported = _stored_state(db_path)
    missing = [b for b in bundled_datasets() if b.sha256 not in imported]
    if stored == fingerprint and not missing:
        return False
    validation = None
    if stored != fingerprint:
        validation = validate_knowledge(kb_root, default_vocabulary())
        if not validation.ok:
            raise ValidationFailed(validation.problems)
    build_store(db_path, kb_root, validation, fingerprint, missing)
    return True


def ensure_readable(db_path: Path, kb_root: Path) -> LastGood | None:
    """Make the store current for reading, as ensure_store does; but when the knowledge files do not validate
    and the store holds a valid build, leave it as it is and return what to say (store/lastgood.py). A
    store without a valid build has nothing to answer from: ValidationFailed, as from ensure_store."""
    try:
        ensure_store(db_path, kb_root)
    except ValidationFailed as exc:
        built, kept = _last_build(db_path)
        if not kept:
            raise
        return LastGood.of(kb_root, exc.problems, built)
    return None


def _last_build(db_path: Path) -> tuple[str | None, bool]:
    """When the store's knowledge layer was built, and whether it holds one at all."""
    if not db_path.exists():
        return None, False
    con = connect(db_path, read_only=True)
    try:
        return built_at(con), _state_of(con)[0] is not None
    finally:
        con.close()


def store_validation(db_path: Path, kb_root: Path, validation: Validation) -> None:
    """Rebuild from a validation of the files now on disk, made before they were written (torkham
    ingest and accept validate a change first), so that it is not validated twice."""
    from torkham.datasets.bundled import bundled_datasets

    _, imported = _stored_state(db_path)
    missing = [b for b in bundled_datasets() if b.sha256 not in imported]
    build_store(db_path, kb_root, validation, knowledge_fingerprint(kb_root), missing)


def build_store(
    db_path: Path,
    kb_root: Path,
    validation: Validation | None,
    fingerprint: str,
    bundled: list[BundledDataset] | None = None,
) -> None:
    from torkham.datasets.actors import refresh_actor_names
    from torkham.datasets.importer import ensure_dataset_schema, import_file
    from torkham.store.swap import writing_store

    with writing_store(db_path) as con:  # a copy, renamed over the store when whole (readers go on reading)
        ensure_dataset_schema(con)
        for dataset in bundled or []:
            if dataset.kind == "refugees":
                from torkham.refugees.importer import import_bundled

                import_bundled(con, dataset)
                continue
            # events and aggregate: import_file dispatches on the format (events, or totals into country_month)
            import_file(con, dataset.path, dataset.format, dataset.version, shown=f"bundled:{dataset.file}")
        with transaction(con):
            if validation is not None:
                con.execute(store_schema())
                _insert_all(con, validation)
                con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('kb_fingerprint', ?), ('kb_root', ?), (?, ?)",
                    [fingerprint, str(validation.kb.root), BUILT_KEY, built_now()],
                )
            refresh_actor_names(con, kb_root)
