"""Knowledge files written by torkham: the layout of the hand-written ones (`source:` then one record
list, items indented, locators on one line), so a reviewer reads them like any other."""

from __future__ import annotations

import re
from itertools import groupby
from typing import TYPE_CHECKING

import yaml

from torkham.kb.schema import COMMON, KINDS

_TAIL = ("source", "locator", "quote", "notes", "cites")  # provenance last, as in the curated files


class Flow(dict):
    """A mapping written on one line: {page: 3, start: 120, end: 180}."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False):  # noqa: ARG002 - PyYAML's signature
        return super().increase_indent(flow, False)


_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if _DATE.match(data) else None  # partial dates are always quoted, as the format asks
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _list(dumper: yaml.SafeDumper, data: list) -> yaml.SequenceNode:
    scalars = all(isinstance(item, (str, int, float, bool)) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=scalars and bool(data))


if TYPE_CHECKING:
    _CBase = yaml.SafeDumper
else:
    _CBase = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when present: several times faster


class _FastDumper(_CBase):
    """libyaml's emitter writes a sequence inside a mapping without indenting it; it writes only the
    records whose lists are all on one line (flow), where the two emitters agree byte for byte."""


for _dumper in (_Dumper, _FastDumper):
    _dumper.add_representer(Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, True))
    _dumper.add_representer(str, _text)
    _dumper.add_representer(list, _list)


def ordered(kind: str, record: dict) -> dict:
    """The record's keys in the order of the format: id, status, corroborates, the kind's fields,
    then provenance; locators become one-line mappings."""
    order = ["id", "status", "corroborates", *KINDS[kind]["fields"], *_TAIL]
    keys = [k for k in order if k in record] + [k for k in record if k not in order]
    out = {key: record[key] for key in keys}
    if isinstance(out.get("locator"), dict):
        out["locator"] = Flow(out["locator"])
    if kind == "sources":
        for key in ("text", "ingested"):
            if isinstance(out.get(key), dict):
                out[key] = Flow(out[key])
    return out


def render_file(source: str, kind: str, records: list[dict]) -> str:
    """One knowledge file: `source: ID` and the list of `kind`; records of that source omit `source`."""
    items = [ordered(kind, {k: v for k, v in r.items() if not (k == "source" and v == source)}) for r in records]
    if not items:
        return _dump({"source": source, kind: items})
    parts = [_dump({"source": source}), f"{kind}:\n"]
    for flat, run in groupby(items, key=_flat):
        listed = yaml.dump(list(run), Dumper=_FastDumper if flat else _Dumper, **_STYLE)
        parts.append("".join(line if line == "\n" else "  " + line for line in listed.splitlines(True)))
    return "".join(parts)


def _flat(value: object) -> bool:
    """No list in the value holds anything but plain values (every list is written on one line)."""
    if isinstance(value, dict):
        return all(_flat(v) for v in value.values())
    if isinstance(value, list):
        return all(isinstance(item, (str, int, float, bool)) for item in value)
    return True


def render_items(records: list[dict]) -> str:
    return _dump(records)


_STYLE: dict = {"sort_keys": False, "allow_unicode": True, "width": 100_000}


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, **_STYLE)


def known_fields(kind: str) -> set[str]:
    return {*COMMON, *KINDS[kind]["fields"]}
