"""The UNHCR tables torkham holds, declared as data: their measures (with the package's own
definitions), their extra dimensions, and the headers both kinds of file give them — the R package
`refugees` (snake_case names) and the Refugee Data Finder download (human headers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from torkham.errors import TorkhamError

COUNTRY_COLUMNS = ("coo_name", "coo_iso", "coa_name", "coa_iso")
DIMENSIONS = ("procedure_type", "app_type", "dec_level", "pc")


@dataclass(frozen=True)
class RefugeeTable:
    name: str
    title: str
    kind: str  # stock (end of year) | flow (during the year)
    measures: dict[str, str]  # measure -> what it counts
    dimensions: tuple[str, ...] = ()

    @property
    def dataset(self) -> str:
        return "unhcr-" + self.name.replace("_", "-")


TABLES: dict[str, RefugeeTable] = {
    t.name: t
    for t in (
        RefugeeTable(
            "population",
            "UNHCR end-year population",
            "stock",
            {
                "refugees": "refugees under UNHCR's mandate (end of year)",
                "asylum_seekers": "asylum-seekers (end of year)",
                "returned_refugees": "refugees returned during the year (coa = the country they left)",
                "idps": "internally displaced persons of concern to UNHCR (end of year)",
                "returned_idps": "IDPs returned during the year",
                "stateless": "stateless persons (end of year)",
                "ooc": "others of concern to UNHCR (end of year)",
                "oip": "other people in need of international protection (end of year; from 2018)",
                "hst": "host community members (from 2021)",
                "vda": "Venezuelans displaced abroad (older exports; replaced by oip)",
            },
        ),
        RefugeeTable(
            "solutions",
            "UNHCR solutions",
            "flow",
            {
                "returned_refugees": "refugee returnees during the year (coa = the country they left)",
                "resettlement": "resettlement arrivals during the year (coa = the country of arrival)",
                "naturalisation": "refugees naturalised during the year",
                "returned_idps": "IDP returnees during the year",
            },
        ),
        RefugeeTable(
            "idmc",
            "IDMC internally displaced persons (conflict and violence), via UNHCR",
            "stock",
            {"total": "internally displaced persons due to conflict and violence (IDMC, end of year)"},
        ),
        RefugeeTable(
            "flows",
            "UNHCR new displacement flows",
            "flow",
            {
                "refugees": "refugee arrivals during the year (incl. prima facie, temporary protection)",
                "asylum_seekers": "new asylum applications during the year (repeat and appeal excluded)",
                "refugee_like": "people in refugee-like situations, arrivals (definition not documented; not returns)",
                "oip": "other people in need of international protection, new arrivals (from 2018)",
            },
        ),
        RefugeeTable(
            "asylum_applications",
            "UNHCR asylum applications",
            "flow",
            {"applied": "asylum claims submitted during the year"},
            ("procedure_type", "app_type", "dec_level", "pc"),
        ),
        RefugeeTable(
            "asylum_decisions",
            "UNHCR asylum decisions",
            "flow",
            {
                "dec_recognized": "applicants recognised as refugees",
                "dec_other": "applicants given complementary protection",
                "dec_rejected": "claims rejected",
                "dec_closed": "claims otherwise closed",
                "dec_total": "decisions taken during the year",
            },
            ("procedure_type", "dec_level", "pc"),
        ),
    )
}

# Where a measure name is held by several tables, queries use the first table of this order.
TABLE_ORDER = ("population", "solutions", "idmc", "asylum_applications", "asylum_decisions", "flows")


def header_key(text: str) -> str:
    """A header compared loosely: case, quotes, apostrophes, punctuation and spacing ignored."""
    text = text.replace("\ufeff", "").replace("\u2019", "'").strip().strip('"').lower()
    return re.sub(r"[^a-z0-9']+", " ", text).strip()


_ALIASES: dict[str, tuple[str, ...]] = {
    "year": ("year",),
    "coo_name": ("coo_name", "country of origin", "origin"),
    "coo_iso": ("coo_iso", "country of origin (iso)", "country of origin iso", "origin (iso)", "iso3 origin"),
    "coa_name": ("coa_name", "country of asylum", "asylum"),
    "coa_iso": ("coa_iso", "country of asylum (iso)", "country of asylum iso", "asylum (iso)", "iso3 asylum"),
    "coo": ("coo", "country of origin (unhcr)", "country of origin code"),
    "coa": ("coa", "country of asylum (unhcr)", "country of asylum code"),
    "procedure_type": ("procedure_type", "procedure type", "authority"),
    "app_type": ("app_type", "application type", "stage of procedure"),
    "dec_level": ("dec_level", "decision level"),
    "pc": ("app_pc", "dec_pc", "cases / persons", "cases or persons", "application data type", "decision data type"),
    "refugees": ("refugees", "refugees under unhcr's mandate", "refugee arrivals"),
    "asylum_seekers": ("asylum_seekers", "asylum-seekers", "asylum seekers", "new asylum applications"),
    "returned_refugees": ("returned_refugees", "returned refugees", "refugee returnees"),
    "idps": ("idps", "idps of concern to unhcr", "internally displaced persons"),
    "returned_idps": ("returned_idps", "returned idps", "returned idpss", "idp returnees"),
    "stateless": ("stateless", "stateless persons"),
    "ooc": ("ooc", "others of concern", "others of concern to unhcr"),
    "oip": ("oip", "other people in need of international protection"),
    "hst": ("hst", "host community"),
    "vda": ("vda", "venezuelans displaced abroad"),
    "resettlement": ("resettlement", "resettlement arrivals", "resettled refugees"),
    "naturalisation": ("naturalisation", "naturalization", "naturalised refugees", "naturalized refugees"),
    "total": ("total", "idps (idmc)", "total idps", "internally displaced persons (idmc)"),
    "refugee_like": ("refugee_like", "refugee-like", "people in refugee-like situations"),
    "applied": ("applied", "applications", "number of applications", "total applications", "applications lodged"),
    "dec_recognized": ("dec_recognized", "recognized decisions", "recognised decisions", "recognized", "recognised"),
    "dec_other": ("dec_other", "complementary protection", "other decisions"),
    "dec_rejected": ("dec_rejected", "rejected decisions", "rejected"),
    "dec_closed": ("dec_closed", "otherwise closed", "closed"),
    "dec_total": ("dec_total", "total decisions", "total decided"),
}
HEADERS: dict[str, str] = {header_key(alias): name for name, aliases in _ALIASES.items() for alias in aliases}
MEASURES = frozenset(m for t in TABLES.values() for m in t.measures)


def canonical(header: str) -> str | None:
    """The canonical column a header denotes, or None when torkham does not know it."""
    return HEADERS.get(header_key(header))


def detect_table(columns: set[str], file_name: str = "") -> str | None:
    """The table a file holds, from its (canonical) columns; the file name breaks ties."""
    if "applied" in columns:
        return "asylum_applications"
    if columns & {"dec_recognized", "dec_other", "dec_rejected", "dec_closed", "dec_total"}:
        return "asylum_decisions"
    if "refugee_like" in columns:
        return "flows"
    population = columns & {"idps", "stateless", "ooc", "hst", "vda"}
    if population:
        return "population"
    if columns & {"resettlement", "naturalisation"}:
        return "solutions"
    if "total" in columns and not columns & (MEASURES - {"total"}):
        return "idmc"
    named = [t for t in TABLES if t in file_name.lower()]
    if len(named) == 1 and columns & set(TABLES[named[0]].measures):
        return named[0]
    if columns & {"refugees", "asylum_seekers", "returned_refugees", "returned_idps", "oip"}:
        return "population"
    return None


def check_table(name: str, option: str = "--table") -> str:
    if name not in TABLES:
        raise TorkhamError(f"{option}: unknown table '{name}'; choose one of: {', '.join(TABLES)}")
    return name


def table_for(measure: str, table: str | None = None) -> str:
    """The table a measure is read from: `table` if given (it must hold the measure), else the first
    table of TABLE_ORDER that holds it."""
    if measure not in MEASURES:
        raise TorkhamError(f"--measure: unknown measure '{measure}'; choose one of: {', '.join(sorted(MEASURES))}")
    if table is not None:
        check_table(table)
        if measure not in TABLES[table].measures:
            raise TorkhamError(
                f"--measure: table {table} has no measure '{measure}'; it has: {', '.join(TABLES[table].measures)}"
            )
        return table
    return next(t for t in TABLE_ORDER if measure in TABLES[t].measures)
