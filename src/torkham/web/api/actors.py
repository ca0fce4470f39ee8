"""/api/v1 actors."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
