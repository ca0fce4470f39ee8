"""Reading a 422 answer: FastAPI's shape, {"detail": [{"loc": ["query", <parameter>], "msg": ..., "type": ...}]},
for every bad value — ours and FastAPI's own."""

from __future__ import annotations


def problems(response) -> list[str]:
    """Every problem of a 422 answer as `<parameter>: <message>` (the message alone when no parameter)."""
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail, detail
    out = []
    for item in detail:
        assert set(item) >= {"loc", "msg", "type"}, item
        names = [str(p) for p in item["loc"] if p not in ("query", "path", "body")]
        out.append(f"{'.'.join(names)}: {item['msg']}" if names else item["msg"])
    return out


def problem(response) -> str:
    """The one problem of a 422 answer, as `<parameter>: <message>`."""
    (only,) = problems(response)
    return only
