"""The pandas baseline: a straightforward read-and-normalise of a UCDP GED CSV into the columns of
the events table, with the same row checks as the importer (bad rows and duplicate ids set aside).

It stops at an in-memory DataFrame: no content hash, no write to a store. That makes the baseline
cheaper than the real work, so "ours is N× faster" is a conservative figure.
"""

from __future__ import annotations

from pathlib import Path

PRECISION = {"1": "day", "2": "days", "3": "week", "4": "month", "5": "year"}
VIOLENCE = {"1": "state-based", "2": "non-state", "3": "one-sided"}
ISO3 = {"770": "PAK", "700": "AFG"}


def read_and_normalise(path: Path):
    """(normalised events DataFrame, number of rows set aside)."""
    import pandas as pd

    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    raw = raw[~raw["id"].str.strip().str.startswith("#")]  # HXL hashtag row of the HDX extracts

    def text(column: str):
        return raw[column].str.strip().replace("", None)

    def number(column: str):
        return pd.to_numeric(raw[column].str.strip().replace("", None), errors="coerce")

    def date(column: str):
        return pd.to_datetime(raw[column].str.strip().str[:10], format="%Y-%m-%d", errors="coerce")

    iso3 = text("iso3") if "iso3" in raw.columns else pd.Series(None, index=raw.index, dtype="str")
    events = pd.DataFrame(
        {
            "event_id": text("id"),
            "date_start": date("date_start"),
            "date_end": date("date_end"),
            "date_precision": raw["date_prec"].str.strip().map(PRECISION).fillna("approximate"),
            "country": text("country"),
            "iso3": iso3.fillna(raw["country_id"].str.strip().map(ISO3)),
            "admin1": text("adm_1"),
            "admin2": text("adm_2"),
            "place": text("where_coordinates"),
            "latitude": number("latitude"),
            "longitude": number("longitude"),
            "geo_precision": text("where_prec"),
            "event_type": raw["type_of_violence"].str.strip().map(VIOLENCE),
            "sub_event_type": text("conflict_name"),
            "actor1": text("side_a"),
            "actor2": text("side_b"),
            "fatalities_best": number("best"),
            "fatalities_low": number("low"),
            "fatalities_high": number("high"),
            "source_text": text("source_article"),
        }
    )
    bad = (
        events["event_id"].isna()
        | events["date_start"].isna()
        | events["date_end"].isna()
        | (events["date_end"] < events["date_start"])
        | events["event_type"].isna()
        | (events["fatalities_best"] < 0)
    )
    for column, source in (("latitude", "latitude"), ("longitude", "longitude")):
        limit = 90 if column == "latitude" else 180
        bad |= (raw[source].str.strip() != "") & ~events[column].between(-limit, limit)
    for column, source in (("fatalities_best", "best"), ("fatalities_low", "low"), ("fatalities_high", "high")):
        bad |= (raw[source].str.strip() != "") & (events[column].isna() | (events[column] % 1 != 0))
    good = events[~bad]
    good = good[~good["event_id"].duplicated()]
    for column in ("fatalities_best", "fatalities_low", "fatalities_high"):
        good[column] = good[column].astype("Int32")
    return good, len(raw) - len(good)
