"""The datasets that ship with torkham (data/bundled.yaml): loaded into every new store."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class BundledDataset:
    file: str
    format: str
    dataset: str
    version: str
    sha256: str
    title: str
    licence: str
    attribution: str
    coverage: str
    kind: str = "events"  # events | refugees (UNHCR tables, torkham.refugees) | aggregate (country_month)

    @property
    def path(self) -> Path:
        return DATA_DIR / self.file


@lru_cache(maxsize=1)
def bundled_datasets() -> tuple[BundledDataset, ...]:
    with (DATA_DIR / "bundled.yaml").open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)["datasets"]
    return tuple(BundledDataset(**entry) for entry in entries)
