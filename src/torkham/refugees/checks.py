"""The SQL side of a refugee import, over the staged text rows (`tk_ref_raw`): quarantine impossible
years, malformed country codes and counts that are not counts (`tk_ref_bad`), then give the good rows
their types and key (`tk_ref_rows`) and one line per value (`tk_ref_incoming`)."""

from __future__ import annotations

from datetime import date

from torkham.refugees.reader import Staged
from torkham.refugees.tables import COUNTRY_COLUMNS, DIMENSIONS, TABLES

FIRST_YEAR = 1950  # UNHCR was founded in December 1950; its statistics start in 1951
# Cells that say "not recorded": stored as NULL, never as 0. '*' marked a withheld small number.
_MISSING = "('', '-', '\u2013', '\u2014', '..', 'n/a', 'na')"
_PLAIN = r"\d{1,15}(\.0+)?"
_GROUPED = "|".join(rf"\d{{1,3}}({sep}\d{{3}}){{1,4}}" for sep in (",", " ", r"\x{00a0}", r"\x{202f}", "''"))


def _text(column: str) -> str:
    return f"trim({column})"


def _missing(column: str) -> str:
    return f"({column} IS NULL OR lower(trim({column})) IN {_MISSING})"


def _is_count(column: str) -> str:
    t = _text(column)
    return f"(regexp_full_match({t}, '{_PLAIN}') OR regexp_full_match({t}, '{_GROUPED}'))"


def _count_problem(column: str) -> str:
    t = _text(column)
    return f"""CASE WHEN {_missing(column)} OR {t} = '*' OR {_is_count(column)} THEN NULL
                    WHEN {t} LIKE '-%' AND (regexp_full_match(ltrim(substr({t}, 2)), '{_PLAIN}')
                         OR regexp_full_match(ltrim(substr({t}, 2)), '{_GROUPED}')) THEN 'negative count'
                    ELSE 'not a count (a whole number such as 1234 or 1,234)' END"""


def _count_value(column: str) -> str:
    t = _text(column)
    return f"""CASE WHEN {_missing(column)} OR {t} = '*' THEN NULL
                    WHEN regexp_full_match({t}, '\\d+') THEN CAST({t} AS BIGINT)
                    ELSE CAST(regexp_replace(regexp_replace({t}, '\\.0+$', ''), '[^0-9]', '', 'g') AS BIGINT) END"""


def _qualifier(column: str) -> str:
    return f"CASE WHEN {_missing(column)} THEN 'not recorded' WHEN {_text(column)} = '*' THEN 'confidential' END"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def check(con, staged: Staged) -> None:
    """`tk_ref_long`: the counts of the staged rows, one line per cell; then one line in `tk_ref_bad` per
    impossible year, malformed country code or count."""
    measures = [c for c in staged.columns if c in TABLES[staged.table].measures]
    con.execute(
        f"""CREATE TEMP TABLE tk_ref_long AS SELECT tk_row, measure, raw FROM tk_ref_raw
            UNPIVOT INCLUDE NULLS (raw FOR measure IN ({", ".join(measures)}))"""
    )
    last = date.today().year + 1
    year = _text("year")
    problems = {
        "year": f"""CASE WHEN year IS NULL OR NOT regexp_full_match({year}, '\\d{{4}}') THEN 'not a year (four digits, e.g. 2023)'
                         WHEN TRY_CAST({year} AS INTEGER) NOT BETWEEN {FIRST_YEAR} AND {last}
                         THEN 'impossible year: UNHCR statistics run from 1951 to {last - 1}' END""",
    }
    for column in ("coo_iso", "coa_iso"):
        problems[
            column
        ] = f"""CASE WHEN NOT {_missing(column)} AND NOT regexp_full_match(upper({_text(column)}), '[A-Z]{{3}}')
                                    THEN 'not an ISO3 country code (three letters, e.g. AFG)' END"""
    parts = [
        f"SELECT tk_row, {_literal(staged.headers.get(c, c))} AS field, {c} AS value, {p} AS reason FROM tk_ref_raw"
        for c, p in problems.items()
    ]
    headers = "MAP {" + ", ".join(f"'{m}': {_literal(staged.headers.get(m, m))}" for m in measures) + "}"
    parts.append(
        f"SELECT tk_row, {headers}[measure] AS field, raw AS value, {_count_problem('raw')} AS reason FROM tk_ref_long"
    )
    con.execute(
        f"INSERT INTO tk_ref_bad SELECT * FROM ({' UNION ALL '.join(parts)}) WHERE reason IS NOT NULL ORDER BY tk_row"
    )


def clean(con, staged: Staged) -> None:
    """`tk_ref_rows`: the rows without problems, typed and keyed; duplicates of a key go to `tk_ref_bad`;
    then `tk_ref_incoming`: one line per value."""
    table = staged.table
    countries = []
    for column in COUNTRY_COLUMNS:
        value = f"upper({_text(column)})" if column.endswith("_iso") else _text(column)
        countries.append(f"CASE WHEN {_missing(column)} THEN NULL ELSE {value} END AS {column}")
    dims = [f"NULLIF(trim({d}), '') AS {d}" if d in staged.columns else f"NULL::VARCHAR AS {d}" for d in DIMENSIONS]
    key = ", ".join(f"coalesce({c}, '-')" for c in ("coo_iso", "coa_iso", *DIMENSIONS))
    con.execute(
        f"""CREATE TEMP TABLE tk_ref_rows AS SELECT *, concat_ws('|', '{table}', year, {key}) AS row_key FROM (
              SELECT tk_row, CAST(trim(year) AS INTEGER) AS year, {", ".join(countries)}, {", ".join(dims)}
              FROM tk_ref_raw WHERE tk_row NOT IN (SELECT tk_row FROM tk_ref_bad))"""
    )
    con.execute(
        """INSERT INTO tk_ref_bad SELECT tk_row, NULL, replace(row_key, '|', ' '),
             'duplicate row within the file (same year, countries and dimensions as row ' || first_row || ')' FROM (
               SELECT tk_row, row_key, row_number() OVER (PARTITION BY row_key ORDER BY tk_row) AS n,
                      min(tk_row) OVER (PARTITION BY row_key) AS first_row FROM tk_ref_rows) WHERE n > 1"""
    )
    con.execute(
        f"""CREATE TEMP TABLE tk_ref_incoming AS
            SELECT r.row_key, '{table}' AS table_name, r.year, {", ".join("r." + c for c in (*COUNTRY_COLUMNS, *DIMENSIONS))},
                   l.measure, {_count_value("l.raw")} AS value, {_qualifier("l.raw")} AS qualifier
            FROM tk_ref_rows r JOIN tk_ref_long l USING (tk_row) WHERE r.tk_row NOT IN (SELECT tk_row FROM tk_ref_bad)"""
    )


def merge(con, summary, import_id: int, names_given: bool = True) -> None:
    """Replace the values held under the same key by the incoming ones; count rows new / changed / unchanged
    (a row is new when none of its values is held, unchanged when all are held alike, else changed)."""
    counts = con.execute(
        """SELECT count(*) FILTER (WHERE held = 0), count(*) FILTER (WHERE held > 0 AND (differ > 0 OR held < n)),
                  count(*) FILTER (WHERE held = n AND differ = 0)
           FROM (SELECT i.row_key, count(*) AS n, count(s.row_key) AS held,
                        count(*) FILTER (WHERE s.row_key IS NOT NULL AND (s.value IS DISTINCT FROM i.value
                                         OR s.qualifier IS DISTINCT FROM i.qualifier)) AS differ
                 FROM tk_ref_incoming i LEFT JOIN refugee_stats s ON s.row_key = i.row_key AND s.measure = i.measure
                 GROUP BY i.row_key)"""
    ).fetchone()
    summary.inserted, summary.updated, summary.unchanged = counts
    if not names_given:  # a file with codes only keeps the country names already held
        con.execute(
            """UPDATE tk_ref_incoming i SET coo_name = s.coo_name, coa_name = s.coa_name FROM refugee_stats s
               WHERE s.row_key = i.row_key AND s.measure = i.measure"""
        )
    con.execute(
        """DELETE FROM refugee_stats s USING tk_ref_incoming i
           WHERE s.row_key = i.row_key AND s.measure = i.measure
             AND (s.value IS DISTINCT FROM i.value OR s.qualifier IS DISTINCT FROM i.qualifier)"""
    )
    con.execute(
        """INSERT INTO refugee_stats BY NAME SELECT i.*, ? AS dataset_version, ? AS import_id FROM tk_ref_incoming i
           WHERE NOT EXISTS (SELECT 1 FROM refugee_stats s WHERE s.row_key = i.row_key AND s.measure = i.measure)""",
        [summary.version, import_id],
    )
