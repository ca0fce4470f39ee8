"""Reading the refugee statistics: one value with its evidence, yearly series, the measures held, and
the datasets for `torkham sources`. The claim checks call `value` and `series`.

Country arguments are ISO3 codes; None means all: the value is then the one row the source gives for
all countries (an aggregated export) if held, else the sum of the country rows held. A value that
the source leaves empty is None — "not recorded" — never 0."""

from __future__ import annotations

from torkham.refugees.tables import DIMENSIONS, TABLES, table_for

LICENCE = "CC BY 4.0"
ATTRIBUTION = (
    "Source: UNHCR Refugee Data Finder (https://www.unhcr.org/refugee-statistics/), UNHCR Refugee Population "
    "Statistics Database (CC BY 4.0)"
)
BUNDLED_NOTE = "via the R package refugees {version}; rows filtered to Afghanistan/Pakistan"
IDMC_CREDIT = "Internally displaced persons data: Internal Displacement Monitoring Centre (IDMC), via UNHCR."

_ROW_COLUMNS = (
    "year", "coo_iso", "coo_name", "coa_iso", "coa_name", *DIMENSIONS, "value", "qualifier", "dataset_version",
    "import_id",
)  # fmt: skip


def _has_table(con) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'refugee_stats'").fetchone()[0]
    )


def _rows(con, table: str, measure: str, coo, coa, first: int | None, last: int | None, dims: dict) -> list[dict]:
    if not _has_table(con):
        return []
    where = ["table_name = ?", "measure = ?"]
    params: list = [table, measure]
    for column, wanted in (("coo_iso", coo), ("coa_iso", coa), *dims.items()):
        if wanted is not None:
            where.append(f"{column} = ?")
            params.append(wanted)
    if first is not None:
        where.append("year >= ?")
        params.append(first)
    if last is not None:
        where.append("year <= ?")
        params.append(last)
    sql = f"SELECT {', '.join(_ROW_COLUMNS)} FROM refugee_stats WHERE {' AND '.join(where)} ORDER BY year, row_key"
    return [dict(zip(_ROW_COLUMNS, r, strict=True)) for r in con.execute(sql, params).fetchall()]


def _aggregate(rows: list[dict], coo, coa) -> tuple[int | None, list[dict], str | None]:
    """The value of one year's rows: (value, rows used, why there is no value)."""
    if not rows:
        return None, [], "no rows held"
    for column, wanted in (("coo_iso", coo), ("coa_iso", coa)):
        if wanted is None and any(r[column] is None for r in rows):
            rows = [r for r in rows if r[column] is None]  # the source's own total beats a sum of parts
    recorded = [r for r in rows if r["value"] is not None]
    if not recorded:
        qualifiers = sorted({r["qualifier"] or "not recorded" for r in rows})
        return None, rows, f"{' / '.join(qualifiers)} in the source"
    return sum(r["value"] for r in recorded), rows, None


def _query_text(table: str, measure: str, coo, coa, year_text: str, dims: dict) -> str:
    parts = [f"table_name = '{table}'", f"measure = '{measure}'"]
    parts += [f"{c} = '{v}'" for c, v in (("coo_iso", coo), ("coa_iso", coa), *dims.items()) if v is not None]
    parts.append(year_text)
    return "SELECT sum(value) FROM refugee_stats WHERE " + " AND ".join(parts)


def value(
    con, measure: str, coo: str | None, coa: str | None, year: int, table: str | None = None, **dims: str | None
) -> tuple[int | None, dict]:
    """(value, evidence) of `measure` for one year; value None when nothing is held or recorded.
    `dims` filters the asylum tables: procedure_type, app_type, dec_level, pc (None: summed over all)."""
    chosen = table_for(measure, table)
    wanted = {k: v for k, v in dims.items() if v is not None}
    rows = _rows(con, chosen, measure, coo, coa, year, year, wanted)
    result, used, reason = _aggregate(rows, coo, coa)
    versions = sorted({r["dataset_version"] for r in used})
    evidence = {
        "dataset": TABLES[chosen].dataset,
        "table": chosen,
        "measure": measure,
        "definition": TABLES[chosen].measures[measure],
        "kind": TABLES[chosen].kind,
        "origin": coo,
        "asylum": coa,
        "year": year,
        "value": result,
        "reason": reason,
        "version": ", ".join(versions) or None,
        "versions": versions,
        "rows": used,
        "query": _query_text(chosen, measure, coo, coa, f"year = {year}", wanted),
        "attribution": attribution(chosen, versions),
    }
    return result, evidence


def series(
    con,
    measure: str,
    coo: str | None = None,
    coa: str | None = None,
    first: int | None = None,
    last: int | None = None,
    table: str | None = None,
    **dims: str | None,
) -> list[dict]:
    """One entry per year: year, value (None: not held / not recorded), reason, rows, version. With
    both `first` and `last` every year of the range is listed; else the years held."""
    chosen = table_for(measure, table)
    wanted = {k: v for k, v in dims.items() if v is not None}
    by_year: dict[int, list[dict]] = {}
    for row in _rows(con, chosen, measure, coo, coa, first, last, wanted):
        by_year.setdefault(row["year"], []).append(row)
    years = range(first, last + 1) if first is not None and last is not None else sorted(by_year)
    out = []
    for year in years:
        result, used, reason = _aggregate(by_year.get(year, []), coo, coa)
        versions = sorted({r["dataset_version"] for r in used})
        out.append({
            "year": year, "value": result, "reason": reason, "measure": measure, "table": chosen,
            "dataset": TABLES[chosen].dataset, "origin": coo, "asylum": coa, "rows": len(used),
            "version": ", ".join(versions) or None,
        })  # fmt: skip
    return out


def measures(con) -> list[dict]:
    """Every measure of every table, with its definition and what the store holds of it."""
    held: dict[tuple[str, str], tuple] = {}
    if _has_table(con):
        for table, measure, n, recorded, first, last in con.execute(
            """SELECT table_name, measure, count(*), count(value), min(year), max(year) FROM refugee_stats
               GROUP BY 1, 2"""
        ).fetchall():
            held[(table, measure)] = (n, recorded, first, last)
    out = []
    for table in TABLES.values():
        for measure, definition in table.measures.items():
            n, recorded, first, last = held.get((table.name, measure), (0, 0, None, None))
            out.append({
                "table": table.name, "measure": measure, "kind": table.kind, "definition": definition,
                "rows": n, "recorded": recorded, "first_year": first, "last_year": last,
            })  # fmt: skip
    return out


def attribution(table: str, versions: list[str] | None = None) -> str:
    text = ATTRIBUTION
    bundled = _bundled_versions()
    package = [v for v in versions or [] if v in bundled]
    if package:
        text += ", " + BUNDLED_NOTE.format(version=", ".join(package))
    text += "."
    if table == "idmc":
        text += " " + IDMC_CREDIT
    return text


def _bundled_versions() -> set[str]:
    from torkham.datasets.bundled import bundled_datasets

    return {b.version for b in bundled_datasets() if b.dataset.startswith("unhcr-")}


def datasets(con) -> list[dict]:
    """The refugee tables held, by table and version, in the shape of `store.queries.datasets`
    ("events" holds the number of table rows: year × origin × asylum country × dimensions)."""
    if not _has_table(con):
        return []
    from torkham.datasets.bundled import bundled_datasets

    titles = {(b.dataset, b.version): b for b in bundled_datasets()}
    rows = con.execute(
        """SELECT table_name, dataset_version, count(DISTINCT row_key), min(year), max(year) FROM refugee_stats
           GROUP BY 1, 2 ORDER BY 1, 2"""
    ).fetchall()
    out = []
    for table, version, count, first, last in rows:
        dataset = TABLES[table].dataset
        bundled = titles.get((dataset, version))
        out.append({
            "id": f"{dataset}:{version}", "kind": "dataset", "dataset": dataset, "version": version, "events": count,
            "coverage": f"{first} to {last}", "title": bundled.title if bundled else TABLES[table].title,
            "licence": bundled.licence if bundled else LICENCE,
            "attribution": bundled.attribution if bundled else attribution(table, [version]),
            "source": f"{dataset} {version}", "locator": {"dataset": dataset, "version": version, "table": table},
        })  # fmt: skip
    return out
