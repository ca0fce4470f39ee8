"""A dataset format declared as data: how to read the file, how its columns become the columns of
the events table, and which values send a row to quarantine. A declaration is checked when it is made
(`TableFormat.problems`): a broken one raises FormatDeclarationError naming its file, not a KeyError
or a DuckDB binder error in the middle of an import."""

from __future__ import annotations

import dataclasses
import difflib
import inspect
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from torkham.datasets.formats.checks import (  # noqa: F401  (the checks are declared with the format)
    Check,
    count_check,
    date_check,
    number_check,
    order_check,
    range_check,
    required,
)
from torkham.errors import TorkhamError

EVENT_COLUMNS = (
    "event_id", "dataset_version", "date_start", "date_end", "date_precision", "country", "iso3", "admin1",
    "admin2", "place", "latitude", "longitude", "geo_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "fatalities_best", "fatalities_low", "fatalities_high", "source_text",
)  # fmt: skip
# The events columns a format maps; the importer fills dataset_version itself (given, or `version_sql`).
MAPPED_COLUMNS = tuple(c for c in EVENT_COLUMNS if c != "dataset_version")
READERS = ("csv", "json")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # staging columns are named in SQL without quotes
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PACKAGE = Path(__file__).resolve().parents[2]  # src/torkham: files are named relative to it


class FormatDeclarationError(TorkhamError):
    """A `TableFormat` declared wrongly; `problems` holds one `file: format name: problem` line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class TableFormat:
    name: str  # e.g. ucdp-ged-csv
    dataset: str  # e.g. ucdp-ged
    label: str  # what a user calls it, for messages
    columns: tuple[str, ...]  # the columns the file must have (in order, for headerless files)
    select: dict[str, str]  # events column -> SQL expression over the staging columns
    checks: tuple[Check, ...]
    id_column: str
    delimiter: str = ","
    header: bool = True
    optional_columns: tuple[str, ...] = ()
    skip_row: str | None = None  # SQL: rows that are metadata, not events
    hxl_row: bool = False  # the record right after the header may be HXL hashtags (every non-empty cell #…)
    warnings: tuple[Check, ...] = ()  # rows these match are imported as published, and counted in a note
    extra: dict[str, str] = field(default_factory=dict)  # not read by the importer; not a staged column
    reader: str = "csv"  # csv | json (a JSON object whose `records_key` holds the rows)
    records_key: str = "Result"  # json: the key of the list of records
    page_fields: tuple[str, ...] = ()  # json: top-level keys copied to every record as page_<key lowercased>
    version_sql: str | None = None  # SQL over the checked rows giving the dataset version when none is given
    version_note: str | None = None  # how that version was found, shown with the import ({version} is filled in)
    file_name: str | None = None  # regex: detected only for files so named (same header as another format)

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            where = _declared_in()
            raise FormatDeclarationError([f"{where}: format {self.name}: {problem}" for problem in problems])

    def staged_columns(self) -> tuple[str, ...]:
        """The columns every staged file of this format has, whatever the file holds: a CSV file's optional
        columns are staged only when its header has them; a JSON reader stages them all (NULL when absent)."""
        if self.reader == "json":
            return (*self.columns, *self.optional_columns, *(f"page_{k.lower()}" for k in self.page_fields))
        return self.columns

    def problems(self) -> list[str]:
        """What is wrong with this declaration, as the importer and the readers use it (none: [])."""
        problems = _naming_problems(self) + _reading_problems(self) + _column_problems(self)
        if problems:  # the rest is checked against the columns, so only once they are right
            return problems
        return _select_problems(self) + _check_problems(self) + _version_problems(self) + _name_problems(self)

    def matches(self, header: list[str]) -> bool:
        if self.reader == "json":
            return False  # recognised by `recognises`, from the file's content
        if not self.header:
            return len(header) == len(self.columns)
        names = {h.strip().lower() for h in header}
        return set(self.columns) <= names

    def named(self, file_names: tuple[str, ...]) -> bool:
        """Whether one of `file_names` (the file's, a zip member's) is a name this format requires."""
        return self.file_name is None or any(re.search(self.file_name, n, re.IGNORECASE) for n in file_names)

    def recognises(self, head: str, header: list[str]) -> bool:
        """Whether a file whose first bytes are `head` (first line split into `header`) is in this format."""
        if self.reader == "json":
            return head.lstrip().startswith("{") and f'"{self.records_key}"' in head
        return self.matches(header)

    def expected(self) -> str:
        """What a file of this format looks like, for messages."""
        if self.reader == "json":
            return f'a JSON object with a "{self.records_key}" list of records'
        if not self.header:
            sep = {"\t": "tab", ",": "comma", ";": "semicolon"}.get(self.delimiter, repr(self.delimiter))
            return f"{len(self.columns)} {sep}-separated fields and no header ({', '.join(self.columns[:3])}, …)"
        return f"a header with {', '.join(self.columns[:4])}, …"

    def missing(self, header: list[str]) -> list[str]:
        names = {h.strip().lower() for h in header}
        return [c for c in self.columns if c not in names]


def _declared_in() -> str:
    """The file whose code declared the format being checked: the first caller outside this module
    and the dataclass machinery (`dataclasses.replace` declares one format from another)."""
    skipped = {str(Path(__file__).resolve()), str(Path(dataclasses.__file__).resolve())}
    frame = inspect.currentframe()
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith("<") and str(Path(filename).resolve()) not in skipped:
            return _shown(Path(filename).resolve())
        frame = frame.f_back
    return "<unknown file>"


def _shown(path: Path) -> str:
    """A file of torkham relative to the package (datasets/formats/acled.py), any other relative to the
    working directory when it is below it."""
    for base in (_PACKAGE, Path.cwd().resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)


def _quoted(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _hint(name: str, known: list[str] | tuple[str, ...], what: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"{what}: {', '.join(known)}"


def _naming_problems(fmt: TableFormat) -> list[str]:
    problems = []
    for attribute in ("name", "dataset"):
        value = getattr(fmt, attribute)
        if not isinstance(value, str) or not _SLUG.fullmatch(value):
            problems.append(f"{attribute} {value!r} must be lowercase letters and digits joined by hyphens")
    if not isinstance(fmt.label, str) or not fmt.label.strip():
        problems.append("label is empty; it names the format in messages")
    return problems


def _reading_problems(fmt: TableFormat) -> list[str]:
    if fmt.reader not in READERS:
        return [f"reader {fmt.reader!r} is not one of {', '.join(READERS)}"]
    problems = []
    if fmt.reader == "csv":
        if not isinstance(fmt.delimiter, str) or len(fmt.delimiter) != 1:
            problems.append(f"delimiter {fmt.delimiter!r} must be one character")
        elif fmt.delimiter in ('"', "\n", "\r"):
            problems.append(f"delimiter {fmt.delimiter!r} cannot be a quote or a line break")
        if fmt.page_fields:
            problems.append("page_fields are read from JSON pages only (reader = 'json')")
    else:
        key = fmt.records_key
        if not isinstance(key, str) or not key or any(c in key for c in "'\"\\"):
            problems.append(f"records_key {key!r} must be a key without quotes or backslashes")
        if isinstance(fmt.page_fields, str) or not all(
            isinstance(k, str) and _IDENTIFIER.fullmatch(k) for k in fmt.page_fields
        ):
            problems.append(f"page_fields {fmt.page_fields!r} must be a tuple of top-level keys (letters, digits, _)")
    return problems


def _column_problems(fmt: TableFormat) -> list[str]:
    problems = []
    for attribute in ("columns", "optional_columns"):
        value = getattr(fmt, attribute)
        if not isinstance(value, tuple):
            tip = f"; write ({value!r},) with the comma" if isinstance(value, str) else ""
            problems.append(f"{attribute} must be a tuple of column names, not {type(value).__name__}{tip}")
            continue
        for column in value:
            if not isinstance(column, str) or not _IDENTIFIER.fullmatch(column):
                problems.append(f"{attribute} has {column!r}, not a column name (letters, digits and _)")
            elif fmt.reader == "csv" and fmt.header and column != column.lower():
                problems.append(
                    f"{attribute} has '{column}': a header is matched in lowercase, so write '{column.lower()}'"
                )
    if problems:
        return problems
    if not fmt.columns:
        problems.append("columns is empty; list the columns a file of this format must have")
    every = [*fmt.columns, *fmt.optional_columns]
    twice = sorted({c for c in every if every.count(c) > 1})
    if twice:
        problems.append(f"column(s) {_quoted(twice)} declared twice (columns and optional_columns together)")
    if fmt.reader == "csv" and not fmt.header and fmt.optional_columns:
        problems.append("a file without a header has no optional columns: its fields are named by position")
    return problems


def _select_problems(fmt: TableFormat) -> list[str]:
    if not isinstance(fmt.select, dict):
        return [f"select must be a dict (events column -> SQL expression), not {type(fmt.select).__name__}"]
    problems = []
    for column, expression in fmt.select.items():
        if column == "dataset_version":
            problems.append(
                "select maps 'dataset_version', which the importer fills (from --version, or found in the file)"
            )
        elif column not in MAPPED_COLUMNS:
            hint = _hint(str(column), MAPPED_COLUMNS, "events columns")
            problems.append(f"select maps {column!r}, which is not an events column ({hint})")
        if not isinstance(expression, str) or not expression.strip():
            problems.append(f"select[{column!r}] is empty; map the column to 'NULL' when the dataset has none")
        else:
            rule = (
                f"placeholders name optional columns ({_quoted(fmt.optional_columns)})"
                if fmt.optional_columns
                else "the format has no optional columns to fill in"
            )
            problems += _placeholder_problems(f"select[{column!r}]", expression, fmt.optional_columns, rule)
    missing = [c for c in MAPPED_COLUMNS if c not in fmt.select]
    if missing:
        problems.append(
            f"select does not map the events column(s) {_quoted(missing)}; "
            "map each one, to 'NULL' when the dataset has no such field"
        )
    return problems


def _placeholder_problems(where: str, text: str, allowed: tuple[str, ...], rule: str) -> list[str]:
    """`text` is filled with str.format: its {placeholders} must be names in `allowed` (`rule` says which)."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        return [f"{where} is filled with str.format and does not parse ({exc}); write a literal brace as {{{{ or }}}}"]
    unknown = [name for name in names if name not in allowed]
    if not unknown:
        return []
    shown = ", ".join(f"{{{name}}}" for name in unknown)
    return [f"{where} has the placeholder(s) {shown}, but {rule} (write a literal brace as {{{{ or }}}})"]


def _check_problems(fmt: TableFormat) -> list[str]:
    staged = fmt.staged_columns()
    problems = [p for p in [_staged_problem(fmt, "id_column is", fmt.id_column, staged)] if p]
    every = (fmt.checks, fmt.warnings)
    if not all(isinstance(group, tuple) and all(isinstance(c, Check) for c in group) for group in every):
        return [*problems, "checks and warnings must be tuples of Check"]
    for check in (*fmt.checks, *fmt.warnings):
        problem = _staged_problem(fmt, f"the check '{check.reason}' is on", check.field, staged)
        if problem:
            problems.append(problem)
        if not check.bad.strip() or not check.reason.strip():
            problems.append(f"the check on {check.field!r} needs both its SQL (bad) and its reason")
    return problems


def _staged_problem(fmt: TableFormat, subject: str, column: str, staged: tuple[str, ...]) -> str | None:
    """Why `column` (of the id or of a check) is not a column every staged file has, or None."""
    if column in staged:
        return None
    if column in fmt.optional_columns:
        return f"{subject} {column!r}, an optional column a CSV file may lack; use one of columns"
    if column in fmt.extra:
        return f"{subject} {column!r}, an extra entry; the readers stage columns, never extra"
    return f"{subject} {column!r}, which is not a declared column ({_hint(str(column), staged, 'columns')})"


def _version_problems(fmt: TableFormat) -> list[str]:
    problems = []
    for attribute in ("skip_row", "version_sql"):
        value = getattr(fmt, attribute)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{attribute} is empty; leave it out (None) instead")
    if fmt.version_note is not None:
        if not fmt.version_sql:
            problems.append("version_note is shown only with a version found by version_sql, and there is none")
        else:
            rule = "the only placeholder is {version}"
            problems += _placeholder_problems("version_note", fmt.version_note, ("version",), rule)
    return problems


def _name_problems(fmt: TableFormat) -> list[str]:
    if fmt.file_name is None:
        return []
    try:
        re.compile(fmt.file_name)
    except (re.error, TypeError) as exc:
        return [f"file_name {fmt.file_name!r} is not a regular expression ({exc})"]
    return []
