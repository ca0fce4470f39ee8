"""The countries table (countries.yaml): ISO3 code, the name shown, and the spellings datasets use —
checked when it loads. `find_country` is the one matcher for what a user types."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from torkham.errors import TorkhamError

COUNTRIES_FILE = Path(__file__).with_name("countries.yaml")


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    spellings: frozenset[str]  # case-folded: the code, the name and every other spelling

    @property
    def label(self) -> str:
        return f"{self.name} ({self.iso3})"


@cache
def countries() -> dict[str, Country]:
    """Every spelling (case-folded) -> its country."""
    import yaml

    entries = yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8")) or []
    index: dict[str, Country] = {}
    for number, entry in enumerate(entries, 1):
        country = _country(entry, number)
        for spelling in country.spellings:
            if spelling in index and index[spelling] != country:
                raise TorkhamError(
                    f"{COUNTRIES_FILE}: entry {number}: '{spelling}' already names {index[spelling].iso3}"
                )
            index[spelling] = country
    return index


def _country(entry: object, number: int) -> Country:
    where = f"{COUNTRIES_FILE}: entry {number}"
    if not isinstance(entry, dict) or not isinstance(entry.get("iso3"), str) or not isinstance(entry.get("name"), str):
        raise TorkhamError(f"{where}: write {{iso3: XXX, name: Name, spellings: [...]}}")
    iso3, name, others = entry["iso3"], entry["name"], entry.get("spellings", [])
    if len(iso3) != 3 or not iso3.isupper():
        raise TorkhamError(f"{where}: iso3 '{iso3}' is not a three-letter upper-case code")
    if not isinstance(others, list) or not all(isinstance(s, str) for s in others):
        raise TorkhamError(f"{where}: spellings must be a list of names")
    unknown = set(entry) - {"iso3", "name", "spellings"}
    if unknown:
        raise TorkhamError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; use iso3, name, spellings")
    return Country(iso3, name, frozenset(s.strip().casefold() for s in [iso3, name, *others]))


def find_country(typed: str) -> Country | None:
    return countries().get(typed.strip().casefold())


def country_name(iso3: str) -> str | None:
    found = find_country(iso3)
    return found.name if found else None
