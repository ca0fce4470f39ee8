"""/api/v1 itself: an index of the endpoints and an offline documentation page built from the OpenAPI
document (Swagger UI is off: it loads from a CDN)."""

from __future__ import annotations

import re
from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["meta"])

CONVENTIONS = (
    "Every list takes <code>limit</code> (1–1000, default 100), <code>cursor</code> (from <code>next</code>) and "
    "<code>format=json|csv</code>, and answers <code>{total, count, items, next}</code>; <code>next</code> is the "
    "full URL of the following page with the same filters (absent on the last). CSV downloads carry the total in "
    "<code>X-Total-Count</code> and the next page in a <code>Link</code> header. Unknown ids answer 404, bad "
    "values 422 naming the parameter. The API is read-only."
)


def _endpoints(request: Request) -> list[dict]:
    """Every GET operation of the OpenAPI document under /api/v1, in the order the routes are declared."""
    document = request.app.openapi()
    found = []
    for path, operations in document["paths"].items():
        if not path.startswith("/api/v1"):
            continue
        for method, operation in operations.items():
            found.append({
                "method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                "description": operation.get("description", ""), "example": operation.get("x-example"),
                "parameters": [_parameter(p) for p in operation.get("parameters", [])],
            })  # fmt: skip
    return found


def _parameter(parameter: dict) -> dict:
    schema = parameter.get("schema", {})
    options = schema.get("anyOf", [schema])
    kinds, choices = [], []
    for option in options:
        if "enum" in option:
            choices += option["enum"]
        elif option.get("type") and option["type"] != "null":
            kinds.append(option["type"])
    bounds = {k: v for option in options for k, v in option.items()} | schema
    limits = [f"{word} {bounds[key]}" for key, word in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "length ≤"))
              if key in bounds]  # fmt: skip
    return {
        "name": parameter["name"], "in": parameter["in"], "required": parameter.get("required", False),
        "type": " | ".join(map(str, choices)) if choices else " | ".join(kinds) or "string",
        "default": schema.get("default"), "limits": ", ".join(limits),
        "description": parameter.get("description") or schema.get("description", ""),
    }  # fmt: skip


@router.get("/", summary="Index of the API: its endpoints", openapi_extra={"x-example": "/api/v1"})
def index(request: Request):
    return {
        "name": "torkham API",
        "version": request.app.version,
        "docs": "/api/v1/docs",
        "openapi": "/api/v1/openapi.json",
        "endpoints": [
            {"path": e["path"], "summary": e["summary"], "example": e["example"]} for e in _endpoints(request)
        ],
    }


@router.get("/docs", response_class=HTMLResponse, summary="This documentation, offline", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    endpoints = _endpoints(request)
    toc = "".join(
        f'<li><a href="#{_anchor(e)}"><code>{escape(e["path"])}</code></a> — {escape(e["summary"])}</li>'
        for e in endpoints
    )
    body = "".join(_section(e) for e in endpoints)
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>torkham API v1</title>
<link rel="stylesheet" href="/static/app.css"><link rel="icon" href="/static/favicon.svg"></head>
<body><main id="main" class="api-docs"><h1>torkham API v1</h1>
<p>{escape(request.app.description)}</p><p>{CONVENTIONS}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {escape(request.app.openapi()["openapi"])}).</p>
<h2>Endpoints</h2><ul>{toc}</ul>{body}</main></body></html>"""
    return HTMLResponse(page)


def _anchor(endpoint: dict) -> str:
    return "ep-" + "".join(c if c.isalnum() else "-" for c in endpoint["path"].removeprefix("/api/v1")).strip("-")


def _section(endpoint: dict) -> str:
    rows = "".join(_row(p) for p in endpoint["parameters"])
    table = (
        "<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>default</th><th>limits</th>"
        f"<th>meaning</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else "<p>No parameters.</p>"
    )
    example = endpoint["example"]
    shown = f'<p>Example: <a href="{escape(example)}"><code>{escape(example)}</code></a></p>' if example else ""
    return (
        f'<section id="{_anchor(endpoint)}"><h3><code>{endpoint["method"]} {escape(endpoint["path"])}</code></h3>'
        f"<p>{escape(endpoint['summary'])}</p><p>{_code(endpoint['description'])}</p>{table}{shown}</section>"
    )


def _row(parameter: dict) -> str:
    required = " (required)" if parameter["required"] else ""
    default = "" if parameter["default"] is None else f"<code>{escape(str(parameter['default']))}</code>"
    cells = [f"<code>{escape(parameter['name'])}</code>{required}", escape(parameter["in"]), escape(parameter["type"]),
             default, escape(parameter["limits"]), _code(parameter["description"])]  # fmt: skip
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _code(text: str) -> str:
    """Escaped text with `backticked` words as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))
