"""The datasets torkham knows (catalog.yaml), declared once and checked when they load: name, publisher,
licence, the status of their figures (final, preliminary, aggregate) and the basis a series row names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

STATUSES = ("final", "preliminary", "aggregate")
BASES = ("events", "candidate", "aggregate")


@dataclass(frozen=True)
class DatasetInfo:
    id: str
    name: str
    publisher: str
    licence: str
    status: str
    basis: str
    family: str | None = None
    actor_names_from: str | None = None

    @property
    def is_aggregate(self) -> bool:
        return self.status == "aggregate"

    @property
    def is_preliminary(self) -> bool:
        return self.status == "preliminary"

    @property
    def names_dataset(self) -> str:
        """The dataset whose crosswalk maps this dataset's actor names."""
        return self.actor_names_from or self.id


class CatalogError(ValueError):
    pass


@lru_cache(maxsize=1)
def catalog() -> dict[str, DatasetInfo]:
    """Every known dataset by id, in precedence order (the order of catalog.yaml)."""
    text = resources.files("torkham.datasets").joinpath("catalog.yaml").read_text(encoding="utf-8")
    entries = yaml.safe_load(text)["datasets"]
    found = {key: _entry(key, value) for key, value in entries.items()}
    for info in found.values():
        if info.actor_names_from is not None and info.actor_names_from not in found:
            raise CatalogError(
                f"catalog.yaml: {info.id}: actor_names_from names unknown dataset {info.actor_names_from!r}"
            )
    return found


def _entry(key: str, value: dict[str, str]) -> DatasetInfo:
    try:
        info = DatasetInfo(id=key, **value)
    except TypeError as error:
        raise CatalogError(f"catalog.yaml: {key}: {error}") from None
    if info.status not in STATUSES:
        raise CatalogError(f"catalog.yaml: {key}: status {info.status!r} is not one of {', '.join(STATUSES)}")
    if info.basis not in BASES:
        raise CatalogError(f"catalog.yaml: {key}: basis {info.basis!r} is not one of {', '.join(BASES)}")
    return info


def family(dataset: str) -> list[DatasetInfo]:
    """The datasets a series may combine with `dataset`, in precedence order (itself alone if it has none)."""
    known = catalog()
    info = known.get(dataset)
    if info is None or info.family is None:
        return [info] if info else []
    return [d for d in known.values() if d.family == info.family]
