"""The actor index: a small read-only SQLite file beside the store (`<store>.actors`) holding what
`torkham show` prints — the names an actor is found by and each actor's detail (queries.actor_detail) — so
that `show` answers without opening DuckDB.

Every writer writes it with the store it replaces (store/swap.py), stamped with the new store file's
identity (inode, modification time, size). A reader trusts it only while the store is that very file, the
knowledge files still have the fingerprint it was built from, and the bundled datasets it saw imported are
still the ones torkham ships; anything else (no index, another store, changed knowledge) means "ask the
store", which rebuilds what changed as before. Only the index is light to read: writing it needs DuckDB.

Reading it stays light: the names are kept normalised (kb.names.normalize, as kb.resolve.NameIndex keeps
them), and the writer keeps the stamps of the knowledge files (store/knowledge_stamps.py), so that a
reader compares a few stats where it would read and hash every knowledge file; when the stamps cannot
vouch for them, the reader hashes the files as before. Like each actor's detail, what the index holds was
derived by the code of the torkham that wrote it."""

from __future__ import annotations

import json
import os

from torkham.kb.names import match, normalize
from torkham.locations import PACKAGE_DIR
from torkham.store.knowledge_stamps import unchanged, vouch

try:  # sqlite3's own core: the sqlite3 package adds the DB-API's date types and adapters, which load datetime
    import _sqlite3 as sqlite
except ImportError:  # pragma: no cover - a Python whose sqlite3 is built otherwise
    import sqlite3 as sqlite  # type: ignore[no-redef]  # the same classes, through the package

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
    from typing import Any

    from duckdb import DuckDBPyConnection

FORMAT = "2"
SUFFIX = ".actors"  # the index of the store `x.duckdb` is `x.duckdb.actors`
BUNDLED_LIST = os.path.join(PACKAGE_DIR, "data", "bundled.yaml")  # datasets.bundled's list


def index_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


class IndexedActor:
    """One actor as `show` prints it: its detail, every actor's name by id, the relation types' labels (a
    plain class: `show` loads no dataclasses)."""

    __slots__ = ("detail", "names", "relation_labels")

    def __init__(self, detail: dict[str, Any], names: dict[str, str], relation_labels: dict[str, str]) -> None:
        self.detail, self.names, self.relation_labels = detail, names, relation_labels


def indexed_actor(db_path: str, kb_root: str, name: str) -> IndexedActor | None:
    """The actor `name` denotes when the index is current for the store and knowledge given (as
    locations.py finds them) and resolves the name to exactly one actor; None otherwise (the caller then
    asks the store, which words every error)."""
    if os.path.basename(db_path) in ("", ".", ".."):
        return None  # not a file's name: the store itself says what is wrong
    path = db_path + SUFFIX  # index_path, without pathlib
    if not os.path.exists(path):
        return None
    try:
        con = sqlite.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return _read(con, db_path, kb_root, name)
        finally:
            con.close()
    except (OSError, sqlite.Error):
        return None


def _read(con: sqlite3.Connection, db_path: str, kb_root: str, name: str) -> IndexedActor | None:
    if not _current(dict(con.execute("SELECT key, value FROM meta").fetchall()), db_path, kb_root):
        return None
    key = normalize(name)
    if not key:
        return None
    _, holders = match(_names(con, key), key)
    if len(holders) != 1:
        return None
    (actor_id,) = holders
    detail = con.execute("SELECT detail FROM actors WHERE id = ?", [actor_id]).fetchone()
    if detail is None or detail[0] is None:
        return None
    canonical = dict(con.execute("SELECT id, name FROM actors").fetchall())
    labels = dict(con.execute("SELECT term, label FROM labels").fetchall())
    return IndexedActor(json.loads(detail[0]), canonical, labels)


def _names(con: sqlite3.Connection, key: str) -> dict[str, dict[str, str]]:
    """The names as kb.resolve.NameIndex keeps them (the same keys, in the same order) that kb.names.match
    needs to match `key`: only the key itself when it is a name (an exact match looks no further)."""
    rows = con.execute("SELECT norm, actor, name FROM keys WHERE norm = ? ORDER BY seq", [key]).fetchall()
    if not rows:
        rows = con.execute("SELECT norm, actor, name FROM keys ORDER BY seq").fetchall()
    names: dict[str, dict[str, str]] = {}
    for norm, actor, held in rows:
        names.setdefault(norm, {})[actor] = held
    return names


def _current(meta: dict[str, str], db_path: str, kb_root: str) -> bool:
    """Whether an index with this meta is current for this store and knowledge."""
    stamp = _stamp(db_path)
    if stamp is None or meta.get("format") != FORMAT or meta.get("stamp") != stamp:
        return False  # checked first: all that follows reads the knowledge files or their stamps
    if meta.get("bundled") and meta.get("inputs") and unchanged(meta["inputs"], kb_root):
        return True  # the files are those the index was written from: the fingerprint and the list it saw
    from pathlib import Path

    from torkham.store.fingerprint import knowledge_fingerprint

    return meta.get("bundled") == _bundled_marker() and meta.get("fingerprint") == knowledge_fingerprint(Path(kb_root))


def _stamp(path: str | Path) -> str | None:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return f"{status.st_ino}:{status.st_mtime_ns}:{status.st_size}"


def _bundled_marker() -> str:
    import hashlib

    with open(BUNDLED_LIST, "rb") as listed:
        return hashlib.sha256(listed.read()).hexdigest()


# Every record about every actor in one statement — queries.actor_detail for all actors at once, part for
# part in the same order (tests/test_cli_quick.py compares the two for every actor).
_ALL_DETAILS = """
WITH a AS (SELECT id AS actor FROM kb_actors)
SELECT a.actor, 0 AS part, 0 AS n, r.record, NULL AS name, NULL AS other
    FROM a JOIN kb_records r ON r.id = a.actor AND r.kind = 'actors'
UNION ALL SELECT a.actor, 1, row_number() OVER (PARTITION BY a.actor ORDER BY r.seq), r.record, NULL, NULL
    FROM a JOIN kb_relations l ON l.from_id = a.actor OR l.to_id = a.actor JOIN kb_records r ON r.id = l.id
UNION ALL SELECT a.actor, 2, row_number() OVER (PARTITION BY a.actor ORDER BY e.first_day, r.seq), r.record, NULL,
    NULL FROM a JOIN (SELECT DISTINCT event_id, actor_id FROM kb_event_actors) x ON x.actor_id = a.actor
    JOIN kb_events e ON e.id = x.event_id JOIN kb_records r ON r.id = e.id
UNION ALL SELECT a.actor, 3, row_number() OVER (PARTITION BY a.actor ORDER BY r.seq), r.record, NULL, NULL
    FROM a JOIN (SELECT DISTINCT figure_id, actor_id FROM kb_figure_actors) x ON x.actor_id = a.actor
    JOIN kb_records r ON r.id = x.figure_id
UNION ALL SELECT a.actor, 4, row_number() OVER (PARTITION BY a.actor ORDER BY r.seq), r.record, NULL, NULL
    FROM a JOIN (SELECT DISTINCT claim_id, actor_id FROM kb_claim_actors) x ON x.actor_id = a.actor
    JOIN kb_records r ON r.id = x.claim_id
UNION ALL SELECT a.actor, 5, row_number() OVER (PARTITION BY a.actor ORDER BY r.seq), r.record, NULL, NULL
    FROM a JOIN kb_records r ON r.kind IN ('priorities', 'recommendations')
    AND (json_extract_string(r.record, '$.holder') = a.actor
    OR list_contains(CAST(json_extract(r.record, '$.addressed_to') AS VARCHAR[]), a.actor))
UNION ALL SELECT a.actor, 6, row_number() OVER (PARTITION BY a.actor ORDER BY m.source_id, m.page NULLS LAST, r.seq),
    r.record, NULL, NULL FROM a JOIN kb_mentions m ON m.actor_id = a.actor JOIN kb_records r ON r.id = m.id
UNION ALL SELECT actor, 7, row_number() OVER (PARTITION BY actor ORDER BY name, other), NULL, name, other
    FROM (SELECT DISTINCT a.actor_id AS actor, b.name, b.actor_id AS other FROM kb_ambiguities a
    JOIN kb_ambiguities b ON a.id = b.id WHERE b.actor_id <> a.actor_id)
ORDER BY 1, part, n"""

_SECTIONS = ("relations", "events", "figures", "claims", "priorities_and_recommendations", "mentions")


def all_actor_details(con: DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """queries.actor_detail of every actor, by id."""
    parts: dict[str, dict[int, list[Any]]] = {}
    for actor, part, _, record, name, other in con.execute(_ALL_DETAILS).fetchall():
        parts.setdefault(actor, {}).setdefault(part, []).append(json.loads(record) if part < 7 else (name, other))
    details: dict[str, dict[str, Any]] = {}
    for actor, found in parts.items():
        if 0 not in found:
            continue
        (record,) = found[0]
        detail: dict[str, Any] = {"actor": record}
        detail.update({section: found.get(i, []) for i, section in enumerate(_SECTIONS, start=1)})
        detail["shares_names_with"] = [{"name": n, "actor": a} for n, a in found.get(7, [])]
        details[actor] = detail
    return details


def write_index(con: DuckDBPyConnection, db_path: Path) -> Path | None:
    """Write the index of the store `con` holds (a writer's copy of `db_path`) beside the store, unstamped;
    the path written, or None when the store has no knowledge layer or the index could not be written (no
    index then: `show` reads the store, as every other command does)."""
    import duckdb

    try:
        return _write(con, db_path)
    except (OSError, sqlite.Error, duckdb.Error):
        return None


def _write(con: DuckDBPyConnection, db_path: Path) -> Path | None:
    from contextlib import closing

    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"kb_actors", "meta", "imports"} <= tables:
        return None
    built = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('kb_fingerprint', 'kb_root')").fetchall())
    if "kb_fingerprint" not in built:
        return None
    target = index_path(db_path).with_suffix(index_path(db_path).suffix + ".writing")
    target.unlink(missing_ok=True)
    with closing(sqlite.connect(target)) as out:
        _fill(out, con, str(built["kb_fingerprint"]), built.get("kb_root"))
        out.commit()
    return target


def _fill(out: sqlite3.Connection, con: DuckDBPyConnection, fingerprint: str, kb_root: str | None) -> None:
    from torkham.kb.resolve import NameIndex
    from torkham.model.vocabulary import default_vocabulary

    out.executescript(
        """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE keys (seq INTEGER PRIMARY KEY, norm TEXT NOT NULL, actor TEXT NOT NULL, name TEXT NOT NULL);
        CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, detail TEXT);
        CREATE TABLE labels (term TEXT PRIMARY KEY, label TEXT NOT NULL);"""
    )
    bundled, inputs = _sources(con, fingerprint, kb_root)
    meta = {"format": FORMAT, "fingerprint": fingerprint, "bundled": bundled, "inputs": inputs, "stamp": ""}
    out.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    names = NameIndex.from_store(con)
    keys = [(norm, a, name) for norm, holders in names.by_norm.items() for a, name in holders.items()]
    out.executemany("INSERT INTO keys (norm, actor, name) VALUES (?, ?, ?)", keys)
    details = {a: json.dumps(d, ensure_ascii=False) for a, d in all_actor_details(con).items()}
    out.executemany("INSERT INTO actors VALUES (?, ?, ?)", ((a, n, details.get(a)) for a, n in names.canonical.items()))
    vocabulary = default_vocabulary()
    labels = [(t, vocabulary.label("relation_types", t)) for t in vocabulary.terms["relation_types"]]
    out.executemany("INSERT INTO labels VALUES (?, ?)", labels)


def _sources(con: DuckDBPyConnection, fingerprint: str, kb_root: str | None) -> tuple[str, str]:
    """What the index was written from: the bundled dataset list's marker when the store holds all its
    datasets (else ""), and the stamps of the knowledge files when they vouch for the fingerprint (else "")."""
    from pathlib import Path

    from torkham.datasets.bundled import bundled_datasets
    from torkham.errors import TorkhamError
    from torkham.kb.workspace import crosswalk_files, knowledge_files_by_root
    from torkham.store.fingerprint import VOCABULARY_FILE, knowledge_fingerprint

    imported = {r[0] for r in con.execute("SELECT sha256 FROM imports").fetchall()}

    def bundled_marker() -> str:
        return _bundled_marker() if all(b.sha256 in imported for b in bundled_datasets()) else ""

    if kb_root is None:
        return bundled_marker(), ""
    root = Path(kb_root)  # the knowledge folder of the last build, as its writer was given it
    markers: list[str] = []

    def read_all() -> bool:  # between two takings of the stamps: what they vouch for is what was read here
        markers.append(bundled_marker())
        return knowledge_fingerprint(root) == fingerprint

    try:
        files = [
            VOCABULARY_FILE,
            Path(BUNDLED_LIST),
            *(p for _, p in knowledge_files_by_root(root)),
            *crosswalk_files(root),
        ]
        inputs = vouch(root, files, read_all)
    except (OSError, TorkhamError):
        inputs = ""
    return (markers[-1] if inputs else bundled_marker()), inputs


def publish_index(written: Path | None, store_file: Path, db_path: Path) -> None:
    """Stamp the index written with the identity of `store_file` (the finished copy, before it is renamed
    over the store: a rename keeps it) and put it in place; without one, remove a previous index."""
    from contextlib import closing

    try:
        if written is not None:
            with closing(sqlite.connect(written)) as out:
                out.execute("UPDATE meta SET value = ? WHERE key = 'stamp'", [_stamp(store_file) or ""])
                out.commit()
            os.replace(written, index_path(db_path))
            return
    except (OSError, sqlite.Error):
        if written is not None:
            written.unlink(missing_ok=True)
    index_path(db_path).unlink(missing_ok=True)
