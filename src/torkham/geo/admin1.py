"""The admin-1 crosswalk (admin1.yaml): dataset province names → ISO 3166-2 codes of the bundled
boundaries, checked when it loads; and the placing of per-name counts onto a map."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.geo.boundaries import BOUNDARIES, feature_codes
from torkham.kb.names import normalize
from torkham.model.yamlfile import Located, load_yaml

CROSSWALK_FILE = Path(__file__).with_name("admin1.yaml")
_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


@dataclass(frozen=True)
class BoundarySet:
    key: str
    label: str
    files: tuple[str, ...]
    merged: dict[str, str]  # crosswalk code → the code this set draws it as

    def drawn_code(self, code: str) -> str:
        return self.merged.get(code, code)


@dataclass(frozen=True)
class Crosswalk:
    sets: dict[str, BoundarySet]
    codes: dict[str, str]  # normalised name → code
    path: Path
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code → its names, the shown one first

    def code_for(self, name: str | None) -> str | None:
        """The code of a name the crosswalk lists, or of an ISO 3166-2 code it knows (events proposed from a document)."""
        if name is None:
            return None
        return self.codes.get(normalize(name)) or (name.upper() if name.upper() in self.names else None)

    def region_name(self, name: str | None) -> str | None:
        """The name the workbench shows for the region `name` denotes (the first listed); None when unknown."""
        code = self.code_for(name)
        return self.names[code][0] if code in self.names else None

    def default_set(self) -> BoundarySet:
        return next(iter(self.sets.values()))


@dataclass
class Placement:
    """Counts of one map: per drawn code, the names behind it, and what could not be placed."""

    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)  # drawn code → the dataset names counted there
    not_given: int = 0  # events without a province
    not_on_map: dict[str, int] = field(default_factory=dict)  # names the crosswalk does not know

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.not_given + sum(self.not_on_map.values())


def place(crosswalk: Crosswalk, boundary_set: BoundarySet, counts: dict[str | None, int]) -> Placement:
    placement = Placement()
    for name, count in sorted(counts.items(), key=lambda item: (item[0] is None, item[0] or "")):
        if name is None:
            placement.not_given += count
            continue
        code = crosswalk.code_for(name)
        if code is None:
            placement.not_on_map[name] = placement.not_on_map.get(name, 0) + count
            continue
        drawn = boundary_set.drawn_code(code)
        placement.counts[drawn] = placement.counts.get(drawn, 0) + count
        placement.names.setdefault(drawn, []).append(name)
    return placement


@lru_cache(maxsize=4)
def load_crosswalk(path: Path = CROSSWALK_FILE, folder: Path = BOUNDARIES) -> Crosswalk:
    data = load_yaml(path)

    def fail(line: int, message: str) -> TorkhamError:
        return TorkhamError(f"{path}:{line}: {message}")

    if not isinstance(data, Located) or set(data) != {"boundaries", "provinces"}:
        raise fail(getattr(data, "line", 1), "the file needs exactly two sections: boundaries and provinces")
    sets = _boundary_sets(data, folder, fail)
    drawable = {code for s in sets.values() for f in s.files for code in feature_codes_in(folder, f)}
    codes: dict[str, str] = {}
    listed: dict[str, tuple[str, ...]] = {}
    provinces = data["provinces"]
    if not isinstance(provinces, Located):
        raise fail(data.line_of("provinces"), "provinces: expected a mapping of ISO 3166-2 code → list of names")
    for code, names in provinces.items():
        line = provinces.line_of(code)
        if not _CODE.match(code):
            raise fail(line, f"'{code}' is not an ISO 3166-2 code (like PK-KP)")
        if code not in drawable:
            raise fail(line, f"{code}: no feature of the boundary files has this code; see boundaries/README.md")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise fail(line, f"{code}: expected a non-empty list of names, e.g. [Sindh province, Sindh]")
        for name in names:
            key = normalize(name)
            if key in codes:
                where = "twice" if codes[key] == code else f"under {codes[key]} too"
                raise fail(line, f"{code}: '{name}' is listed {where} (names are compared without case, diacritics "
                           f"or punctuation as '{key}'); keep one")  # fmt: skip
            codes[key] = code
        listed[code] = tuple(names)
    for boundary_set in sets.values():
        drawn = {c for f in boundary_set.files for c in feature_codes_in(folder, f)}
        for code in set(codes.values()) - drawn:
            if boundary_set.drawn_code(code) not in drawn:
                raise fail(
                    data.line_of("boundaries"),
                    f"boundaries {boundary_set.key}: {code} is neither drawn by its files nor merged into a unit "
                    f"they draw; add it to merged",
                )
    return Crosswalk(sets, codes, path, listed)


def feature_codes_in(folder: Path, file_name: str) -> set[str]:
    return set(feature_codes(file_name, folder))


def _boundary_sets(data: Located, folder: Path, fail) -> dict[str, BoundarySet]:
    section = data["boundaries"]
    if not isinstance(section, Located) or not section:
        raise fail(data.line_of("boundaries"), "boundaries: expected a mapping of set name → label and files")
    sets = {}
    for key, entry in section.items():
        line = section.line_of(key)
        if not isinstance(entry, Located) or not {"label", "files"} <= set(entry):
            raise fail(line, f"boundaries {key}: needs a label and a list of files")
        unknown = set(entry) - {"label", "files", "merged"}
        if unknown:
            raise fail(
                line, f"boundaries {key}: unknown field(s) {', '.join(sorted(unknown))}; use label, files, merged"
            )
        files = entry["files"]
        if not isinstance(files, list) or not files:
            raise fail(entry.line_of("files"), f"boundaries {key}: files must be a list of file names")
        for name in files:
            if not (folder / str(name)).is_file():
                raise fail(entry.line_of("files"), f"boundaries {key}: no file {name} in {folder}")
        merged = entry.get("merged") or {}
        if not isinstance(merged, dict):
            raise fail(entry.line_of("merged"), f"boundaries {key}: merged must map a code to a code")
        sets[key] = BoundarySet(key, str(entry["label"]), tuple(str(f) for f in files), dict(merged))
    return sets
