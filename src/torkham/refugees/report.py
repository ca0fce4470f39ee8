"""The UNHCR figures of one country of origin in its countries of asylum, year by year, for the refugees
page, `/api/v1/refugees` and `torkham refugees series`: stocks (refugees, asylum-seekers, others of concern,
other people in need of international protection, at the end of each year) and the returns during the
year, each year with the data version it comes from; a year not held or left empty by UNHCR is None —
never 0. `check_held` is the one check that a country asked for is held, naming the field and the codes
that are.

    report = refugee_report(con, RefugeeQuery.parse("AFG", "PAK,IRN"))"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from torkham.params import InvalidParameter, RefugeeQuery, literal
from torkham.refugees import queries
from torkham.refugees.tables import TABLES

TABLE = "population"
MEASURES = ("refugees", "asylum_seekers", "ooc", "oip", "returned_refugees")
LABELS = {
    "refugees": "Refugees (end of year)",
    "asylum_seekers": "Asylum-seekers (end of year)",
    "ooc": "Others of concern to UNHCR (end of year)",
    "oip": "Others in need of international protection (end of year)",
    "returned_refugees": "Refugees returned during the year",
}
STATUS = "published annual statistics; UNHCR revises past years in later releases"
SIDES = {"origin": ("coo_iso", "coo_name", "country of origin"), "asylum": ("coa_iso", "coa_name", "country of asylum")}
CSV_COLUMNS = [
    "year",
    "origin",
    "asylum",
    "measure",
    "kind",
    "value",
    "reason",
    "table",
    "version",
    "licence",
    "status",
]


@dataclass
class RefugeeSeries:
    measure: str
    asylum: str | None  # ISO3; None: all countries of asylum
    asylum_name: str
    values: list[dict[str, Any]]  # year, value (None: not held / not recorded), reason, version

    @property
    def label(self) -> str:
        return LABELS[self.measure]

    @property
    def kind(self) -> str:
        return "flow" if self.measure.startswith("returned") else "stock"


@dataclass
class RefugeeReport:
    origin: str | None
    origin_name: str
    asylum: list[tuple[str | None, str]]  # (ISO3, name) in the order asked
    years: list[int]
    series: list[RefugeeSeries] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)

    @property
    def attribution(self) -> str:
        return queries.attribution(TABLE, self.versions)

    def of(self, measure: str) -> list[RefugeeSeries]:
        return [s for s in self.series if s.measure == measure]

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": {"iso3": self.origin, "name": self.origin_name},
            "asylum": [{"iso3": code, "name": name} for code, name in self.asylum],
            "from": self.years[0] if self.years else None, "to": self.years[-1] if self.years else None,
            "dataset": TABLES[TABLE].dataset, "table": TABLE, "versions": self.versions,
            "licence": queries.LICENCE, "status": STATUS, "attribution": self.attribution,
            "measures": [{"measure": m, "label": LABELS[m], "kind": _kind(m), "definition": TABLES[TABLE].measures[m]}
                         for m in MEASURES],
            "series": [{"measure": s.measure, "kind": s.kind, "asylum": s.asylum, "asylum_name": s.asylum_name,
                        "values": s.values} for s in self.series],
        }  # fmt: skip

    def csv_rows(self) -> list[dict[str, Any]]:
        return [
            {"year": v["year"], "origin": self.origin or "", "asylum": s.asylum or "", "measure": s.measure,
             "kind": s.kind, "value": "" if v["value"] is None else v["value"], "reason": v["reason"] or "",
             "table": TABLE, "version": v["version"] or "", "licence": queries.LICENCE, "status": STATUS}
            for s in self.series for v in s.values
        ]  # fmt: skip


def _kind(measure: str) -> str:
    return "flow" if measure.startswith("returned") else "stock"


def held_countries(con: Any, side: str) -> dict[str, str]:
    """ISO3 → name of the countries held on one side (origin or asylum) of the population table."""
    if not queries._has_table(con):
        return {}
    code, name, _ = SIDES[side]
    rows = con.execute(
        f"SELECT {code}, max({name}) FROM refugee_stats WHERE table_name = ? AND {code} IS NOT NULL GROUP BY 1",
        [TABLE],
    ).fetchall()
    return {str(c): str(n or c) for c, n in sorted(rows)}


def check_held(con: Any, query: RefugeeQuery) -> None:
    """An error naming the field when a country asked for has no UNHCR figures held (nothing is checked
    when no UNHCR table is held at all: the answer is then empty, and says so)."""
    for side, wanted in (("origin", (query.origin,) if query.origin else ()), ("asylum", query.asylum)):
        held = held_countries(con, side)
        if not held:
            return
        for code in wanted:
            if code not in held:
                raise InvalidParameter(
                    side, f"no UNHCR figures held for '{literal(code)}' as {SIDES[side][2]}; use one of the "
                    f"{len(held)} ISO3 codes held: {', '.join(held)}"
                )  # fmt: skip


def refugee_report(con: Any, query: RefugeeQuery, measures: tuple[str, ...] = MEASURES) -> RefugeeReport:
    """Every measure for every country of asylum asked (all of them summed when none is), year by year over
    the range asked, else over the years held."""
    check_held(con, query)
    names = held_countries(con, "asylum")
    origin_name = held_countries(con, "origin").get(query.origin or "", query.origin or "all countries of origin")
    asylum: list[tuple[str | None, str]] = [(c, names.get(c, c)) for c in query.asylum] or [
        (None, "all countries of asylum")
    ]
    found = {
        (m, code): queries.series(con, m, query.origin, code, query.first, query.last, TABLE)
        for m in measures
        for code, _ in asylum
    }
    held = sorted({row["year"] for rows in found.values() for row in rows})
    first = query.first if query.first is not None else (held[0] if held else None)
    last = query.last if query.last is not None else (held[-1] if held else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    report = RefugeeReport(query.origin, origin_name, asylum, years)
    versions: set[str] = set()
    for (measure, code), rows in found.items():
        by_year = {r["year"]: r for r in rows}
        values = []
        for year in years:
            row = by_year.get(year)
            if row and row["version"]:
                versions.update(row["version"].split(", "))
            values.append({"year": year, "value": row["value"] if row else None,
                           "reason": row["reason"] if row else "no rows held",
                           "version": row["version"] if row else None})  # fmt: skip
        report.series.append(RefugeeSeries(measure, code, dict(asylum)[code], values))
    report.versions = sorted(versions)
    return report
