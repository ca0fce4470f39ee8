"""/api/v1 relations."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
