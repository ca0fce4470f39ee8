"""A dataset format declared as data: how to read the file, how its columns become the columns of
the events table, and which values send a row to quarantine."""

from __future__ import annotations

from dataclasses import dataclass, field

EVENT_COLUMNS = (
    "event_id", "dataset_version", "date_start", "date_end", "date_precision", "country", "iso3", "admin1",
    "admin2", "place", "latitude", "longitude", "geo_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "fatalities_best", "fatalities_low", "fatalities_high", "source_text",
)  # fmt: skip


@dataclass(frozen=True)
class Check:
    """A row is quarantined when `bad` (SQL over the staging columns, all text) is true."""

    field: str
    bad: str
    reason: str


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
    skip_row: str | None = None  # SQL: rows that are metadata, not events (HXL hashtag rows)
    extra: dict[str, str] = field(default_factory=dict)
    reader: str = "csv"  # csv | json (a JSON object whose `records_key` holds the rows)
    records_key: str = "Result"  # json: the key of the list of records
    page_fields: tuple[str, ...] = ()  # json: top-level keys copied to every record as page_<key lowercased>
    version_sql: str | None = None  # SQL over the checked rows giving the dataset version when none is given
    version_note: str | None = None  # how that version was found, shown with the import ({version} is filled in)

    def matches(self, header: list[str]) -> bool:
        if self.reader == "json":
            return False  # recognised by `recognises`, from the file's content
        if not self.header:
            return len(header) == len(self.columns)
        names = {h.strip().lower() for h in header}
        return set(self.columns) <= names

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


def number_check(column: str, kind: str = "INTEGER") -> Check:
    return Check(
        column,
        f"NULLIF(trim({column}), '') IS NOT NULL AND TRY_CAST(trim({column}) AS {kind}) IS NULL",
        "not a number" if kind != "INTEGER" else "not a whole number",
    )


def date_check(column: str, required: bool = True) -> Check:
    empty = f"NULLIF(trim({column}), '') IS NULL" if required else "FALSE"
    return Check(
        column,
        f"{empty} OR (NULLIF(trim({column}), '') IS NOT NULL AND TRY_CAST(left(trim({column}), 10) AS DATE) IS NULL)",
        "not a real date (expected YYYY-MM-DD)",
    )


def range_check(column: str, low: float, high: float) -> Check:
    return Check(
        column,
        f"TRY_CAST(trim({column}) AS DOUBLE) NOT BETWEEN {low} AND {high}",
        f"out of range ({low:g} to {high:g})",
    )
