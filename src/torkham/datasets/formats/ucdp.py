"""UCDP Georeferenced Event Dataset (GED): the 49-column release CSV and the HDX country extracts
(which add `iso3` and a row of HXL hashtags under the header)."""

from __future__ import annotations

from dataclasses import replace

from torkham.datasets.formats.base import (
    Check,
    TableFormat,
    count_check,
    date_check,
    number_check,
    order_check,
    range_check,
    required,
)
from torkham.datasets.formats.checks import free_text

GED_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip

# date_prec: 1 exact day, 2 within 2-6 days, 3 within a week, 4 within a month, 5 within a year.
_PRECISION = "CASE trim(date_prec) WHEN '1' THEN 'day' WHEN '2' THEN 'days' WHEN '3' THEN 'week' WHEN '4' THEN 'month' WHEN '5' THEN 'year' ELSE 'approximate' END"
_VIOLENCE = (
    "CASE trim(type_of_violence) WHEN '1' THEN 'state-based' WHEN '2' THEN 'non-state' WHEN '3' THEN 'one-sided' END"
)
FIRST_YEAR = 1989  # GED covers organised violence from 1 January 1989
_TIME = r"[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"  # the CSV writes 00:00:00.000, the API T00:00:00
_ISO3 = "CASE WHEN trim(country_id) = '770' THEN 'PAK' WHEN trim(country_id) = '700' THEN 'AFG' END"

UCDP_GED_CSV = TableFormat(
    name="ucdp-ged-csv",
    dataset="ucdp-ged",
    label="UCDP GED CSV (49 columns, or the HDX extract with iso3)",
    columns=GED_COLUMNS,
    optional_columns=("iso3",),
    id_column="id",
    # The HDX extract's second line holds HXL hashtags (#date+year, …): skipped when every non-empty cell
    # of the record right after the header starts with '#'; a '#' anywhere else is a value to check.
    hxl_row=True,
    select={
        "event_id": "trim(id)",
        "date_start": "TRY_CAST(left(trim(date_start), 10) AS DATE)",
        "date_end": "TRY_CAST(left(trim(date_end), 10) AS DATE)",
        "date_precision": _PRECISION,
        "country": free_text("country"),
        "iso3": f"COALESCE(NULLIF(trim({{iso3}}), ''), {_ISO3})",
        "admin1": free_text("adm_1"),
        "admin2": free_text("adm_2"),
        "place": free_text("where_coordinates"),
        "latitude": "TRY_CAST(trim(latitude) AS DOUBLE)",
        "longitude": "TRY_CAST(trim(longitude) AS DOUBLE)",
        "geo_precision": "NULLIF(trim(where_prec), '')",
        "event_type": _VIOLENCE,
        "sub_event_type": free_text("conflict_name"),
        "actor1": free_text("side_a"),
        "actor2": free_text("side_b"),
        "fatalities_best": "TRY_CAST(trim(best) AS INTEGER)",
        "fatalities_low": "TRY_CAST(trim(low) AS INTEGER)",
        "fatalities_high": "TRY_CAST(trim(high) AS INTEGER)",
        "source_text": free_text("source_article"),
    },
    checks=(
        *required("id", "date_start", "date_end", "type_of_violence"),
        *date_check("date_start", first_year=FIRST_YEAR, time=_TIME),
        *date_check("date_end", first_year=FIRST_YEAR, time=_TIME),
        Check(
            "date_end",
            "TRY_CAST(left(trim(date_end), 10) AS DATE) < TRY_CAST(left(trim(date_start), 10) AS DATE)",
            "ends before date_start",
        ),
        Check("type_of_violence", "trim(type_of_violence) NOT IN ('1', '2', '3')", "not 1, 2 or 3"),
        number_check("latitude", "DOUBLE"),
        range_check("latitude", -90, 90),
        number_check("longitude", "DOUBLE"),
        range_check("longitude", -180, 180),
        *count_check("best"),
        *count_check("low"),
        *count_check("high"),
    ),
    # The codebook: best is the most likely estimate, low the lowest and high the highest reasonable one.
    # UCDP's own releases break the order now and then (200 of the 6,416 bundled events), so a row that
    # does is imported as published and counted in a note, not quarantined.
    warnings=(
        order_check("best", "low", "best", "best is below low"),
        order_check("best", "best", "high", "best is above high"),
    ),
)

# How UCDP names its files: the yearly release GEDEvent_v25_1.csv / ged251-csv.zip, the monthly
# Candidate release GEDEvent_v25_0_3.csv (2025, March). The patterns are searched in the file's name.
FINAL_NAMES = (r"v(\d{2})_1(?![\d_])", r"^ged(\d{2})1(?![\d])")
CANDIDATE_NAME = r"v(\d{2})_0_(\d{1,2})(?!\d)"

UCDP_CANDIDATE_CSV = replace(
    UCDP_GED_CSV,
    name="ucdp-candidate-csv",
    dataset="ucdp-candidate",
    label="UCDP Candidate Events CSV (the GED columns, named GEDEvent_vYY_0_M.csv)",
    file_name=CANDIDATE_NAME,
)
