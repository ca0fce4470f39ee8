"""Knowledge files written by torkham: the layout of the hand-written ones (`source:` then one record
list, items indented, locators on one line), so a reviewer reads them like any other."""

from __future__ import annotations

import re

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


_Dumper.add_representer(Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, True))
_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


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
    return _dump({"source": source, kind: items})


def render_items(records: list[dict]) -> str:
    return _dump(records)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000)


def known_fields(kind: str) -> set[str]:
    return {*COMMON, *KINDS[kind]["fields"]}
