"""/api/v1/export?format=…: the knowledge base as a download with the format's media type and file name,
offered on the sources page; an unknown format is a 422 naming the formats."""

from __future__ import annotations

import json
import re

import pytest
from a11y import check_page
from problems import problem

MEDIA = {
    "stix": ("application/stix+json;version=2.1", "torkham-knowledge.stix.json"),
    "ftm": ("application/x-ndjson", "torkham-knowledge.ftm.json"),
    "gexf": ("application/gexf+xml", "torkham-knowledge.gexf"),
    "graphml": ("application/graphml+xml", "torkham-knowledge.graphml"),
    "geojson": ("application/geo+json", "torkham-knowledge.geojson"),
}


@pytest.mark.parametrize("fmt", list(MEDIA))
def test_200_each_format_is_a_file_download(client, fmt, cli, bundled_store, tmp_path):
    response = client.get(f"/api/v1/export?format={fmt}")
    media, name = MEDIA[fmt]
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    written = tmp_path / name
    assert cli("--db", bundled_store, "kb", "export", "--format", fmt, "-o", written).code == 0
    assert response.content == written.read_bytes()  # the same bytes as the CLI writes


def test_200_stix_is_the_default(client):
    response = client.get("/api/v1/export")
    assert response.status_code == 200 and json.loads(response.content)["type"] == "bundle"


def test_422_an_unknown_format_names_the_formats(client):
    response = client.get("/api/v1/export?format=xlsx")
    assert response.json()["detail"][0]["loc"] == ["query", "format"]
    assert (
        problem(response)
        == "format: unknown format 'xlsx'; choose one of: json, yaml, stix, ftm, gexf, graphml, geojson"
    )


def test_422_csv_is_one_file_per_kind_and_says_how_to_get_it(client):
    assert problem(client.get("/api/v1/export?format=csv")) == (
        "format: unknown format 'csv'; choose one of: json, yaml, stix, ftm, gexf, graphml, geojson "
        "(CSV and Parquet are one file per kind: torkham kb export -o FOLDER)")  # fmt: skip


def test_422_an_unknown_parameter(client):
    assert problem(client.get("/api/v1/export?fromat=stix")) == "fromat: unknown parameter; this endpoint takes: format"


def test_the_sources_page_offers_every_download(client):
    page = client.get("/sources").text
    links = re.findall(r'<a href="/api/v1/export\?format=([a-z]+)" download>', page)
    assert links == list(MEDIA)


def test_browser_sources_page_with_exports(page):
    check_page(page, "/sources#exports", "sources-exports")
