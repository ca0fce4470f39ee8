"""GDELT 2.0 event exports (`YYYYMMDDHHMMSS.export.CSV`, zipped or not): 61 tab-separated columns,
no header, in the order of the GDELT 2.0 event codebook. CAMEO codes stay text ("010" is not "10").

Actors: `actor1`/`actor2` hold the CAMEO actor code (e.g. PAKMIL, AFGGOV) and fall back to the name
when a row has no code. The code carries the role (military, government, rebels) that the name
("PAKISTAN") does not, so the crosswalk (knowledge/crosswalks/gdelt.yaml) can map PAKMIL to the
armed forces and PAKGOV to the government, and leave ambiguous codes such as TAL unmapped."""

from __future__ import annotations

from torkham.datasets.formats.base import Check, TableFormat, number_check, range_check, required
from torkham.datasets.formats.checks import free_text, year_check
from torkham.datasets.formats.countries import fips_to_iso3, map_sql

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit military posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}  # fmt: skip
QUAD_CLASSES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}

_DATE = "CASE WHEN regexp_full_match(trim(SQLDATE), '[0-9]{8}') THEN CAST(TRY_STRPTIME(trim(SQLDATE), '%Y%m%d') AS DATE) END"
FIRST_YEAR = 1979  # GDELT's event records reach back to 1 January 1979
_ROOT = "CASE WHEN length(trim(EventRootCode)) = 1 THEN '0' || trim(EventRootCode) ELSE trim(EventRootCode) END"
# ActionGeo_FullName: "Country", "ADM1, Country" or "Place, ADM1, Country".
_PARTS = "string_split(ActionGeo_FullName, ', ')"


def _lookup(mapping: dict[str, str], key: str) -> str:
    return map_sql(mapping, key)


GDELT_EVENTS = TableFormat(
    name="gdelt-events",
    dataset="gdelt",
    label="GDELT 2.0 events export",
    columns=GDELT_COLUMNS,
    delimiter="\t",
    header=False,
    id_column="GLOBALEVENTID",
    select={
        "event_id": "trim(GLOBALEVENTID)",
        "date_start": _DATE.replace("{", "{{").replace("}", "}}"),
        "date_end": _DATE.replace("{", "{{").replace("}", "}}"),
        "date_precision": "'day'",
        "country": f"CASE WHEN {free_text('ActionGeo_FullName')} IS NOT NULL THEN trim({_PARTS}[-1]) END",
        "iso3": _lookup(fips_to_iso3(), "upper(trim(ActionGeo_CountryCode))"),
        "admin1": f"CASE WHEN len({_PARTS}) >= 2 THEN NULLIF(trim({_PARTS}[-2]), '') END",
        "admin2": "NULL",
        "place": free_text("ActionGeo_FullName"),
        "latitude": "TRY_CAST(trim(ActionGeo_Lat) AS DOUBLE)",
        "longitude": "TRY_CAST(trim(ActionGeo_Long) AS DOUBLE)",
        "geo_precision": "NULLIF(trim(ActionGeo_Type), '')",
        "event_type": "NULLIF(trim(EventCode), '')",
        "sub_event_type": (
            f"NULLIF(concat_ws(', ', {_lookup(CAMEO_ROOTS, _ROOT)}, {_lookup(QUAD_CLASSES, 'trim(QuadClass)')}), '')"
        ),
        "actor1": f"COALESCE(NULLIF(trim(Actor1Code), ''), {free_text('Actor1Name')})",
        "actor2": f"COALESCE(NULLIF(trim(Actor2Code), ''), {free_text('Actor2Name')})",
        "fatalities_best": "NULL",
        "fatalities_low": "NULL",
        "fatalities_high": "NULL",
        "source_text": free_text("SOURCEURL"),
    },
    checks=(
        *required("GLOBALEVENTID", "SQLDATE", "EventCode", "QuadClass"),
        Check("GLOBALEVENTID", "NOT regexp_full_match(trim(GLOBALEVENTID), '[0-9]{1,18}')", "not a number"),
        Check("SQLDATE", f"{_DATE} IS NULL", "not a real date (expected YYYYMMDD)"),
        year_check("SQLDATE", _DATE, FIRST_YEAR),
        Check("EventCode", "NOT regexp_full_match(trim(EventCode), '[0-9]{2,4}')", "not a CAMEO event code"),
        Check("QuadClass", "trim(QuadClass) NOT IN ('1', '2', '3', '4')", "not 1, 2, 3 or 4"),
        number_check("ActionGeo_Lat", "DOUBLE"),
        range_check("ActionGeo_Lat", -90, 90),
        number_check("ActionGeo_Long", "DOUBLE"),
        range_check("ActionGeo_Long", -180, 180),
    ),
    version_sql="'2.0'",
)
