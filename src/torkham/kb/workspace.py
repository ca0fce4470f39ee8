"""Which folders make up the knowledge base, and where new knowledge (from `torkham ingest`) is written.

The bundled knowledge lives in the installed package and is never written to. New knowledge goes to a
*workspace*: the `--kb`/TORKHAM_KB folder when one is given (it is then the whole knowledge base, and an
empty folder is a valid one), otherwise TORKHAM_WORKSPACE or `./torkham-knowledge`, which is loaded
together with the bundled knowledge whenever it exists."""

from __future__ import annotations

from pathlib import Path

from torkham import locations
from torkham.errors import TorkhamError

BUNDLED_KNOWLEDGE = Path(locations.BUNDLED_KNOWLEDGE_DIR)
PROPOSED_FOLDER = "proposed"  # <workspace>/proposed/<source-id>/<kind>.yaml: records awaiting review
TEXTS_FOLDER = "texts"  # <workspace>/texts/<source-id>.txt: the extracted text quotes are checked against
REVIEW_LOG = "review-log.yaml"  # <workspace>/review-log.yaml: every accept and reject, never a knowledge file
CROSSWALK_FOLDER = "crosswalks"  # inside the knowledge folder: one file per dataset (torkham.datasets.actors)


def is_bundled(root: Path) -> bool:
    return locations.is_bundled(root)


def workspace_for(kb_root: Path) -> Path:
    """Where `torkham ingest` and `torkham accept` write: the knowledge folder itself, unless it is the
    bundled one (then the user workspace beside it)."""
    if not is_bundled(kb_root):
        return kb_root
    from torkham.config import Settings

    return Settings.load().workspace


def knowledge_roots(kb_root: Path) -> list[Path]:
    """The folders read as one knowledge base: the knowledge folder, then the user workspace when the
    knowledge folder is the bundled one and the workspace exists (locations.knowledge_roots)."""
    return [kb_root, *(Path(root) for root in locations.knowledge_roots(kb_root)[1:])]


def is_knowledge_file(root: Path, path: Path) -> bool:
    """A YAML file of records: not a crosswalk (read by torkham.datasets.actors), not the review log,
    nothing under a hidden folder (staging folders of an ingest in progress)."""
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts) or CROSSWALK_FOLDER in parts[:-1]:
        return False
    return parts != (REVIEW_LOG,) and parts[0] != TEXTS_FOLDER


def knowledge_files_by_root(root: Path) -> list[tuple[Path, Path]]:
    """Every knowledge file with the folder it was found in, in a stable order (the knowledge folder's first)."""
    if not root.is_dir():
        raise TorkhamError(f"knowledge folder {root} does not exist; pass --kb DIR or set TORKHAM_KB")
    found: list[tuple[Path, Path]] = []
    for folder in knowledge_roots(root):
        paths = sorted(p for p in folder.rglob("*.yaml") if p.is_file() and is_knowledge_file(folder, p))
        found.extend((folder, path) for path in paths)
    return found


def crosswalk_files(kb_root: Path) -> list[Path]:
    """The reviewed crosswalks of dataset actor names (read by torkham.datasets.actors)."""
    return sorted((kb_root / CROSSWALK_FOLDER).glob("*.yaml"))
