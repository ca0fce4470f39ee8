"""Dataset formats as the field publishes them. Each module declares one or more `TableFormat`s."""

from __future__ import annotations

from torkham.datasets.formats.base import TableFormat
from torkham.datasets.formats.ucdp import UCDP_GED_CSV

FORMATS: dict[str, TableFormat] = {fmt.name: fmt for fmt in (UCDP_GED_CSV,)}


def register(fmt: TableFormat) -> None:
    FORMATS[fmt.name] = fmt
