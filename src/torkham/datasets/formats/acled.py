"""ACLED CSV exports: the current 31 columns, and the older export that also carries `data_id`,
`event_id_no_cnty` and `iso3` (detected first: a legacy file may hold the newer columns as well).
Dates come as 2023-09-05 or as ACLED writes them in its exports, 05 September 2023."""

from __future__ import annotations

from torkham.datasets.formats.base import (
    Check,
    TableFormat,
    count_check,
    number_check,
    range_check,
    required,
)
from torkham.datasets.formats.checks import ISO_DATE, free_text, year_check
from torkham.datasets.formats.countries import map_sql, numeric_to_iso3

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

ACLED_LEGACY_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)  # fmt: skip

_DATE_FORMATS = "['%d %B %Y', '%d-%B-%Y', '%d %b %Y', '%d-%b-%Y']"
# Read exactly: YYYY-MM-DD and nothing else (never '21-03-02' as the year 21), or a day, a month's name
# and a four-digit year.
DATE = f"""CASE WHEN regexp_full_match(trim(event_date), '{ISO_DATE}') THEN TRY_CAST(trim(event_date) AS DATE)
  WHEN regexp_full_match(trim(event_date), '[0-9]{{1,2}}[ -][A-Za-z]+[ -][0-9]{{4}}')
  THEN CAST(TRY_STRPTIME(trim(event_date), {_DATE_FORMATS}) AS DATE) END"""
_SELECTED_DATE = DATE.replace("{", "{{").replace("}", "}}")  # a select expression is filled with str.format
FIRST_YEAR = 1997  # ACLED's earliest coverage (Africa, from 1 January 1997)
# time_precision: 1 the day is known, 2 within a week (the date is the middle of it), 3 only the month.
_PRECISION = "CASE trim(time_precision) WHEN '1' THEN 'day' WHEN '2' THEN 'week' WHEN '3' THEN 'month' END"
_ISO3 = map_sql(numeric_to_iso3(), "CAST(TRY_CAST(trim(iso) AS INTEGER) AS VARCHAR)")
# The latest revision in the file (Unix seconds) is what an ACLED download is "as of".
_VERSION = """CAST(CAST(make_timestamp(max(TRY_CAST(trim("timestamp") AS BIGINT)) * 1000000) AS DATE) AS VARCHAR)"""

_SELECT = {
    "event_id": "trim(event_id_cnty)",
    "date_start": _SELECTED_DATE,
    "date_end": _SELECTED_DATE,
    "date_precision": _PRECISION,
    "country": free_text("country"),
    "iso3": _ISO3,
    "admin1": free_text("admin1"),
    "admin2": free_text("admin2"),
    "place": free_text("location"),
    "latitude": "TRY_CAST(trim(latitude) AS DOUBLE)",
    "longitude": "TRY_CAST(trim(longitude) AS DOUBLE)",
    "geo_precision": "NULLIF(trim(geo_precision), '')",
    "event_type": free_text("event_type"),
    "sub_event_type": free_text("sub_event_type"),
    "actor1": free_text("actor1"),
    "actor2": free_text("actor2"),
    "fatalities_best": "TRY_CAST(trim(fatalities) AS INTEGER)",
    "fatalities_low": "NULL",
    "fatalities_high": "NULL",
    "source_text": f"NULLIF(concat_ws(': ', {free_text('source')}, {free_text('notes')}), '')",
}

_CHECKS = (
    *required("event_id_cnty", "event_date", "time_precision"),
    Check(
        "event_date",
        f"{DATE} IS NULL",
        "not a real date (expected YYYY-MM-DD or DD Month YYYY, e.g. 05 September 2023)",
    ),
    year_check("event_date", DATE, FIRST_YEAR),
    Check("time_precision", "trim(time_precision) NOT IN ('1', '2', '3')", "not 1, 2 or 3"),
    number_check("latitude", "DOUBLE"),
    range_check("latitude", -90, 90),
    number_check("longitude", "DOUBLE"),
    range_check("longitude", -180, 180),
    *count_check("fatalities"),
)

ACLED_CSV = TableFormat(
    name="acled-csv",
    dataset="acled",
    label="ACLED CSV",
    columns=ACLED_COLUMNS,
    id_column="event_id_cnty",
    select=_SELECT,
    checks=_CHECKS,
    version_sql=_VERSION,
    version_note="version {version} = the day of the latest ACLED timestamp in the file; pass --version to set it",
)

ACLED_CSV_LEGACY = TableFormat(
    name="acled-csv-legacy",
    dataset="acled",
    label="ACLED CSV, older export (with data_id, event_id_no_cnty, iso3)",
    columns=ACLED_LEGACY_COLUMNS,
    id_column="event_id_cnty",
    select={**_SELECT, "iso3": f"COALESCE(NULLIF(upper(trim(iso3)), ''), {_ISO3})"},
    checks=_CHECKS,
    version_sql=_VERSION,
    version_note=ACLED_CSV.version_note,
)
