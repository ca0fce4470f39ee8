"""Run the torkham CLI in-process on a copy of a store and check what every import must keep: exit 0 or
one line `Error: …` (never a traceback); rows read = new + changed + unchanged + quarantined on each
summary line; the store opens afterwards and holds as many more events as were new."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from torkham.cli.app import run

LINE = re.compile(
    r": (?P<read>[\d,]+) rows read, (?P<new>[\d,]+) new, (?P<changed>[\d,]+) changed, "
    r"(?P<unchanged>[\d,]+) unchanged, (?P<quarantined>[\d,]+) quarantined"
)


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    read: int = 0
    imported: int = 0
    new: int = 0
    quarantined: int = 0
    refused: int = 0


def import_args(shape: str, path: Path) -> list[str]:
    if shape == "unhcr":
        return ["refugees", "import", str(path), "--table", "population", "--version", "2025.1"]
    return ["import", str(path), "--version", "25.1"]


def run_import(template: Path, kb: Path, shape: str, path: Path) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="torkham-fuzz-") as tmp:
        store = Path(tmp) / "torkham.duckdb"
        shutil.copyfile(template, store)
        before = _events(store)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(["--db", str(store), "--kb", str(kb), *import_args(shape, path)])
        outcome = Outcome(code, out.getvalue(), err.getvalue())
        check(outcome)
        stored = _events(store) if shape != "unhcr" else None  # the store opens after, whatever happened
        if stored is not None and code == 0:
            assert stored - before == outcome.new, (stored, before, outcome)
    return outcome


def check(outcome: Outcome) -> None:
    assert "Traceback" not in outcome.err, outcome.err
    if outcome.code != 0:
        errors = [line for line in outcome.err.splitlines() if line.startswith("Error: ")]
        assert outcome.code == 1 and len(errors) == 1, (outcome.code, outcome.err)
        return
    for line in outcome.out.splitlines():
        if ": refused: " in line or line.endswith("already imported") or "; nothing changed" in line:
            outcome.refused += 1  # a member refused, or the same bytes as an earlier member: no count
            continue
        found = LINE.search(line)
        assert found, line
        n = {k: int(v.replace(",", "")) for k, v in found.groupdict().items()}
        assert n["read"] == n["new"] + n["changed"] + n["unchanged"] + n["quarantined"], line
        outcome.read += n["read"]
        outcome.imported += n["new"] + n["changed"] + n["unchanged"]
        outcome.new += n["new"]
        outcome.quarantined += n["quarantined"]


def _events(store: Path) -> int:
    con = duckdb.connect(str(store), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return con.execute("SELECT count(*) FROM events").fetchall()[0][0] if "events" in tables else 0
    finally:
        con.close()
