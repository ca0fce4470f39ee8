"""Dataset formats as the field publishes them. Each module declares one or more `TableFormat`s.
Detection tries them in this order: the older ACLED export before the current one, since a legacy
file may also hold every column of the current export; the UCDP Candidate file (the GED columns) before
GED, since only its name tells it apart. `AGGREGATES` are formats of totals (country_month), not events."""

from __future__ import annotations

from torkham.datasets.formats.acled import ACLED_CSV, ACLED_CSV_LEGACY
from torkham.datasets.formats.base import TableFormat
from torkham.datasets.formats.country_month import UCDP_COUNTRY_MONTH_CSV, AggregateFormat
from torkham.datasets.formats.gdelt import GDELT_EVENTS
from torkham.datasets.formats.ucdp import UCDP_CANDIDATE_CSV, UCDP_GED_CSV
from torkham.datasets.formats.ucdp_api import UCDP_GED_API

FORMATS: dict[str, TableFormat] = {
    fmt.name: fmt for fmt in (UCDP_CANDIDATE_CSV, UCDP_GED_CSV, UCDP_GED_API, ACLED_CSV_LEGACY, ACLED_CSV, GDELT_EVENTS)
}
AGGREGATES: dict[str, AggregateFormat] = {fmt.name: fmt for fmt in (UCDP_COUNTRY_MONTH_CSV,)}


def register(fmt: TableFormat) -> None:
    FORMATS[fmt.name] = fmt
