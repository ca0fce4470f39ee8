"""Read a UNHCR table file — an extract of the R package `refugees` (snake_case header) or a Refugee
Data Finder CSV export (human headers, possibly under a few lines of notes): find the header, name
its columns canonically, and copy the records to a plain CSV the importer checks in SQL. Records that
cannot be read at all (wrong number of fields, bytes that are not UTF-8) are set aside here."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.refugees.tables import COUNTRY_COLUMNS, MEASURES, TABLES, canonical, check_table, detect_table

HEADER_SEARCH_LINES = 100
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


@dataclass
class Staged:
    table: str
    format: str  # unhcr-refugees-csv (R package extract) | unhcr-data-finder-csv
    columns: list[str]  # canonical names of the staged file's columns, after tk_row
    headers: dict[str, str]  # canonical name -> the file's own header (for quarantine messages)
    notes_lines: list[str]
    bad: list[tuple[int, str | None, str | None, str]] = field(default_factory=list)  # row, field, value, reason
    rows_read: int = 0
    notes: list[str] = field(default_factory=list)


def stage_table(path: Path, target: Path, shown: str, table: str | None = None) -> Staged:
    """Copy the records of `path` to `target` (tk_row, then `Staged.columns`), all as text."""
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        records = csv.reader(handle)
        notes_lines, header = _find_header(records, shown)
        names = [canonical(h) for h in header]
        chosen = check_table(table) if table else detect_table({n for n in names if n}, path.name)
        if chosen is None:
            raise TorkhamError(
                f"{shown}: cannot tell which UNHCR table this is from its header ({', '.join(header[:6])}, …); "
                f"pass --table ({', '.join(TABLES)})"
            )
        spec = TABLES[chosen]
        _check_columns(shown, header, names, spec.measures, chosen)
        wanted = [*COUNTRY_COLUMNS, *spec.dimensions, *[m for m in spec.measures if m in names]]
        staged = Staged(
            chosen,
            "unhcr-refugees-csv" if "coo_iso" in header or header[0] == "year" else "unhcr-data-finder-csv",
            ["year", *wanted],
            {n: h for h, n in zip(header, names, strict=True) if n},
            notes_lines,
        )
        ignored = [
            h for h, n in zip(header, names, strict=True) if n is None or (n in MEASURES and n not in spec.measures)
        ]
        if ignored:
            staged.notes.append(f"{shown}: columns not part of table {chosen} were ignored: {', '.join(ignored)}")
        positions = [names.index(c) if c in names else None for c in staged.columns]
        with target.open("w", encoding="utf-8", newline="") as out:
            _copy(records, len(header), positions, csv.writer(out), staged)
    return staged


def _find_header(records, shown: str) -> tuple[list[str], list[str]]:
    """The header is the first record naming a year column and a known measure; what comes before it
    are notes (the Data Finder writes a few lines about the extract above the table)."""
    notes: list[str] = []
    for index, record in enumerate(records):
        names = {canonical(cell) for cell in record}
        if "year" in names and names & MEASURES:
            return notes, [cell.replace("\ufeff", "").strip() for cell in record]
        if index + 1 >= HEADER_SEARCH_LINES:
            break
        notes.append(",".join(record))
    raise TorkhamError(
        f"{shown}: no header row found in the first {HEADER_SEARCH_LINES} lines; expected a UNHCR table with a "
        "'Year' (or 'year') column and counts such as 'Refugees under UNHCR's mandate' or 'refugees'"
    )


def _check_columns(shown: str, header: list[str], names: list, measures: dict, table: str) -> None:
    for name in {n for n in names if n}:
        if names.count(name) > 1:
            twice = " and ".join(repr(h) for h, n in zip(header, names, strict=True) if n == name)
            raise TorkhamError(f"{shown}: columns {twice} both give {name}; keep one")
    if not set(names) & set(measures):
        raise TorkhamError(f"{shown}: no column of table {table} in the header; expected one of: {', '.join(measures)}")
    for side, label in (("coo", "origin"), ("coa", "asylum")):
        if f"{side}_name" in names and f"{side}_iso" not in names:
            raise TorkhamError(
                f"{shown}: the header has the country of {label} but not its ISO code "
                f"('Country of {label} (ISO)' or {side}_iso); export the table with ISO codes and import it again"
            )


def _copy(records, width: int, positions: list[int | None], out, staged: Staged) -> None:
    for number, record in enumerate(records, start=1):
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # blank line
        staged.rows_read += 1
        if len(record) != width or _NOT_UTF8.search("".join(record)):
            raw = _as_line(record)
            if len(record) != width:
                reason = f"{len(record)} fields where the header has {width}: a row cut off, or a stray comma"
            else:
                raw = raw.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
                reason = "not UTF-8 text: save the file as UTF-8 and import it again"
            staged.bad.append((number, None, raw[:500], reason))
            continue
        out.writerow([number, *("" if p is None else record[p] for p in positions)])


def _as_line(record: list[str]) -> str:
    """A record as a CSV line again (quoted where needed), to show it in the quarantine."""
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow(record)
    return line.getvalue()
