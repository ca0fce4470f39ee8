"""REST API under /api/v1: one module per resource, all reading through torkham.store / analysis / evidence."""

from __future__ import annotations

from fastapi import APIRouter

from torkham.web.api import actors, checks, claims, events, meta, relations, search, series, signals, sources

router = APIRouter(prefix="/api/v1")
for _module in (meta, actors, relations, events, series, signals, claims, checks, sources, search):
    router.include_router(_module.router)
