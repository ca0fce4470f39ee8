"""/api/v1 checks."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
