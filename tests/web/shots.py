"""Screenshots kept as test artefacts (a plain module, so every web test imports the same one)."""

from __future__ import annotations

from pathlib import Path

ARTEFACTS = Path(__file__).resolve().parent.parent.parent / "test-artefacts"


def screenshot(tab, name: str) -> Path:
    """Save a full-page screenshot as a test artefact (test-artefacts/, kept by CI)."""
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
