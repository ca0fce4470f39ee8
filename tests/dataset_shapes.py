"""Small files shaped like the datasets, made by the tests (never real ACLED rows)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from torkham.datasets.formats.acled import ACLED_COLUMNS, ACLED_LEGACY_COLUMNS
from torkham.datasets.formats.gdelt import GDELT_COLUMNS
from torkham.datasets.formats.ucdp import GED_COLUMNS

HXL = {
    "year": "#date+year", "side_a": "#group+name+first", "side_b": "#group+name+second",
    "source_article": "#meta+source", "where_description": "#description", "where_coordinates": "#loc+name",
    "adm_1": "#adm1+name", "adm_2": "#adm2+name", "region": "#region+name",
    "latitude": "#geo+lat", "longitude": "#geo+lon", "country": "#country+name", "iso3": "#country+code",
    "date_start": "#date+start", "date_end": "#date+end", "best": "#affected+killed",
}  # fmt: skip


def ged(event_id: int | str, **values: object) -> dict[str, str]:
    """A GED event in Pakistan (TTP against the government) with any field overridden."""
    row = dict.fromkeys(GED_COLUMNS, "")
    row.update(
        id=str(event_id), relid=f"PAK-2021-1-{event_id}", year="2021", active_year="1", code_status="Clear",
        type_of_violence="1", conflict_name="Pakistan: Government", dyad_name="Government of Pakistan - TTP",
        side_a="Government of Pakistan", side_b="TTP", number_of_sources="1",
        source_article="Dawn,2021-03-02,Attack", where_prec="1", where_coordinates="Peshawar town",
        adm_1="Khyber Pakhtunkhwa province", adm_2="Peshawar district", latitude="34.008", longitude="71.578",
        geom_wkt="POINT (71.578 34.008)", country="Pakistan", country_id="770", region="Asia", event_clarity="1",
        date_prec="1", date_start="2021-03-02 00:00:00.000", date_end="2021-03-02 00:00:00.000", deaths_a="1",
        deaths_b="2", deaths_civilians="0", deaths_unknown="0", best="3", high="4", low="3", gwnoa="770", gwnob="",
    )  # fmt: skip
    row.update({k: str(v) for k, v in values.items()})
    return row


def write_ged(path: Path, rows: list[dict[str, str]], hdx: bool = False, newline: str = "\r\n") -> Path:
    """A GED release CSV, or (hdx) the HDX extract: iso3 after country and a row of HXL hashtags."""
    columns = list(GED_COLUMNS)
    if hdx:
        columns.insert(columns.index("country") + 1, "iso3")
        rows = [{**{c: HXL.get(c, "") for c in columns}}] + [{**r, "iso3": r.get("iso3", "PAK")} for r in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator=newline, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def acled(event_id: str, **values: object) -> dict[str, str]:
    """An ACLED-shaped event (invented), TTP against Pakistan's military, with any field overridden."""
    row = dict.fromkeys(ACLED_LEGACY_COLUMNS + ACLED_COLUMNS, "")
    row.update(
        event_id_cnty=event_id, event_date="2023-09-05", year="2023", time_precision="1",
        disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
        actor1="TTP: Tehreek-i-Taliban Pakistan", inter1="2", actor2="Military Forces of Pakistan (2018-)",
        inter2="1", interaction="12", iso="586", region="Caucasus and Central Asia", country="Pakistan",
        admin1="Khyber Pakhtunkhwa", admin2="Bajaur", location="Khar", latitude="34.7329", longitude="71.5243",
        geo_precision="1", source="Invented Source", source_scale="National", notes="Invented test event.",
        fatalities="2", timestamp="1693958400", data_id="1", event_id_no_cnty="1", iso3="PAK",
    )  # fmt: skip
    row.update({k: str(v) for k, v in values.items()})
    return row


def write_acled(path: Path, rows: list[dict[str, str]], legacy: bool = False, delimiter: str = ",") -> Path:
    columns = ACLED_LEGACY_COLUMNS if legacy else ACLED_COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, delimiter=delimiter, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def gdelt(event_id: int | str, **values: object) -> dict[str, str]:
    """A GDELT 2.0 event: Pakistani military fights Pakistani rebels near Peshawar."""
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(
        GLOBALEVENTID=str(event_id), SQLDATE="20230905", MonthYear="202309", Year="2023", FractionDate="2023.6712",
        Actor1Code="PAKMIL", Actor1Name="PAKISTAN", Actor1CountryCode="PAK", Actor1Type1Code="MIL",
        Actor2Code="PAKREB", Actor2Name="PAKISTAN", Actor2CountryCode="PAK", Actor2Type1Code="REB",
        IsRootEvent="1", EventCode="190", EventBaseCode="190", EventRootCode="19", QuadClass="4",
        GoldsteinScale="-10.0", NumMentions="4", NumSources="1", NumArticles="4", AvgTone="-8.2",
        ActionGeo_Type="4", ActionGeo_FullName="Peshawar, North-West Frontier, Pakistan", ActionGeo_CountryCode="PK",
        ActionGeo_ADM1Code="PK03", ActionGeo_ADM2Code="", ActionGeo_Lat="34.008", ActionGeo_Long="71.578",
        ActionGeo_FeatureID="-2772418", DATEADDED="20230905153000", SOURCEURL="https://example.org/news/1",
    )  # fmt: skip
    row.update({k: str(v) for k, v in values.items()})
    return row


def gdelt_lines(rows: list[dict[str, str]]) -> str:
    return "".join("\t".join(r[c] for c in GDELT_COLUMNS) + "\n" for r in rows)


def write_gdelt(path: Path, rows: list[dict[str, str]], zipped: bool = False) -> Path:
    text = gdelt_lines(rows)
    if zipped:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(path.name.removesuffix(".zip"), text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def ged_api_record(event_id: int, **values: object) -> dict:
    """A GED record as the API returns it: numbers as JSON numbers, dates with a time."""
    row = ged(event_id)
    record: dict = {k: v for k, v in row.items()}
    for key in ("id", "year", "type_of_violence", "best", "low", "high", "country_id", "where_prec", "date_prec"):
        record[key] = int(row[key])
    record.update(latitude=34.008, longitude=71.578, active_year=True)
    record.update(date_start="2021-03-02T00:00:00", date_end="2021-03-02T00:00:00")
    record.update(values)
    return record


def write_ged_api(path: Path, records: list[dict], version: str = "25.1", page: int = 1, pages: int = 1) -> Path:
    base = f"https://ucdpapi.pcr.uu.se/api/gedevents/{version}?pagesize=1000"
    page_doc = {
        "TotalCount": len(records),
        "TotalPages": pages,
        "PreviousPageUrl": f"{base}&page={page - 1}" if page > 1 else "",
        "NextPageUrl": f"{base}&page={page + 1}" if page < pages else "",
        "Result": records,
    }
    path.write_text(json.dumps(page_doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def held_events(con, dataset: str) -> dict[str, dict]:
    """The events of one dataset in a store, by event id, as column -> value mappings."""
    cursor = con.execute("SELECT * FROM events WHERE dataset = ? ORDER BY event_id", [dataset])
    names = [d[0] for d in cursor.description]
    return {row[1]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def quarantined(con) -> list[tuple]:
    return con.execute("SELECT row_number, field, value, reason FROM quarantine ORDER BY row_number").fetchall()
