"""The knowledge fingerprint: what the store's knowledge layer was built from. Kept light (no YAML, no
DuckDB) so that a command can tell whether the store is current before it opens anything."""

from __future__ import annotations

import hashlib
from pathlib import Path

from torkham.kb.workspace import crosswalk_files, knowledge_files_by_root

STORE_SCHEMA_VERSION = "2"
# model.vocabulary.VOCABULARY_FILE, named here without importing the vocabulary's YAML reader
VOCABULARY_FILE = Path(__file__).resolve().parent.parent / "model" / "vocabulary.yaml"


def knowledge_fingerprint(kb_root: Path) -> str:
    """Changes whenever the vocabulary, a knowledge file (of the knowledge folder or the user
    workspace loaded with it) or a crosswalk changes."""
    digest = hashlib.sha256(f"torkham-store-{STORE_SCHEMA_VERSION}\n".encode())
    digest.update(VOCABULARY_FILE.read_bytes())
    roots: list[Path] = []
    for root, path in knowledge_files_by_root(kb_root):
        roots += [] if root in roots else [root]
        digest.update(f"{len(roots)}/{path.relative_to(root)}".encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for path in crosswalk_files(kb_root):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
