"""Errors the web layer maps to status codes (422 for TorkhamError, 404 for NotFound), and the JSON bodies
the API answers them with: the OpenAPI document describes these models, and the handlers (web/app.py) build
their bodies from them, so what is documented is what is sent."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from starlette.requests import Request

from torkham.errors import TorkhamError


class NotFound(TorkhamError):
    """An id or name that the store does not hold; the message says what was asked and what to try."""


class Problem(BaseModel):
    """One bad value: where it was given, what is wrong with it, and (when plain) the value itself."""

    loc: list[str] = Field(description='Where: ["query", "<parameter>"] or ["path", "<parameter>"].')
    msg: str = Field(description="What is wrong and what to give instead.")
    type: str = Field(description="The kind of problem: value_error, missing, int_parsing, …")
    input: str | int | float | bool | None = Field(default=None, description="The value given, when plain.")

    def body(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


class Invalid(BaseModel):
    """The 422 body of every route, FastAPI's own shape: one problem per bad value."""

    detail: list[Problem]


class Missing(BaseModel):
    """The 404 body: what was not found and where to look instead."""

    detail: str = Field(description="A sentence naming what was asked and how to find what is held.")


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")
