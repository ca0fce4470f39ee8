"""Where a fetch keeps its pages until they are imported, and what the store remembers between fetches.

A fetch folder sits beside the store (`<db>.fetch/<source>-<query hash>/`): `page-0001.json` … as they
arrive, each written whole (temporary file, then rename) and recorded in `state.json` only once it is on
disk. A run that stops (error, quota, Ctrl-C, kill) leaves only complete pages, and the next run of the
same query resumes after the last one. The folder is removed once its pages are imported.

The store keeps a small `fetch_state(source, key, value)` table: ACLED's last `timestamp` per query and
the UCDP queries already fetched."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FETCH_STATE_SQL = """CREATE TABLE IF NOT EXISTS fetch_state (
  source VARCHAR NOT NULL,
  key VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (source, key)
)"""


def fetch_root(db_path: Path) -> Path:
    """`./torkham.duckdb` → `./torkham.duckdb.fetch/`."""
    return db_path.parent / f"{db_path.name}.fetch"


def query_hash(query: dict[str, Any]) -> str:
    text = json.dumps(query, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FetchFolder:
    """The pages of one query and its state.json (`pages` done, `next` to fetch, `complete`, …)."""

    def __init__(self, root: Path, prefix: str, query: dict[str, Any], suffix: str):
        self.query, self.suffix = query, suffix
        self.path = root / f"{prefix}-{query_hash(query)}"
        self.state: dict[str, Any] = {}
        self.resumed = 0  # pages found from an earlier run

    @property
    def state_file(self) -> Path:
        return self.path / "state.json"

    def load(self, fresh: bool = False) -> dict[str, Any]:
        """The saved state of this query (its pages checked on disk), or a new one."""
        saved = None
        if not fresh and self.state_file.is_file():
            with contextlib.suppress(OSError, ValueError):
                saved = json.loads(self.state_file.read_text(encoding="utf-8"))
        if (
            isinstance(saved, dict)
            and saved.get("query") == self.query
            and all(self.page_path(n).is_file() for n in range(1, int(saved.get("pages", 0)) + 1))
        ):
            self.state = saved
            self.resumed = int(saved.get("pages", 0))
        else:
            self.remove()
            self.state = {"query": self.query, "pages": 0, "rows": 0, "complete": False, "started": now()}
            self.resumed = 0
        return self.state

    def page_path(self, number: int) -> Path:
        return self.path / f"page-{number:04d}.{self.suffix}"

    def pages(self) -> list[Path]:
        return [self.page_path(n) for n in range(1, int(self.state.get("pages", 0)) + 1)]

    def add_page(self, payload: bytes, rows: int, **state: Any) -> Path:
        """Write the next page whole, then record it (and `state`) in state.json."""
        number = int(self.state.get("pages", 0)) + 1
        path = self.page_path(number)
        _write_atomic(path, payload)
        self.state.update(state, pages=number, rows=int(self.state.get("rows", 0)) + rows)
        self.save()
        return path

    def save(self, **state: Any) -> None:
        self.state.update(state)
        _write_atomic(self.state_file, json.dumps(self.state, indent=1, sort_keys=True).encode())

    def remove(self) -> None:
        if self.path.exists():
            shutil.rmtree(self.path)
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()  # only when no other fetch is pending


def _write_atomic(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    with tmp.open("wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def ensure_fetch_state(con) -> None:
    con.execute(FETCH_STATE_SQL)


def get_value(con, source: str, key: str) -> str | None:
    ensure_fetch_state(con)
    row = con.execute("SELECT value FROM fetch_state WHERE source = ? AND key = ?", [source, key]).fetchone()
    return row[0] if row else None


def set_value(con, source: str, key: str, value: str) -> None:
    """Inside the caller's transaction."""
    con.execute(
        "INSERT OR REPLACE INTO fetch_state VALUES (?, ?, ?, ?)",
        [source, key, value, datetime.now(UTC).replace(tzinfo=None)],
    )
