"""`torkham kb export --format json|yaml|csv`: JSON as before, YAML the same document, CSV one table per kind
into a folder (or one kind to standard output); bad choices are refused with the fix."""

from __future__ import annotations

import csv
import io
import json

import yaml

from torkham.kb.export import csv_table


def test_yaml_holds_the_same_document_as_json(mini):
    as_json = json.loads(mini("kb", "export").out)
    result = mini("kb", "export", "--format", "yaml")
    assert result.code == 0 and yaml.safe_load(result.out) == as_json


def test_csv_writes_one_file_per_kind_with_a_row_per_record(mini, tmp_path):
    document = json.loads(mini("kb", "export").out)
    folder = tmp_path / "tables"
    result = mini("kb", "export", "--format", "csv", "-o", folder)
    names = [f"{kind}.csv" for kind in document]
    assert (result.code, result.out, result.err) == (
        0,
        "",
        f"wrote {len(names)} file(s) into {folder}: {', '.join(names)}\n",
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    for kind, records in document.items():
        rows = list(csv.DictReader(io.StringIO((folder / f"{kind}.csv").read_text(encoding="utf-8"))))
        assert [r["id"] for r in rows] == [r["id"] for r in records], kind


def test_csv_of_one_kind_goes_to_standard_output(mini):
    actors = json.loads(mini("kb", "export", "--kind", "actors").out)["actors"]
    result = mini("kb", "export", "--format", "csv", "--kind", "actors")
    assert result.code == 0
    assert result.out == csv_table(actors)
    first = next(csv.DictReader(io.StringIO(result.out)))
    assert (first["id"], json.loads(first["aliases"])) == (actors[0]["id"], actors[0]["aliases"])


def test_csv_cells_hold_lists_and_mappings_as_json_and_nothing_as_empty():
    records = [{"id": "a", "aliases": ["x", "y"], "locator": {"page": 3}}, {"id": "b", "approx": True, "n": None}]
    assert csv_table(records) == ('id,aliases,locator,approx,n\na,"[""x"", ""y""]","{""page"": 3}",,\nb,,,true,\n')


def test_json_stays_the_default_and_a_kind_narrows_any_format(mini):
    whole = json.loads(mini("kb", "export").out)
    assert json.loads(mini("kb", "export", "--format", "json", "--kind", "sources").out) == {
        "sources": whole["sources"]
    }
    assert yaml.safe_load(mini("kb", "export", "--format", "yaml", "--kind", "sources").out) == {
        "sources": whole["sources"]
    }


def test_an_unknown_format_is_refused_naming_the_formats(mini):
    result = mini("kb", "export", "--format", "xlsx")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "Error: --format: unknown format 'xlsx'; choose one of: json, yaml, stix, ftm, gexf, graphml, geojson, csv, parquet\n",
    )


def test_csv_to_standard_output_needs_one_kind(mini):
    result = mini("kb", "export", "--format", "csv")
    assert (result.code, result.err) == (
        1,
        "Error: --output: CSV writes one file per kind into a folder: pass --output FOLDER, or --kind KIND to write "
        "one kind to standard output\n",
    )


def test_an_unknown_kind_lists_the_kinds(mini):
    result = mini("kb", "export", "--kind", "actor")
    assert result.code == 1
    assert result.err.startswith("Error: --kind: unknown kind 'actor'; choose one of: actors, relations, events, ")


def test_csv_into_a_file_is_refused(mini, tmp_path):
    target = tmp_path / "kb.csv"
    target.write_text("keep me\n")
    result = mini("kb", "export", "--format", "csv", "-o", target)
    assert (result.code, result.err) == (
        1,
        f"Error: --output: {target} is a file; CSV is written into a folder, one file per kind\n",
    )
    assert target.read_text() == "keep me\n"
