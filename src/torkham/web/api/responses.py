"""The responses the API routes document besides their JSON 200: the 422 every route may answer (declared once,
on the /api/v1 router), the 404 of a route that looks an id up, and the CSV of `format=csv`. Bodies are the
models of web/errors.py, which the error handlers build them from."""

from __future__ import annotations

from typing import Any

from torkham.web.errors import Invalid, Missing

Responses = dict[int | str, dict[str, Any]]

INVALID: Responses = {
    422: {
        "model": Invalid,
        "description": "A bad value: each problem names its parameter in `loc` and says what to give instead.",
    }
}
NOT_FOUND: Responses = {
    404: {"model": Missing, "description": "No record with this id; the message says where to look it up."}
}
CSV: Responses = {
    200: {
        "description": "JSON, or with `format=csv` a CSV download (Content-Disposition: attachment).",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}


def downloads(media_types: list[str]) -> Responses:
    """A 200 that is a file download in one of `media_types` (and no JSON body of its own): a JSON or YAML
    document is one object, any other format (XML, newline-delimited JSON) text."""
    content = {media_type: {"schema": _file_schema(media_type)} for media_type in dict.fromkeys(media_types)}
    return {200: {"description": "A file download (Content-Disposition: attachment).", "content": content}}


def _file_schema(media_type: str) -> dict[str, str]:
    subtype = media_type.split(";")[0].split("/")[-1]
    whole = subtype in ("json", "yaml") or subtype.endswith("+json")
    return {"type": "object"} if whole else {"type": "string"}
