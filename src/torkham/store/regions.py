"""First-level regions as one place whatever the spelling: the admin-1 crosswalk (geo/admin1.yaml) declares
which names denote one region ('Khyber Pakhtunkwa province' in UCDP, 'Khyber Pakhtunkhwa' in the paper)
and which name the workbench shows. Names it does not list stay as the data writes them: two names are
never merged because they look alike, only because the crosswalk says so.

    spellings_of(con, "khyber pakhtunkhwa")  # ['Khyber Pakhtunkhwa', 'Khyber Pakhtunkwa province']
    fold_regions(rows)                       # facet rows by admin1 -> by region"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torkham.store.refs import check_held, held_values

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def region_of(name: str) -> str:
    """The shown name of the region `name` denotes; `name` itself when the crosswalk does not list it."""
    from torkham.geo.admin1 import load_crosswalk

    return load_crosswalk().region_name(name) or name


def spellings_of(con: DuckDBPyConnection, typed: str) -> list[str]:
    """The admin-1 names held (either layer) that denote the region `typed` names: those the crosswalk puts
    in the same region, or, for a name it does not list, the same name in any case."""
    from torkham.geo.admin1 import load_crosswalk

    crosswalk = load_crosswalk()
    code = crosswalk.code_for(typed)
    held = held_values(con, "admin1")
    if code is None:
        return [h for h in held if h.lower() == typed.lower()]
    return [h for h in held if crosswalk.code_for(h) == code]


def check_region(con: DuckDBPyConnection, typed: str) -> None:
    """An error listing the names held when `typed` denotes no region the store holds events in."""
    if not spellings_of(con, typed):
        check_held("admin1", typed, held_values(con, "admin1"), fold=True)


def fold_regions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Facet rows by admin-1 name folded by region: counts and known deaths added, `names` the spellings
    counted; by count, then name; 'no region given' (None) last."""
    folded: dict[str | None, dict[str, Any]] = {}
    for row in rows:
        key = None if row["value"] is None else region_of(str(row["value"]))
        into = folded.setdefault(key, {"value": key, "label": key, "count": 0, "fatalities": None,
                                       "fatalities_unknown": 0, "names": []})  # fmt: skip
        into["count"] += row["count"]
        into["fatalities_unknown"] += row["fatalities_unknown"]
        if row["fatalities"] is not None:
            into["fatalities"] = (into["fatalities"] or 0) + row["fatalities"]
        if row["value"] is not None:
            into["names"].append(row["value"])
    return sorted(folded.values(), key=lambda r: (r["value"] is None, -r["count"], r["value"] or ""))
