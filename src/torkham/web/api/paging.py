"""What every list endpoint shares: the `limit`, `cursor` and `format` parameters, the response
`{total, count, items, next}` (next: the full URL of the following page, same filters), and CSV with a
download filename. Lists held in memory are paged by an opaque offset cursor; events by a keyset cursor
(torkham.store.events)."""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Annotated, Literal

from fastapi import Query, Request
from fastapi.responses import Response

from torkham.config import LIMITS
from torkham.params import InvalidParameter
from torkham.store.events import BAD_CURSOR

MAX_LIMIT = LIMITS.max_page
DEFAULT_LIMIT = LIMITS.default_page
MAX_TEXT = LIMITS.max_text

Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT}); follow `next` for the rest.")
]
Cursor = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="Opaque position of the next page, from a previous `next` link."),
]
Format = Annotated[
    Literal["json", "csv"], Query(description="`json` (default) or `csv` (a download; the page of items).")
]
Text = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Words to find (case-insensitive), at most 200 characters.")
]


def encode_offset(offset: int) -> str:
    raw = json.dumps({"offset": offset}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["offset"]
        if not isinstance(value, int) or value < 0:
            raise ValueError(value)
        return value
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise InvalidParameter("cursor", BAD_CURSOR) from None


def next_url(request: Request, cursor: str | None) -> str | None:
    """The URL of the next page: this request's URL with only the cursor changed."""
    return str(request.url.include_query_params(cursor=cursor)) if cursor else None


def page_of(
    request: Request,
    items: list,
    *,
    limit: int,
    cursor: str | None,
    fmt: str,
    name: str,
    row: Callable[[dict], dict] | None = None,
    extra: dict | None = None,
    columns: list[str] | None = None,
) -> Response:
    """A page of a list held in memory, as JSON or CSV."""
    start = decode_offset(cursor)
    chosen = items[start : start + limit]
    following = encode_offset(start + limit) if start + limit < len(items) else None
    return respond(
        request, chosen, total=len(items), cursor=following, fmt=fmt, name=name, row=row, extra=extra, columns=columns
    )


def respond(
    request: Request,
    items: list,
    *,
    total: int,
    cursor: str | None,
    fmt: str,
    name: str,
    row: Callable[[dict], dict] | None = None,
    extra: dict | None = None,
    columns: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """`{total, count, items, next}` (plus `extra` keys) as JSON, or the items as CSV named `<name>.csv`
    with the total and the next page in the `X-Total-Count` and `Link` headers."""
    following = next_url(request, cursor)
    if fmt == "csv":
        headers = {
            **(headers or {}),
            "Content-Disposition": f'attachment; filename="torkham-{name}.csv"',
            "X-Total-Count": str(total),
        }
        if following:
            headers["Link"] = f'<{following}>; rel="next"'
        return Response(
            to_csv(map(row or flatten, items), columns), media_type="text/csv; charset=utf-8", headers=headers
        )
    body = {**(extra or {}), "total": total, "count": len(items), "items": items, "next": following}
    return Response(json_bytes(body), media_type="application/json")


def json_bytes(body: object) -> bytes:
    """`body` as JSONResponse writes it (compact, UTF-8), with orjson when it is installed (a
    dependency of followthemoney; several times faster on a page of events) and the standard library else."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson comes with followthemoney
        return json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    return orjson.dumps(body)


def flatten(item: dict, prefix: str = "") -> dict:
    """One CSV row: nested mappings as dotted columns (fatalities.best), lists of plain values joined by
    '; ', anything deeper as JSON text."""
    out: dict = {}
    for key, value in item.items():
        column = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{column}."))
        elif isinstance(value, list):
            plain = all(not isinstance(v, (dict, list)) for v in value)
            out[column] = "; ".join(map(str, value)) if plain else json.dumps(value, ensure_ascii=False)
        else:
            out[column] = value
    return out


def to_csv(rows: Iterable[dict], first: list[str] | None = None) -> str:
    """CSV of `rows`: the `first` columns (always, even with no rows), then any others in order of appearance."""
    rows = list(rows)
    columns: dict[str, None] = dict.fromkeys(first or [])
    for r in rows:
        columns.update(dict.fromkeys(r))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
    return buffer.getvalue()


def csv_download(text: str, name: str) -> Response:
    """CSV text as a download named torkham-<name>.csv."""
    headers = {"Content-Disposition": f'attachment; filename="torkham-{name}.csv"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
