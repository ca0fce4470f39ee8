"""Read a dataset file into the temporary tables the importer checks, every value as text:

- `staging`: one column per field, rows in file order;
- `tk_bad(tk_row, field, value, reason)`: records that could not be read at all (wrong number of
  fields, broken quoting, bytes that are not UTF-8, a JSON record cut off), by record number;
- `tk_shift(good_before, shift)`: turns a staged row's rowid into its record number in the file
  (`rowid + 1 + shift` of the last entry with `good_before <= rowid`), since unreadable records
  leave gaps. Record numbers count from 1 = the first record after the header (a record may span
  several lines when a quoted field holds line breaks)."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from torkham.datasets.formats.base import TableFormat
from torkham.datasets.formats.lines import needs_normalising, normalise
from torkham.errors import TorkhamError

FIXED_ENCODING_VALUES = 1000  # bad-encoding rows whose raw bytes are shown escaped (the rest as DuckDB read them)

_REASONS = """CASE error_type
  WHEN 'MISSING COLUMNS' THEN 'too few fields (' || error_message || '): a row cut off, or another delimiter'
  WHEN 'TOO MANY COLUMNS' THEN 'too many fields (' || error_message || '): a stray delimiter, or another delimiter'
  WHEN 'UNQUOTED VALUE' THEN CASE WHEN contains(rtrim(csv_line, chr(10)), chr(10))
    THEN 'broken quoting: a quote opened in this row is never closed, so the '
         || (length(rtrim(csv_line, chr(10))) - length(replace(rtrim(csv_line, chr(10)), chr(10), '')) + 1)
         || ' lines from here were read as this one record; close the quote and import the file again'
    ELSE 'broken quoting: ' || error_message END
  WHEN 'INVALID ENCODING' THEN 'not UTF-8 text: save the file as UTF-8 and import it again'
  WHEN 'INVALID UNICODE' THEN 'not UTF-8 text: save the file as UTF-8 and import it again'
  WHEN 'LINE SIZE OVER MAXIMUM' THEN 'row longer than 20 MB: ' || error_message
  ELSE lower(replace(error_type, '_', ' ')) || ': ' || error_message END"""


class Layout(Protocol):
    """What the readers need of a format (a TableFormat, or an AggregateFormat for totals)."""

    @property
    def label(self) -> str: ...
    @property
    def columns(self) -> tuple[str, ...]: ...
    @property
    def delimiter(self) -> str: ...
    @property
    def header(self) -> bool: ...
    @property
    def reader(self) -> str: ...


def stage(con, path: Path, fmt: Layout, label_path: str | None = None, keep: str | None = None) -> list[str]:
    """Fill `staging`, `tk_bad` and `tk_shift` from `path`; returns notes for the user. `keep` (SQL over
    the columns, CSV only) keeps the rows it is true for: `staging` then also has `tk_n`, the row's number
    among the rows read, and holds the file's last row whatever it is (see `left_out`)."""
    shown = label_path or str(path)
    if fmt.reader == "json":
        if keep is not None:
            raise TorkhamError(f"{shown}: --country filters CSV files only; fetch API pages per country instead")
        notes = _stage_json(con, path, fmt, shown)  # type: ignore[arg-type]
    else:
        with csv_file(path, fmt) as (readable, columns):
            source = csv_source(columns, fmt, keep)
            read_into(con, f"CREATE TEMP TABLE staging AS SELECT * FROM {source}", readable, fmt, shown)
            notes = collect_rejects(con, readable, fmt, shown)
    shift_table(con)
    return notes


def shift_table(con) -> None:
    """`tk_shift` from `tk_bad` (see the module)."""
    con.execute(
        """CREATE TEMP TABLE tk_shift AS SELECT tk_row - j AS good_before, max(j) AS shift FROM (
             SELECT tk_row, row_number() OVER (ORDER BY tk_row) AS j FROM (SELECT DISTINCT tk_row FROM tk_bad))
           GROUP BY 1"""
    )


# ---------------------------------------------------------------------------------------------- CSV


def left_out(con) -> int:
    """After a `keep` stage: how many rows read were not kept; removes the last row if it is one of them."""
    found = con.execute("SELECT coalesce(max(tk_n), 0) - count(*) FILTER (WHERE tk_keep) FROM staging").fetchall()
    con.execute("DELETE FROM staging WHERE NOT tk_keep")
    return int(found[0][0])


def csv_columns(path: Path, fmt: Layout) -> list[str]:
    """The column names to read the file with: the format's own (headerless) or the file's header."""
    if not fmt.header:
        return list(fmt.columns)
    from torkham.datasets.detect import first_line, split_header

    names: list[str] = []
    for i, raw in enumerate(split_header(first_line(path), fmt.delimiter)):
        name = re.sub(r"\W", "_", raw.strip().lower()) or f"column_{i + 1}"
        if name.startswith("tk_") or name in ("rowid", "checked", "staging"):  # names the importer uses
            name = f"column_{name}"
        while name in names:
            name += "_"
        names.append(name)
    return names


@contextmanager
def csv_file(path: Path, fmt: Layout) -> Iterator[tuple[Path, list[str]]]:
    """The file DuckDB reads (a copy with LF line endings when the file needs it, see formats/lines.py)
    and the names of its columns."""
    if not needs_normalising(path):
        yield path, csv_columns(path, fmt)
        return
    with tempfile.TemporaryDirectory(prefix="torkham-") as tmp:
        normalised = Path(tmp) / "lf.csv"
        normalise(path, normalised, '"' if fmt.header else "")
        yield normalised, csv_columns(path, fmt)


def csv_source(columns: list[str], fmt: Layout, keep: str | None = None) -> str:
    """The read_csv of a file (its path is the statement's first parameter), every field as text; the
    records it cannot read go to `tk_rejects` (see `collect_rejects`). With `keep`: see `stage`."""
    quote = '"' if fmt.header else ""
    spec = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in columns) + "}"
    # Buffers of twice the longest row: DuckDB's default, 16 times it, would hold 320 MB per buffer in
    # memory, more than an import's memory limit may allow.
    options = (
        f"columns = {spec}, delim = '{_escape(fmt.delimiter)}', header = {str(fmt.header).lower()}, "
        f"quote = '{quote}', escape = '{quote}', auto_detect = false, strict_mode = true, ignore_errors = true, "
        "store_rejects = true, rejects_table = 'tk_rejects', rejects_scan = 'tk_rejects_scan', "
        "max_line_size = 20000000, buffer_size = 40000000, new_line = '\\n'"
    )
    source = f"read_csv(?, {options})"
    if keep is not None:  # a streaming window: numbers the rows in file order without holding them
        source = f"""(SELECT * FROM (SELECT row_number() OVER () AS tk_n, lead(1) OVER () IS NULL AS tk_last,
                     coalesce({keep}, false) AS tk_keep, * FROM {source}) WHERE tk_keep OR tk_last)"""
    return source


def read_into(con, statement: str, path: Path, fmt: Layout, shown: str) -> None:
    """Run `statement` (a CREATE … AS SELECT over `csv_source`), naming the file when DuckDB cannot read it."""
    import duckdb

    try:
        con.execute(statement, [str(path)])
    except (duckdb.OutOfMemoryException, duckdb.InterruptException):
        raise  # not the file's fault: the importer says what happened
    except Exception as exc:  # duckdb raises many classes for unreadable files
        raise TorkhamError(f"{shown}: cannot be read as {fmt.label}: {str(exc).splitlines()[0]}") from None


def collect_rejects(con, path: Path, fmt: Layout, shown: str) -> list[str]:
    """`tk_bad` from the records the reader rejected; returns notes on bad encodings and broken quotes."""
    header_lines = 1 if fmt.header else 0
    con.execute(
        f"""CREATE TEMP TABLE tk_bad AS SELECT line - {header_lines} AS tk_row, column_name AS field,
              left(csv_line, 500) AS value, {_REASONS} AS reason, error_type, line_byte_position
            FROM tk_rejects QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1"""
    )
    return _encoding_notes(con, path, shown) + _quote_notes(con, shown)


def _quote_notes(con, shown: str) -> list[str]:
    """Say where a quote that is never closed starts: the rows after it were swallowed into its record."""
    rows = con.execute(
        "SELECT tk_row, reason FROM tk_bad WHERE reason LIKE 'broken quoting: a quote opened%' ORDER BY tk_row"
    ).fetchall()
    return [f"{shown}: row {row}: {reason.removeprefix('broken quoting: ')}" for row, reason in rows]


def _encoding_notes(con, path: Path, shown: str) -> list[str]:
    """Show the raw bytes of rows that are not UTF-8 (DuckDB replaces them with '?'), and say what to do."""
    rows = con.execute(
        """SELECT tk_row, line_byte_position FROM tk_bad WHERE error_type IN ('INVALID ENCODING', 'INVALID UNICODE')
           ORDER BY tk_row"""
    ).fetchall()
    if not rows:
        return []
    fixed, sample = [], b""
    with path.open("rb") as handle:
        for row, position in rows[:FIXED_ENCODING_VALUES]:
            # DuckDB's line_byte_position may point up to 2 bytes past the start of the line.
            start = max(0, position - 2)
            handle.seek(start)
            chunk = handle.read(2002)
            cut = chunk[: position - start].rfind(b"\n") + 1
            raw = chunk[cut:].split(b"\n", 1)[0].rstrip(b"\r")
            sample = sample or raw
            fixed.append((row, raw.decode("utf-8", errors="backslashreplace")[:500]))
    con.execute("CREATE TEMP TABLE tk_fixed (tk_row BIGINT, value VARCHAR)")
    con.executemany("INSERT INTO tk_fixed VALUES (?, ?)", fixed)
    con.execute("UPDATE tk_bad SET value = f.value FROM tk_fixed f WHERE tk_bad.tk_row = f.tk_row")
    con.execute("DROP TABLE tk_fixed")
    guess = _guess_encoding(sample)
    return [
        f"{shown}: {len(rows):,} row(s) are not UTF-8 text{guess} and were quarantined; convert the file to UTF-8 "
        "(e.g. iconv -f WINDOWS-1252 -t UTF-8) and import it again"
    ]


def _guess_encoding(raw: bytes) -> str:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return " (the bytes look like Windows-1252 / Latin-1)"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "''")


# --------------------------------------------------------------------------------------------- JSON


def _stage_json(con, path: Path, fmt: TableFormat, shown: str) -> list[str]:
    """A JSON object (or several, one after another) whose `records_key` holds the records."""
    kinds = _probe_json(con, path, fmt)
    if kinds is None:  # malformed JSON: read what can be read, quarantine the rest
        return _salvage_json(con, path, fmt, shown)
    if any(k not in ("ARRAY", None) for k in kinds):
        raise TorkhamError(f"{shown}: does not look like {fmt.label}: '{fmt.records_key}' is not a list of records")
    _stage_json_file(con, path, fmt)
    con.execute("CREATE TEMP TABLE tk_bad (tk_row BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR)")
    return []


def _read_json(path: Path) -> str:
    """read_json_objects of `path` (the statement's parameter): an object may be as large as the file (a
    page is one object), and no larger, since DuckDB reserves that much memory for each."""
    largest = max(1 << 20, min(path.stat().st_size + 1, 1_000_000_000))
    return f"read_json_objects(?, format = 'auto', maximum_object_size = {largest}) t(j)"


def _probe_json(con, path: Path, fmt: TableFormat) -> list[str | None] | None:
    """The JSON types of the records key in each object, or None when the file is not valid JSON. Runs
    on its own cursor: a failed statement would abort the import's transaction."""
    probe = con.cursor()
    try:
        rows = probe.execute(f"SELECT DISTINCT json_type(j->'{fmt.records_key}') FROM {_read_json(path)}", [str(path)])
        return [kind for (kind,) in rows.fetchall()]
    except Exception:  # duckdb.Error subclasses for malformed JSON or bad bytes
        return None
    finally:
        probe.close()


def _stage_json_file(con, path: Path, fmt: TableFormat) -> None:
    fields = [f"r->>'{c}' AS {c}" for c in (*fmt.columns, *fmt.optional_columns)]
    fields += [f"j->>'{k}' AS page_{k.lower()}" for k in fmt.page_fields]
    con.execute(
        f"""CREATE TEMP TABLE staging AS SELECT {", ".join(fields)} FROM (
              SELECT j, unnest(CAST(j->'{fmt.records_key}' AS JSON[])) AS r FROM {_read_json(path)})""",
        [str(path)],
    )


def _salvage_json(con, path: Path, fmt: TableFormat, shown: str) -> list[str]:
    """Read the records one by one; a record that is cut off or not UTF-8 is quarantined."""
    text = path.read_bytes().decode("utf-8", errors="surrogateescape")
    start = re.search(r'"' + re.escape(fmt.records_key) + r'"\s*:\s*\[', text)
    if not start:
        raise TorkhamError(f"{shown}: cannot be read as {fmt.label}: no '{fmt.records_key}' list found")
    decoder, pos, index = json.JSONDecoder(), start.end(), 0
    good: list = []
    bad: list[tuple[int, str | None, str, str]] = []
    while True:
        pos = _skip_space(text, pos)
        if pos >= len(text) or text[pos] == "]":
            if pos >= len(text) and index:
                bad.append((index + 1, None, "", "the file ends here: the list of records is cut off"))
            break
        index += 1
        try:
            record, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            value = _shown_bytes(text[pos : pos + 500])
            bad.append((index, None, value, f"record cut off or malformed: {exc.msg}; the records after it are lost"))
            break
        if any(0xDC80 <= ord(ch) <= 0xDCFF for ch in text[pos:end]):
            field, value = _first_undecodable(record, text[pos:end])
            bad.append((index, field, value[:500], "not UTF-8 text: save the file as UTF-8"))
        else:
            good.append(record)
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1
    page = {k: _page_field(text, k) for k in fmt.page_fields}
    with tempfile.TemporaryDirectory(prefix="torkham-") as tmp:
        repaired = Path(tmp) / "records.json"
        repaired.write_text(json.dumps({**page, fmt.records_key: good}), encoding="utf-8")
        _stage_json_file(con, repaired, fmt)
    con.execute("CREATE TEMP TABLE tk_bad (tk_row BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR)")
    if bad:
        con.executemany("INSERT INTO tk_bad VALUES (?, ?, ?, ?)", bad)
    return [
        f"{shown}: the JSON is damaged (cut off, or not UTF-8); {len(good):,} record(s) read, "
        f"{len(bad):,} quarantined; fetch the page again to get the rest"
    ]


def _first_undecodable(record: object, raw: str) -> tuple[str | None, str]:
    """The first field whose text holds bytes that are not UTF-8, with those bytes shown as \\xNN."""
    if isinstance(record, dict):
        for key, value in record.items():
            if isinstance(value, str) and any(0xDC80 <= ord(ch) <= 0xDCFF for ch in value):
                return _shown_bytes(key), _shown_bytes(value)
    return None, _shown_bytes(raw)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _shown_bytes(text: str) -> str:
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")


def _page_field(text: str, key: str) -> str | None:
    found = re.search(r'"' + re.escape(key) + r'"\s*:\s*"([^"]*)"', text)
    return found.group(1) if found else None
