"""/api/v1 series."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
