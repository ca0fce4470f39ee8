"""`torkham kb export --format stix|ftm|gexf|graphml|geojson|parquet`: each format made from the bundled
knowledge and read back by its own library or validator; the same knowledge gives the same bytes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from torkham.kb.formats.common import Material
from torkham.kb.formats.stix_mapping import stix_mapping


@pytest.fixture(scope="module")
def material(bundled_store) -> Material:
    from torkham.store.db import connect
    from torkham.store.exports import export_material

    con = connect(bundled_store, read_only=True)
    try:
        return export_material(con, with_events=True)
    finally:
        con.close()


@pytest.fixture
def export(cli, bundled_store):
    def run(*args: str):
        return cli("--db", bundled_store, "kb", "export", *args)

    return run


def test_stix_bundle_passes_the_validator_and_every_object_says_where_it_comes_from(material):
    from stix2validator import ValidationOptions, validate_string

    from torkham.kb.formats.stix import TORKHAM, stix_bundle

    text = stix_bundle(material).decode("utf-8")
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert (result.is_valid, result.errors) == (True, [])
    objects = [o for o in json.loads(text)["objects"] if o["id"] != TORKHAM]
    assert len(objects) == sum(
        len(material.document[k]) for k in ("sources", "actors", "relations", "events", "claims")
    )
    for obj in objects:
        (reference,) = obj["external_references"]
        assert (
            obj["x_torkham_source"] == reference["external_id"] and obj["x_torkham_quote"] in reference["description"]
        )
        assert (obj["created"], obj["created_by_ref"]) == ("2020-01-01T00:00:00.000Z", TORKHAM)


def test_stix_types_follow_the_declared_mapping(material):
    from torkham.kb.formats.stix import stix_bundle

    by_id = {o.get("x_torkham_id"): o for o in json.loads(stix_bundle(material))["objects"]}
    mapping = stix_mapping()
    for actor in material.document["actors"]:
        obj = by_id[actor["id"]]
        assert (obj["type"], obj.get("identity_class")) == mapping.actor_kinds[actor["kind"]], actor["id"]
    relation = by_id["rel-ttp-ally-of-tta"]
    assert (relation["type"], relation["relationship_type"]) == ("relationship", "ally-of")
    assert (by_id["ttp"]["type"], by_id["pakistan"]["identity_class"]) == ("threat-actor", "organization")
    claim = by_id["cl-security-improved-no-armed-resistance"]
    assert (claim["type"], claim["authors"], claim["content"]) == (
        "note", ["Imtiaz Gul"], "Security conditions drastically improved with literally no armed resistance to the Taliban rulers.")  # fmt: skip


def test_a_mapping_that_misses_a_kind_is_refused_with_its_line(tmp_path):
    from torkham.errors import TorkhamError
    from torkham.kb.formats.stix_mapping import MAPPING_FILE

    broken = tmp_path / "stix_kinds.yaml"
    broken.write_text(
        MAPPING_FILE.read_text(encoding="utf-8").replace("  region: {type: identity, identity_class: unknown}\n", "")
    )
    with pytest.raises(TorkhamError) as raised:
        stix_mapping(broken)
    line = next(n for n, text in enumerate(broken.read_text().splitlines(), 1) if text == "actor_kinds:")
    assert str(raised.value) == f"{broken}:{line}: actor_kinds: not mapped: region"


def test_ftm_entities_are_valid_for_their_schema_and_carry_their_provenance(material):
    from followthemoney import model

    from torkham.kb.formats.ftm import ftm_lines

    lines = ftm_lines(material).decode("utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    source_of = {f"torkham-{r['id']}": r["source"] for records in material.document.values() for r in records}
    for data in entities:
        proxy = model.get_proxy(data)
        proxy.schema.validate(data)  # raises on an invalid entity
        said = proxy.get("notes", quiet=True) or proxy.get("summary", quiet=True)
        assert said and said[0].startswith(f"{source_of[data['id']]}"), data["id"]
    schemata = {e["id"]: e["schema"] for e in entities}
    assert (schemata["torkham-ttp"], schemata["torkham-pakistan"], schemata["torkham-imtiaz-gul"]) == (
        "Organization", "PublicBody", "Person")  # fmt: skip
    link = next(e for e in entities if e["id"] == "torkham-rel-ttp-ally-of-tta")
    assert link["properties"]["subject"] == ["torkham-ttp"] and link["properties"]["proof"] == ["torkham-gul-2024"]
    assert link["properties"]["summary"] == [
        "gul-2024, section 4.1, line 275: \u201ca close ally of the Afghan Taliban\u201d"
    ]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_the_network_reads_back_with_networkx_with_its_periods(material, fmt):
    import networkx as nx

    from torkham.kb.formats import graph

    data = graph.gexf_bytes(material) if fmt == "gexf" else graph.graphml_bytes(material)
    read = nx.read_gexf(io.BytesIO(data)) if fmt == "gexf" else nx.read_graphml(io.BytesIO(data))
    assert (read.number_of_nodes(), read.number_of_edges()) == (
        len(material.document["actors"]),
        len(material.document["relations"]),
    )
    edges = {d["id"]: d for _, _, d in read.edges(data=True)}
    dated = next(r for r in material.document["relations"] if r.get("valid_from") and r.get("valid_to"))
    period = (edges[dated["id"]]["start"], edges[dated["id"]]["end"]) if fmt == "gexf" else (
        edges[dated["id"]]["valid_from"], edges[dated["id"]]["valid_to"])  # fmt: skip
    if fmt == "graphml":
        assert period == (dated["valid_from"], dated["valid_to"])
    else:
        assert period[0].startswith(dated["valid_from"]) and period[1].startswith(dated["valid_to"])
    ttp = next(a for a in material.document["actors"] if a["id"] == "ttp")
    assert (read.nodes["ttp"]["label"], read.nodes["ttp"]["kind"]) == (ttp["name"], "armed_group")


def test_geojson_points_are_in_range_and_name_their_dataset_and_licence(material):
    from torkham.kb.formats.geojson import geojson_bytes

    collection = json.loads(geojson_bytes(material))
    assert collection["type"] == "FeatureCollection"
    points = [f for f in collection["features"] if f["geometry"] is not None]
    assert points and all(f["type"] == "Feature" and f["geometry"]["type"] == "Point" for f in points)
    for feature in points:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["dataset"] and feature["properties"]["licence"]
    unplaced = [f for f in collection["features"] if f["properties"]["layer"] == "knowledge"]
    assert unplaced and all(f["geometry"] is None and f["properties"]["place"] for f in unplaced)


def test_parquet_tables_read_back_with_duckdb_equal_the_records(export, tmp_path, material):
    import duckdb

    folder = tmp_path / "tables"
    result = export("--format", "parquet", "-o", folder)
    assert result.code == 0 and result.err.startswith(
        f"wrote {len(material.document)} file(s) into {folder}: actors.parquet"
    )
    rows = duckdb.sql(f"SELECT id, name, kind, aliases FROM read_parquet('{folder / 'actors.parquet'}')").fetchall()
    expected = [
        (a["id"], a["name"], a["kind"], json.dumps(a["aliases"], ensure_ascii=False))
        for a in material.document["actors"]
    ]
    assert rows == expected
    values = duckdb.sql(f"SELECT id, value FROM read_parquet('{folder / 'figures.parquet'}')").fetchall()
    assert values == [
        (f["id"], None if f.get("value") is None else float(f["value"])) for f in material.document["figures"]
    ]


@pytest.mark.parametrize("fmt", ["stix", "ftm", "gexf", "graphml", "geojson"])
def test_two_exports_are_byte_identical(export, tmp_path, fmt):
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    assert export("--format", fmt, "-o", first).code == 0 and export("--format", fmt, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0


def test_a_one_file_format_refuses_a_folder(export, tmp_path):
    result = export("--format", "stix", "-o", tmp_path)
    assert (result.code, result.out, result.err) == (
        1, "", f"Error: --output: {tmp_path} is a folder; STIX is written to one file: pass a file name\n")  # fmt: skip


def test_parquet_refuses_standard_output_and_a_graph_format_refuses_a_kind(export):
    assert export("--format", "parquet").err == (
        "Error: --output: Parquet writes one file per kind into a folder: pass --output FOLDER\n")  # fmt: skip
    result = export("--format", "gexf", "--kind", "actors")
    assert (result.code, result.err) == (
        1, "Error: --kind: gexf exports the whole knowledge base; a kind narrows only json, yaml, csv, parquet\n")  # fmt: skip


def test_stix_goes_to_standard_output(export):
    result = export("--format", "stix")
    assert result.code == 0 and json.loads(result.out)["type"] == "bundle"


def test_stix_round_trip_gives_the_same_actors_relations_and_quotes(cli, export, tmp_path, material):
    bundle = tmp_path / "bundle.json"
    assert export("--format", "stix", "-o", bundle).code == 0
    kb, db = tmp_path / "empty-kb", tmp_path / "new" / "torkham.duckdb"
    kb.mkdir()
    ingested = cli("--db", db, "--kb", kb, "ingest", bundle)
    assert ingested.code == 0, ingested.err
    assert ingested.out.splitlines()[1:] == [
        "proposed: 173 actors, 7 ambiguities, 187 relations", "not imported: 110 note, 154 report",
        "review them: torkham review --source bundle"]  # fmt: skip
    assert cli("--db", db, "--kb", kb, "accept", "--all").code == 0
    after = json.loads(cli("--db", db, "--kb", kb, "kb", "export").out)

    def actors(document):
        return sorted(
            (a["id"], a["name"], a["kind"], a["quote"], tuple(n["name"] for n in a["aliases"]))
            for a in document["actors"]
        )

    def relations(document):
        return sorted(
            (r["from"], r["type"], r["to"], r["quote"], r.get("valid_from"), r.get("valid_to"))
            for r in document["relations"]
        )

    assert actors(after) == actors(material.document) and relations(after) == relations(material.document)
    assert {a["source"] for a in after["actors"]} == {"bundle"}


def test_an_imported_actor_never_merges_into_an_existing_one_by_name(cli, tmp_path, bundled_store):
    bundle = tmp_path / "opencti.json"
    bundle.write_text(json.dumps({"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--1", "name": "TTP",
         "external_references": [{"source_name": "A report", "url": "https://example.org/r", "description": "TTP claimed it."}]},
    ]}))  # fmt: skip
    kb = tmp_path / "kb"
    shutil_copy(Path(__file__).parent / "data" / "mini" / "kb", kb)
    db = tmp_path / "s" / "torkham.duckdb"
    result = cli("--db", db, "--kb", kb, "ingest", bundle)
    assert result.code == 0, result.err
    proposed = (kb / "proposed" / "opencti" / "actors.yaml").read_text(encoding="utf-8")
    assert "id: ttp-2" in proposed and "corroborates" not in proposed and "quote: TTP claimed it." in proposed


def shutil_copy(source: Path, target: Path) -> None:
    import shutil

    shutil.copytree(source, target)
