"""/api/v1/export?format=…: the knowledge base as a file to download, in one of the field's formats
(the same bytes `torkham kb export --format F -o FILE` writes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from torkham.kb.formats import FORMATS
from torkham.params import InvalidParameter, literal
from torkham.web.api.paging import MAX_TEXT
from torkham.web.api.responses import downloads
from torkham.web.deps import Store

router = APIRouter(tags=["export"])
DOWNLOADS = tuple(name for name, f in FORMATS.items() if not f.folder)  # CSV and Parquet are one file per kind


def download_format(format: str) -> str:
    """The format asked for, when it is one file to download."""
    if format not in DOWNLOADS:
        tables = " (CSV and Parquet are one file per kind: torkham kb export -o FOLDER)" if format in FORMATS else ""
        raise InvalidParameter(
            "format", f"unknown format '{literal(format)}'; choose one of: {', '.join(DOWNLOADS)}{tables}"
        )
    return format


@router.get(
    "/export",
    response_class=Response,
    responses=downloads([FORMATS[name].media_type for name in DOWNLOADS]),
    summary="The knowledge base as STIX 2.1, FollowTheMoney, GEXF, GraphML, GeoJSON, JSON or YAML",
    openapi_extra={"x-example": "/api/v1/export?format=stix"},
)
def export(
    con: Store,
    format: Annotated[
        str,
        Query(
            max_length=MAX_TEXT,
            description=f"One of: {', '.join(DOWNLOADS)}.",
            json_schema_extra={"enum": list(DOWNLOADS)},
        ),
    ] = "stix",
) -> Response:
    """A file download (Content-Disposition: attachment) with the format's media type; GeoJSON holds the
    dataset events with coordinates too."""
    from torkham.kb.export import export_bytes, export_filename, needs_events
    from torkham.store.exports import export_material

    fmt = download_format(format)
    data = export_bytes(export_material(con, with_events=needs_events(fmt)), fmt)
    headers = {"Content-Disposition": f'attachment; filename="{export_filename(fmt)}"'}
    return Response(data, media_type=FORMATS[fmt].media_type, headers=headers)
