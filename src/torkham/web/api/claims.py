"""/api/v1 claims."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
