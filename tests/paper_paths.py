"""Where the source paper lives for the tests (a plain module, not a conftest, so any test can import it)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAPER = "000_1cc79c1e65cf21c6.txt"


def paper_dir() -> Path | None:
    """The folder holding the source paper: ../shared/source beside the repository (as in CI)."""
    for candidate in (REPO.parent / "shared" / "source", REPO / "shared" / "source"):
        if (candidate / PAPER).is_file():
            return candidate
    return None
