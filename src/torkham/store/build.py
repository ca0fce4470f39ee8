"""Build the knowledge layer of the store from the knowledge files: on first use, again when they
change, always in one transaction so that a failed build leaves the previous store as it was."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

from torkham.errors import ValidationFailed
from torkham.kb.loader import Record, knowledge_files
from torkham.kb.names import normalize
from torkham.kb.validate import Validation, validate_knowledge
from torkham.model.dates import parse_partial_date
from torkham.model.vocabulary import VOCABULARY_FILE, default_vocabulary
from torkham.store.db import connect, transaction

STORE_SCHEMA_VERSION = "1"


def knowledge_fingerprint(kb_root: Path) -> str:
    """Changes whenever the vocabulary, a knowledge file or a crosswalk changes."""
    from torkham.datasets.actors import crosswalk_files

    digest = hashlib.sha256(f"torkham-store-{STORE_SCHEMA_VERSION}\n".encode())
    digest.update(VOCABULARY_FILE.read_bytes())
    for path in knowledge_files(kb_root):
        digest.update(str(path.relative_to(kb_root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for path in crosswalk_files(kb_root):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _state_of(con) -> tuple[str | None, set[str]]:
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


def is_current(con, kb_root: Path) -> bool:
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


def build_store(
    db_path: Path, kb_root: Path, validation: Validation | None, fingerprint: str, bundled: list | None = None
) -> None:
    from torkham.datasets.actors import refresh_actor_names
    from torkham.datasets.importer import ensure_dataset_schema, import_file

    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(db_path)
    try:
        ensure_dataset_schema(con)
        for dataset in bundled or []:
            if dataset.kind == "refugees":
                from torkham.refugees.importer import import_bundled

                import_bundled(con, dataset)
                continue
            import_file(con, dataset.path, dataset.format, dataset.version, shown=f"bundled:{dataset.file}")
        with transaction(con):
            if validation is not None:
                con.execute(resources.files("torkham.store").joinpath("schema.sql").read_text(encoding="utf-8"))
                _insert_all(con, validation)
                con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('kb_fingerprint', ?), ('kb_root', ?)",
                    [fingerprint, str(validation.kb.root)],
                )
            refresh_actor_names(con, kb_root)
    finally:
        con.close()


def _locator(record: Record, validation: Validation) -> dict:
    locator = dict(record.get("locator") or {})
    text = validation.texts.get(str(record.get("source")))
    quote = record.get("quote")
    if text is not None and isinstance(quote, str):
        locator["line"] = text.line_of(quote)
    if "section" in locator:
        locator["section"] = str(locator["section"])
    return locator


def export_form(record: Record, locator: dict) -> dict:
    """The record as `kb export` and the API give it: every field, with normalised defaults."""
    data = {"id": record.id, **{k: v for k, v in record.data.items() if k != "id"}}
    data["locator"] = locator
    if record.kind == "events":
        data["precision"] = "approximate" if data.get("approximate") else parse_partial_date(data["date"]).precision
        data["date_precision"] = parse_partial_date(data["date"]).precision
        data.setdefault("approximate", False)
        data.setdefault("actors", [])
    elif record.kind == "actors":
        data["aliases"] = [a if isinstance(a, dict) else {"name": a} for a in data.get("aliases") or []]
        data.setdefault("attributes", {})
    elif record.kind == "figures":
        data.setdefault("context", "text")
        data.setdefault("actors", [])
    elif record.kind == "claims":
        data.setdefault("disputed_by", [])
        data.setdefault("disputes", [])
    elif record.kind == "checks":
        data["about"] = data["about"] if isinstance(data["about"], list) else [data["about"]]
        data.setdefault("checkable", True)
        if data["checkable"]:
            data.setdefault("filters", {})
            data.setdefault("definitions", "same")
            data.setdefault("assumes", [])
            data.setdefault("caveats", [])
    return json.loads(json.dumps(data, default=str))


def _insert_all(con, validation: Validation) -> None:
    rows: dict[str, list[tuple]] = {}

    def add(table: str, *values: object) -> None:
        rows.setdefault(table, []).append(values)

    for record in validation.kb.records:
        locator = _locator(record, validation)
        data = export_form(record, locator)
        add(
            "kb_records",
            record.id,
            record.kind,
            record.seq,
            data["source"],
            locator.get("section"),
            locator.get("page"),
            locator.get("figure"),
            locator.get("line"),
            data.get("quote"),
            record.file,
            json.dumps(data),
        )
        _insert_kind(add, record, data, validation)
    for table, values in rows.items():
        placeholders = ", ".join("?" * len(values[0]))
        con.executemany(f"INSERT INTO {table} VALUES ({placeholders})", values)


def _insert_kind(add, record: Record, data: dict, validation: Validation) -> None:
    kind, rid = record.kind, record.id
    for cited in data.get("cites") or []:
        add("kb_citations", cited, rid, data["locator"].get("section"), data["locator"].get("line"), data.get("quote"))
    if kind == "actors":
        add("kb_actors", rid, data["name"], data["kind"], data.get("description"))
        for alias in [{"name": data["name"], "type": "name"}, *data["aliases"]]:
            add(
                "kb_names",
                rid,
                alias["name"],
                alias.get("type") or "alias",
                normalize(alias["name"]),
                alias.get("note"),
                alias.get("in_text", True) is not False,
            )
    elif kind == "ambiguities":
        for actor in data["actors"]:
            add("kb_ambiguities", rid, data["name"], normalize(data["name"]), actor, data.get("note"))
    elif kind == "relations":
        add(
            "kb_relations",
            rid,
            data["type"],
            data["from"],
            data["to"],
            data.get("sign"),
            data.get("valid_from"),
            data.get("valid_to"),
        )
    elif kind == "events":
        start = parse_partial_date(data["date"])
        end = parse_partial_date(data["end_date"]) if data.get("end_date") else start
        add(
            "kb_events",
            rid,
            data["date"],
            data["precision"],
            data["approximate"],
            start.first_day,
            end.last_day,
            data["type"],
            data["title"],
            data.get("place"),
            data.get("country"),
            data.get("admin1"),
        )
        for position, actor in enumerate(data["actors"]):
            add("kb_event_actors", rid, actor, position)
    elif kind == "figures":
        period = data.get("period") or {}
        add(
            "kb_figures",
            rid,
            data.get("value"),
            str(data["value_text"]),
            data.get("qualifier"),
            data.get("low"),
            data.get("high"),
            data["unit"],
            data["counts"],
            data["context"],
            data.get("event"),
            period.get("from") or period.get("as_of"),
            period.get("to") or period.get("as_of"),
            data.get("country"),
        )
        for actor in data["actors"]:
            add("kb_figure_actors", rid, actor)
    elif kind == "claims":
        add("kb_claims", rid, data["topic"], data["statement"])
        for role, key in (("asserts", "asserted_by"), ("disputes", "disputed_by")):
            for actor in data.get(key) or []:
                add("kb_claim_actors", rid, actor, role)
        for other in data["disputes"]:
            add("kb_claim_disputes", rid, other)
    elif kind == "checks":
        period = data.get("period") or {}
        add(
            "kb_checks",
            rid,
            data["checkable"],
            data.get("metric"),
            data.get("dataset"),
            data.get("comparator"),
            data.get("value"),
            period.get("from"),
            period.get("to"),
            data.get("definitions"),
            data.get("reason"),
        )
        for about in data["about"]:
            add("kb_check_about", rid, about)
    elif kind == "sources":
        add(
            "kb_sources",
            rid,
            data["kind"],
            data["title"],
            json.dumps(data.get("authors") or []),
            data.get("publisher"),
            data.get("date"),
            data.get("url"),
            data.get("cited_as"),
        )
        text = validation.texts.get(str(data.get("source")))
        for citation in data.get("citations") or []:
            line = text.line_of(citation["quote"]) if text else None
            add("kb_citations", rid, None, str(citation["locator"].get("section")), line, citation["quote"])
